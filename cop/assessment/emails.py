"""The invitation e-mail, sent after the invitation is committed (services.invite,
through core.commit.after_commit), in the inviter's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Invitation


def _language(code):
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def send_invitation(invitation_pk):
    invitation = Invitation.objects.select_related("organization", "invited_by").get(
        pk=invitation_pk
    )
    inviter = invitation.invited_by
    with translation.override(_language(inviter.language if inviter else "")):
        url = settings.SITE_URL + reverse("assessment_invitation", args=[invitation.token])
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _(
            "You are invited to join %(organization)s"
        ) % {"organization": invitation.organization.name}
        body = render_to_string(
            "assessment/email/invitation.txt",
            {"invitation": invitation, "inviter": inviter, "url": url},
        )
    EmailMessage(" ".join(subject.split()), body, None, [invitation.email]).send()
