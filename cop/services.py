"""Rules of the community spaces: membership, messages, moderation, presence.

Views, the consumer, commands and tests call these. A message is stored before anyone is
told about it; the broadcast to the space's channel-layer group happens after commit,
serialised once for every receiver. The live consumer stores the messages that arrive
together in one transaction (`store_messages`) and broadcasts them in one event per
space (`message_events`).
"""

import json
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.templatetags.members import member_url
from core import ratelimit, wordsplit
from core.commit import after_commit
from core.decisions import AlreadyDecided, decide
from core.text import UnsafeText, check_user_text, is_blank, render_markdown

from .models import Membership, Message, Presence, Space

RATE_WINDOW = 10  # seconds; settings.SPACES_MESSAGES_PER_10_SECONDS messages in it
PRESENCE_TTL = timedelta(seconds=90)
HISTORY_PAGE = 50


class MessageError(ValueError):
    """A message refused; `code` is the protocol's error code."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code
        self.detail = detail


# --- Membership -------------------------------------------------------------------------
def membership_of(user, space):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(space=space, user=user).first()


def join(user, space):
    """Join an open space, or ask to join one by approval. Idempotent."""
    status = Membership.Status.ACTIVE if space.join_policy == "open" else Membership.Status.PENDING
    membership, _ = Membership.objects.get_or_create(
        space=space, user=user, defaults={"status": status}
    )
    return membership


def leave(user, space):
    """Leave a space; the member's open connections to it are closed."""
    Membership.objects.filter(space=space, user=user).delete()
    after_commit(notify_connections, space, {"action": "left", "user": user.pk})


def approve(membership):
    """Accept a request to join. One decision: a second approval (another facilitator at
    the same moment, a double click) is refused with AlreadyDecided."""
    with decide(
        Membership.objects.all(),
        membership.pk,
        still=lambda row: row.status == Membership.Status.PENDING,
        refusal=AlreadyDecided(_("Someone else has already decided on this request.")),
    ) as row:
        row.status = Membership.Status.ACTIVE
        row.save(update_fields=["status"])
    return row


def mute(membership, *, minutes):
    """Mute a member in a space for `minutes` from now; their open connections are closed.
    The row is locked, so two mutes at once end with one of them, told once."""
    with decide(Membership.objects.select_related("space"), membership.pk) as row:
        row.muted_until = timezone.now() + timedelta(minutes=minutes)
        row.save(update_fields=["muted_until"])
        after_commit(notify_connections, row.space, {"action": "muted", "user": row.user_id})
    return row


# --- Messages ---------------------------------------------------------------------------
def _unprefixed(reverse_url, *args):
    with translation.override(settings.LANGUAGE_CODE):
        return reverse_url(*args)


def serialise(message):
    return {
        "type": "message",
        "id": message.id,
        "seq": message.seq,
        "client_id": str(message.client_id),
        "author": {
            "id": message.author_id,
            "name": message.author.name,
            # Their public page ("" for none), unprefixed: one frame goes to readers of
            # every language, and space.js puts the reader's page's prefix before it.
            "url": _unprefixed(member_url, message.author),
        },
        "body_html": message.body_html,
        "created": message.created_at.isoformat(),
    }


def frame(message):
    """The protocol frame that tells a client about `message` as it is now."""
    if message.is_deleted:
        return deleted_frame(message)
    return serialise(message)


def deleted_frame(message):
    # seq too, so a client catching up counts a deleted message as seen, not missed.
    return {"type": "message.deleted", "id": message.id, "seq": message.seq}


def broadcast(space, payload):
    """Send `payload` to every connection in `space`, on every worker. The JSON text is
    made once here, not once per receiver."""
    async_to_sync(get_channel_layer().group_send)(
        space.group_name, {"type": "space.event", "text": json.dumps(payload)}
    )


def notify_connections(space, event):
    """A control event for the space's connections themselves (not sent to clients)."""
    async_to_sync(get_channel_layer().group_send)(
        space.group_name, {"type": "space.control", **event}
    )


def rate_limited(user_id):
    """Too many messages in the last RATE_WINDOW seconds (counted in the cache, so every
    worker shares the count)."""
    return ratelimit.hit(
        f"space-rate:{user_id}", settings.SPACES_MESSAGES_PER_10_SECONDS, RATE_WINDOW
    )


def post_message(space, author, body, client_id):
    """Store a message and broadcast it; (message, created).

    The same client_id again stores nothing new, broadcasts nothing and returns the
    stored message (the sender is acked again; everyone else has it, or will notice the
    gap in `seq` and fetch it). Raises MessageError.
    """
    existing = (
        Message.objects.filter(author=author, client_id=client_id).select_related("author").first()
    )
    if existing is not None:
        if existing.space_id != space.id:
            raise MessageError("bad_request", _("That client_id belongs to another space."))
        return existing, False
    try:
        body = check_user_text(body or "").strip()
    except UnsafeText as error:
        raise MessageError("bad_request", error.message) from None
    if is_blank(body):
        raise MessageError("bad_request", _("A message needs some text."))
    if len(body) > Message.MAX_LENGTH:
        raise MessageError(
            "too_long",
            _("A message is at most %(limit)d characters.") % {"limit": Message.MAX_LENGTH},
        )
    if rate_limited(author.id):
        raise MessageError("rate_limited", _("Too many messages: wait a few seconds."))
    try:
        with transaction.atomic():
            message = Message.objects.create_next(
                space,
                author=author,
                client_id=client_id,
                body=body,
                body_html=render_markdown(body),
            )
    except IntegrityError:  # the same client_id, stored by a parallel request
        message = Message.objects.select_related("author").get(author=author, client_id=client_id)
        return message, False
    # Robust: if Redis is down the message is still stored and acked; the others notice
    # the gap in `seq` with the next message and fetch it.
    after_commit(broadcast, space, serialise(message))
    return message, True


def _checked(space, author, body, client_id, existing):
    """A Message ready to insert (seq and id to come), (message, False) for a client_id
    already stored, or a MessageError: what post_message checks, in its order."""
    if existing is not None:
        if existing.space_id != space.id:
            return MessageError("bad_request", _("That client_id belongs to another space."))
        return existing, False
    try:
        body = check_user_text(body if isinstance(body, str) else "").strip()
    except UnsafeText as error:
        return MessageError("bad_request", error.message)
    if is_blank(body):
        return MessageError("bad_request", _("A message needs some text."))
    if len(body) > Message.MAX_LENGTH:
        return MessageError(
            "too_long",
            _("A message is at most %(limit)d characters.") % {"limit": Message.MAX_LENGTH},
        )
    if rate_limited(author.id):
        return MessageError("rate_limited", _("Too many messages: wait a few seconds."))
    return Message(
        space=space,
        author=author,
        client_id=client_id,
        body=body,
        body_html=render_markdown(body),
        search_text=wordsplit.search_text(body),
    )


def store_messages(requests):
    """Store the messages of several senders at once, in ONE transaction; nothing is
    broadcast (the caller sends `message_events` of the created ones once it has acked).

    `requests`: [(space, author, body, client_id, language)]; returns one outcome per
    request, in order: (message, created) or a MessageError (its detail in `language`).
    The rules are post_message's, each request judged alone: a request refused (invalid
    text, rate limit, a client_id of another space) refuses only itself; a client_id
    already stored, or twice in the batch, is (that message, False). Within a space the
    new messages take consecutive seqs and ids in request order, under the space's row
    lock, and become visible together at commit. If the commit fails, none is stored and
    the error is raised. If a client_id is stored by a parallel request meanwhile (the
    one IntegrityError a batch can meet), the batch is stored one message at a time.
    """
    client_ids = {client_id for _space, _author, _body, client_id, _lang in requests}
    stored = {
        (m.author_id, m.client_id): m
        for m in Message.objects.filter(client_id__in=client_ids).select_related("author")
    }
    outcomes, fresh, first = [], [], {}
    for n, (space, author, body, client_id, language) in enumerate(requests):
        key = (author.id, client_id)
        if key in first:  # the same send twice in one batch: the first one stands
            outcomes.append(first[key])
            continue
        with translation.override(language):
            outcome = _checked(space, author, body, client_id, stored.get(key))
        if isinstance(outcome, Message):
            first[key] = n
            fresh.append(n)
        outcomes.append(outcome)
    new = [outcomes[n] for n in fresh]
    if new:
        try:
            _insert(new)
        except IntegrityError:  # a parallel request stored one of these client_ids
            for n in fresh:
                outcomes[n] = _insert_alone(outcomes[n])
        else:
            for n in fresh:
                outcomes[n] = (outcomes[n], True)
    # A repeat within the batch points at its first occurrence: the same message, not new.
    return [
        (outcomes[outcome][0], False) if isinstance(outcome, int) else outcome
        for outcome in outcomes
    ]


def _insert(messages):
    """Insert `messages` (of one or more spaces) in one transaction: each space's row
    locked (in id order: two batches never wait for each other in a circle), the next
    seqs taken, one INSERT per space, the space's last_seq moved on."""
    by_space = {}
    for message in messages:
        by_space.setdefault(message.space_id, []).append(message)
    with transaction.atomic():
        for space_id in sorted(by_space):
            batch = by_space[space_id]
            last_seq = (
                Space.objects.select_for_update()
                .filter(pk=space_id)
                .values_list("last_seq", flat=True)
                .get()
            )
            for n, message in enumerate(batch, start=1):
                message.seq = last_seq + n
            Message.objects.bulk_create(batch)
            Space.objects.filter(pk=space_id).update(
                last_seq=batch[-1].seq, last_message_at=batch[-1].created_at
            )


def _insert_alone(message):
    try:
        with transaction.atomic():
            _insert([message])
    except IntegrityError:  # this one was stored by the parallel request
        message = Message.objects.select_related("author").get(
            author=message.author, client_id=message.client_id
        )
        return message, False
    return message, True


def message_events(messages):
    """The channel-layer events that tell every connection about `messages` (new ones,
    in id order): one per space and about 64 KB of frames, each frame's JSON made once."""
    events, texts, size, group = [], [], 0, None
    for message in messages:
        text = json.dumps(serialise(message))
        name = message.space.group_name
        if texts and (name != group or size + len(text) > 64 * 1024):
            events.append((group, {"type": "space.events", "texts": texts}))
            texts, size = [], 0
        group = name
        texts.append(text)
        size += len(text)
    if texts:
        events.append((group, {"type": "space.events", "texts": texts}))
    return events


def delete_message(message, by):
    """Soft-delete: the row (and its id) stays, the text goes from every screen."""
    if message.deleted_at is None:
        message.deleted_at = timezone.now()
        message.deleted_by = by
        message.save(update_fields=["deleted_at", "deleted_by"])
        after_commit(broadcast, message.space, deleted_frame(message))
    return message


def messages_after(space, after_id):
    return Message.objects.filter(space=space).visible().after(after_id)


def messages_since(space, after, limit=HISTORY_PAGE):
    """The first `limit` messages after id `after`, deleted ones included (as frames say
    them), and whether there are more: how a client fills a gap in `seq`."""
    page = list(messages_after(space, after)[: limit + 1])
    return page[:limit], len(page) > limit


def history(space, before=None, limit=HISTORY_PAGE):
    """The `limit` messages before id `before` (the latest if None), oldest first, and
    whether there are older ones."""
    messages = Message.objects.filter(space=space).visible().order_by("-id")
    if before is not None:
        messages = messages.filter(id__lt=before)
    page = list(messages[: limit + 1])
    return list(reversed(page[:limit])), len(page) > limit


# --- Presence ---------------------------------------------------------------------------
def arrive(space, user, channel_name):
    """Record a new connection (its channel name is new: a plain insert) -> who is online.
    Rows left by a worker that died, not refreshed by pings any more, are swept here."""
    Presence.objects.filter(space=space, seen_at__lt=timezone.now() - PRESENCE_TTL).delete()
    Presence.objects.create(space=space, user=user, channel_name=channel_name)
    return online(space)


def still_here(channel_name):
    Presence.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def depart(space, channel_name):
    Presence.objects.filter(channel_name=channel_name).delete()
    return online(space)


def online(space):
    """[{id, name}] of the people connected to `space` now, on any worker."""
    rows = (
        Presence.objects.filter(space=space, seen_at__gt=timezone.now() - PRESENCE_TTL)
        .values_list("user_id", "user__name")
        .distinct()
        .order_by("user__name")
    )
    return [{"id": user_id, "name": name} for user_id, name in rows]
