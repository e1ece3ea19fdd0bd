"""Benchmark what a flood from one member costs everyone else in a space: delivery latency
p50/p99 of the normal members, quiet and under a flood, refusals and closes of the flood.

    .venv/bin/python bench/flood.py [--members 50] [--senders 4] [--rate 0.5] [--runs 3]
        [--seconds 10] [--servers 1] [--database-url postgres://.../sse_h3]
        [--redis-url redis://127.0.0.1:6379/13]

One uvicorn worker (--servers 2: two, the members split between them, the flooder on the
first) on PostgreSQL (--database-url, migrated here) and the Redis channel layer
(--redis-url, FLUSHED at the start of every run), with the app's own limits (frames:
LIVE_FRAMES_BURST 30 then 3 a second; messages: SPACES_MESSAGES_PER_10_SECONDS 10), only
LIVE_MAX_SOCKETS_PER_ADDRESS raised, since every bench client comes from 127.0.0.1.

--members bench members are connected to the space `bench` as browsers are (Origin,
session cookie, permessage-deflate). --senders of them each post --rate messages a second
(staggered, not waiting for acks); every member timestamps every `message` frame: the
delivery latency is send -> receipt over every (message, member) pair, shown for the
members that do not send. Each run has phases of --seconds each:

1. quiet;
2. send flood: one more member, in a process of its own, sends `message.send` frames in
   a tight loop (yielding to its reader every 50 frames); once closed it stays away (a
   browser tab would reconnect, but slowly, with jitter);
3. quiet;
4. send flood, reconnecting: the same, but it reconnects at once after every close (an
   attacker's script);
5. quiet;
6. ping flood, reconnecting: the same with `ping` frames.

For each phase: latency p50/p99 and the ratio to the run's quiet phases, the frames the
flooder sent, what it got back (acks, pongs, `rate_limited` errors from the frame guard
and from the message limit), its closes (code and the time of the first one after the
flood began) and the server's CPU (utime + stime from /proc, % of one core). Loopback
only; every phase and wait is bounded; it stops by itself.
"""

import argparse
import asyncio
import contextlib
import inspect
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

from common import PYTHON, bench_env, cpu_seconds, manage, start_servers, stop_servers
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from ws_space import (  # the websockets client as ws_space picks it
    HEADERS_ARG,
    SPACE,
    flush_redis,
    machine_facts,
    percentile,
    reset_space,
    server_errors,
    setup_space,
    ws_connect,
)

CONNECT_TIMEOUT = 30
DELIVERY_WAIT = 5  # seconds after a phase, for the last messages to arrive
CONNECT_KWARGS = {"ping_interval": None}  # browsers send no pings
if "proxy" in inspect.signature(ws_connect).parameters:
    CONNECT_KWARGS["proxy"] = None  # loopback only, whatever the proxy variables say
PHASES = [
    ("quiet", None, False),
    ("send flood", "message.send", False),
    ("quiet", None, False),
    ("send flood, reconnecting", "message.send", True),
    ("quiet", None, False),
    ("ping flood, reconnecting", "ping", True),
]
FRAME_GUARD = "Too many frames"  # core.live's refusal, before any database work
MESSAGE_LIMIT = "Too many messages"  # cop.services' per-member limit


async def connect(port, cookie, query=""):
    headers = [("Origin", f"http://127.0.0.1:{port}"), ("Cookie", cookie)]
    return await ws_connect(
        f"ws://127.0.0.1:{port}/ws/spaces/{SPACE}/{query}",
        open_timeout=CONNECT_TIMEOUT,
        compression="deflate",
        **{HEADERS_ARG: headers},
        **CONNECT_KWARGS,
    )


# --- The flooder (run as a child process: --flood-child) --------------------------------
async def flood(port, cookie, kind, seconds, reconnect):
    """Send `kind` frames as fast as possible for `seconds`; a dict of what happened."""
    out = {
        "sent": 0,
        "connections": 0,
        "refused_connections": [],
        "closes": [],
        "first_close": None,
        "acks": 0,
        "pongs": 0,
        "frame_guard": 0,
        "message_limit": 0,
        "other_errors": {},
    }
    started = time.perf_counter()
    end = started + seconds

    async def read(ws):
        with contextlib.suppress(ConnectionClosed):
            async for text in ws:
                frame = json.loads(text)
                kind_ = frame.get("type")
                if kind_ == "ack":
                    out["acks"] += 1
                elif kind_ == "pong":
                    out["pongs"] += 1
                elif kind_ == "error":
                    detail = frame.get("detail", "")
                    if frame.get("code") == "rate_limited" and detail.startswith(FRAME_GUARD):
                        out["frame_guard"] += 1
                    elif frame.get("code") == "rate_limited" and detail.startswith(MESSAGE_LIMIT):
                        out["message_limit"] += 1
                    else:
                        key = f"{frame.get('code')}: {detail[:40]}"
                        out["other_errors"][key] = out["other_errors"].get(key, 0) + 1

    while time.perf_counter() < end:
        try:
            ws = await asyncio.wait_for(connect(port, cookie), max(0.1, end - time.perf_counter()))
        except (OSError, InvalidHandshake, TimeoutError) as error:
            out["refused_connections"].append(type(error).__name__)
            await asyncio.sleep(0.05)
            continue
        out["connections"] += 1
        reader = asyncio.create_task(read(ws))
        try:
            n = 0
            while time.perf_counter() < end:
                if kind == "ping":
                    frame = '{"type": "ping"}'
                else:
                    frame = json.dumps(
                        {"type": "message.send", "client_id": str(uuid.uuid4()), "body": "spam"}
                    )
                await ws.send(frame)
                out["sent"] += 1
                n += 1
                if n % 50 == 0:
                    await asyncio.sleep(0)
        except ConnectionClosed:
            pass
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(reader, 2)  # what was already on its way back
        if ws.close_code is not None:
            out["closes"].append(ws.close_code)
            if out["first_close"] is None:
                out["first_close"] = time.perf_counter() - started
        else:
            await ws.close()
        if not reconnect:
            await asyncio.sleep(max(0.0, end - time.perf_counter()))
            break
    out["seconds"] = time.perf_counter() - started
    return out


# --- The members --------------------------------------------------------------------------
class Member:
    def __init__(self, index, port, cookie):
        self.index, self.port, self.cookie = index, port, cookie
        self.received = {}  # client_id -> perf_counter()
        self.acked = {}
        self.errors = []
        self.close_code = None
        self.presence = asyncio.Event()

    async def open(self):
        self.ws = await connect(self.port, self.cookie)
        self.reader = asyncio.create_task(self.read())

    async def keep_alive(self):
        """A ping every 25 s, as the browser sends (else the server closes idle sockets)."""
        with contextlib.suppress(ConnectionClosed):
            while True:
                await asyncio.sleep(25)
                await self.ws.send(json.dumps({"type": "ping"}))

    async def read(self):
        pinger = asyncio.create_task(self.keep_alive())
        try:
            async for text in self.ws:
                now = time.perf_counter()
                frame = json.loads(text)
                kind = frame.get("type")
                if kind == "message":
                    self.received.setdefault(frame["client_id"], now)
                elif kind == "ack":
                    self.acked.setdefault(frame["client_id"], now)
                elif kind == "presence":
                    self.presence.set()
                elif kind == "error":
                    self.errors.append(f"{frame.get('code')}: {frame.get('detail')}")
        except ConnectionClosed:
            pass
        finally:
            pinger.cancel()
            self.close_code = self.ws.close_code

    async def send_steadily(self, sent, rate, offset, seconds):
        """Post `rate` messages a second for `seconds`, starting after `offset`."""
        start = time.perf_counter() + offset
        n = 0
        while True:
            due = start + n / rate
            if due >= start - offset + seconds:
                return
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            client_id = str(uuid.uuid4())
            sent[client_id] = time.perf_counter()
            body = f"Steady message {n} from member {self.index}."
            with contextlib.suppress(ConnectionClosed):
                await self.ws.send(
                    json.dumps({"type": "message.send", "client_id": client_id, "body": body})
                )
            n += 1

    async def close(self):
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(), 5)
        self.reader.cancel()


async def measure(ports, pid, cookies, flood_cookie, args):
    members = [Member(i, ports[i % len(ports)], c) for i, c in enumerate(cookies)]
    senders = members[: args.senders]
    listeners = members[args.senders :]
    phases = []
    try:
        await asyncio.wait_for(asyncio.gather(*(m.open() for m in members)), CONNECT_TIMEOUT)
        await asyncio.wait_for(
            asyncio.gather(*(m.presence.wait() for m in members)), CONNECT_TIMEOUT
        )
        await asyncio.sleep(3)  # the presence announcements die down
        for name, kind, reconnect in PHASES:
            print(f"  phase: {name}", file=sys.stderr, flush=True)
            sent = {}
            child = None
            if kind:
                child = subprocess.Popen(
                    [
                        PYTHON,
                        __file__,
                        "--flood-child",
                        json.dumps([ports[0], flood_cookie, kind, args.seconds, reconnect]),
                    ],
                    stdout=subprocess.PIPE,
                    text=True,
                )
                await asyncio.sleep(0.3)  # its interpreter starts; then the phase begins
            cpu0, t0 = cpu_seconds(pid), time.perf_counter()
            await asyncio.gather(
                *(
                    s.send_steadily(sent, args.rate, i / (args.rate * len(senders)), args.seconds)
                    for i, s in enumerate(senders)
                )
            )
            cpu1, t1 = cpu_seconds(pid), time.perf_counter()
            flooded = None
            if child is not None:
                try:
                    out, _ = await asyncio.to_thread(child.communicate, timeout=args.seconds + 30)
                    flooded = json.loads(out.strip().splitlines()[-1])
                except (subprocess.TimeoutExpired, ValueError, IndexError) as error:
                    child.kill()
                    child.wait(5)
                    flooded = {"error": repr(error)}
            deadline = time.perf_counter() + DELIVERY_WAIT
            while time.perf_counter() < deadline and not all(
                sent.keys() <= m.received.keys() for m in listeners
            ):
                await asyncio.sleep(0.05)
            lat = [
                m.received[c] - at for m in listeners for c, at in sent.items() if c in m.received
            ]
            acks = [s.acked[c] - at for s in senders for c, at in sent.items() if c in s.acked]
            phases.append(
                {
                    "name": name,
                    "messages": len(sent),
                    "p50": percentile(lat, 0.5),
                    "p99": percentile(lat, 0.99),
                    "max": max(lat, default=None),
                    "ack_p50": percentile(acks, 0.5),
                    "delivered": len(lat) / (len(sent) * len(listeners)) if sent else None,
                    "cpu": (cpu1 - cpu0) / (t1 - t0) if cpu0 is not None and cpu1 else None,
                    "flood": flooded,
                }
            )
            await asyncio.sleep(1)  # the last flood's closes and presence settle
    finally:
        await asyncio.gather(*(m.close() for m in members), return_exceptions=True)
    closed = [m.close_code for m in members if m.close_code not in (None, 1000)]
    errors = [e for m in members for e in m.errors]
    return {"phases": phases, "member_closes": closed, "member_errors": errors}


def run(env, cookies, flood_cookie, args, logdir):
    flush_redis(args.redis_url)
    reset_space(env)
    ports, procs, logs = start_servers(env, args.servers, logdir=logdir)
    try:
        result = asyncio.run(measure(ports, procs[0].pid, cookies, flood_cookie, args))
    except Exception as error:
        result = {"failed": repr(error), "phases": []}
    finally:
        stop_servers(procs)
    errors = server_errors([log for log in logs if log])
    result["server_errors"] = len(errors)
    result["server_error_first"] = errors[0] if errors else None
    for log in logs:
        if log:
            with contextlib.suppress(OSError):
                log.unlink()
    return result


def pct(value, digits=0):
    return "—" if value is None else f"{value * 100:.{digits}f} %"


def secs(value):
    return f"{value:.2f} s"


def ms(seconds):
    return "—" if seconds is None else f"{seconds * 1000:.0f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--senders", type=int, default=4)
    parser.add_argument("--rate", type=float, default=0.5, help="messages/s per sender")
    parser.add_argument("--seconds", type=float, default=10.0, help="per phase")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--servers", type=int, choices=[1, 2], default=1)
    parser.add_argument(
        "--database-url", default="postgres://postgres:postgres@127.0.0.1:5432/sse_h3"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13", help="FLUSHED")
    parser.add_argument("--flood-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flood_child:
        port, cookie, kind, seconds, reconnect = json.loads(args.flood_child)
        print(json.dumps(asyncio.run(flood(port, cookie, kind, seconds, reconnect))))
        return
    if not 0 < args.senders < args.members:
        parser.error("--senders must be between 1 and --members - 1")

    workdir = tempfile.mkdtemp(prefix="sse-bench-flood-")
    extra = {"LIVE_MAX_SOCKETS_PER_ADDRESS": "2000"}
    env = bench_env(workdir, DATABASE_URL=args.database_url, REDIS_URL=args.redis_url, **extra)
    env.pop("SPACES_MESSAGES_PER_10_SECONDS", None)  # the app's own limits
    runs = []
    try:
        manage(env, "migrate", "--noinput", "-v0")
        bench = setup_space(env, args.members + 1)
        cookies = [f"{bench['cookie']}={key}" for key in bench["keys"]]
        for n in range(args.runs):
            print(f"run {n + 1}/{args.runs} ...", file=sys.stderr, flush=True)
            result = run(env, cookies[1:], cookies[0], args, workdir)
            print(json.dumps(result), file=sys.stderr, flush=True)
            runs.append(result)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    for fact in machine_facts(bench["db"]):
        print(f"- {fact}")
    print(
        f"- {args.servers} uvicorn worker(s), Redis layer; {args.members} members, "
        f"{args.senders} sending {args.rate:g} msg/s each; {args.seconds:g} s a phase; "
        f"{args.runs} run(s); app limits, LIVE_MAX_SOCKETS_PER_ADDRESS=2000"
    )
    print()
    print(
        "| run | phase | msgs | delivery p50 | p99 | p50 / quiet | p99 / quiet | delivered "
        "| server CPU | flood frames | refused (guard / msg limit) | acks / pongs "
        "| closes | first close |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = {}
    for n, r in enumerate(runs, 1):
        if r.get("failed"):
            print(f"| {n} | failed: {r['failed']} |" + " |" * 12)
        quiet = [p for p in r["phases"] if p["name"] == "quiet" and p["p50"]]
        q50 = statistics.median(p["p50"] for p in quiet) if quiet else None
        q99 = statistics.median(p["p99"] for p in quiet) if quiet else None
        for p in r["phases"]:
            f = p["flood"] or {}
            r50 = p["p50"] / q50 if q50 and p["p50"] else None
            r99 = p["p99"] / q99 if q99 and p["p99"] else None
            ratios.setdefault(p["name"], []).append((r50, r99, p))
            closes = f.get("closes")
            close_text = "—"
            if closes:
                kinds = {c: closes.count(c) for c in sorted(set(closes))}
                close_text = ", ".join(f"{k} x{v}" for k, v in kinds.items())
            print(
                f"| {n} | {p['name']} | {p['messages']} | {ms(p['p50'])} | {ms(p['p99'])} "
                f"| {'—' if r50 is None else f'{r50:.2f}'} "
                f"| {'—' if r99 is None else f'{r99:.2f}'} "
                f"| {pct(p['delivered'], 1)} "
                f"| {pct(p['cpu'])} "
                f"| {f.get('sent', '—')} "
                f"| {f.get('frame_guard', '—')} / {f.get('message_limit', '—')} "
                f"| {f.get('acks', '—')} / {f.get('pongs', '—')} | {close_text} "
                f"| {'—' if f.get('first_close') is None else secs(f['first_close'])} |"
            )
    print()
    print(
        "| phase | median p50 | median p99 | median p50 / quiet | median p99 / quiet "
        "| median server CPU |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, rows in ratios.items():

        def med(values):
            values = [v for v in values if v is not None]
            return statistics.median(values) if values else None

        m50, m99 = med(r[0] for r in rows), med(r[1] for r in rows)
        cpu = med(r[2]["cpu"] for r in rows)
        print(
            f"| {name} | {ms(med(r[2]['p50'] for r in rows))} "
            f"| {ms(med(r[2]['p99'] for r in rows))} "
            f"| {'—' if m50 is None else f'{m50:.2f}'} | {'—' if m99 is None else f'{m99:.2f}'} "
            f"| {'—' if cpu is None else f'{cpu * 100:.0f} %'} |"
        )
    print()
    for n, r in enumerate(runs, 1):
        for p in r["phases"]:
            f = p["flood"] or {}
            if f.get("other_errors") or f.get("refused_connections") or f.get("error"):
                print(
                    f"- run {n}, {p['name']}: flooder connections {f.get('connections')}, "
                    f"refused {len(f.get('refused_connections', []))}, other errors "
                    f"{f.get('other_errors')} {f.get('error', '')}"
                )
            elif f:
                print(f"- run {n}, {p['name']}: flooder connections {f.get('connections')}")
        if r.get("member_closes"):
            print(f"- run {n}: members closed by the server: {r['member_closes']}")
        if r.get("member_errors"):
            errs = r["member_errors"]
            print(f"- run {n}: {len(errs)} error frame(s) to members, first: {errs[0]}")
        if r.get("server_errors"):
            print(f"- run {n}: servers logged {r['server_errors']}: {r['server_error_first']}")


if __name__ == "__main__":
    main()
