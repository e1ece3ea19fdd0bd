"""Background jobs of the workshops (django-tasks: immediate by default, a worker in
production).

The day-before reminder: `send_session_reminders` (the `send_workshop_reminders`
command, run by cron every 15 minutes, or a DB worker) e-mails every confirmed
participant of each session that starts within WORKSHOP_REMINDER_HOURS (24) and has not
been reminded. Each session is claimed in its own transaction with SELECT ... FOR
UPDATE SKIP LOCKED and marked (`reminded_at`) before its e-mails go out, so two runs at
once, on any number of workers, never remind a session twice: the second skips the row
the first holds, and after the first commits the row is no longer due. If the mail
server fails, the transaction rolls back, the session stays due and the next run
retries it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django_tasks import task


def reminder_hours():
    return settings.WORKSHOP_REMINDER_HOURS


@task()
def send_session_reminders():
    """The reminders that are due -> how many e-mails went out."""
    return send_due_reminders()


def send_due_reminders(now=None):
    """Remind the confirmed participants of every published workshop's session that
    starts within WORKSHOP_REMINDER_HOURS and was not reminded yet -> the number of
    e-mails sent."""
    from .models import Session  # noqa: PLC0415 - django-tasks imports tasks before the app registry is ready

    now = now or timezone.now()
    due = list(
        _due(Session.objects.all(), now).order_by("starts_at", "id").values_list("id", flat=True)
    )
    sent = 0
    for session_id in due:
        with transaction.atomic():
            sent += _remind(session_id, now)
    return sent


def _due(sessions, now):
    from .constants import Status  # noqa: PLC0415 - see send_due_reminders

    return sessions.filter(
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=reminder_hours()),
        workshop__status=Status.PUBLISHED,
    )


def _remind(session_id, now):
    """Inside a transaction: claim one session (skipped when another run holds it or has
    reminded it), mark it, then e-mail its confirmed participants."""
    from . import emails  # noqa: PLC0415 - see send_due_reminders
    from .models import Registration, Session  # noqa: PLC0415 - see send_due_reminders

    session = (
        _due(Session.objects.filter(pk=session_id), now)
        .select_for_update(skip_locked=True, of=("self",))
        .first()
    )
    if session is None:
        return 0
    session.reminded_at = now
    session.save(update_fields=["reminded_at"])
    registrations = list(
        Registration.objects.filter(workshop_id=session.workshop_id)
        .confirmed()
        .select_related("user", "workshop")
        .prefetch_related(
            Prefetch("workshop__sessions", queryset=Session.objects.order_by("starts_at", "id"))
        )
        .filter(user__is_active=True)
        .order_by("id")
    )
    if not registrations:
        return 0
    connection = get_connection()
    messages = emails.session_reminders(session, registrations, connection=connection)
    return connection.send_messages(messages) or 0
