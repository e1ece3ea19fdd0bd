"""Sockets to /ws/activities/ through the real ASGI application, as a browser on the site
opens them (same origin, the session cookie), for the live tests of the tracker."""

import json

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.asgi import application
from tests.cop.conftest import HOST, ORIGIN


@database_sync_to_async
def signed_in(person):
    """A Django test client logged in as `person` (a session of its own)."""
    client = Client()
    client.force_login(person)
    return client


def cookie_of(client):
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


async def socket(who=None, query="", origin=ORIGIN):
    """A socket to /ws/activities/?<query> for `who` (a user, a signed-in Client, or None:
    anonymous), past the handshake; it may be closed at once."""
    if who is not None and not isinstance(who, Client):
        who = await signed_in(who)
    headers = [HOST, *([origin] if origin else []), *([cookie_of(who)] if who else [])]
    path = "/ws/activities/" + (f"?{query}" if query else "")
    ws = WebsocketCommunicator(application, path, headers=headers)
    connected, _subprotocol = await ws.connect(timeout=5)
    assert connected
    return ws


async def listening(who, query=""):
    """A socket that has joined its group and replayed what it asked for: the consumer
    answers frames in order, so its pong comes after both. Returns (socket, replayed)."""
    ws = await socket(who, query)
    await ws.send_json_to({"type": "ping"})
    replayed = []
    while (frame := await ws.receive_json_from(timeout=5)) != {"type": "pong"}:
        replayed.append(frame)
    return ws, replayed


async def close_code(ws, timeout=5):
    """The code of the next close the application sends, skipping frames before it."""
    for _ in range(100):
        output = await ws.receive_output(timeout=timeout)
        if output["type"] == "websocket.close":
            return output.get("code", 1000)
    raise AssertionError("the socket was never closed")


async def answers_ping(ws):
    """True if the socket is open and its next frame is the pong to a ping."""
    await ws.send_json_to({"type": "ping"})
    output = await ws.receive_output(timeout=5)
    return output["type"] == "websocket.send" and json.loads(output["text"]) == {"type": "pong"}


async def frames(ws, count):
    return [await ws.receive_json_from(timeout=5) for _ in range(count)]


async def hears_nothing(*sockets, wait=0.3):
    for ws in sockets:
        if not await ws.receive_nothing(timeout=wait):
            return False
    return True
