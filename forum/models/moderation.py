"""What moderation keeps: members' flags on posts, the watched words, and the log of
every moderation action."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from .posts import Category, Post, Topic

# The longest suspension a moderator may set (forum.services.suspend), in days.
MAX_SUSPENSION_DAYS = 365


class FlagReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("Off topic")
    INAPPROPRIATE = "inappropriate", _("Inappropriate: rude, abusive or hateful")
    SPAM = "spam", _("Spam or advertising")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    """A member's report of a post. Open until a moderator reviews it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_flags"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=FlagReason.choices)
    detail = models.CharField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("flag")
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="one_flag_per_member")]

    def __str__(self):
        return f"{self.get_reason_display()} on {self.post_id} by {self.user_id}"


WATCHED_WORDS_CACHE_KEY = "forum-watched-words"


class WatchedWordAction(models.TextChoices):
    BLOCK = "block", _("Block the post")
    APPROVE = "approve", _("Hold the post for approval")


class WatchedWord(models.Model):
    """A word or phrase moderators watch for. `*` matches any letters."""

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    action = models.CharField(_("action"), max_length=8, choices=WatchedWordAction.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("watched word")
        ordering = ["word"]

    def __str__(self):
        return self.word

    # Posts are checked against a cached list; any change (here, or in the Django admin)
    # clears it for every worker.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(WATCHED_WORDS_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(WATCHED_WORDS_CACHE_KEY)
        return result


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Approved a post")
    REJECT = "reject", _("Rejected a post")
    HIDE = "hide", _("Hid a post")
    AUTO_HIDE = "auto_hide", _("Hid a post after flags")
    UNHIDE = "unhide", _("Unhid a post")
    DISMISS_FLAGS = "dismiss_flags", _("Dismissed flags")
    EDIT = "edit", _("Edited a post")
    LOCK = "lock", _("Locked a topic")
    UNLOCK = "unlock", _("Unlocked a topic")
    PIN = "pin", _("Pinned a topic")
    UNPIN = "unpin", _("Unpinned a topic")
    MOVE = "move", _("Moved a topic")
    SLOW_MODE = "slow_mode", _("Set slow mode")
    SUSPEND = "suspend", _("Suspended a member")
    UNSUSPEND = "unsuspend", _("Lifted a suspension")
    WATCH_WORD = "watch_word", _("Added a watched word")
    UNWATCH_WORD = "unwatch_word", _("Removed a watched word")


class ModerationLogQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("actor", "target_user", "topic", "category")


class ModerationLog(models.Model):
    """Every moderation action: who did what to what, why, and when. Never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the system acted (a post hidden by flags)."),
    )
    action = models.CharField(max_length=16, choices=ModerationAction.choices)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ModerationLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.action} by {self.actor_id} at {self.created_at:%Y-%m-%d %H:%M}"
