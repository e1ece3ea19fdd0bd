import asyncio
import json
import os

import pytest
import websockets
from channels.db import database_sync_to_async
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper

from cop.models import Membership, Space
from tests.accounts.factories import UserFactory
from tests.conftest import need
from tests.home.processes import free_port, get, start_worker, stop

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [{"address": "redis://127.0.0.1:1/0", "socket_timeout": None}]},
    }
}


def test_healthy_when_database_and_channel_layer_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "channel_layer": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_unavailable_when_the_channel_layer_does_not_answer(client, settings):
    settings.CHANNEL_LAYERS = UNREACHABLE_REDIS  # nothing listens on port 1

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "channel_layer": "down"}


def test_unavailable_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused")

    # The database "goes away": every new cursor fails as it would with the server down.
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "down", "channel_layer": "ok"}


def test_alive_whatever_the_dependencies_say(client, settings):
    settings.CHANNEL_LAYERS = UNREACHABLE_REDIS

    response = client.get("/livez")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


# --- With the chat busy: a real worker on the real (Redis) channel layer -----------------


@database_sync_to_async
def members_of_one_space(count):
    from django.test import Client

    space = Space.objects.create(slug="healthz", name="Healthz", kind="thematic")
    sessions = []
    for _ in range(count):
        person = UserFactory()
        Membership.objects.create(space=space, user=person)
        client = Client()
        client.force_login(person)
        sessions.append(client.cookies["sessionid"].value)
    return space, sessions


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections")
async def test_healthy_with_twenty_idle_sockets_open_on_the_redis_channel_layer():
    need(os.environ.get("REDIS_URL"), "REDIS_URL is not set: the layer under test is Redis's")
    need(connection.vendor == "postgresql", "a worker process needs a shared database server")
    space, sessions = await members_of_one_space(20)
    port = free_port()
    worker = await asyncio.to_thread(start_worker, port, os.environ["REDIS_URL"])
    sockets = []
    try:
        for session in sessions:
            sockets.append(
                await websockets.connect(
                    f"ws://127.0.0.1:{port}/ws/spaces/{space.slug}/",
                    additional_headers={
                        "Cookie": f"sessionid={session}",
                        "Origin": f"http://127.0.0.1:{port}",
                    },
                    open_timeout=10,
                )
            )
        await asyncio.sleep(1)  # every consumer settled in its receive loop, idle

        answers = [
            await asyncio.to_thread(get, f"http://127.0.0.1:{port}/healthz") for _ in range(5)
        ]

        assert [(status, json.loads(body)) for status, body, _ in answers] == [
            (200, {"status": "ok", "checks": {"database": "ok", "channel_layer": "ok"}})
        ] * 5
        assert all(s.close_code is None for s in sockets)
        print("healthz seconds with 20 idle sockets:", [round(t, 3) for *_, t in answers])
    finally:
        for s in sockets:
            await s.close()
        await asyncio.to_thread(stop, worker)
