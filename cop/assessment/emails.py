"""The invitation e-mail, sent after the invitation is committed (services.invite,
through core.commit.after_commit). It speaks to the invited person: in their language and
time zone when the address already has an account, else in the inviter's."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.languages import email_language
from core import times

from .models import Invitation


def _reader(invitation):
    """Whom the e-mail is read by: the account of the invited address, else the inviter."""
    invitee = get_user_model().objects.filter(email__iexact=invitation.email).first()
    return invitee or invitation.invited_by


def send_invitation(invitation_pk):
    invitation = Invitation.objects.select_related("organization", "invited_by").get(
        pk=invitation_pk
    )
    inviter = invitation.invited_by
    reader = _reader(invitation)
    zone = times.reader_zone(reader)
    with translation.override(email_language(reader.language if reader else "")):
        url = settings.SITE_URL + reverse("assessment_invitation", args=[invitation.token])
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _(
            "You are invited to join %(organization)s"
        ) % {"organization": invitation.organization.name}
        body = render_to_string(
            "assessment/email/invitation.txt",
            {
                "invitation": invitation,
                "inviter": inviter,
                "url": url,
                "until": times.format_time(invitation.expires_at, zone),
                "zone": zone,
            },
        )
    EmailMessage(" ".join(subject.split()), body, None, [invitation.email]).send()
