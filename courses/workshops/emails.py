"""E-mails to registrants (sent after commit by services.py).

`registrations_changed(event, registration_ids)`: one e-mail per registration, in the
recipient's language. Events: confirmed, waiting, pending, promoted, approved,
approved_waiting, rejected, cancelled_by_organiser, workshop_changed, workshop_cancelled.
"""

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Registration


def registrations_changed(event, registration_ids):
    registrations = Registration.objects.filter(pk__in=registration_ids).select_related(
        "user", "workshop"
    )
    for registration in registrations:
        user = registration.user
        with translation.override(user.language or "en"):
            subject = _("%(workshop)s: %(event)s") % {
                "workshop": registration.workshop.title,
                "event": event,
            }
            send_mail(subject, subject, None, [user.email])
