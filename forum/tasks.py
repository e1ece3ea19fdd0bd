"""Background jobs of the forum (django-tasks: immediate by default, a worker in production)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

EXCERPT = 600


@task()
def send_notification_emails(notification_ids):
    """The e-mail notice of each notification, to people who asked for them, each in the
    recipient's own language."""
    from .models import Notification

    notifications = Notification.objects.filter(
        id__in=notification_ids, read_at__isnull=True, user__notify_by_email=True
    ).select_related("user", "actor", "post__topic")
    messages = []
    for notification in notifications:
        with translation.override(_interface_language(notification.user.language)):
            messages.append(_message(notification))
    send_mass_mail(messages, fail_silently=False)
    return len(messages)


def _interface_language(code):
    """The recipient's language if the interface has it (its links then open in it)."""
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def _message(notification):
    post = notification.post
    actor = notification.actor.name if notification.actor else _("The moderators")
    subject = _("%(actor)s %(what)s: “%(topic)s”") % {
        "actor": actor,
        "what": notification.get_kind_display(),
        "topic": post.topic.title,
    }
    subject = " ".join(subject.split())  # one header line, whatever a name or title holds
    excerpt = post.body if len(post.body) <= EXCERPT else post.body[:EXCERPT] + "…"
    lines = [subject, ""]
    if notification.detail:
        lines += [_("Reason: %(reason)s") % {"reason": notification.detail}, ""]
    lines += [
        excerpt,
        "",
        _("Read it: %(url)s") % {"url": settings.SITE_URL + reverse("forum_post", args=[post.id])},
        "",
        _("You get these e-mails because you follow this topic or someone mentioned you.")
        + " "
        + _("Turn them off in your profile: %(url)s")
        % {"url": settings.SITE_URL + reverse("profile")},
    ]
    return (
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        "\n".join(lines),
        None,
        [notification.user.email],
    )
