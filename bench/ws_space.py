"""Benchmark a space's live discussion over WebSockets: stored messages/s, delivery latency
p50/p99 and server memory per connection, with N clients connected to one space.

    .venv/bin/python bench/ws_space.py [--clients 50 200] [--layer memory redis]
        [--messages 200] [--senders 5] [--redis-url redis://127.0.0.1:6379/15]
        [--compression deflate|none]
    .venv/bin/python bench/ws_space.py --compare [--clients 200] [--rate 10]
        [--seconds 10] [--window 8] [--rounds 2]    (ours against a bare broadcast)

It serves the project as `make run` does (on an isolated SQLite copy of the seeded demo,
or on DATABASE_URL if set), makes bench users bench<i>@example.net who are active members
of a thematic space `bench`, and for every layer and client count:

- memory: ONE uvicorn process, no REDIS_URL (in-memory channel layer);
- redis: TWO uvicorn processes on REDIS_URL (--redis-url, default db 15 on the local
  Redis, FLUSHED at the start of every run), the clients split evenly between them.

After one warm-up connection and message per process, it connects the clients (as a
browser does: Origin, session cookie, permessage-deflate), waits until the presence
frames have died down, then --senders of them send --messages messages concurrently,
each waiting for its ack before sending the next. Every client timestamps every `message`
frame it gets: delivery latency is the time from send to receipt over every (message,
receiver) pair. The server RSS (VmRSS of the uvicorn processes) before and after
connecting gives the memory per connection. It prints a Markdown table and notes.

--compare runs our SpaceConsumer and the bare Channels broadcast of bench/ws_bare.py (a
consumer that group_send's each frame it gets, then acks it: no auth, no database) side
by side in ONE run, on the same layer (Redis, two uvicorn processes, clients split
between them), with the same clients, alternating the sides for --rounds rounds (fresh
servers each time). The bare side's senders send a frame shaped like ours' broadcast (the
same size), which it broadcasts as is. Two phases per side:
- "rate": the same offered load on both sides: --rate messages/s in all from --senders
  senders, each on a fixed schedule, never waiting for acks (open loop), for --seconds;
  delivery latency p50/p99 over every (message, receiver) pair, ack latency.
- "saturated": each sender keeps --window messages in flight at all times for --seconds
  (it sends the next as soon as the broadcast of one comes back to it): as fast as each
  side delivers, never more queued in the channel layer than it holds (senders x window
  per channel, far below its capacity: acking senders that outran the fan-out made the
  layer drop frames). Deliveries/s = frames received by all clients / (last arrival -
  first send).
It prints both sides and the ratios ours/bare: p99 at the same rate, saturated
deliveries/s. The frame guard is raised for both (LIVE_FRAMES_*); our message rate
limit is raised but still counted in Redis for every message.

Two processes writing to one SQLite file serialise on its lock: for the two-process
figures, run it with a PostgreSQL DATABASE_URL. The clients run in this one process on
the same machine as the servers, so they compete for the same cores. Loopback only; every
phase has a timeout; it stops by itself.
"""

import argparse
import asyncio
import contextlib
import datetime
import inspect
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import websockets

try:  # websockets >= 13: the new asyncio implementation
    from websockets.asyncio.client import connect as ws_connect

    HEADERS_ARG = "additional_headers"
except ImportError:  # older releases: the legacy client
    from websockets import connect as ws_connect

    HEADERS_ARG = "extra_headers"

from common import (
    PYTHON,
    ROOT,
    bench_env,
    cpu_seconds,
    manage,
    start_servers,
    stop_servers,
)
from websockets.exceptions import ConnectionClosed

SPACE = "bench"
CONNECT_TIMEOUT = 20  # seconds, for all the clients of a run to be connected
DRAIN_TIMEOUT = 60  # seconds, for the presence frames of the connections to die down
RUN_TIMEOUT = 120  # seconds, for every message of a run to be acked
DELIVERY_WAIT = 10  # seconds after the last ack, for every receiver to get every message
CONNECT_KWARGS = {"ping_interval": None}  # browsers send no pings
if "proxy" in inspect.signature(ws_connect).parameters:
    CONNECT_KWARGS["proxy"] = None  # loopback only, whatever the proxy variables say


def django_json(env, code):
    """Run `code` after django.setup() in a subprocess; the JSON of its last line."""
    out = subprocess.run(
        [PYTHON, "-c", "import django, json; django.setup()\n" + code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def setup_space(env, count):
    """`count` bench users, verified learners and active members of the space `bench`,
    each logged in the way Django's test client does: their session keys, the cookie's
    name and what the database is."""
    code = (
        "from allauth.account.models import EmailAddress\n"
        "from django.conf import settings\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from accounts.services import on_email_verified\n"
        "from cop.models import Membership, Space, SpaceKind\n"
        "User = get_user_model()\n"
        f"space, _ = Space.objects.update_or_create(slug={SPACE!r}, defaults=dict(\n"
        "    name='Benchmark', kind=SpaceKind.THEMATIC, join_policy='open'))\n"
        "keys = []\n"
        f"for i in range({count}):\n"
        "    email = f'bench{i}@example.net'\n"
        "    user = User.objects.filter(email=email).first()\n"
        "    if user is None:\n"
        "        user = User.objects.create_user(email, name=f'Bench user {i:03d}')\n"
        "    EmailAddress.objects.update_or_create(\n"
        "        user=user, email=email, defaults=dict(verified=True, primary=True))\n"
        "    on_email_verified(user)\n"
        "    Membership.objects.update_or_create(space=space, user=user, defaults=dict(\n"
        "        status=Membership.Status.ACTIVE, role=Membership.Role.MEMBER,\n"
        "        muted_until=None))\n"
        "    c = Client(); c.force_login(user)\n"
        "    keys.append(c.cookies[settings.SESSION_COOKIE_NAME].value)\n"
        "if connection.vendor == 'postgresql':\n"
        "    v = connection.cursor().connection.info.server_version\n"
        "    db = f'PostgreSQL {v // 10000}.{v % 10000}'\n"
        "elif connection.vendor == 'sqlite':\n"
        "    import sqlite3; db = f'SQLite {sqlite3.sqlite_version}'\n"
        "else:\n"
        "    db = connection.vendor\n"
        "print(json.dumps(dict(keys=keys, cookie=settings.SESSION_COOKIE_NAME, db=db)))\n"
    )
    return django_json(env, code)


def reset_space(env):
    """No messages and nobody present in the bench space: every run starts the same."""
    code = (
        "from cop.models import Message, Presence\n"
        f"m = Message.objects.filter(space__slug={SPACE!r}).delete()[0]\n"
        f"p = Presence.objects.filter(space__slug={SPACE!r}).delete()[0]\n"
        "print(json.dumps([m, p]))\n"
    )
    return django_json(env, code)


def flush_redis(url):
    import redis  # installed with channels_redis

    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
        return client.info("server")["redis_version"]
    finally:
        client.close()


def server_errors(logs):
    """What the servers logged as errors: the exception that ends every traceback, and
    any other ERROR line."""
    found = []
    for log in logs:
        lines = log.read_text(errors="replace").splitlines()
        i = 0
        while i < len(lines):
            if lines[i].startswith("Traceback"):
                # The traceback's indented frames end with the exception itself.
                i += 1
                while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
                    i += 1
                if i < len(lines):
                    found.append(lines[i])
            elif "ERROR" in lines[i] and not lines[i].endswith("Exception in ASGI application"):
                found.append(lines[i])
            i += 1
    return found


def rss_kib(pids):
    """The sum of VmRSS of the processes, in KiB."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def percentile(values, q):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


# --- The clients -------------------------------------------------------------------------
class Activity:
    """When the last frame arrived at any client."""

    def __init__(self):
        self.last_frame = time.perf_counter()


class Client:
    def __init__(self, index, port, cookie, compression, path=f"/ws/spaces/{SPACE}/"):
        self.index = index
        self.port = port
        self.cookie = cookie
        self.compression = compression
        self.path = path
        self.ws = None
        self.reader = None
        self.received = {}  # client_id -> perf_counter() when its `message` frame came
        self.echoes = {}  # client_id -> called when its `message` frame comes back
        self.pending = {}  # client_id -> future of the ack's arrival time
        self.online = 0  # people in the last presence frame
        self.pong = asyncio.Event()
        self.errors = []
        self.close_code = None
        self.closing = False

    async def open(self, activity):
        headers = [("Origin", f"http://127.0.0.1:{self.port}"), ("Cookie", self.cookie)]
        self.ws = await ws_connect(
            f"ws://127.0.0.1:{self.port}{self.path}",
            open_timeout=CONNECT_TIMEOUT,
            compression=self.compression,
            **{HEADERS_ARG: headers},
            **CONNECT_KWARGS,
        )
        self.reader = asyncio.create_task(self.read(activity))

    async def read(self, activity):
        try:
            async for text in self.ws:
                now = time.perf_counter()
                activity.last_frame = now
                frame = json.loads(text)
                kind = frame.get("type")
                if kind == "message":
                    self.received.setdefault(frame["client_id"], now)
                    echo = self.echoes.pop(frame["client_id"], None)
                    if echo is not None:
                        echo()
                elif kind == "ack":
                    future = self.pending.pop(frame["client_id"], None)
                    if future is not None and not future.done():
                        future.set_result(now)
                elif kind == "presence":
                    self.online = len(frame["online"])
                elif kind == "pong":
                    self.pong.set()
                elif kind == "error":
                    self.errors.append(f"{frame.get('code')}: {frame.get('detail')}")
                    self.fail_pending(f"error frame {frame.get('code')}")
        except ConnectionClosed:
            pass
        finally:
            self.close_code = self.ws.close_code
            self.fail_pending(f"connection closed ({self.close_code})")

    def fail_pending(self, reason):
        for future in self.pending.values():
            if not future.done():
                future.set_exception(ConnectionError(reason))
        self.pending.clear()

    async def ping(self):
        """Round trip through the consumer and the server's database thread: once every
        client has its pong, every connection's arrival has been handled."""
        self.pong.clear()
        await self.ws.send(json.dumps({"type": "ping"}))
        await self.pong.wait()

    async def send_messages(self, count, sent, acked):
        """Send `count` messages one after the other, each once the previous is acked."""
        loop = asyncio.get_running_loop()
        for n in range(count):
            client_id = str(uuid.uuid4())
            future = self.pending[client_id] = loop.create_future()
            body = f"Bench message **{n}** from client {self.index}: hello, everyone."
            sent[client_id] = time.perf_counter()
            await self.ws.send(
                json.dumps({"type": "message.send", "client_id": client_id, "body": body})
            )
            acked[client_id] = await future

    async def close(self):
        self.closing = True
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.wait([self.reader], timeout=5)


async def close_all(clients):
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(
            asyncio.gather(*(c.close() for c in clients), return_exceptions=True), 20
        )
    for client in clients:
        if client.reader is not None and not client.reader.done():
            client.reader.cancel()


async def wait_quiet(clients, activity, expected_online):
    """Until every connection's arrival is handled (a ping round trip from every client),
    then every client has seen everyone online and no frame came for 0.5 s, or no frame
    came for 2 s (two processes may each miss the other's last arrival, and a full
    channel-layer queue drops presence events); bounded: None if it timed out."""
    deadline = time.perf_counter() + DRAIN_TIMEOUT
    try:
        await asyncio.wait_for(asyncio.gather(*(c.ping() for c in clients)), DRAIN_TIMEOUT)
    except TimeoutError:
        return None
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
        quiet = time.perf_counter() - activity.last_frame
        everyone = all(c.online >= expected_online for c in clients)
        if (everyone and quiet >= 0.5) or quiet >= 2:
            return everyone
    return None


async def measure(ports, pids, cookies, args):
    """One run against servers already started: a dict of the figures and notes."""
    notes = []
    n = len(cookies)
    activity = Activity()
    # Warm-up: one connection and one message per server, so lazy imports and the
    # channel layer's connections count neither as per-connection memory nor as latency.
    for port in ports:
        warm = Client(-1, port, cookies[0], args.compression)
        await asyncio.wait_for(warm.open(activity), CONNECT_TIMEOUT)
        await asyncio.wait_for(warm.send_messages(1, {}, {}), CONNECT_TIMEOUT)
        await asyncio.sleep(0.5)
        await warm.close()
    await asyncio.sleep(1)
    rss_before = rss_kib(pids)

    clients = [Client(i, ports[i % len(ports)], c, args.compression) for i, c in enumerate(cookies)]
    started = time.perf_counter()
    try:
        outcomes = await asyncio.wait_for(
            asyncio.gather(*(c.open(activity) for c in clients), return_exceptions=True),
            CONNECT_TIMEOUT,
        )
    except TimeoutError:
        outcomes = [TimeoutError("connect phase timed out")]
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    if failures:
        notes.append(f"{len(failures)} connection(s) failed: {failures[0]!r}")
        await close_all(clients)
        return {"failed": True, "notes": notes}
    connected_s = time.perf_counter() - started
    everyone = await wait_quiet(clients, activity, n)
    drained_s = time.perf_counter() - started
    rss_after = rss_kib(pids)
    online = sorted(c.online for c in clients)
    settled = {
        True: "",
        False: f" (the clients' last presence frames showed {online[0]}-{online[-1]} online)",
        None: " (timed out)",
    }
    notes.append(
        f"{n} connected in {connected_s:.1f} s, presence settled after {drained_s:.1f} s"
        f"{settled[everyone]}; RSS {rss_before / 1024:.0f} -> {rss_after / 1024:.0f} MiB"
    )
    closed_early = [c for c in clients if c.close_code is not None]
    if closed_early:
        notes.append(f"{len(closed_early)} closed while connecting: {closed_early[0].close_code}")

    # Send: --senders clients (spread over the processes), their shares concurrently.
    senders = clients[: args.senders]
    shares = [
        args.messages // len(senders) + (1 if i < args.messages % len(senders) else 0)
        for i in range(len(senders))
    ]
    sent, acked = {}, {}
    try:
        outcomes = await asyncio.wait_for(
            asyncio.gather(
                *(c.send_messages(k, sent, acked) for c, k in zip(senders, shares, strict=True)),
                return_exceptions=True,
            ),
            RUN_TIMEOUT,
        )
    except TimeoutError:
        outcomes = [TimeoutError(f"not every message acked in {RUN_TIMEOUT} s")]
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            notes.append(f"sender stopped: {outcome!r}")
    last_ack = max(acked.values(), default=time.perf_counter())

    # Deliveries: every client should get every message, its own too.
    expected = len(sent) * n
    deadline = last_ack + DELIVERY_WAIT
    while time.perf_counter() < deadline:
        got = sum(1 for c in clients for cid in sent if cid in c.received)
        if got >= expected:
            break
        await asyncio.sleep(0.05)
    latencies = [
        c.received[cid] - at for c in clients for cid, at in sent.items() if cid in c.received
    ]
    # A sender's connection gets the others' messages late while its own are being
    # stored (a consumer handles one event at a time): show the receivers apart.
    listeners = [
        c.received[cid] - at
        for c in clients[len(senders) :]
        for cid, at in sent.items()
        if cid in c.received
    ]
    if listeners:
        notes.append(
            f"delivery to the {n - len(senders)} clients that did not send: "
            f"p50 {ms(percentile(listeners, 0.5))}, p99 {ms(percentile(listeners, 0.99))}"
        )
    errors = [e for c in clients for e in c.errors]
    if errors:
        notes.append(f"{len(errors)} error frame(s), first: {errors[0]}")
    closed = [c for c in clients if c.close_code is not None and not c.closing]
    if closed:
        codes = sorted({c.close_code for c in closed})
        notes.append(f"{len(closed)} connection(s) closed by the server, codes {codes}")
    await close_all(clients)

    ack_times = [acked[cid] - sent[cid] for cid in acked]
    elapsed = last_ack - min(sent.values()) if acked else None
    return {
        "failed": False,
        "messages": len(acked),
        "rate": len(acked) / elapsed if elapsed else None,
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "ack_p50": percentile(ack_times, 0.50),
        "delivered": len(latencies) / expected if expected else None,
        "rss_per_conn": (rss_after - rss_before) / n,
        "notes": notes,
    }


# --- The runs ------------------------------------------------------------------------------
def machine_facts(db):
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return [
        f"date: {datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds')}",
        f"nproc: {len(os.sched_getaffinity(0))}, CPU: {model}",
        f"Python {sys.version.split()[0]}, websockets {websockets.__version__} (clients)",
        f"database: {db}",
    ]


def run(env, layer, cookies, args, logdir):
    processes = 1 if layer == "memory" else 2
    server_env = {**env}
    if layer == "redis":
        server_env["REDIS_URL"] = args.redis_url
        flush_redis(args.redis_url)
    reset_space(env)
    ports, procs, logs = start_servers(server_env, processes, logdir=logdir)
    try:
        result = asyncio.run(measure(ports, [p.pid for p in procs], cookies, args))
    except Exception as error:  # a broken run is a row of the table, not the end
        result = {"failed": True, "notes": [f"run failed: {error!r}"]}
    finally:
        stop_servers(procs)
    errors = server_errors(logs)
    if errors:
        result["notes"].append(f"server logged {len(errors)} error(s), first: {errors[0]}")
    return {"layer": layer, "processes": processes, "clients": len(cookies), **result}


def ms(seconds):
    return "—" if seconds is None else f"{seconds * 1000:.1f} ms"


# --- --compare: ours against a bare broadcast ---------------------------------------------
BARE_PATH = "/ws/bare/"


def start_app(env, count, app, logdir, port_base):
    """`count` uvicorn processes serving `app` on port_base, port_base + 1, ..."""
    return start_servers(env, count, logdir=logdir, app=app, port_base=port_base)


def frame_for(side, client, client_id, n):
    """What a sender sends: ours a message.send; the bare side a frame shaped like the
    message frame ours broadcasts (the bare consumer broadcasts it as is)."""
    body = f"Bench message **{n}** from client {client.index}: hello, everyone."
    if side == "ours":
        return json.dumps({"type": "message.send", "client_id": client_id, "body": body})
    html = (
        f"<p>Bench message <strong>{n}</strong> from client {client.index}: hello, everyone.</p>\n"
    )
    return json.dumps(
        {
            "type": "message",
            "id": 1_000_000 + n,
            "seq": 1_000_000 + n,
            "client_id": client_id,
            "author": {
                "id": 1000 + client.index,
                "name": f"Bench user {client.index:03d}",
                "url": f"/members/bench-user-{client.index:03d}/",
            },
            "body_html": html,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
        }
    )


def track(client, client_id, acked, on_done=None):
    future = client.pending[client_id] = asyncio.get_running_loop().create_future()

    def done(f):
        if not f.cancelled() and f.exception() is None:
            acked[client_id] = f.result()
        if on_done is not None:
            on_done()

    future.add_done_callback(done)
    return future


async def send_at_rate(side, client, count, interval, offset, sent, acked):
    """Open loop: message n goes at offset + n * interval, acked or not."""
    loop = asyncio.get_running_loop()
    start = loop.time() + offset
    for n in range(count):
        await asyncio.sleep(max(0.0, start + n * interval - loop.time()))
        client_id = str(uuid.uuid4())
        track(client, client_id, acked)
        sent[client_id] = time.perf_counter()
        await client.ws.send(frame_for(side, client, client_id, n))


async def send_windowed(side, client, seconds, window, sent, acked):
    """Closed loop with a window: `window` messages in flight at all times, a message
    leaving the flight when its broadcast comes back to its sender (the channel layer's
    queues then never hold more than senders x window messages: nothing is dropped)."""
    free = asyncio.Semaphore(window)
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        try:
            await asyncio.wait_for(free.acquire(), max(0.01, end - time.perf_counter()))
        except TimeoutError:
            break
        client_id = str(uuid.uuid4())
        track(client, client_id, acked)
        client.echoes[client_id] = free.release
        sent[client_id] = time.perf_counter()
        await client.ws.send(frame_for(side, client, client_id, n))
        n += 1


async def deliveries(clients, sent, last_send):
    """Wait until every client has every message of `sent` (or DELIVERY_WAIT after the
    last send), then the latencies and the time of the last arrival."""
    expected = len(sent) * len(clients)
    deadline = last_send + DELIVERY_WAIT
    while time.perf_counter() < deadline:
        if sum(1 for c in clients for cid in sent if cid in c.received) >= expected:
            break
        await asyncio.sleep(0.05)
    latencies, last = [], 0.0
    for c in clients:
        for cid, at in sent.items():
            got = c.received.get(cid)
            if got is not None:
                latencies.append(got - at)
                last = max(last, got)
    return latencies, last, expected


async def measure_side(side, ports, pids, cookies, args):
    notes = []
    path = BARE_PATH if side == "bare" else f"/ws/spaces/{SPACE}/"
    activity = Activity()
    for port in ports:  # warm-up, as measure() does
        warm = Client(-1, port, cookies[0], args.compression, path)
        await asyncio.wait_for(warm.open(activity), CONNECT_TIMEOUT)
        warm_sent, warm_acked = {}, {}
        await send_at_rate(side, warm, 1, 0, 0, warm_sent, warm_acked)
        await asyncio.sleep(0.5)
        await warm.close()
    clients = [
        Client(i, ports[i % len(ports)], c, args.compression, path) for i, c in enumerate(cookies)
    ]
    await asyncio.wait_for(asyncio.gather(*(c.open(activity) for c in clients)), CONNECT_TIMEOUT)
    await wait_quiet(clients, activity, len(clients) if side == "ours" else 0)
    senders = clients[: args.senders]
    cpu_before = [cpu_seconds(pid) for pid in pids]
    result = {"side": side}
    try:
        # Phase 1: the same offered load on both sides.
        sent, acked = {}, {}
        per_sender = max(1, round(args.rate * args.seconds / len(senders)))
        interval = len(senders) / args.rate
        stagger = interval / len(senders)
        await asyncio.wait_for(
            asyncio.gather(
                *(
                    send_at_rate(side, c, per_sender, interval, i * stagger, sent, acked)
                    for i, c in enumerate(senders)
                )
            ),
            args.seconds + RUN_TIMEOUT,
        )
        latencies, _last, expected = await deliveries(clients, sent, time.perf_counter())
        acks = [acked[cid] - sent[cid] for cid in acked]
        result.update(
            rate_messages=len(sent),
            p50=percentile(latencies, 0.5),
            p99=percentile(latencies, 0.99),
            ack_p50=percentile(acks, 0.5),
            ack_p99=percentile(acks, 0.99),
            rate_delivered=len(latencies) / expected if expected else None,
            rate_acked=len(acked) / len(sent) if sent else None,
        )
        cpu_mid = [cpu_seconds(pid) for pid in pids]
        result["cpu_per_delivery_ms"] = (
            1000 * sum(b - a for a, b in zip(cpu_before, cpu_mid, strict=True)) / len(latencies)
            if latencies
            else None
        )
        await asyncio.sleep(1)
        # Phase 2: saturated.
        sent, acked = {}, {}
        first = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(
                *(send_windowed(side, c, args.seconds, args.window, sent, acked) for c in senders)
            ),
            args.seconds + RUN_TIMEOUT,
        )
        latencies, last, expected = await deliveries(clients, sent, time.perf_counter())
        result.update(
            sat_messages=len(sent),
            sat_acked=len(acked),
            sat_delivered=len(latencies) / expected if expected else None,
            sat_rate=len(latencies) / (last - first) if latencies else None,
            sat_p99=percentile(latencies, 0.99),
        )
    finally:
        errors = [e for c in clients for e in c.errors]
        if errors:
            notes.append(f"{len(errors)} error frame(s), first: {errors[0]}")
        closed = [c for c in clients if c.close_code is not None and not c.closing]
        if closed:
            notes.append(
                f"{len(closed)} closed by the server: {sorted({c.close_code for c in closed})}"
            )
        await close_all(clients)
    result["notes"] = notes
    return result


def compare(args):
    workdir = tempfile.mkdtemp(prefix="sse-bench-ws-")
    env = bench_env(
        workdir,
        SPACES_MESSAGES_PER_10_SECONDS="1000000",
        LIVE_FRAMES_BURST="100000",
        LIVE_FRAMES_PER_SECOND="100000",
    )
    env.pop("REDIS_URL", None)
    count = max(args.clients)
    rows = []
    try:
        manage(env, "migrate", "--noinput", "-v0")
        bench = setup_space(env, count)
        cookies = [f"{bench['cookie']}={key}" for key in bench["keys"]]
        server_env = {**env, "REDIS_URL": args.redis_url}
        apps = {"bare": "bench.ws_bare:application", "ours": "config.asgi:application"}
        for round_ in range(1, args.rounds + 1):
            for side in ("bare", "ours"):
                print(f"running: round {round_}, {side} ...", file=sys.stderr, flush=True)
                flush_redis(args.redis_url)
                reset_space(env)
                ports, procs, logs = start_app(server_env, 2, apps[side], workdir, args.port)
                load_before = os.getloadavg()[0]
                try:
                    row = asyncio.run(
                        measure_side(side, ports, [p.pid for p in procs], cookies, args)
                    )
                except Exception as error:
                    row = {"side": side, "failed": True, "notes": [f"run failed: {error!r}"]}
                finally:
                    stop_servers(procs)
                errors = server_errors(logs)
                if errors:
                    row["notes"].append(f"server logged {len(errors)} error(s): {errors[0]}")
                row.update(round=round_, load=(load_before, os.getloadavg()[0]))
                rows.append(row)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    for fact in machine_facts(bench["db"]):
        print(f"- {fact}")
    print(
        f"- {count} clients on 2 uvicorn processes sharing Redis; {args.senders} senders;"
        f" rate phase {args.rate:g} messages/s for {args.seconds:g} s (open loop);"
        f" saturated phase window {args.window} per sender for {args.seconds:g} s;"
        f" client compression {args.compression or 'none'}; DEBUG off"
    )
    print()
    print(
        "| round | side | rate: p50 | rate: p99 | ack p50 | ack p99 | delivered | server CPU"
        " per delivery | saturated deliveries/s | saturated delivered | load (1 min) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        if row.get("failed"):
            print(f"| {row['round']} | {row['side']} | failed |" + "|" * 8)
            continue
        cpu = row["cpu_per_delivery_ms"]
        print(
            f"| {row['round']} | {row['side']} | {ms(row['p50'])} | {ms(row['p99'])} "
            f"| {ms(row['ack_p50'])} | {ms(row['ack_p99'])} | {pct(row['rate_delivered'])} "
            f"| {'—' if cpu is None else f'{cpu:.2f} ms'} | {row['sat_rate'] or 0:,.0f} "
            f"| {pct(row['sat_delivered'])} | {row['load'][0]:.1f} → {row['load'][1]:.1f} |"
        )
    print()
    for round_ in range(1, args.rounds + 1):
        pair = {r["side"]: r for r in rows if r["round"] == round_ and not r.get("failed")}
        if len(pair) == 2 and all(pair[k]["p99"] and pair[k]["sat_rate"] for k in pair):
            bare, ours = pair["bare"], pair["ours"]
            print(
                f"- round {round_}: p99 ratio ours/bare {ours['p99'] / bare['p99']:.2f}"
                f" (target <= 1.5); saturated deliveries/s ratio ours/bare"
                f" {ours['sat_rate'] / bare['sat_rate']:.2f} (target >= 0.9);"
                f" ack p50 {ms(ours['ack_p50'])} vs {ms(bare['ack_p50'])}"
            )
    for row in rows:
        for note in row["notes"]:
            print(f"- round {row['round']}, {row['side']}: {note}")


def pct(value):
    return "—" if value is None else f"{value * 100:.1f} %"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--layer", nargs="+", choices=["memory", "redis"], default=None)
    parser.add_argument("--messages", type=int, default=200, help="per run")
    parser.add_argument("--senders", type=int, default=5)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15", help="FLUSHED")
    parser.add_argument("--compression", choices=["deflate", "none"], default="deflate")
    parser.add_argument("--compare", action="store_true", help="ours against a bare broadcast")
    parser.add_argument("--rate", type=float, default=10, help="--compare: messages/s")
    parser.add_argument("--seconds", type=float, default=10, help="--compare: per phase")
    parser.add_argument("--window", type=int, default=8, help="--compare: unacked per sender")
    parser.add_argument("--rounds", type=int, default=2, help="--compare: bare, ours, ...")
    parser.add_argument("--port", type=int, default=8610, help="--compare: first server port")
    args = parser.parse_args()
    args.layer = args.layer or ["memory", "redis"]
    args.compression = None if args.compression == "none" else args.compression
    if min(args.clients) < args.senders or args.senders < 1:
        parser.error("every --clients must be at least --senders, which is at least 1")
    if args.compare:
        if args.clients == [50, 200]:
            args.clients = [200]
        compare(args)
        return

    workdir = tempfile.mkdtemp(prefix="sse-bench-ws-")
    env = bench_env(workdir, SPACES_MESSAGES_PER_10_SECONDS="100000")
    env.pop("REDIS_URL", None)  # only the redis layer's servers get one: --redis-url
    rows = []
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", "--force")
        bench = setup_space(env, max(args.clients))
        cookies = [f"{bench['cookie']}={key}" for key in bench["keys"]]
        for layer in args.layer:
            for count in args.clients:
                print(f"running: {layer}, {count} clients ...", file=sys.stderr, flush=True)
                rows.append(run(env, layer, cookies[:count], args, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    sqlite = bench["db"].startswith("SQLite")
    print()
    for fact in machine_facts(bench["db"]):
        print(f"- {fact}")
    print(
        f"- {args.messages} messages per run from {args.senders} senders, each waiting for its"
        f" ack; client compression: {args.compression or 'none'}; uvicorn, DEBUG off"
    )
    if sqlite and "redis" in args.layer:
        print(
            "- NOTE: SQLite shared by two processes (their writes serialise on the file lock):"
            " run with a PostgreSQL DATABASE_URL for representative two-process figures."
        )
    print()
    print(
        "| layer | processes | clients | messages | stored msg/s | delivery p50 | delivery p99 "
        "| ack p50 | delivered | server RSS per connection |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        if row["failed"]:
            print(f"| {row['layer']} | {row['processes']} | {row['clients']} | failed |" + "|" * 6)
            continue
        rate = "—" if row["rate"] is None else f"{row['rate']:.0f}"
        delivered = "—" if row["delivered"] is None else f"{row['delivered'] * 100:.1f} %"
        print(
            f"| {row['layer']} | {row['processes']} | {row['clients']} | {row['messages']} "
            f"| {rate} | {ms(row['p50'])} | {ms(row['p99'])} | {ms(row['ack_p50'])} "
            f"| {delivered} | {row['rss_per_conn']:.0f} KiB |"
        )
    print()
    for row in rows:
        for note in row["notes"]:
            print(f"- {row['layer']}, {row['clients']} clients: {note}")


if __name__ == "__main__":
    main()
