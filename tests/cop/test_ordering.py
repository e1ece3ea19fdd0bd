"""Messages of a space become visible in order and are numbered without gaps (`seq`), so a
client that catches up with ?after= skips nothing and one that misses a frame notices it
(docs/design.md, WebSocket protocol; issue 9, point 8)."""

import importlib
import threading
import time
import uuid

import pytest
from channels.db import database_sync_to_async
from django.apps import apps
from django.db import OperationalError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from redis.exceptions import ConnectionError as RedisConnectionError

from cop import services
from cop.models import Membership, Message, Space
from core import ratelimit
from tests.accounts.factories import UserFactory
from tests.conftest import need
from tests.cop.conftest import connect, frames_until

number_messages = importlib.import_module("cop.migrations.0003_message_seq").number_messages


def new_space():
    slug = f"space-{uuid.uuid4().hex[:8]}"
    return Space.objects.create(slug=slug, name=slug, kind="national", country="TH")


def new_member(space, **fields):
    person = UserFactory(**fields)
    Membership.objects.create(space=space, user=person)
    return person


def store(space, author, body):
    """A message stored as post_message stores it, without its broadcast."""
    with transaction.atomic():
        return Message.objects.create_next(
            space, author=author, client_id=uuid.uuid4(), body=body, body_html=f"<p>{body}</p>\n"
        )


def send(body, client_id=None):
    return {"type": "message.send", "client_id": str(client_id or uuid.uuid4()), "body": body}


async def next_frame(communicator, timeout=5):
    """The next frame that is not a presence announcement (those come when they will)."""
    while True:
        frame = await communicator.receive_json_from(timeout=timeout)
        if frame["type"] != "presence":
            return frame


# --- Visible in order -------------------------------------------------------------------
def locks_waited_on():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database")
def test_a_message_posted_while_an_earlier_one_is_uncommitted_waits_and_is_never_seen_first():
    # Row locks and concurrent writers: PostgreSQL (SQLite takes one writer at a time).
    need(connection.vendor == "postgresql", "row locks need PostgreSQL (set DATABASE_URL)")
    space = new_space()
    alice, bob = new_member(space), new_member(space)
    a_stored, a_may_commit, b_done = threading.Event(), threading.Event(), threading.Event()
    outcome = {}

    def slow_commit():  # A: takes the lock and an id, then takes its time to commit
        try:
            with transaction.atomic():
                outcome["a"], _ = services.post_message(space, alice, "first", uuid.uuid4())
                a_stored.set()
                a_may_commit.wait(10)
        except Exception as error:
            outcome["a failed"] = error
        finally:
            a_stored.set()
            connection.close()

    def meanwhile():  # B: the same space, while A's transaction is open
        try:
            outcome["b"], _ = services.post_message(space, bob, "second", uuid.uuid4())
        except Exception as error:
            outcome["b failed"] = error
        finally:
            b_done.set()
            connection.close()

    def visible():
        return set(Message.objects.filter(space=space).values_list("body", flat=True))

    a, b = threading.Thread(target=slow_commit), threading.Thread(target=meanwhile)
    a.start()
    assert a_stored.wait(10)
    b.start()
    seen_while_a_is_open = []
    deadline = time.monotonic() + 5
    while locks_waited_on() == 0 and time.monotonic() < deadline:  # B reaches the lock
        seen_while_a_is_open.append(visible())
    waiting = locks_waited_on()
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        seen_while_a_is_open.append(visible())
    b_finished_while_a_was_open = b_done.is_set()
    a_may_commit.set()
    seen_after = []
    while not b_done.is_set():
        seen_after.append(visible())
    a.join(10)
    b.join(10)
    seen_after.append(visible())

    assert outcome.keys() == {"a", "b"}
    assert waiting == 1
    assert not b_finished_while_a_was_open
    assert all(seen == set() for seen in seen_while_a_is_open)
    assert [seen for seen in seen_after if seen == {"second"}] == []
    assert seen_after[-1] == {"first", "second"}
    first, second = outcome["a"], outcome["b"]
    assert second.id > first.id
    assert (first.seq, second.seq) == (1, 2)
    assert Space.objects.get(pk=space.pk).last_seq == 2


# --- seq ----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_seq_counts_each_spaces_messages_from_one_without_gaps_and_survives_deletion():
    thailand, cambodia = new_space(), new_space()
    somchai, sokha = new_member(thailand), new_member(cambodia)
    for n in range(4):
        services.post_message(thailand, somchai, f"th {n}", uuid.uuid4())
        services.post_message(cambodia, sokha, f"kh {n}", uuid.uuid4())
    gone = Message.objects.get(body="th 1")

    services.delete_message(gone, by=somchai)
    services.post_message(thailand, somchai, "th 4", uuid.uuid4())

    def numbered(space):
        return list(Message.objects.filter(space=space).order_by("id").values_list("body", "seq"))

    assert numbered(thailand) == [("th 0", 1), ("th 1", 2), ("th 2", 3), ("th 3", 4), ("th 4", 5)]
    assert numbered(cambodia) == [("kh 0", 1), ("kh 1", 2), ("kh 2", 3), ("kh 3", 4)]
    assert Space.objects.get(pk=thailand.pk).last_seq == 5
    assert Space.objects.get(pk=cambodia.pk).last_seq == 4
    gone.refresh_from_db()
    assert gone.is_deleted
    assert services.frame(gone) == {"type": "message.deleted", "id": gone.id, "seq": 2}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections")
async def test_live_and_replayed_frames_carry_seq_and_a_deleted_message_replays_with_its_seq():
    space = await database_sync_to_async(new_space)()
    alice = await database_sync_to_async(new_member)(space, name="Alice")
    earlier = await database_sync_to_async(store)(space, alice, "earlier")
    a = await connect(alice, space.slug)
    await frames_until(a, "presence")
    client_id = str(uuid.uuid4())

    await a.send_json_to(send("later", client_id))
    frames = [await next_frame(a), await next_frame(a)]
    later = await database_sync_to_async(Message.objects.get)(client_id=client_id)
    await a.send_json_to({"type": "message.delete", "id": earlier.id})
    deleted_live = await next_frame(a)
    await a.disconnect()
    b = await connect(alice, space.slug, after=0)
    replayed = [await next_frame(b), await next_frame(b)]
    await b.disconnect()

    assert frames[0] == {"type": "ack", "client_id": client_id, "id": later.id}
    assert frames[1] == {
        "type": "message",
        "id": later.id,
        "seq": 2,
        "client_id": client_id,
        "author": {"id": alice.id, "name": "Alice", "url": f"/members/{alice.handle}/"},
        "body_html": "<p>later</p>\n",
        "created": later.created_at.isoformat(),
    }
    assert deleted_live == {"type": "message.deleted", "id": earlier.id, "seq": 1}
    assert replayed == [{"type": "message.deleted", "id": earlier.id, "seq": 1}, frames[1]]


# --- A resend is acked, not broadcast ------------------------------------------------------
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections")
async def test_a_resend_is_acked_with_the_same_id_but_not_broadcast_again():
    space = await database_sync_to_async(new_space)()
    alice = await database_sync_to_async(new_member)(space)
    bob = await database_sync_to_async(new_member)(space)
    a, b = await connect(alice, space.slug), await connect(bob, space.slug)
    await frames_until(a, "presence")
    await frames_until(b, "presence")
    frame = send("Only once, please")

    await a.send_json_to(frame)
    first_ack = await next_frame(a)
    own_copy = await next_frame(a)
    bobs_copy = await next_frame(b)
    await a.send_json_to(frame)
    second_ack = await next_frame(a)
    await b.receive_nothing(timeout=1)
    await a.send_json_to({"type": "ping"})
    await b.send_json_to({"type": "ping"})
    after_a, after_b = await next_frame(a), await next_frame(b)
    await a.disconnect()
    await b.disconnect()

    assert first_ack["type"] == "ack"
    assert second_ack == first_ack
    assert own_copy == bobs_copy
    assert (bobs_copy["type"], bobs_copy["id"]) == ("message", first_ack["id"])
    assert after_a == after_b == {"type": "pong"}


# --- Filling a gap over HTTP ---------------------------------------------------------------
@pytest.mark.django_db
def test_after_returns_the_frames_after_an_id_in_order_fifty_a_page(client):
    space = new_space()
    author = new_member(space, name="Author")
    messages = [store(space, author, f"m{n}") for n in range(1, 53)]
    services.delete_message(messages[2], by=author)
    messages[2].refresh_from_db()
    client.force_login(author)
    url = f"/spaces/{space.slug}/messages/"

    first = client.get(url, {"after": messages[0].id})
    second = client.get(url, {"after": first.json()["frames"][-1]["id"]})
    everything_from_zero = client.get(url, {"after": 0})
    nothing_after_the_last = client.get(url, {"after": messages[-1].id})

    def expected(message):
        if message.is_deleted:
            return {"type": "message.deleted", "id": message.id, "seq": message.seq}
        return {
            "type": "message",
            "id": message.id,
            "seq": message.seq,
            "client_id": str(message.client_id),
            "author": {"id": author.id, "name": "Author", "url": f"/members/{author.handle}/"},
            "body_html": f"<p>{message.body}</p>\n",
            "created": message.created_at.isoformat(),
        }

    assert first.status_code == 200
    assert first.json() == {"frames": [expected(m) for m in messages[1:51]], "has_more": True}
    assert first.json()["frames"][1] == {
        "type": "message.deleted",
        "id": messages[2].id,
        "seq": 3,
    }
    assert second.json() == {"frames": [expected(messages[51])], "has_more": False}
    assert [f["seq"] for f in everything_from_zero.json()["frames"]] == list(range(1, 51))
    assert everything_from_zero.json()["has_more"] is True
    assert nothing_after_the_last.json() == {"frames": [], "has_more": False}


@pytest.mark.django_db
@pytest.mark.parametrize("after", ["-1", "abc", "1" * 30, str(2**63), "", "1.5"])
def test_after_that_is_not_a_message_id_is_a_400(client, after):
    space = new_space()
    client.force_login(new_member(space))

    response = client.get(f"/spaces/{space.slug}/messages/", {"after": after})

    assert response.status_code == 400
    assert set(response.json()) == {"error"}


@pytest.mark.django_db
def test_after_is_for_members_only(client):
    space = new_space()
    store(space, new_member(space), "members only")
    client.force_login(UserFactory())

    response = client.get(f"/spaces/{space.slug}/messages/", {"after": 0})

    assert response.status_code == 403
    assert b"members only" not in response.content


# --- The data migration -------------------------------------------------------------------
@pytest.mark.django_db
def test_the_data_migration_numbers_each_spaces_messages_in_id_order():
    thailand, cambodia, quiet = new_space(), new_space(), new_space()
    somchai, sokha = new_member(thailand), new_member(cambodia)
    for n in range(3):
        store(thailand, somchai, f"th {n}")
        store(cambodia, sokha, f"kh {n}")
    # Numbers the migration must replace (seq is unique per space: far from 1..3).
    for offset, message in enumerate(Message.objects.order_by("-id")):
        Message.objects.filter(pk=message.pk).update(seq=1000 + offset)
    Space.objects.update(last_seq=77)

    number_messages(apps, None)

    def numbered(space):
        return list(Message.objects.filter(space=space).order_by("id").values_list("body", "seq"))

    assert numbered(thailand) == [("th 0", 1), ("th 1", 2), ("th 2", 3)]
    assert numbered(cambodia) == [("kh 0", 1), ("kh 1", 2), ("kh 2", 3)]
    last_seqs = dict(Space.objects.values_list("pk", "last_seq"))
    assert (last_seqs[thailand.pk], last_seqs[cambodia.pk], last_seqs[quiet.pk]) == (3, 3, 0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database")
def test_migrating_to_seq_numbers_the_messages_already_stored():
    thailand, cambodia = new_space(), new_space()
    somchai, sokha = new_member(thailand), new_member(cambodia)
    for n in range(3):
        store(thailand, somchai, f"th {n}")
        store(cambodia, sokha, f"kh {n}")
    executor = MigrationExecutor(connection)
    executor.migrate([("cop", "0002_spaceevent")])
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM cop_message")
            assert cursor.fetchone()[0] == 6
    finally:
        executor.loader.build_graph()
        # Every app's leaf: going back unapplied the apps that depend on cop too.
        executor.migrate(executor.loader.graph.leaf_nodes())

    def numbered(space):
        return list(Message.objects.filter(space=space).order_by("id").values_list("body", "seq"))

    assert numbered(thailand) == [("th 0", 1), ("th 1", 2), ("th 2", 3)]
    assert numbered(cambodia) == [("kh 0", 1), ("kh 1", 2), ("kh 2", 3)]
    assert Space.objects.get(pk=thailand.pk).last_seq == 3
    assert store(thailand, somchai, "next").seq == 4


# --- Failures of the database or Redis inside the consumer ----------------------------------
def fail_once(real, error):
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise error
        return real(*args, **kwargs)

    return failing


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections")
@pytest.mark.parametrize(
    ("target", "attribute", "error"),
    [
        (services, "store_messages", OperationalError("the database went away")),
        (ratelimit, "hit", RedisConnectionError("Redis went away")),
    ],
    ids=["database", "redis"],
)
async def test_a_failure_while_posting_is_an_unavailable_error_and_the_retry_is_acked(
    monkeypatch, target, attribute, error
):
    space = await database_sync_to_async(new_space)()
    alice = await database_sync_to_async(new_member)(space)
    monkeypatch.setattr(target, attribute, fail_once(getattr(target, attribute), error))
    a = await connect(alice, space.slug)
    await frames_until(a, "presence")
    frame = send("Try again later")

    await a.send_json_to(frame)
    refused = await next_frame(a)
    stored_after_the_failure = await database_sync_to_async(Message.objects.count)()
    await a.send_json_to(frame)
    acked = await next_frame(a)
    broadcast = await next_frame(a)
    stored = await database_sync_to_async(list)(
        Message.objects.filter(space=space).values_list("id", "body")
    )
    await a.disconnect()

    assert (refused["type"], refused["code"]) == ("error", "unavailable")
    assert stored_after_the_failure == 0
    assert acked == {"type": "ack", "client_id": frame["client_id"], "id": stored[0][0]}
    assert stored == [(acked["id"], "Try again later")]
    assert (broadcast["type"], broadcast["id"]) == ("message", acked["id"])
