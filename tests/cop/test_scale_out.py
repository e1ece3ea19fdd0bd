"""Several ASGI worker processes on one Redis: what one worker receives reaches members
connected to another, and a worker dying mid-conversation loses nothing."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.db import connection

from cop.models import Membership, Message, Space
from tests.accounts.factories import UserFactory
from tests.conftest import need
from tests.cop.live_client import LiveClient

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]
ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def workers():
    """Two uvicorn processes serving this test's database, sharing REDIS_URL."""
    need(os.environ.get("REDIS_URL"), "REDIS_URL is not set: workers need Redis to share")
    need(
        connection.vendor == "postgresql",
        "two processes need a shared database server (set DATABASE_URL to PostgreSQL)",
    )
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}"
        f"/{db['NAME']}",
        "DJANGO_DEBUG": "1",
        "LOG_LEVEL": "WARNING",
    }
    ports, procs = [free_port(), free_port()], []
    for port in ports:
        procs.append(
            subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "uvicorn"),
                    "config.asgi:application",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--lifespan",
                    "off",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                start_new_session=True,
            )
        )
    deadline = time.monotonic() + 30
    for port in ports:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "a worker did not start"
                time.sleep(0.2)
    yield list(zip(ports, procs, strict=True))
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)


@database_sync_to_async
def two_members():
    from django.test import Client

    space = Space.objects.create(slug="scale", name="Scale", kind="thematic")
    sessions = []
    for name in ("Anong", "Bolor"):
        person = UserFactory(name=name)
        Membership.objects.create(space=space, user=person)
        client = Client()
        client.force_login(person)
        sessions.append(client.cookies["sessionid"].value)
    return space, sessions


@database_sync_to_async
def stored_client_ids(space):
    return list(Message.objects.filter(space=space).values_list("client_id", flat=True))


async def test_a_message_sent_to_one_worker_reaches_members_on_the_other(workers):
    space, (anong_key, bolor_key) = await two_members()
    urls = [f"ws://127.0.0.1:{port}/ws/spaces/{space.slug}/" for port, _ in workers]
    anong = LiveClient("Anong", anong_key, urls)
    bolor = LiveClient("Bolor", bolor_key, urls)
    await anong.connect(worker=0)
    await bolor.connect(worker=1)

    client_id = await anong.send("Sain baina uu from worker one")
    await anong.wait_for(lambda: client_id in anong.acked)
    await bolor.wait_for(lambda: anong.acked[client_id] in bolor.seen)

    assert bolor.seen[anong.acked[client_id]] == client_id
    await anong.close()
    await bolor.close()


async def test_an_idle_connection_survives_redis_blocking_reads(workers):
    """redis-py 8's default 5 s socket timeout would close an idle consumer (1011)."""
    space, (anong_key, bolor_key) = await two_members()
    urls = [f"ws://127.0.0.1:{port}/ws/spaces/{space.slug}/" for port, _ in workers]
    anong, bolor = LiveClient("Anong", anong_key, urls), LiveClient("Bolor", bolor_key, urls)
    await anong.connect(worker=0)
    await bolor.connect(worker=1)

    await asyncio.sleep(7)  # idle, longer than redis-py's default socket timeout
    client_id = await bolor.send("still there?")
    await bolor.wait_for(lambda: client_id in bolor.acked)
    await anong.wait_for(lambda: bolor.acked[client_id] in anong.seen)

    assert anong.socket.close_code is None
    await anong.close()
    await bolor.close()


async def test_killing_a_worker_mid_conversation_loses_nothing_and_stores_nothing_twice(workers):
    space, (anong_key, bolor_key) = await two_members()
    urls = [f"ws://127.0.0.1:{port}/ws/spaces/{space.slug}/" for port, _ in workers]
    anong, bolor = LiveClient("Anong", anong_key, urls), LiveClient("Bolor", bolor_key, urls)
    await anong.connect(worker=0)
    await bolor.connect(worker=1)
    for n in range(4):
        await anong.send(f"before {n}")
        await bolor.send(f"reply {n}")
    await anong.wait_for(lambda: not anong.unacked)

    # A burst, and the worker Anong is on dies in the middle of it.
    for n in range(6):
        await anong.send(f"burst {n}")
    os.killpg(workers[0][1].pid, signal.SIGKILL)
    await anong.fail_over()  # to worker two: catch up with ?after=, resend the unacked
    for n in range(3):
        await bolor.send(f"after {n}")
    await anong.wait_for(lambda: not anong.unacked)
    await bolor.wait_for(lambda: not bolor.unacked)

    acked = {**anong.acked, **bolor.acked}
    stored = await stored_client_ids(space)
    assert len(acked) == 4 + 4 + 6 + 3
    assert sorted(map(str, stored)) == sorted(acked)  # each exactly once, nothing extra
    every_id = set(acked.values())
    await anong.wait_for(lambda: every_id <= set(anong.seen))
    await bolor.wait_for(lambda: every_id <= set(bolor.seen))
    assert anong.reconnects == 1
    await anong.close()
    await bolor.close()
