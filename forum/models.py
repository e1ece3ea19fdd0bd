"""The forum: categories, topics, posts, and what moderation and notification keep about them.

Counters (topics, replies, last activity) are stored on categories and topics so that lists
read one row per line; `services.refresh_counters` recomputes them after every change.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from accounts.constants import COUNTRY_SLUGS, Country


class CategoryKind(models.TextChoices):
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    THEMATIC = "thematic", _("Thematic")


class ReadAccess(models.TextChoices):
    PUBLIC = "public", _("Anyone, signed in or not")
    MEMBERS = "members", _("Signed-in members only")


class PostAccess(models.TextChoices):
    MEMBERS = "members", _("Every member")
    MODERATORS = "moderators", _("Moderators only (announcements)")


class Category(models.Model):
    """A place for topics. Its slug names it in URLs (`/forum/c/thailand/`)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CategoryKind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        choices=[(c.value, c.label) for c in Country if c != Country.OTHER],
        help_text=_("National categories only: its focal point moderates it."),
    )
    read_access = models.CharField(
        _("who may read"), max_length=10, choices=ReadAccess.choices, default=ReadAccess.PUBLIC
    )
    post_access = models.CharField(
        _("who may start topics and reply"),
        max_length=10,
        choices=PostAccess.choices,
        default=PostAccess.MEMBERS,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    topic_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_posted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    @property
    def country_slug(self):
        return COUNTRY_SLUGS.get(self.country, "")


class Topic(models.Model):
    """A discussion: its first post and the replies after it, numbered from 1.

    `is_visible` says the first post is published: a topic waiting for approval, or whose
    first post is hidden, is seen only by its author and its moderators.
    """

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_topics"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_visible = models.BooleanField(default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    slow_mode_seconds = models.PositiveIntegerField(
        _("slow mode"), default=0, help_text=_("Each member may reply once in this many seconds.")
    )
    # Kept by services.refresh_counters:
    last_number = models.PositiveIntegerField(default=0, editable=False)
    last_listed_number = models.PositiveIntegerField(default=0, editable=False)
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Posts every reader sees, the first one included.")
    )
    last_posted_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("topic")
        indexes = [
            models.Index(
                fields=["category", "is_visible", "-is_pinned", "-last_posted_at"],
                name="forum_topic_list",
            ),
            models.Index(fields=["is_visible", "-last_posted_at"], name="forum_topic_latest"),
        ]

    def __str__(self):
        return self.title

    @property
    def group_name(self):
        """The channel-layer group of the people reading this topic live."""
        return f"forum.topic.{self.pk}"


class PostState(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Awaiting approval")
    HIDDEN = "hidden", _("Hidden")


class PostQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def listed(self):
        """Published, not deleted, in a visible topic: what every reader may see."""
        return self.filter(
            state=PostState.PUBLISHED, deleted_at__isnull=True, topic__is_visible=True
        )


class Post(index.Indexed, models.Model):
    """A post: its Markdown source and the sanitised HTML that is shown."""

    MAX_LENGTH = 20_000

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_posts"
    )
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("text"), max_length=MAX_LENGTH)
    body_html = models.TextField()
    state = models.CharField(max_length=10, choices=PostState.choices, default=PostState.PUBLISHED)
    state_reason = models.CharField(
        max_length=500, blank=True, help_text=_("Why it waits for approval, or why it is hidden.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    open_flags = models.PositiveIntegerField(default=0)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The idempotency token of the form that made the post (a uuid4 made when the form
    # was shown): the same form sent twice (a double click, two workers) makes one post.
    # Empty on posts made otherwise (the seeder, older posts).
    submit_token = models.UUIDField(null=True, blank=True, editable=False)

    objects = PostQuerySet.as_manager()

    search_fields = [
        index.SearchField("body"),
        index.SearchField("first_post_title", boost=2),
        index.FilterField("state"),
        index.FilterField("deleted_at"),
        index.RelatedFields(
            "topic", [index.FilterField("category"), index.FilterField("is_visible")]
        ),
    ]

    class Meta:
        verbose_name = _("post")
        ordering = ["topic", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="one_post_per_number"),
            models.UniqueConstraint(
                fields=["author", "submit_token"],
                condition=Q(submit_token__isnull=False),
                name="one_post_per_submit",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "created_at"], name="forum_post_state"),
            models.Index(
                fields=["topic", "number"],
                condition=Q(state="published", deleted_at__isnull=True),
                name="forum_post_listed",
            ),
            models.Index(
                fields=["open_flags"], condition=Q(open_flags__gt=0), name="forum_post_flagged"
            ),
        ]

    def __str__(self):
        return f"#{self.number} in {self.topic_id}"

    @property
    def first_post_title(self):
        """Topics are found by their title through their first post."""
        return self.topic.title if self.number == 1 else ""

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_listed(self):
        return self.state == PostState.PUBLISHED and not self.is_deleted


class PostRevision(models.Model):
    """The text a post had before an edit, with who changed it and why."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    body_html = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("post revision")
        ordering = ["-edited_at", "-id"]

    def __str__(self):
        return f"revision of {self.post_id} at {self.edited_at:%Y-%m-%d %H:%M}"


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


class TopicRead(models.Model):
    """How far a member has read a topic: the unread markers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    last_read_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_read_mark")]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id} to {self.last_read_number}"


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
