"""However a live connection ends, it leaves its groups, presence and counters behind."""

import asyncio

import pytest
from channels.layers import get_channel_layer
from django.conf import settings
from redis.exceptions import ConnectionError as RedisConnectionError

from core.live import open_sockets, user_group
from forum.services import group_name as topic_group
from tests.conftest import need
from tests.core.conftest import (
    close_code,
    group_members,
    make_member,
    make_space,
    make_topic,
    presence_channels,
    signed_in,
    space_socket,
    still_answers,
    topic_socket,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


@pytest.fixture(autouse=True)
def _redis_layer():
    need(settings.REDIS_URL, "REDIS_URL is not set: the groups live in the channel layer")


@pytest.fixture
def failing_layer(monkeypatch):
    """Makes the channel layer's `receive` fail (the Redis connection dropped) for every
    connection waiting on it, once `.set()` is called on the returned event."""
    layer = get_channel_layer()
    original = layer.receive
    gone = asyncio.Event()

    async def receive(channel):
        message = asyncio.ensure_future(original(channel))
        failure = asyncio.ensure_future(gone.wait())
        await asyncio.wait({message, failure}, return_when=asyncio.FIRST_COMPLETED)
        if message.done():
            failure.cancel()
            return message.result()
        message.cancel()
        raise RedisConnectionError("Connection closed by server.")

    monkeypatch.setattr(layer, "receive", receive)
    return gone


async def test_a_closed_socket_leaves_its_groups_and_presence():
    space = await make_space()
    alice = await make_member(space)
    before = open_sockets()
    ws = await space_socket(space, await signed_in(alice))
    [channel] = await presence_channels(space)
    joined = (group_members(space.group_name), group_members(user_group(alice.pk)))

    await ws.disconnect()

    assert joined == ({channel}, {channel})
    assert group_members(space.group_name) == set()
    assert group_members(user_group(alice.pk)) == set()
    assert await presence_channels(space) == []
    assert open_sockets() == before


async def test_a_space_socket_whose_channel_layer_fails_closes_1011_and_leaves_nothing(
    failing_layer,
):
    space = await make_space()
    alice = await make_member(space)
    before = open_sockets()
    ws = await space_socket(space, await signed_in(alice))
    [channel] = await presence_channels(space)
    counted = open_sockets()

    failing_layer.set()
    code = await close_code(ws)
    await ws.wait(timeout=5)  # the application has returned: nothing more will run

    assert counted != before
    assert code == 1011
    assert channel not in group_members(space.group_name)
    assert channel not in group_members(user_group(alice.pk))
    assert await presence_channels(space) == []
    assert open_sockets() == before


async def test_a_topic_socket_whose_channel_layer_fails_closes_1011_and_leaves_nothing(
    failing_layer,
):
    topic = await make_topic()
    before = open_sockets()
    ws = await topic_socket(topic)  # anonymous: counted per address only
    [channel] = group_members(topic_group(topic.pk))

    failing_layer.set()
    code = await close_code(ws)
    await ws.wait(timeout=5)

    assert code == 1011
    assert channel not in group_members(topic_group(topic.pk))
    assert open_sockets() == before


async def test_a_failure_in_a_handler_is_an_unavailable_frame_and_the_socket_stays(monkeypatch):
    from django.db import OperationalError

    from cop import services

    def database_gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    space = await make_space()
    alice = await make_member(space)
    ws = await space_socket(space, await signed_in(alice))
    monkeypatch.setattr(services, "store_messages", database_gone)

    await ws.send_json_to(
        {"type": "message.send", "client_id": "6f1c3a52-64a4-4c8e-9a4e-0d6a1bb1f6de", "body": "x"}
    )
    error = await ws.receive_json_from(timeout=5)

    assert (error["type"], error["code"]) == ("error", "unavailable")
    assert await still_answers(ws)
    await ws.disconnect()
