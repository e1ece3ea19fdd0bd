"""Messages sent at the same moment are stored together (one transaction), each still
committed before it is acked or broadcast, each judged on its own (cop.consumers.POSTS).

To make a batch for certain, a second connection to PostgreSQL holds the space's row
lock: the first message's batch waits on it in the database, the next ones queue behind
it, and once the lock goes they are stored in ONE transaction (one `xmin`)."""

import asyncio
import uuid

import psycopg
import pytest
from channels.db import database_sync_to_async
from django.db import connection

from cop.consumers import POSTS
from cop.models import Membership, Space
from tests.accounts.factories import UserFactory
from tests.cop.conftest import connect, frames_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


@database_sync_to_async
def make_space():
    slug = f"space-{uuid.uuid4().hex[:8]}"
    return Space.objects.create(slug=slug, name=slug, kind="national", country="TH")


@database_sync_to_async
def make_member(space, **fields):
    person = UserFactory(**fields)
    Membership.objects.create(space=space, user=person)
    return person


def send(body, client_id=None):
    return {"type": "message.send", "client_id": str(client_id or uuid.uuid4()), "body": body}


def outside():
    """A connection of our own to the test database, autocommit: what another process
    (another worker, a report) would see."""
    params = {
        key: value
        for key, value in connection.get_connection_params().items()
        if key in {"dbname", "user", "password", "host", "port"}
    }
    return psycopg.connect(**params, autocommit=True)


def rows(space):
    """(id, seq, body, transaction id that inserted it) of the space's messages, from
    outside; xmin is the inserting transaction."""
    with outside() as conn:
        return conn.execute(
            "select id, seq, body, xmin::text from cop_message where space_id = %s order by id",
            [space.pk],
        ).fetchall()


class SpaceLock:
    """Hold the space's row lock from outside until released."""

    def __init__(self, space):
        self.space = space

    async def __aenter__(self):
        self.conn = psycopg.connect(
            **{
                k: v
                for k, v in connection.get_connection_params().items()
                if k in {"dbname", "user", "password", "host", "port"}
            }
        )
        self.conn.execute("select 1 from cop_space where id = %s for update", [self.space.pk])
        return self

    async def waited_on(self):
        """Until someone waits for the lock (the first batch is in the database)."""
        async with asyncio.timeout(10):
            while True:
                with outside() as conn:
                    waiting = conn.execute(
                        "select count(*) from pg_stat_activity"
                        " where wait_event_type = 'Lock' and datname = current_database()"
                    ).fetchone()[0]
                if waiting:
                    return
                await asyncio.sleep(0.05)

    async def __aexit__(self, *exc):
        self.conn.rollback()
        self.conn.close()


async def answers(ws, count):
    """The next `count` ack and error frames of `ws`, in order (other frames skipped)."""
    found = []
    while len(found) < count:
        frame = await ws.receive_json_from(timeout=10)
        if frame["type"] in {"ack", "error"}:
            found.append(frame)
    return found


async def queued(count):
    async with asyncio.timeout(10):
        while POSTS.pending() < count:
            await asyncio.sleep(0.01)


async def test_messages_that_arrive_together_are_one_transaction_in_order_acked_once_committed():
    space = await make_space()
    alice, bob, carol = [await make_member(space, name=n) for n in ("Alice", "Bob", "Carol")]
    listener = await make_member(space, name="Listener")
    a, b, c = [await connect(who, space.slug) for who in (alice, bob, carol)]
    ear = await connect(listener, space.slug)
    for ws in (a, b, c, ear):
        await frames_until(ws, "presence")

    async with SpaceLock(space) as lock:
        await a.send_json_to(send("first, alone"))
        await lock.waited_on()
        for ws, body in ((b, "second"), (c, "third"), (a, "fourth")):
            await ws.send_json_to(send(body))
        await queued(3)
        assert rows(space) == []  # nothing acked or visible while the lock is held
    a_acks, b_acks, c_acks = await answers(a, 2), await answers(b, 1), await answers(c, 1)
    stored = rows(space)  # read from outside once the acks are in: committed

    assert [(body, seq) for _id, seq, body, _xmin in stored] == [
        ("first, alone", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
    ]
    xmins = [xmin for *_rest, xmin in stored]
    assert xmins[0] != xmins[1]
    assert len(set(xmins[1:])) == 1
    ids = [row[0] for row in stored]
    assert ids == sorted(ids)
    assert [f["id"] for f in a_acks] == [ids[0], ids[3]]
    assert [f["id"] for f in b_acks] == [ids[1]]
    assert [f["id"] for f in c_acks] == [ids[2]]
    heard = []
    while len(heard) < 4:
        frame = await ear.receive_json_from(timeout=5)
        if frame["type"] == "message":
            heard.append((frame["id"], frame["seq"]))
    assert heard == [(ids[n], n + 1) for n in range(4)]
    for ws in (a, b, c, ear):
        await ws.disconnect()


async def test_an_invalid_message_in_a_batch_is_refused_alone():
    space = await make_space()
    alice, bob = await make_member(space), await make_member(space)
    a, b = await connect(alice, space.slug), await connect(bob, space.slug)
    await frames_until(a, "presence")
    await frames_until(b, "presence")

    async with SpaceLock(space) as lock:
        await a.send_json_to(send("opening"))
        await lock.waited_on()
        await b.send_json_to(send("valid before"))
        await a.send_json_to(send("bad \x00 control character"))
        await a.send_json_to(send("x" * 4001))
        await b.send_json_to(send("valid after"))
        await queued(4)
    a_frames, b_frames = await answers(a, 3), await answers(b, 2)
    stored = rows(space)

    assert [row[2] for row in stored] == ["opening", "valid before", "valid after"]
    assert [row[1] for row in stored] == [1, 2, 3]  # the refused ones took no seq
    assert [(f["type"], f.get("code")) for f in a_frames] == [
        ("ack", None),
        ("error", "bad_request"),
        ("error", "too_long"),
    ]
    assert [f["id"] for f in b_frames] == [stored[1][0], stored[2][0]]
    assert stored[1][3] == stored[2][3]  # stored together all the same
    await a.disconnect()
    await b.disconnect()


@pytest.fixture
def exploding_insert(migrated_database):
    """A trigger that fails an INSERT of the body "explode" inside PostgreSQL: a real
    database error in the middle of a batch (after the space's lock, at the insert)."""
    with outside() as conn:
        conn.execute(
            "create or replace function test_explode() returns trigger language plpgsql as $$"
            " begin if new.body = 'explode' then raise exception 'boom'; end if;"
            " return new; end $$"
        )
        conn.execute(
            "create trigger test_explode before insert on cop_message"
            " for each row execute function test_explode()"
        )
    yield
    with outside() as conn:
        conn.execute("drop trigger if exists test_explode on cop_message")
        conn.execute("drop function if exists test_explode()")


@pytest.mark.usefixtures("exploding_insert")
async def test_a_database_failure_mid_batch_acks_none_of_it_and_the_sockets_go_on():
    space = await make_space()
    alice, bob = await make_member(space), await make_member(space)
    a, b = await connect(alice, space.slug), await connect(bob, space.slug)
    await frames_until(a, "presence")
    await frames_until(b, "presence")
    again = send("after the failure")

    async with SpaceLock(space) as lock:
        await a.send_json_to(send("opening"))
        await lock.waited_on()
        await b.send_json_to(send("lost with the batch"))
        await a.send_json_to(send("explode"))
        await b.send_json_to(again)
        await queued(3)
    a_ack, a_error = await answers(a, 2)
    b_answers = await answers(b, 2)
    after_failure = rows(space)
    await b.send_json_to(again)  # the client resends with the same client_id
    [retried] = await answers(b, 1)
    await a.send_json_to({"type": "ping"})
    pong = (await frames_until(a, "pong"))[-1]

    assert [row[2] for row in after_failure] == ["opening"]  # none of the batch
    assert (a_ack["type"], a_error["code"]) == ("ack", "unavailable")
    assert [f.get("code") for f in b_answers] == ["unavailable", "unavailable"]
    assert [row[2] for row in rows(space)] == ["opening", "after the failure"]
    assert (retried["type"], retried["client_id"]) == ("ack", again["client_id"])
    assert pong == {"type": "pong"}
    await a.disconnect()
    await b.disconnect()


async def test_a_senders_connection_hears_others_while_its_own_message_is_stored():
    """A send waiting for its batch does not hold up what the space says to that socket."""
    space = await make_space()
    alice, bob = await make_member(space), await make_member(space)
    a, b = await connect(alice, space.slug), await connect(bob, space.slug)
    await frames_until(a, "presence")
    await frames_until(b, "presence")

    async with SpaceLock(space) as lock:
        await a.send_json_to(send("waiting"))
        await lock.waited_on()
        from cop import services

        await database_sync_to_async(services.broadcast)(
            space, {"type": "message.deleted", "id": 1, "seq": 0}
        )
        heard = await a.receive_json_from(timeout=5)  # while its send is still waiting
        assert POSTS.pending() == 0
        assert rows(space) == []
    assert heard["type"] == "message.deleted"
    assert (await frames_until(a, "ack"))[-1]["type"] == "ack"
    await a.disconnect()
    await b.disconnect()
