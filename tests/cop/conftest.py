import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model

from accounts.constants import Country
from config.asgi import application
from tests.cop.factories import member, national_space

__all__ = ["member"]  # kept importable from here for older tests

# What a browser on http://localhost sends: the origin must be exactly the site's own.
ORIGIN = (b"origin", b"http://localhost")
HOST = (b"host", b"localhost")


def user(email):
    return get_user_model().objects.get(email=email)


@database_sync_to_async
def session_cookie(who):
    """A session cookie header for `who` (a user), as the browser would send it."""
    from django.test import Client

    client = Client()
    client.force_login(who)
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


async def connect(who, slug, after=None, origin=ORIGIN):
    """A WebsocketCommunicator for `who` (None: anonymous), past the handshake."""
    path = f"/ws/spaces/{slug}/" + (f"?after={after}" if after is not None else "")
    headers = [HOST, origin] if origin else [HOST]
    if who is not None:
        headers.append(await session_cookie(who))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    await communicator.connect()
    return communicator


async def frames_until(communicator, kind, limit=50):
    """Frames received up to and including the first of type `kind`."""
    seen = []
    for _ in range(limit):
        frame = await communicator.receive_json_from(timeout=5)
        seen.append(frame)
        if frame["type"] == kind:
            return seen
    raise AssertionError(f"no {kind} frame in {seen}")


@pytest.fixture
def thailand(db):
    """Thailand's national space, empty."""
    return national_space(Country.THAILAND)
