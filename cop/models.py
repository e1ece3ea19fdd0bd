"""Community spaces of the regional community of practice, their members and messages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constants import COUNTRY_SLUGS, PROGRAMME_COUNTRY_CHOICES
from core import wordsplit


class SpaceKind(models.TextChoices):
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    THEMATIC = "thematic", _("Thematic working group")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone verified may join")
    APPROVAL = "approval", _("By approval: a facilitator accepts requests")


class SpaceQuerySet(models.QuerySet):
    def with_member_count(self):
        return self.annotate(
            member_count=models.Count(
                "memberships", filter=models.Q(memberships__status=Membership.Status.ACTIVE)
            )
        )


class Space(models.Model):
    """A place where members talk live: the regional space, one per country, and thematic
    working groups. Its slug names it in URLs (`/spaces/thailand/`)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=SpaceKind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        choices=PROGRAMME_COUNTRY_CHOICES,
        help_text=_("National spaces only."),
    )
    description = models.TextField(_("description"), blank=True)
    join_policy = models.CharField(
        _("who may join"), max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_seq = models.PositiveBigIntegerField(
        default=0, editable=False, help_text="The seq of the space's latest message."
    )

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("space")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    @property
    def group_name(self):
        """The channel-layer group of this space's live connections."""
        return f"space.{self.pk}"

    @property
    def country_slug(self):
        return COUNTRY_SLUGS.get(self.country, "")


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        FACILITATOR = "facilitator", _("Facilitator")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        PENDING = "pending", _("Waiting for approval")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_memberships"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    muted_until = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]

    def __str__(self):
        return f"{self.user} in {self.space}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def is_muted(self, now=None):
        return self.muted_until is not None and self.muted_until > (now or timezone.now())


MAX_SEARCH_WORDS = 8  # a query's words the archive looks for


class MessageQuerySet(models.QuerySet):
    def create_next(self, space, **fields):
        """Store the space's next message: lock the space's row, take the next seq, insert.

        Call inside a transaction: the lock is held until it commits, so within a space
        ids and seqs become visible in order (no lower id committed after a higher one).
        Its `search_text` is made from its body here, the one place messages are made.
        """
        last_seq = (
            Space.objects.select_for_update().filter(pk=space.pk).values_list("last_seq", flat=True)
        ).get()
        fields.setdefault("search_text", wordsplit.search_text(fields.get("body", "")))
        message = self.create(space=space, seq=last_seq + 1, **fields)
        Space.objects.filter(pk=space.pk).update(
            last_seq=message.seq, last_message_at=message.created_at
        )
        return message

    def visible(self):
        return self.select_related("author")

    def after(self, message_id):
        return self.filter(id__gt=message_id).order_by("id")

    def matching(self, query):
        """The messages with every word of `query` in their text, or whose author's name
        contains it. Words are matched as core.wordsplit folds and cuts both the query
        and the stored text (a Thai word inside a sentence, Vietnamese without its tone
        marks, Cyrillic in any case), each as part of a word too ("coop" finds
        "cooperative"). A query without words (punctuation only) is matched as typed."""
        words = wordsplit.search_words(query)[:MAX_SEARCH_WORDS]
        if words:
            text = models.Q(*(models.Q(search_text__contains=word) for word in words))
        else:
            text = models.Q(body__icontains=query)
        return self.filter(text | models.Q(author__name__icontains=query))


class Message(models.Model):
    """A message in a space. The source and the sanitised HTML are both kept; a deleted
    message keeps its row, id and seq.

    Within a space, messages are numbered 1, 2, 3, ... (`seq`, no gaps) and become visible
    in the order of their ids: both are taken under a lock on the space's row held until
    commit (services.post_message), so a client that catches up with ?after=<highest id
    seen> never skips one, and one that sees seq N+2 after N knows it missed one.
    """

    MAX_LENGTH = 4000

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_messages"
    )
    client_id = models.UUIDField(
        help_text=_("Chosen by the sender's client: resends store nothing.")
    )
    seq = models.PositiveBigIntegerField(editable=False)
    body = models.TextField(max_length=MAX_LENGTH)
    body_html = models.TextField()
    # The body folded and cut into words (core.wordsplit.search_text), what the archive's
    # search reads: made with the message (MessageQuerySet.create_next).
    search_text = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_id"], name="one_message_per_client_id"
            ),
            models.UniqueConstraint(fields=["space", "seq"], name="one_message_per_seq"),
        ]
        indexes = [models.Index(fields=["space", "id"])]

    def __str__(self):
        return f"#{self.pk} by {self.author_id} in {self.space_id}"

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class Presence(models.Model):
    """One row per open connection, so every worker knows who is in a space now.

    Rows of a worker that died are ignored once `seen_at` is older than PRESENCE_TTL
    (connections refresh it with their pings)."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("presence")
        indexes = [models.Index(fields=["space", "seen_at"])]

    def __str__(self):
        return f"{self.user_id} in {self.space_id}"


class SpaceEventQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")


class SpaceEvent(models.Model):
    """Something coming up in a space: a meeting, a webinar, a deadline."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    where = models.CharField(
        _("where"), max_length=255, blank=True, help_text=_("A place, or an online link.")
    )
    description = models.TextField(_("description"), blank=True)

    objects = SpaceEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title
