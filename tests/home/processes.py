"""Real server processes for tests: a private redis-server, a uvicorn worker on the test
database (the way tests/cop/test_scale_out.py starts its workers)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_server_installed():
    return shutil.which("redis-server") is not None


def start_redis(port):
    """redis-server on `port`, nothing saved to disk; returns the process once it answers."""
    proc = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return proc
        except OSError:
            pass
        assert time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.05)


def stop(proc, sig=signal.SIGTERM):
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=10)


def tests_database_url():
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_worker(port, redis_url):
    """A uvicorn worker serving the test database, its channel layer and cache on
    `redis_url`; returns the process once /livez answers."""
    env = {
        **os.environ,
        "DATABASE_URL": tests_database_url(),
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "1",
        "LOG_LEVEL": "WARNING",
    }
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "uvicorn"),
            "config.asgi:application",
            *("--host", "127.0.0.1", "--port", str(port), "--lifespan", "off"),
            *("--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/livez", timeout=2)
            return proc
        except OSError:
            assert proc.poll() is None, "the worker exited"
            assert time.monotonic() < deadline, "the worker did not start"
            time.sleep(0.2)


def get(url, opener=None, data=None, timeout=10):
    """(status, body, seconds) of one request; an HTTP error status is an answer too."""
    started = time.monotonic()
    try:
        with (opener or urllib.request.build_opener()).open(url, data, timeout=timeout) as r:
            return r.status, r.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.monotonic() - started
