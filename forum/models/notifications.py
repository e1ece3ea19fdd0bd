"""What notification keeps: who follows which topic or category, and what each member
is told (and whether its e-mail went out at once, waits for the digest, or was dropped)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .posts import Category, Post, Topic


class Subscription(models.Model):
    """A member follows a topic (replies) or a category (new topics)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("subscription")
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=True) ^ Q(category__isnull=True),
                name="subscription_to_one_thing",
            ),
            models.UniqueConstraint(fields=["user", "topic"], name="one_topic_subscription"),
            models.UniqueConstraint(fields=["user", "category"], name="one_category_subscription"),
        ]

    def __str__(self):
        return f"{self.user_id} follows {self.topic or self.category}"


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("mentioned you")
    REPLY_TO_YOU = "reply_to_you", _("replied to your post")
    REPLY = "reply", _("replied in a topic you follow")
    NEW_TOPIC = "new_topic", _("started a topic in a category you follow")
    APPROVED = "approved", _("approved your post")
    MODERATED = "moderated", _("moderated your post")


class NotificationEmail(models.TextChoices):
    """What happens to a notification's e-mail (see forum.tasks: one e-mail, then a digest)."""

    NOW = "now", _("E-mailed at once")
    HELD = "held", _("Waiting for the digest")
    DIGESTED = "digested", _("E-mailed in a digest")
    DROPPED = "dropped", _("Read before the digest went out")


class Notification(models.Model):
    """Something a member is told about. A reply in a followed topic is e-mailed at once
    only if the member has read the topic since the last one; otherwise it is HELD, and
    `send_forum_digests` sends what is held as one digest e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email = models.CharField(
        max_length=8, choices=NotificationEmail.choices, default=NotificationEmail.NOW
    )

    class Meta:
        verbose_name = _("notification")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="forum_notification_unread"),
            models.Index(
                fields=["created_at"],
                condition=Q(email="held"),
                name="forum_notification_held",
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.user_id} on {self.post_id}"
