"""The live discussion protocol (docs/design.md), through the real ASGI application."""

import asyncio
import json
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import translation

from config.asgi import application
from cop.models import Membership, Message, Space
from tests.accounts.factories import UserFactory
from tests.cop.conftest import HOST, ORIGIN, connect, frames_until, session_cookie

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


@database_sync_to_async
def make_space(**fields):
    """A fresh national space of its own (the seeded ones have history)."""
    slug = f"space-{uuid.uuid4().hex[:8]}"
    return Space.objects.create(slug=slug, name=slug, kind="national", country="TH", **fields)


@database_sync_to_async
def make_member(space, role="member", **fields):
    person = UserFactory(**fields)
    Membership.objects.create(space=space, user=person, role=role)
    return person


def send(text="Hello **solidarity**", client_id=None):
    return {"type": "message.send", "client_id": str(client_id or uuid.uuid4()), "body": text}


@database_sync_to_async
def stored(**filters):
    return list(Message.objects.filter(**filters).order_by("id").values_list("id", "body"))


async def test_a_message_is_stored_then_acked_and_broadcast_sanitised():
    space = await make_space()
    alice, bob = await make_member(space, name="Alice"), await make_member(space, name="Bob")
    a, b = await connect(alice, space.slug), await connect(bob, space.slug)
    await frames_until(a, "presence")
    await frames_until(b, "presence")
    client_id = str(uuid.uuid4())

    await a.send_json_to(send("Hi <script>x</script> **all**", client_id))
    seen_by_a = await frames_until(a, "ack")
    seen_by_b = await frames_until(b, "message")

    rows = await stored(space=space)
    assert len(rows) == 1
    ack = seen_by_a[-1]
    assert ack == {"type": "ack", "client_id": client_id, "id": rows[0][0]}
    message = seen_by_b[-1]
    assert message["id"] == rows[0][0]
    assert message["author"] == {  # with a link to the author's public page
        "id": alice.id,
        "name": "Alice",
        "url": f"/members/{alice.handle}/",
    }
    assert message["body_html"] == "<p>Hi &lt;script&gt;x&lt;/script&gt; <strong>all</strong></p>\n"
    assert message["client_id"] == client_id
    await a.disconnect()
    await b.disconnect()


async def test_the_same_client_id_again_stores_nothing_and_acks_the_same_id():
    space = await make_space()
    alice = await make_member(space)
    a = await connect(alice, space.slug)
    frame = send("Once only")

    await a.send_json_to(frame)
    first = (await frames_until(a, "ack"))[-1]
    await a.send_json_to(frame)
    second = (await frames_until(a, "ack"))[-1]

    assert first == second
    assert len(await stored(space=space)) == 1
    await a.disconnect()


async def test_refusals_when_not_logged_in_not_a_member_or_muted():
    from django.utils import timezone

    space = await make_space()
    outsider = await database_sync_to_async(UserFactory)()
    muted = await make_member(space)
    await database_sync_to_async(Membership.objects.filter(user=muted).update)(
        muted_until=timezone.now() + timezone.timedelta(hours=1)
    )

    for who, code in ((None, 4401), (outsider, 4403), (muted, 4403)):
        communicator = await connect(who, space.slug)
        closed = await communicator.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": code}, who


async def test_an_unknown_space_is_refused_like_a_forbidden_one():
    alice = await database_sync_to_async(UserFactory)()
    communicator = await connect(alice, "no-such-space")

    assert await communicator.receive_output(timeout=5) == {"type": "websocket.close", "code": 4403}


async def test_another_origin_is_refused():
    space = await make_space()
    alice = await make_member(space)
    from channels.testing import WebsocketCommunicator

    from config.asgi import application
    from tests.cop.conftest import session_cookie

    communicator = WebsocketCommunicator(
        application,
        f"/ws/spaces/{space.slug}/",
        headers=[(b"origin", b"https://evil.example"), await session_cookie(alice)],
    )
    connected, _ = await communicator.connect()

    assert connected is False


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("not json", "bad_request"),
        (json.dumps([1, 2]), "bad_request"),
        (json.dumps({"type": "dance"}), "bad_request"),
        (json.dumps({"type": "message.send", "client_id": "nope", "body": "x"}), "bad_request"),
        (
            json.dumps({"type": "message.send", "client_id": str(uuid.uuid4()), "body": ""}),
            "bad_request",
        ),
        (json.dumps(send("x" * 4001)), "too_long"),
        (json.dumps({"type": "ping", "pad": "x" * (64 * 1024)}), "too_long"),
        # Under 64 Ki characters, over 64 KiB: Thai takes three bytes a character.
        (json.dumps({"type": "ping", "pad": "ก" * 30_000}, ensure_ascii=False), "too_long"),
        (json.dumps({"type": "message.delete", "id": "7"}), "bad_request"),
    ],
)
async def test_bad_frames_get_an_error_and_the_connection_stays_usable(raw, code):
    space = await make_space()
    alice = await make_member(space)
    a = await connect(alice, space.slug)
    await frames_until(a, "presence")

    await a.send_to(text_data=raw)
    error = await a.receive_json_from(timeout=5)
    await a.send_json_to({"type": "ping"})
    pong = await frames_until(a, "pong")

    assert error["type"] == "error"
    assert error["code"] == code
    assert pong[-1] == {"type": "pong"}
    assert await stored(space=space) == []
    await a.disconnect()


async def test_more_than_ten_messages_in_ten_seconds_is_rate_limited():
    space = await make_space()
    alice = await make_member(space)
    a = await connect(alice, space.slug)

    for n in range(10):
        await a.send_json_to(send(f"message {n}"))
        await frames_until(a, "ack")
    await a.send_json_to(send("one too many"))
    refused = await frames_until(a, "error")

    assert refused[-1]["code"] == "rate_limited"
    assert len(await stored(space=space)) == 10
    await a.disconnect()


async def test_catch_up_replays_everything_after_the_given_id_in_order():
    space = await make_space()
    alice, bob = await make_member(space), await make_member(space)
    a = await connect(alice, space.slug)
    ids = []
    for n in range(5):
        await a.send_json_to(send(f"m{n}"))
        ids.append((await frames_until(a, "ack"))[-1]["id"])

    b = await connect(bob, space.slug, after=ids[1])
    replayed = [f for f in await frames_until(b, "presence") if f["type"] == "message"]

    assert [f["id"] for f in replayed] == ids[2:]
    assert [f["body_html"] for f in replayed] == ["<p>m2</p>\n", "<p>m3</p>\n", "<p>m4</p>\n"]
    await a.disconnect()
    await b.disconnect()


async def test_messages_stored_while_connecting_are_not_lost():
    """The consumer joins its group before it reads the replay: a message stored at any
    moment reaches the client by one path or the other (maybe both; ids dedupe)."""
    space = await make_space()
    alice, bob = await make_member(space), await make_member(space)
    a = await connect(alice, space.slug)
    await frames_until(a, "presence")

    async def talk():
        for n in range(8):
            await a.send_json_to(send(f"burst {n}"))
            await asyncio.sleep(0)

    talking = asyncio.create_task(talk())
    b = await connect(bob, space.slug, after=0)
    await talking
    for _ in range(8):
        await frames_until(a, "ack")
    seen = set()
    while len(seen) < 8:
        frame = await b.receive_json_from(timeout=5)
        if frame["type"] == "message":
            seen.add(frame["id"])

    assert seen == {row[0] for row in await stored(space=space)}
    await a.disconnect()
    await b.disconnect()


async def test_delete_by_the_author_or_a_moderator_reaches_everyone():
    space = await make_space()
    alice, bob = await make_member(space), await make_member(space)
    moderator = await make_member(space, role="facilitator")
    a, b, m = (
        await connect(alice, space.slug),
        await connect(bob, space.slug),
        await connect(moderator, space.slug),
    )
    for c in (a, b, m):
        await frames_until(c, "presence")
    await a.send_json_to(send("mine"))
    first = (await frames_until(a, "ack"))[-1]["id"]
    await a.send_json_to(send("also mine"))
    second = (await frames_until(a, "ack"))[-1]["id"]

    await b.send_json_to({"type": "message.delete", "id": first})
    refused = await frames_until(b, "error")
    await a.send_json_to({"type": "message.delete", "id": first})
    await m.send_json_to({"type": "message.delete", "id": second})
    deleted = list(await frames_until(b, "message.deleted"))
    deleted += list(await frames_until(b, "message.deleted"))

    assert refused[-1]["code"] == "forbidden"
    assert {f["id"] for f in deleted if f["type"] == "message.deleted"} == {first, second}
    rows = await database_sync_to_async(
        lambda: list(Message.objects.filter(space=space).values_list("deleted_at", flat=True))
    )()
    assert all(rows)  # kept, marked deleted
    for c in (a, b, m):
        await c.disconnect()


async def presence_until(communicator, online):
    """Presence frames until one lists exactly `online` (announcements are batched)."""
    for _ in range(20):
        frame = (await frames_until(communicator, "presence"))[-1]
        if frame["online"] == online:
            return frame
    raise AssertionError(f"presence never became {online}")


async def test_presence_lists_who_is_here():
    space = await make_space()
    alice = await make_member(space, name="Alice")
    bob = await make_member(space, name="Bob")
    a = await connect(alice, space.slug)
    first = (await frames_until(a, "presence"))[-1]

    b = await connect(bob, space.slug)
    told_bob = (await frames_until(b, "presence"))[-1]
    both = [{"id": alice.id, "name": "Alice"}, {"id": bob.id, "name": "Bob"}]
    await presence_until(a, both)
    await b.disconnect()
    await presence_until(a, [{"id": alice.id, "name": "Alice"}])

    assert first["online"] == [{"id": alice.id, "name": "Alice"}]  # at once, to the newcomer
    assert told_bob["online"] == both
    await a.disconnect()


async def test_a_crowd_arriving_makes_few_presence_frames():
    space = await make_space()
    people = [await make_member(space, name=f"P{n:02}") for n in range(8)]
    watcher = await connect(people[0], space.slug)
    await frames_until(watcher, "presence")

    crowd = [await connect(person, space.slug) for person in people[1:]]
    await asyncio.sleep(1.5)  # every announcement is out
    presence = []
    while not await watcher.receive_nothing(timeout=0.2):
        frame = await watcher.receive_json_from()
        if frame["type"] == "presence":
            presence.append(frame["online"])

    everyone = sorted(({"id": p.id, "name": p.name} for p in people), key=lambda x: x["name"])
    assert presence[-1] == everyone
    # Without batching the watcher gets a frame per arrival (7); batched, a few.
    assert len(presence) <= 3, len(presence)
    for member in [watcher, *crowd]:
        await member.disconnect()


async def test_a_muted_member_is_disconnected_and_cannot_come_back():
    from cop import services

    space = await make_space()
    alice = await make_member(space)
    a = await connect(alice, space.slug)
    await frames_until(a, "presence")
    membership = await database_sync_to_async(Membership.objects.get)(user=alice)

    await database_sync_to_async(services.mute)(membership, minutes=30)
    closed = None
    for _ in range(10):
        output = await a.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            closed = output
            break
    again = await connect(alice, space.slug)

    assert closed == {"type": "websocket.close", "code": 4403}
    assert await again.receive_output(timeout=5) == {"type": "websocket.close", "code": 4403}


async def test_presence_left_by_a_dead_worker_ages_out():
    from django.utils import timezone

    from cop.models import Presence

    space = await make_space()
    ghost = await make_member(space, name="Ghost")
    alice = await make_member(space, name="Alice")
    await database_sync_to_async(Presence.objects.create)(
        space=space,
        user=ghost,
        channel_name="specific.dead-worker!x",
        seen_at=timezone.now() - timezone.timedelta(minutes=5),
    )

    a = await connect(alice, space.slug)
    first = (await frames_until(a, "presence"))[-1]

    assert first["online"] == [{"id": alice.id, "name": "Alice"}]
    assert not await database_sync_to_async(
        Presence.objects.filter(channel_name="specific.dead-worker!x").exists
    )()
    await a.disconnect()


async def test_a_member_suspended_while_connected_cannot_send_even_if_the_close_was_lost():
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    space = await make_space()
    alice = await make_member(space)
    a = await connect(alice, space.slug)
    await frames_until(a, "presence")
    # Suspended straight in the database: no event reaches the open connection.
    await database_sync_to_async(get_user_model().objects.filter(pk=alice.pk).update)(
        suspended_until=timezone.now() + timedelta(days=1)
    )

    await a.send_json_to(send("Still here?"))
    error = (await frames_until(a, "error"))[-1]

    assert error["code"] == "forbidden"
    assert await stored(space=space) == []
    await a.disconnect()


@pytest.mark.parametrize(
    ("query", "profile", "detail"),
    [
        ("?lang=th", "en", "th"),  # the page's language (static/js/live.js sends it)
        ("", "th", "th"),  # else the member's profile's
        ("?lang=xx", "en", "en"),  # never a language the site does not speak
    ],
)
async def test_error_details_are_in_the_readers_language(query, profile, detail):
    space = await make_space()
    alice = await make_member(space, language=profile)
    headers = [HOST, ORIGIN, await session_cookie(alice)]
    a = WebsocketCommunicator(application, f"/ws/spaces/{space.slug}/{query}", headers=headers)
    await a.connect()
    await frames_until(a, "presence")

    await a.send_to(text_data="not json")
    error = await a.receive_json_from(timeout=5)

    with translation.override(detail):
        assert error["detail"] == translation.gettext("That is not JSON.")
    if detail == "th":
        assert error["detail"] != "That is not JSON."
    await a.disconnect()


async def test_a_thai_senders_frame_links_the_author_without_a_language_prefix():
    """One frame goes to readers of every language: its author link has no prefix (space.js
    puts the reader's page's before it), whatever the sender's page spoke."""
    space = await make_space()
    somchai = await make_member(space, language="th")
    reader = await make_member(space)
    headers = [HOST, ORIGIN, await session_cookie(somchai)]
    sender = WebsocketCommunicator(
        application, f"/ws/spaces/{space.slug}/?lang=th", headers=headers
    )
    await sender.connect()
    await frames_until(sender, "presence")
    other = await connect(reader, space.slug)
    await frames_until(other, "presence")

    await sender.send_json_to(send("สวัสดีครับ"))
    message = (await frames_until(other, "message"))[-1]

    assert message["author"]["url"] == f"/members/{somchai.handle}/"
    await sender.disconnect()
    await other.disconnect()
