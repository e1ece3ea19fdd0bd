"""Background jobs of the forum (django-tasks: immediate by default, a worker in production).

E-mail notices: a mention, a reply to one's post, a new topic in a followed category and
a moderator's decision are e-mailed at once. Replies in a followed topic are e-mailed at
once for the first one the follower has not read; the ones after it wait (HELD) until
the follower reads the topic (the next one is then e-mailed at once again) or until
`send_due_digests` (the `send_forum_digests` command, run by cron) sends them as one
digest, FORUM_EMAIL_DIGEST_MINUTES after the oldest of them at the earliest.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, send_mass_mail
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from accounts.languages import email_language

EXCERPT = 600


@task()
def send_notification_emails(notification_ids):
    """The e-mail notice of each notification, to people who asked for them, each in the
    recipient's own language."""
    from .models import Notification, NotificationEmail  # noqa: PLC0415 - django-tasks imports tasks before the app registry is ready

    notifications = Notification.objects.filter(
        id__in=notification_ids,
        read_at__isnull=True,
        user__notify_by_email=True,
        email=NotificationEmail.NOW,
    ).select_related("user", "actor", "post__topic")
    messages = []
    for notification in notifications:
        with translation.override(email_language(notification.user.language)):
            messages.append(_message(notification))
    send_mass_mail(messages, fail_silently=False)
    return len(messages)


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


# --- Digests ----------------------------------------------------------------------------
DIGEST_EXCERPT = 300


@task()
def send_forum_digests():
    """The digests that are due (for a DB worker; cron runs the command of the same name)."""
    return send_due_digests()


def send_due_digests(now=None):
    """Send one digest e-mail to each member whose oldest held notification is at least
    FORUM_EMAIL_DIGEST_MINUTES old, listing every post held for them (by topic, in the
    member's language) -> how many e-mails went out.

    Held posts the member has read meanwhile, posts no longer shown, and members who
    turned e-mails off are dropped, not sent. Each member's digest is sent in its own
    transaction with the rows locked (SKIP LOCKED: two runs at once never send one
    twice); if the mail server fails, nothing is marked and the next run retries."""
    from .models import Notification, NotificationEmail  # noqa: PLC0415 - django-tasks imports tasks before the app registry is ready

    now = now or timezone.now()
    due = now - timedelta(minutes=settings.FORUM_EMAIL_DIGEST_MINUTES)
    user_ids = list(
        Notification.objects.filter(email=NotificationEmail.HELD, created_at__lte=due)
        .order_by()
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in user_ids:
        with transaction.atomic():
            sent += _send_digest(user_id)
    return sent


def _send_digest(user_id):
    from .models import Notification, NotificationEmail, TopicRead  # noqa: PLC0415 - django-tasks imports tasks before the app registry is ready

    read = TopicRead.objects.filter(user=OuterRef("user"), topic=OuterRef("post__topic")).values(
        "last_read_number"
    )[:1]
    held = list(
        Notification.objects.filter(user_id=user_id, email=NotificationEmail.HELD)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("user", "actor", "post__topic", "post__author")
        .annotate(read_to=Coalesce(Subquery(read), 0))
        .order_by("post__topic_id", "post__number", "id")
    )
    if not held:
        return 0

    def still_news(n):
        post = n.post
        return (
            n.read_at is None
            and n.user.notify_by_email
            and n.user.is_active
            and post.number > n.read_to
            and post.is_listed
            and post.topic.is_visible
        )

    news = [n for n in held if still_news(n)]
    dropped = [n.id for n in held if not still_news(n)]
    if dropped:
        Notification.objects.filter(id__in=dropped).update(email=NotificationEmail.DROPPED)
    if not news:
        return 0
    user = news[0].user
    with translation.override(email_language(user.language)):
        subject, body = _digest(news)
    EmailMessage(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email]).send(
        fail_silently=False
    )
    Notification.objects.filter(id__in=[n.id for n in news]).update(
        email=NotificationEmail.DIGESTED
    )
    return 1


def _digest(notifications):
    """(subject, text) of one digest: the held posts, grouped by topic."""
    topics = {}
    for notification in notifications:
        topics.setdefault(notification.post.topic, []).append(notification.post)
    count = len(notifications)
    if len(topics) == 1:
        (topic,) = topics
        subject = ngettext(
            "%(count)d new post in “%(topic)s”",
            "%(count)d new posts in “%(topic)s”",
            count,
        ) % {"count": count, "topic": topic.title}
    else:
        subject = ngettext(
            "%(count)d new post in topics you follow",
            "%(count)d new posts in topics you follow",
            count,
        ) % {"count": count}
    subject = " ".join(subject.split())  # a header is one line, whatever a title holds
    lines = [subject, ""]
    for topic, posts in topics.items():
        lines += [f"“{topic.title}”", ""]
        for post in posts:
            text = " ".join(post.body.split())
            excerpt = text if len(text) <= DIGEST_EXCERPT else text[:DIGEST_EXCERPT] + "…"
            lines += [
                f"#{post.number} · {' '.join(post.author.name.split())}",
                excerpt,
                _("Read it: %(url)s")
                % {"url": settings.SITE_URL + reverse("forum_post", args=[post.id])},
                "",
            ]
    lines += [
        ngettext(
            "After the first new post of a topic you follow, the next ones come together "
            "in one e-mail like this, at most once every %(minutes)d minute, until you "
            "read the topic.",
            "After the first new post of a topic you follow, the next ones come together "
            "in one e-mail like this, at most once every %(minutes)d minutes, until you "
            "read the topic.",
            settings.FORUM_EMAIL_DIGEST_MINUTES,
        )
        % {"minutes": settings.FORUM_EMAIL_DIGEST_MINUTES},
        _("Turn them off in your profile: %(url)s")
        % {"url": settings.SITE_URL + reverse("profile")},
    ]
    return subject, "\n".join(lines)
