"""E-mails to registrants (sent after commit by services.py) and session reminders.

`registrations_changed(event, registration_ids)`: one e-mail per registration, in the
recipient's language and with times in the recipient's time zone (the workshop's
beside them), with the workshop's .ics attached (METHOD:REQUEST, or CANCEL when the
registration or the workshop is cancelled). Events: confirmed, waiting, pending,
promoted, approved, approved_waiting, rejected, cancelled_by_organiser,
workshop_changed, workshop_cancelled. All of them go out on one connection.

`session_reminders(session, registrations)`: the day-before reminder (tasks.py).
"""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.languages import email_language

from . import ics
from .constants import RegistrationStatus
from .models import Registration, Session
from .times import for_reader, span

EVENTS = (
    "confirmed",
    "waiting",
    "pending",
    "promoted",
    "approved",
    "approved_waiting",
    "rejected",
    "cancelled_by_organiser",
    "workshop_changed",
    "workshop_cancelled",
)
# The events whose attached calendar removes the workshop from the recipient's.
CANCELLING = {"rejected", "cancelled_by_organiser", "workshop_cancelled"}


def _subject(event, title):
    subjects = {
        "confirmed": _("You are registered: %(workshop)s"),
        "waiting": _("You are on the waiting list: %(workshop)s"),
        "pending": _("Your registration awaits approval: %(workshop)s"),
        "promoted": _("A seat is yours: %(workshop)s"),
        "approved": _("Your registration is approved: %(workshop)s"),
        "approved_waiting": _("Approved, on the waiting list: %(workshop)s"),
        "rejected": _("Your registration was not approved: %(workshop)s"),
        "cancelled_by_organiser": _("Your registration was cancelled: %(workshop)s"),
        "workshop_changed": _("Times changed: %(workshop)s"),
        "workshop_cancelled": _("Cancelled: %(workshop)s"),
        "reminder": _("Reminder: %(workshop)s"),
    }
    subject = subjects[event] % {"workshop": title}
    # One header line, whatever the title holds.
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())


def _calendar_part(content, method):
    part = MIMEText(content.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="workshop.ics")
    return part


def _context(registration, event, *, session=None):
    workshop = registration.workshop
    user = registration.user
    show = for_reader(user)
    sessions = [
        {"session": s, "span": span(show(s.starts_at, workshop), show(s.ends_at, workshop))}
        for s in workshop.ordered_sessions()
    ]
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    return {
        "event": event,
        "user": user,
        "workshop": workshop,
        "registration": registration,
        "sessions": sessions,
        "session": session
        and {
            "session": session,
            "span": span(show(session.starts_at, workshop), show(session.ends_at, workshop)),
        },
        "joining_link": workshop.joining_link if confirmed and not workshop.is_cancelled else "",
        "deadline": show(workshop.cancellation_deadline(), workshop),
        "url": settings.SITE_URL + workshop.get_absolute_url(),
        "feed_url": settings.SITE_URL + reverse("workshop_feed_settings"),
    }


def message_for(registration, event, *, connection=None):
    """The EmailMessage telling `registration`'s member about `event`, in their
    language, with the calendar attached."""
    with translation.override(email_language(registration.user.language)):
        context = _context(registration, event)
        body = render_to_string(f"workshops/email/{event}.txt", context)
        message = EmailMessage(
            _subject(event, registration.workshop.title),
            body,
            None,
            [registration.user.email],
            connection=connection,
        )
    cancel = event in CANCELLING
    content = ics.invitation_ics(registration, cancel=cancel)
    message.attach(_calendar_part(content, "CANCEL" if cancel else "REQUEST"))
    return message


def _registrations(ids):
    return (
        Registration.objects.filter(pk__in=ids)
        .select_related("user", "workshop")
        .prefetch_related(
            Prefetch("workshop__sessions", queryset=Session.objects.order_by("starts_at", "id"))
        )
        .order_by("id")
    )


def registrations_changed(event, registration_ids):
    """E-mail each registration's member about `event` -> how many e-mails went out."""
    if event not in EVENTS:
        raise ValueError(f"unknown workshop e-mail event: {event}")
    registrations = [r for r in _registrations(registration_ids) if r.user.email]
    if not registrations:
        return 0
    connection = get_connection()
    messages = [message_for(r, event, connection=connection) for r in registrations]
    return connection.send_messages(messages) or 0


def session_reminders(session, registrations, *, connection=None):
    """The reminders of `session` (prefetched workshop sessions) to `registrations`
    -> the EmailMessages, each in its recipient's language."""
    messages = []
    for registration in registrations:
        if not registration.user.email:
            continue
        with translation.override(email_language(registration.user.language)):
            context = _context(registration, "reminder", session=session)
            messages.append(
                EmailMessage(
                    _subject("reminder", registration.workshop.title),
                    render_to_string("workshops/email/reminder.txt", context),
                    None,
                    [registration.user.email],
                    connection=connection,
                )
            )
    return messages
