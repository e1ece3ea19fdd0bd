"""When Redis goes away under a worker, its live sockets are closed (the browser
reconnects), and once Redis is back the live discussion works again by itself, without
restarting the worker."""

import asyncio
import json
import signal
import time
import uuid

import pytest
import websockets
from channels.db import database_sync_to_async
from django.db import connection
from django.test import Client

from cop.models import Membership, Space
from tests.accounts.factories import UserFactory
from tests.conftest import need
from tests.home.processes import free_port, redis_server_installed, start_redis, start_worker, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]
REDIS_PORT = 6393


@database_sync_to_async
def two_members():
    space = Space.objects.create(slug=f"r-{uuid.uuid4().hex[:8]}", name="r", kind="thematic")
    sessions = []
    for _ in range(2):
        person = UserFactory()
        Membership.objects.create(space=space, user=person)
        client = Client()
        client.force_login(person)
        sessions.append(client.cookies["sessionid"].value)
    return space, sessions


async def open_socket(port, slug, session_key):
    return await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/spaces/{slug}/",
        additional_headers={
            "Cookie": f"sessionid={session_key}",
            "Origin": f"http://127.0.0.1:{port}",
        },
        open_timeout=10,
    )


async def next_frame(socket, kind, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        frame = json.loads(
            await asyncio.wait_for(socket.recv(), max(0.1, deadline - time.monotonic()))
        )
        if frame["type"] == kind:
            return frame


async def close_code(socket, timeout=15):
    """The close code the server sends, ignoring frames before it."""
    deadline = time.monotonic() + timeout
    try:
        while True:
            await asyncio.wait_for(socket.recv(), max(0.1, deadline - time.monotonic()))
    except websockets.ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None


async def reconnect(port, slug, session_key, within=10):
    """Open a socket the way the browser does after a close: try again until one opens
    and says who is here (presence); -> (socket, attempts)."""
    deadline, attempts = time.monotonic() + within, 0
    while True:
        attempts += 1
        try:
            socket = await open_socket(port, slug, session_key)
            await next_frame(socket, "presence", timeout=5)
            return socket, attempts
        except (websockets.ConnectionClosed, OSError, TimeoutError):
            assert time.monotonic() < deadline, f"no live socket {within} s after Redis came back"
            await asyncio.sleep(0.5)


async def test_live_sockets_close_when_redis_dies_and_work_again_once_it_is_back():
    need(redis_server_installed(), "redis-server is not installed")
    need(connection.vendor == "postgresql", "a worker process needs a shared database server")
    space, (alice_key, bob_key) = await two_members()
    redis_server = start_redis(REDIS_PORT)
    port = free_port()
    worker = start_worker(port, f"redis://127.0.0.1:{REDIS_PORT}/0")
    try:
        alice = await open_socket(port, space.slug, alice_key)
        await next_frame(alice, "presence")

        stop(redis_server, signal.SIGKILL)
        # The layer's receive fails: the worker closes the socket so the client reconnects
        # (left open, it would sit outside its group once Redis is back, hearing nothing).
        assert await close_code(alice) == 1011

        redis_server = start_redis(REDIS_PORT)
        restarted = time.monotonic()
        alice, attempts = await reconnect(port, space.slug, alice_key)
        bob, _ = await reconnect(port, space.slug, bob_key)
        print(f"live again {time.monotonic() - restarted:.2f} s after Redis, {attempts} attempts")
        client_id = str(uuid.uuid4())
        await alice.send(
            json.dumps({"type": "message.send", "client_id": client_id, "body": "back"})
        )

        ack = await next_frame(alice, "ack")
        heard = await next_frame(bob, "message")
        assert ack["client_id"] == client_id
        assert (heard["id"], heard["client_id"]) == (ack["id"], client_id)
        await alice.close()
        await bob.close()
    finally:
        stop(worker)
        stop(redis_server)
