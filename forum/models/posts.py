"""Categories, topics and posts, the text a post had before each edit, and how far each
member has read a topic.

Counters (topics, replies, last activity) are stored on categories and topics so that lists
read one row per line; `services.refresh_counters` recomputes them after every change.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from accounts.constants import COUNTRY_SLUGS, PROGRAMME_COUNTRY_CHOICES
from core.searchfields import folded_search_fields
from core.wordsplit import search_text


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
        choices=PROGRAMME_COUNTRY_CHOICES,
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

    TITLE_MIN_LENGTH = 5
    TITLE_MAX_LENGTH = 200
    MAX_SLOW_MODE_SECONDS = 7 * 24 * 3600  # one reply a week

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
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
    # The numbers up to last_listed_number that are not listed posts (hidden, waiting,
    # deleted, or gone with their author), as [first, last] ranges in order: with
    # post_count they place every listed post on its page without counting the posts
    # before it (services.reading.TopicPosts). Usually empty; it grows with moderation,
    # not with the topic's length.
    listed_gaps = models.JSONField(default=list, editable=False)
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


class PostState(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Awaiting approval")
    HIDDEN = "hidden", _("Hidden")


# A listed post: published and not deleted, what every reader of its topic sees (the
# partial index `forum_post_listed` is on exactly this; `Post.is_listed` says it of one).
LISTED = Q(state=PostState.PUBLISHED, deleted_at__isnull=True)


class PostQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def listed(self):
        """The listed posts (see LISTED); add `topic__is_visible=True` across topics."""
        return self.filter(LISTED)


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

    # The text and the topic's title (through the first post), folded and cut into words
    # as the forum search folds its query (core.wordsplit), so a Thai, Khmer or Lao word
    # is found inside a sentence. Only forum/search.py searches posts, always folded:
    # the raw text is not indexed besides.
    search_fields = [
        *folded_search_fields(),
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
                condition=LISTED,
                name="forum_post_listed",
            ),
            # The posts a moderator, or their author, sees besides the listed ones: a topic
            # page reads their numbers from here (few rows, however long the topic).
            models.Index(fields=["topic", "number"], condition=~LISTED, name="forum_post_unlisted"),
            models.Index(
                fields=["open_flags"], condition=Q(open_flags__gt=0), name="forum_post_flagged"
            ),
            # The search index keys its entries by the id as text, and the search joins
            # posts to them on `id::varchar(50)`: with this, a search that matches few
            # posts reads those, not every post (docs/benchmarks.md, the forum search).
            models.Index(
                Cast("id", output_field=models.CharField(max_length=50)),
                name="forum_post_search_key",
            ),
        ]

    def __str__(self):
        return f"#{self.number} in {self.topic_id}"

    @property
    def first_post_title(self):
        """Topics are found by their title through their first post."""
        return self.topic.title if self.number == 1 else ""

    def folded_title(self):
        return search_text(self.first_post_title)

    def folded_text(self):
        return search_text(self.body)

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


class TopicRead(models.Model):
    """How far a member has read a topic: the unread markers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    last_read_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_read_mark")]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id} to {self.last_read_number}"
