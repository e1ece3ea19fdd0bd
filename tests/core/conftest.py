"""Helpers for the live connections' base (core.live), through the real ASGI application:
a space (/ws/spaces/<slug>/) and a forum topic (/ws/forum/topics/<id>/) to connect to."""

import asyncio
import json
import uuid

import pytest
import redis
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from config.asgi import application
from cop.models import Membership, Message, Presence, Space
from forum import services as forum_services
from forum.models import Category, CategoryKind, ReadAccess
from tests.accounts.factories import UserFactory
from tests.cop.conftest import HOST, ORIGIN


@pytest.fixture(autouse=True)
def _topics_without_approval(settings):
    settings.FORUM_APPROVE_FIRST_POSTS = 0


@database_sync_to_async
def make_space():
    slug = f"live-{uuid.uuid4().hex[:8]}"
    return Space.objects.create(slug=slug, name=slug, kind="national", country="TH")


@database_sync_to_async
def make_member(space=None, **fields):
    person = UserFactory(**fields)
    if space is not None:
        Membership.objects.create(space=space, user=person)
    return person


@database_sync_to_async
def make_topic(read_access=ReadAccess.PUBLIC):
    slug = f"live-{uuid.uuid4().hex[:8]}"
    category = Category.objects.create(
        slug=slug, name=slug, kind=CategoryKind.THEMATIC, read_access=read_access
    )
    return forum_services.start_topic(category, UserFactory(), "A live topic", "What is SSE?")


@database_sync_to_async
def signed_in(person):
    """A Django test client logged in as `person` (a session of its own)."""
    client = Client()
    client.force_login(person)
    return client


def cookie_of(client):
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


def communicator(path, cookie=None, address=None, origin=ORIGIN):
    """A WebsocketCommunicator for `path`, as a browser on the site sends it; `address`:
    the client's IP address (the scope's "client")."""
    headers = [HOST, origin, *([cookie] if cookie else [])]
    ws = WebsocketCommunicator(application, path, headers=headers)
    if address is not None:
        ws.scope["client"] = (address, 50000)  # the application has not run yet
    return ws


async def open_socket(path, cookie=None, address=None):
    """A socket past the handshake (accepted; it may still be closed at once)."""
    ws = communicator(path, cookie, address)
    connected, _ = await ws.connect(timeout=5)
    assert connected
    return ws


async def space_socket(space, client, address=None):
    """A member's socket to `space`, past its first presence frame (joined, counted)."""
    ws = await open_socket(f"/ws/spaces/{space.slug}/", cookie_of(client), address)
    assert (await ws.receive_json_from(timeout=5))["type"] == "presence"
    return ws


async def topic_socket(topic, client=None, address=None):
    """A reader's socket to `topic` (anonymous without `client`), answering pings."""
    ws = await open_socket(
        f"/ws/forum/topics/{topic.pk}/", cookie_of(client) if client else None, address
    )
    await ws.send_json_to({"type": "ping"})
    assert await ws.receive_json_from(timeout=5) == {"type": "pong"}
    return ws


async def close_code(ws, timeout=5):
    """The code of the next close the application sends, skipping frames before it."""
    for _ in range(500):
        output = await ws.receive_output(timeout=timeout)
        if output["type"] == "websocket.close":
            return output.get("code", 1000)
    raise AssertionError("the socket was never closed")


async def still_answers(ws):
    """True if the socket answers a ping with a pong (and nothing else came before)."""
    await ws.send_json_to({"type": "ping"})
    return await ws.receive_json_from(timeout=5) == {"type": "pong"}


async def stays_open(ws, wait=0.5):
    """True if, `wait` seconds on, the socket is open and answers a ping (presence
    announcements may come before the pong); False if it was closed."""
    await asyncio.sleep(wait)
    await ws.send_json_to({"type": "ping"})
    for _ in range(20):
        output = await ws.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            return False
        frame = json.loads(output["text"])
        if frame["type"] != "presence":
            return frame == {"type": "pong"}
    return False


@database_sync_to_async
def stored_messages(space):
    return list(Message.objects.filter(space=space).values_list("body", flat=True))


@database_sync_to_async
def presence_channels(space):
    return list(Presence.objects.filter(space=space).values_list("channel_name", flat=True))


def group_members(group):
    """The channel names in a channel-layer group, read straight from Redis."""
    prefix = settings.CHANNEL_LAYERS["default"]["CONFIG"]["prefix"]
    connection = redis.Redis.from_url(settings.REDIS_URL)
    try:
        return {name.decode() for name in connection.zrange(f"{prefix}:group:{group}", 0, -1)}
    finally:
        connection.close()
