"""Benchmark a reconnect storm: N clients of a space move from a killed worker to the
survivor. How long until all are back, and caught up?

    .venv/bin/python bench/reconnect_storm.py [--clients 160] [--runs 3]
        [--modes jitter burst] [--placement killed|split] [--timeout 60]
        [--database-url postgres://.../sse_h3] [--redis-url redis://127.0.0.1:6379/13]

Two uvicorn workers on one PostgreSQL (--database-url, migrated and seeded here) and one
Redis (--redis-url, FLUSHED at the start of every storm). The bench users
bench<i>@example.net are active members of the space `bench`; each client is a different
member, connected as a browser is (Origin, session cookie, permessage-deflate,
`?after=<cursor>`). With --placement killed (the default) all N clients are on worker 1;
with split, every other one is (and only those move). A sender, connected to worker 2,
posts a few messages before the kill (so every client has a cursor), then SIGKILL goes to
worker 1, and the sender posts --storm-messages more on worker 2, one every 0.5 s, while
the clients come back.

Every client reconnects to the survivor (as behind a load balancer that no longer routes
to the dead worker) the way static/js/space.js does:

- jitter: after a close, wait 250 ms + random() * min(30 s, 2 s * 2**attempt) (full
  jitter; `attempt` counts the attempts since the last successful open, as in the
  browser, where it goes back to 0 when a socket opens);
- burst: no jitter, the storm the browser used to make: everyone at once at the close,
  then retries at 0.25 s * 2**attempt, all in step.

A client is *back* when its new socket has delivered the `presence` frame (the server
sends it after the authorisation, the groups and the replay of `?after=`); its cursor is,
as in the browser, the id of the highest seq received without a gap. It is *caught up*
when it holds every message the sender's acks confirmed (checked by id; seqs checked for
gaps). A failed attempt is any attempt after the kill that did not get to `presence`
(refused, timed out, closed with a code, such as 4429 or 1011). A separate process asks
the survivor's /healthz every 200 ms (2 s timeout) from 1 s before the kill to the end.
The survivor's CPU time (utime + stime) over the storm is read from /proc.

Every storm is bounded by --timeout (60 s) after the kill; loopback only; it stops by
itself. The clients run in this one process on the same machine as the servers.
"""

import argparse
import asyncio
import contextlib
import inspect
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

from common import PYTHON, bench_env, cpu_seconds, manage, start_servers, stop_servers
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus
from ws_space import (  # the websockets client as ws_space picks it
    HEADERS_ARG,
    SPACE,
    django_json,
    flush_redis,
    machine_facts,
    percentile,
    server_errors,
    setup_space,
    ws_connect,
)

CONNECT_TIMEOUT = 30  # seconds, for all the clients to be connected before the kill
BROWSER_IDLE = 60  # seconds: space.js drops a socket (or an attempt) silent for this long
HEALTH_INTERVAL = 0.2
HEALTH_TIMEOUT = 2.0
CONNECT_KWARGS = {"ping_interval": None}  # browsers send no pings
if "proxy" in inspect.signature(ws_connect).parameters:
    CONNECT_KWARGS["proxy"] = None  # loopback only, whatever the proxy variables say
FATAL = {4401, 4403}  # space.js never reconnects after these


def reset_space(env):
    """No messages and nobody present in the bench space; its last seq (the next message
    is seq + 1, whatever earlier runs left)."""
    code = (
        "from cop.models import Message, Presence, Space\n"
        f"Message.objects.filter(space__slug={SPACE!r}).delete()\n"
        f"Presence.objects.filter(space__slug={SPACE!r}).delete()\n"
        f"print(json.dumps(Space.objects.get(slug={SPACE!r}).last_seq))\n"
    )
    return django_json(env, code)


# --- The /healthz sampler (a process of its own, so the clients' loop does not delay it) --
def sample_health(url):
    """Print one JSON line per request to `url`, every HEALTH_INTERVAL s, until SIGTERM
    (or 120 s)."""
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    handler = urllib.request.ProxyHandler({})  # loopback only
    opener = urllib.request.build_opener(handler)
    end = time.time() + 120
    while not stop and time.time() < end:
        started = time.time()
        try:
            with opener.open(url, timeout=HEALTH_TIMEOUT) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError as error:
            status = f"{type(error).__name__}"
        took = time.time() - started
        print(json.dumps({"at": started, "status": status, "took": took}), flush=True)
        time.sleep(max(0.0, HEALTH_INTERVAL - took))


# --- The clients ---------------------------------------------------------------------------
class StormClient:
    """One member's browser tab: reconnects with space.js's policy, keeps its cursor."""

    def __init__(self, index, cookie, port, base_seq, mode):
        self.index = index
        self.cookie = cookie
        self.port = port
        self.mode = mode
        self.seq = base_seq  # highest seq received without a gap
        self.cursor = 0  # id of that message
        self.ahead = {}  # seq -> id, received past a gap
        self.received = {}  # message id -> perf_counter() when it first came
        self.gaps = 0  # times a seq skipped ahead
        self.attempts = []  # (started, outcome): "ready" or why it failed
        self.ready_at = []  # perf_counter() of every socket that got to `presence`
        self.errors = []
        self.ready = asyncio.Event()
        self.ws = None
        self.stopping = False
        self.gave_up = None

    def on_message(self, frame, now):
        message_id, seq = int(frame["id"]), int(frame.get("seq") or 0)
        self.received.setdefault(message_id, now)
        if seq <= self.seq:
            return
        self.ahead[seq] = message_id
        if seq > self.seq + 1:
            self.gaps += 1
        while self.seq + 1 in self.ahead:
            self.seq += 1
            self.cursor = max(self.cursor, self.ahead.pop(self.seq))

    def delay(self, attempt):
        if self.mode == "jitter":  # static/js/space.js scheduleReconnect()
            return 0.25 + random.random() * min(  # noqa: S311 (not for secrets)
                30.0, 2.0 * 2**attempt
            )
        return 0.0 if attempt == 0 else min(30.0, 0.25 * 2**attempt)

    async def life(self, deadline):
        """Connect, and reconnect after every close, until stopped or `deadline`."""
        attempt = 0
        while not self.stopping and time.perf_counter() < deadline:
            opened, code = await self.session(deadline)
            if self.stopping:
                return
            if opened:
                attempt = 0  # as space.js's onopen
            if code in FATAL:
                self.gave_up = code
                return
            wait = self.delay(attempt)
            attempt = min(attempt + 1, 10)
            if time.perf_counter() + wait >= deadline:
                return
            await asyncio.sleep(wait)

    async def session(self, deadline):
        """One socket, from the attempt to its close -> (opened, close code)."""
        started = time.perf_counter()
        record = [started, None]
        self.attempts.append(record)
        url = f"ws://127.0.0.1:{self.port}/ws/spaces/{SPACE}/?after={self.cursor}"
        headers = [("Origin", f"http://127.0.0.1:{self.port}"), ("Cookie", self.cookie)]
        budget = max(0.1, min(BROWSER_IDLE, deadline - started))
        try:
            ws = await asyncio.wait_for(
                ws_connect(
                    url,
                    open_timeout=None,
                    compression="deflate",
                    **{HEADERS_ARG: headers},
                    **CONNECT_KWARGS,
                ),
                budget,
            )
        except TimeoutError:
            record[1] = "handshake timed out"
            return False, None
        except InvalidStatus as error:
            record[1] = f"HTTP {error.response.status_code}"
            return False, None
        except (OSError, InvalidHandshake) as error:
            record[1] = type(error).__name__
            return False, None
        self.ws = ws
        if self.stopping:
            await ws.close()
            return True, None
        got_ready = False
        pinger = asyncio.create_task(self.keep_alive(ws))
        try:
            async with asyncio.timeout(max(0.1, deadline - time.perf_counter())):
                async for text in ws:
                    now = time.perf_counter()
                    frame = json.loads(text)
                    kind = frame.get("type")
                    if kind == "message":
                        self.on_message(frame, now)
                    elif kind == "presence" and not got_ready:
                        got_ready = True
                        record[1] = "ready"
                        self.ready_at.append(now)
                        self.ready.set()
                    elif kind == "error":
                        self.errors.append(frame.get("code"))
        except ConnectionClosed:
            pass
        except TimeoutError:
            await ws.close()
        pinger.cancel()
        code = ws.close_code
        if not got_ready:
            record[1] = f"closed {code} before presence"
        self.ws = None
        self.ready.clear()
        return True, code

    @staticmethod
    async def keep_alive(ws):
        """A ping every 25 s, as space.js sends (else the server closes idle sockets)."""
        with contextlib.suppress(ConnectionClosed):
            while True:
                await asyncio.sleep(25)
                await ws.send(json.dumps({"type": "ping"}))

    async def stop(self):
        self.stopping = True
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 5)


class Sender:
    """The member who keeps talking during the storm, on the survivor."""

    def __init__(self, cookie, port):
        self.cookie, self.port = cookie, port
        self.pending = {}
        self.acked = {}  # message id -> perf_counter() of its ack
        self.ack_times = []
        self.errors = []

    async def open(self):
        headers = [("Origin", f"http://127.0.0.1:{self.port}"), ("Cookie", self.cookie)]
        self.ws = await ws_connect(
            f"ws://127.0.0.1:{self.port}/ws/spaces/{SPACE}/",
            open_timeout=CONNECT_TIMEOUT,
            **{HEADERS_ARG: headers},
            **CONNECT_KWARGS,
        )
        self.reader = asyncio.create_task(self.read())

    async def read(self):
        with contextlib.suppress(ConnectionClosed):
            async for text in self.ws:
                frame = json.loads(text)
                if frame.get("type") == "ack":
                    future = self.pending.pop(frame["client_id"], None)
                    if future is not None and not future.done():
                        future.set_result(int(frame["id"]))
                elif frame.get("type") == "error":
                    self.errors.append(frame.get("code"))
                    for future in self.pending.values():
                        if not future.done():
                            future.set_exception(ConnectionError(frame.get("code")))
                    self.pending.clear()

    async def send(self, n, timeout=10):
        client_id = str(uuid.uuid4())
        future = self.pending[client_id] = asyncio.get_running_loop().create_future()
        started = time.perf_counter()
        body = f"Storm message {n}: is everyone back?"
        await self.ws.send(
            json.dumps({"type": "message.send", "client_id": client_id, "body": body})
        )
        message_id = await asyncio.wait_for(future, timeout)
        now = time.perf_counter()
        self.acked[message_id] = now
        self.ack_times.append(now - started)
        return message_id

    async def close(self):
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(), 5)
        self.reader.cancel()


async def storm(ports, procs, cookies, sender_cookie, base_seq, args, mode):
    """One storm against two fresh workers; worker 1 (ports[0]) is killed. A dict."""
    doomed, survivor = ports
    notes = []
    moved = [
        i for i in range(len(cookies)) if args.placement == "killed" or i % 2 == 0
    ]  # the clients on the worker to be killed
    clients = [
        StormClient(i, c, doomed if i in set(moved) else survivor, base_seq, mode)
        for i, c in enumerate(cookies)
    ]
    setup_deadline = time.perf_counter() + CONNECT_TIMEOUT + args.timeout + 30
    lives = [asyncio.create_task(c.life(setup_deadline)) for c in clients]
    sender = Sender(sender_cookie, survivor)
    health = None
    try:
        await sender.open()
        try:
            await asyncio.wait_for(
                asyncio.gather(*(c.ready.wait() for c in clients)), CONNECT_TIMEOUT
            )
        except TimeoutError:
            ready = sum(c.ready.is_set() for c in clients)
            return {"failed": True, "notes": [f"only {ready}/{len(clients)} connected"]}
        await asyncio.sleep(2)  # presence announcements die down
        for n in range(args.before_messages):
            await sender.send(f"before-{n}")
        expected = set(sender.acked)
        limit = time.perf_counter() + 10
        while time.perf_counter() < limit and not all(
            expected <= c.received.keys() for c in clients
        ):
            await asyncio.sleep(0.05)
        behind = sum(not expected <= c.received.keys() for c in clients)
        if behind:
            notes.append(f"{behind} client(s) missed a message before the kill")
        before_attempts = [len(c.attempts) for c in clients]

        health = subprocess.Popen(
            [PYTHON, __file__, "--sample-health", f"http://127.0.0.1:{survivor}/healthz"],
            stdout=subprocess.PIPE,
            text=True,
        )
        await asyncio.sleep(1.0)
        cpu_before = cpu_seconds(procs[1].pid)
        own_before = sum(os.times()[:2])
        for c in clients:
            c.port = survivor  # the load balancer sends every new socket to the survivor
        wall_kill = time.time()
        killed = time.perf_counter()
        os.killpg(procs[0].pid, signal.SIGKILL)
        deadline = killed + args.timeout

        async def keep_talking():
            for n in range(args.storm_messages):
                await asyncio.sleep(0.5 if n else 0.1)
                try:
                    left = max(0.1, deadline - time.perf_counter())
                    await sender.send(f"storm-{n}", timeout=left)
                except (TimeoutError, ConnectionError, ConnectionClosed) as error:
                    notes.append(f"sender: message storm-{n} not acked: {error!r}")

        talking = asyncio.create_task(keep_talking())

        def back(c):
            return any(t > killed for t in c.ready_at) and c.ready.is_set()

        all_back = None
        while time.perf_counter() < deadline:
            now = time.perf_counter()
            if all_back is None and all(back(clients[i]) for i in moved):
                all_back = now
            if (
                all_back is not None
                and talking.done()
                and all(set(sender.acked) <= c.received.keys() for c in clients)
            ):
                break
            await asyncio.sleep(0.02)
        ended = time.perf_counter()
        cpu_after = cpu_seconds(procs[1].pid)
        own_after = sum(os.times()[:2])
        if not talking.done():
            talking.cancel()
            notes.append("the sender had not finished at the deadline")
    finally:
        for c in clients:
            c.stopping = True
        await asyncio.gather(*(c.stop() for c in clients), return_exceptions=True)
        for life in lives:
            life.cancel()
        await asyncio.gather(*lives, return_exceptions=True)
        with contextlib.suppress(Exception):
            await sender.close()
        samples = []
        if health is not None:
            health.terminate()
            out, _err = health.communicate(timeout=10)
            samples = [json.loads(line) for line in out.splitlines() if line.strip()]

    # --- Figures ---------------------------------------------------------------------------
    everything = set(sender.acked)
    reconnect = []  # per moved client: kill -> back
    for i in moved:
        after = [t for t in clients[i].ready_at if t > killed]
        if after:
            reconnect.append(after[0] - killed)
    caught_up = []  # per client: kill -> holding every message the acks confirmed
    for c in clients:
        if everything <= c.received.keys():
            caught_up.append(max(0.0, max(c.received[m] for m in everything) - killed))
    # Who missed what: acked before its (last) socket got to presence (the replay should
    # have had it) or after (the live stream should have).
    missing = {"replay": 0, "live": 0, "clients": 0, "last_seq": []}
    for c in clients:
        lacking = everything - c.received.keys()
        if not lacking:
            continue
        missing["clients"] += 1
        missing["last_seq"].append(c.seq - base_seq)
        ready = max(c.ready_at, default=0.0)
        for m in lacking:
            missing["replay" if sender.acked[m] < ready else "live"] += 1
    if missing["clients"]:
        seqs = sorted(set(missing["last_seq"]))
        notes.append(
            f"{missing['clients']} client(s) never caught up: missing {missing['replay']}"
            f" message(s) acked before their socket was ready (replay) and {missing['live']}"
            f" after (live); their highest contiguous seq {seqs} of {len(everything)}"
        )
    failures = {}
    attempts_after = 0
    for c, before in zip(clients, before_attempts, strict=True):
        for started, outcome in c.attempts[before:]:
            if started < killed:
                continue
            attempts_after += 1
            if outcome != "ready":
                key = outcome or "stopped at the deadline"
                failures[key] = failures.get(key, 0) + 1
    statuses = {}
    during = [s for s in samples if s["at"] >= wall_kill - 1.0]
    for s in during:
        statuses[str(s["status"])] = statuses.get(str(s["status"]), 0) + 1
    not_ok = [s for s in during if s["status"] != 200]
    if not_ok:
        when = ", ".join(f"{s['at'] - wall_kill:+.1f} s: {s['status']}" for s in not_ok[:10])
        notes.append(f"healthz not 200 at (from the kill) {when}")
    errors = [e for c in clients for e in c.errors] + sender.errors
    if errors:
        counts = {e: errors.count(e) for e in sorted(set(errors))}
        notes.append(f"error frames: {counts}")
    gaps = sum(c.gaps for c in clients)
    if gaps:
        notes.append(f"{gaps} seq gap(s) seen live (the replay of ?after=cursor refills them)")
    gave_up = [c.gave_up for c in clients if c.gave_up]
    if gave_up:
        notes.append(f"{len(gave_up)} client(s) got a final close: {sorted(set(gave_up))}")
    if sender.ack_times:
        notes.append(
            f"sender ack max {max(sender.ack_times) * 1000:.0f} ms over {len(sender.ack_times)}"
        )
    window = ended - killed
    cpu = (
        None
        if cpu_before is None or cpu_after is None
        else (cpu_after - cpu_before) / window
        if window > 0
        else None
    )
    notes.append(
        f"the clients' own process used {(own_after - own_before) / window * 100:.0f} % of a"
        f" core over the {window:.1f} s"
    )
    return {
        "failed": False,
        "mode": mode,
        "moved": len(moved),
        "clients": len(clients),
        "back": len(reconnect),
        "all_back": None if all_back is None else all_back - killed,
        "caught": len(caught_up),
        "all_caught": max(caught_up) if len(caught_up) == len(clients) else None,
        "p50": percentile(reconnect, 0.5),
        "p95": percentile(reconnect, 0.95),
        "max": max(reconnect, default=None),
        "attempts": attempts_after,
        "failed_attempts": sum(failures.values()),
        "failures": failures,
        "messages": len(everything),
        "health_samples": len(during),
        "health_not_ok": len(not_ok),
        "health_statuses": statuses,
        "health_max": max((s["took"] for s in during), default=None),
        "cpu": cpu,
        "notes": notes,
    }


def run(env, cookies, sender_cookie, args, mode, logdir):
    flush_redis(args.redis_url)
    base_seq = reset_space(env)
    ports, procs, logs = start_servers(env, 2, logdir=logdir)
    try:
        result = asyncio.run(storm(ports, procs, cookies, sender_cookie, base_seq, args, mode))
    except Exception as error:  # a broken run is a row of the table, not the end
        result = {"failed": True, "mode": mode, "notes": [f"run failed: {error!r}"]}
    finally:
        stop_servers(procs)
    errors = server_errors([log for log in logs if log])
    if errors:
        kinds = {}
        for e in errors:
            kinds[e[:120]] = kinds.get(e[:120], 0) + 1
        top = sorted(kinds.items(), key=lambda kv: -kv[1])[:3]
        result["notes"].append(f"servers logged {len(errors)} error(s): {top}")
    for log in logs:
        if log:
            with contextlib.suppress(OSError):
                log.unlink()
    return result


def sec(value):
    return "—" if value is None else f"{value:.2f} s"


def median(rows, key):
    values = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=160)
    parser.add_argument("--runs", type=int, default=3, help="storms per mode")
    parser.add_argument("--modes", nargs="+", choices=["jitter", "burst"], default=None)
    parser.add_argument("--placement", choices=["killed", "split"], default="killed")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds after the kill")
    parser.add_argument("--before-messages", type=int, default=3)
    parser.add_argument("--storm-messages", type=int, default=6)
    parser.add_argument(
        "--database-url", default="postgres://postgres:postgres@127.0.0.1:5432/sse_h3"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13", help="FLUSHED")
    parser.add_argument("--sample-health", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sample_health:
        return sample_health(args.sample_health)
    args.modes = args.modes or ["jitter", "burst"]

    workdir = tempfile.mkdtemp(prefix="sse-bench-storm-")
    limits = {
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "LIVE_MAX_SOCKETS_PER_ADDRESS": "2000",  # every bench client comes from 127.0.0.1
        "SPACES_MESSAGES_PER_10_SECONDS": "1000",
    }
    env = bench_env(workdir, **limits)
    rows = []
    try:
        manage(env, "migrate", "--noinput", "-v0")
        bench = setup_space(env, args.clients + 1)
        cookies = [f"{bench['cookie']}={key}" for key in bench["keys"]]
        for n in range(args.runs):
            for mode in args.modes:
                print(f"storm {n + 1}/{args.runs}: {mode} ...", file=sys.stderr, flush=True)
                row = run(env, cookies[1:], cookies[0], args, mode, workdir)
                print(json.dumps(row), file=sys.stderr, flush=True)
                rows.append(row)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    for fact in machine_facts(bench["db"]):
        print(f"- {fact}")
    print(
        f"- {args.clients} clients, placement {args.placement}; 2 uvicorn workers, Redis"
        f" layer; env {', '.join(f'{k}={v}' for k, v in limits.items() if 'URL' not in k)}"
    )
    print()
    print(
        "| mode | run | moved | all back | all caught up | reconnect p50 | p95 | max "
        "| attempts | failed | healthz non-200 / samples | survivor CPU |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode in args.modes:
        mine = [r for r in rows if r.get("mode") == mode]
        for n, r in enumerate(mine, 1):
            if r["failed"]:
                print(f"| {mode} | {n} | failed |" + " |" * 9)
                continue
            cpu = "—" if r["cpu"] is None else f"{r['cpu'] * 100:.0f} %"
            back = sec(r["all_back"]) if r["back"] == r["moved"] else f"{r['back']}/{r['moved']}"
            caught = (
                sec(r["all_caught"])
                if r["all_caught"] is not None
                else (f"{r['caught']}/{r['clients']}")
            )
            print(
                f"| {mode} | {n} | {r['moved']} | {back} | {caught} | {sec(r['p50'])} "
                f"| {sec(r['p95'])} | {sec(r['max'])} | {r['attempts']} "
                f"| {r['failed_attempts']} | {r['health_not_ok']} / {r['health_samples']} "
                f"| {cpu} |"
            )
        ok = [r for r in mine if not r["failed"]]
        if ok:
            cpu = median(ok, "cpu")
            print(
                f"| **{mode}, median** | {len(ok)} | {ok[0]['moved']} "
                f"| {sec(median(ok, 'all_back'))} | {sec(median(ok, 'all_caught'))} "
                f"| {sec(median(ok, 'p50'))} | {sec(median(ok, 'p95'))} "
                f"| {sec(median(ok, 'max'))} | {median(ok, 'attempts'):.0f} "
                f"| {median(ok, 'failed_attempts'):.0f} | {median(ok, 'health_not_ok'):.0f} "
                f"/ {median(ok, 'health_samples'):.0f} "
                f"| {'—' if cpu is None else f'{cpu * 100:.0f} %'} |"
            )
    print()
    for mode in args.modes:
        for n, r in enumerate((r for r in rows if r.get("mode") == mode), 1):
            extra = []
            if not r["failed"]:
                if r["failures"]:
                    extra.append(f"failed attempts: {r['failures']}")
                extra.append(f"healthz statuses {r['health_statuses']}")
                if r["health_max"] is not None:
                    extra.append(f"slowest healthz {r['health_max'] * 1000:.0f} ms")
                extra.append(f"{r['messages']} messages")
            for note in extra + r["notes"]:
                print(f"- {mode} {n}: {note}")


if __name__ == "__main__":
    main()
