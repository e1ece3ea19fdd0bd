"""Benchmark a reconnect that missed everything (?after=0) in a space with a long history:
how long until the client holds the latest message, before and after bounded replay.

    DATABASE_URL=postgres://... .venv/bin/python bench/ws_replay.py
        [--history 1000 50000] [--runs 3] [--before HEAD] [--limits 1000 200]
        [--port 8620] [--before-pythonpath DIR]

It migrates DATABASE_URL (PostgreSQL), fills a space `replay-<n>` with n messages per
--history (stored as the site stores them: seq 1..n, rendered HTML; once, kept for the
next run), and a member logged in as Django's test client does. Sides, each its own
uvicorn process (DEBUG off) on the same database, the in-memory channel layer:
- "before": the code of --before (a `git archive` of that commit in a temporary
  directory), its LIVE_REPLAY_LIMIT default;
- "after, limit L": this working tree with LIVE_REPLAY_LIMIT=L, for each of --limits.
For each side and history, --runs reconnects with ?after=0, one at a time: "replayed" is
the time from opening the socket to the presence frame (the end of the replay: the
frames the server sent before it are counted); "latest" is the time until the client
holds the space's latest message as static/js/space.js would get it: with a resync frame
that names the first id NOT replayed (the before code), the client pages the rest in over
HTTP (`/spaces/<slug>/messages/?after=`, 50 a request) until has_more is false; with one
that comes first and names the oldest replayed (after), the replay ends with the latest.
Medians of the runs are printed as a Markdown table. Loopback only; every phase bounded.
"""

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import PYTHON, ROOT, bench_env, manage, stop_servers
from ws_space import CONNECT_KWARGS, HEADERS_ARG, django_json, machine_facts, ws_connect

CATCH_UP_TIMEOUT = 120  # seconds, for one client to hold the latest message


def fill(env, history):
    code = (
        "import uuid\n"
        "from allauth.account.models import EmailAddress\n"
        "from django.conf import settings\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.db import connection, transaction\n"
        "from django.test import Client\n"
        "from accounts.services import on_email_verified\n"
        "from core import wordsplit\n"
        "from cop.models import Membership, Message, Space, SpaceKind\n"
        "User = get_user_model()\n"
        "email = 'replay@example.net'\n"
        "user = User.objects.filter(email=email).first() or User.objects.create_user(\n"
        "    email, name='Replay reader')\n"
        "EmailAddress.objects.update_or_create(user=user, email=email,\n"
        "    defaults=dict(verified=True, primary=True))\n"
        "on_email_verified(user)\n"
        "out = {}\n"
        f"for n in {history!r}:\n"
        "    space, _ = Space.objects.get_or_create(slug=f'replay-{n}', defaults=dict(\n"
        "        name=f'Replay {n}', kind=SpaceKind.THEMATIC, join_policy='open'))\n"
        "    Membership.objects.update_or_create(space=space, user=user, defaults=dict(\n"
        "        status=Membership.Status.ACTIVE, role=Membership.Role.MEMBER))\n"
        "    have = Message.objects.filter(space=space).count()\n"
        "    if have != n:\n"
        "        Message.objects.filter(space=space).delete()\n"
        "        with transaction.atomic():\n"
        "            rows = []\n"
        "            for i in range(1, n + 1):\n"
        "                body = f'Message {i} of the history: the agenda, the minutes.'\n"
        "                rows.append(Message(space=space, author=user, client_id=uuid.uuid4(),\n"
        "                    seq=i, body=body, body_html=f'<p>{body}</p>\\n',\n"
        "                    search_text=wordsplit.search_text(body)))\n"
        "            Message.objects.bulk_create(rows, batch_size=2000)\n"
        "            Space.objects.filter(pk=space.pk).update(last_seq=n)\n"
        "    out[n] = Message.objects.filter(space=space).order_by('-id').values_list(\n"
        "        'id', flat=True).first()\n"
        "c = Client(); c.force_login(user)\n"
        "v = connection.cursor().connection.info.server_version\n"
        "print(json.dumps(dict(latest=out, cookie=settings.SESSION_COOKIE_NAME,\n"
        "    key=c.cookies[settings.SESSION_COOKIE_NAME].value,\n"
        "    db=f'PostgreSQL {v // 10000}.{v % 10000}')))\n"
    )
    return django_json(env, code)


def start(env, root, port, logdir):
    log = Path(logdir) / f"uvicorn-{port}.log"
    cmd = [str(Path(PYTHON).parent / "uvicorn"), "config.asgi:application", "--host"]
    cmd += ["127.0.0.1", "--port", str(port), "--lifespan", "off", "--log-level", "warning"]
    cmd += ["--no-access-log"]
    with open(log, "wb") as stderr:
        proc = subprocess.Popen(
            cmd,
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return proc
        except OSError:
            time.sleep(0.2)
    stop_servers([proc])
    raise RuntimeError(f"the server on port {port} did not start")


def fetch_after(port, slug, cookie, after):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/spaces/{slug}/messages/?after={after}",
        headers={"Accept": "application/json", "Cookie": cookie},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
        return json.loads(response.read())


async def reconnect(port, slug, cookie, latest):
    """(seconds to the end of the replay, frames replayed, seconds to the latest message,
    HTTP requests made to get there)."""
    headers = [("Origin", f"http://127.0.0.1:{port}"), ("Cookie", cookie)]
    started = time.perf_counter()
    seen, resync, frames = set(), None, 0
    async with ws_connect(
        f"ws://127.0.0.1:{port}/ws/spaces/{slug}/?after=0",
        open_timeout=30,
        compression="deflate",
        max_size=None,
        **{HEADERS_ARG: headers},
        **CONNECT_KWARGS,
    ) as ws:
        async with asyncio.timeout(CATCH_UP_TIMEOUT):
            async for text in ws:
                frame = json.loads(text)
                if frame["type"] == "presence":
                    break
                if frame["type"] == "resync":
                    resync = frame
                elif frame["type"] in {"message", "message.deleted"}:
                    frames += 1
                    seen.add(frame["id"])
    replayed = time.perf_counter() - started
    requests = 0
    if resync is not None and "seq" not in resync and latest not in seen:
        # The before code: the rest is newer than the replay, paged in over HTTP.
        cursor = max(seen, default=0)
        loop = asyncio.get_running_loop()
        while time.perf_counter() - started < CATCH_UP_TIMEOUT:
            page = await loop.run_in_executor(None, fetch_after, port, slug, cookie, cursor)
            requests += 1
            ids = [f["id"] for f in page.get("frames", [])]
            seen.update(ids)
            cursor = max(ids, default=cursor)
            if not page.get("has_more"):
                break
    got_latest = time.perf_counter() - started if latest in seen else None
    return replayed, frames, got_latest, requests


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, nargs="+", default=[1000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", default="HEAD", help="commit of the before side")
    parser.add_argument("--limits", type=int, nargs="+", default=[1000, 200])
    parser.add_argument("--port", type=int, default=8620)
    parser.add_argument(
        "--before-pythonpath",
        default="",
        help="PYTHONPATH for the before side (packages its code needs that the venv lost)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        parser.error("set DATABASE_URL to a PostgreSQL database (it is migrated and filled)")

    workdir = tempfile.mkdtemp(prefix="sse-bench-replay-")
    env = bench_env(workdir)
    env.pop("REDIS_URL", None)
    rows = []
    try:
        before_root = Path(workdir) / "before"
        before_root.mkdir()
        archive = subprocess.run(
            ["git", "archive", args.before], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(before_root)], input=archive, check=True)
        commit = subprocess.run(
            ["git", "rev-parse", "--short", args.before],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        manage(env, "migrate", "--noinput", "-v0")
        data = fill(env, args.history)
        cookie = f"{data['cookie']}={data['key']}"
        before_env = {"PYTHONPATH": args.before_pythonpath} if args.before_pythonpath else {}
        sides = [(f"before ({commit}, its default limit)", before_root, before_env)]
        sides += [
            (f"after, LIVE_REPLAY_LIMIT={limit}", ROOT, {"LIVE_REPLAY_LIMIT": str(limit)})
            for limit in args.limits
        ]
        for name, root, extra in sides:
            print(f"running: {name} ...", file=sys.stderr, flush=True)
            proc = start({**env, **extra}, root, args.port, workdir)
            try:
                for history in args.history:
                    slug, latest = f"replay-{history}", data["latest"][str(history)]
                    runs = [
                        asyncio.run(reconnect(args.port, slug, cookie, latest))
                        for _ in range(args.runs)
                    ]
                    rows.append((name, history, runs, os.getloadavg()[0]))
            finally:
                stop_servers([proc])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    for fact in machine_facts(data["db"]):
        print(f"- {fact}")
    print(f"- {args.runs} reconnects with ?after=0 per row, one at a time; medians")
    print()
    print(
        "| code | history | frames replayed | replayed in | holds the latest after "
        "| HTTP requests | load (1 min) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, history, runs, load in rows:
        latest = [r[2] for r in runs if r[2] is not None]
        print(
            f"| {name} | {history:,} | {runs[0][1]:,} "
            f"| {statistics.median(r[0] for r in runs) * 1000:,.0f} ms "
            f"| {f'{statistics.median(latest) * 1000:,.0f} ms' if latest else 'never'} "
            f"| {runs[0][3]} | {load:.1f} |"
        )


if __name__ == "__main__":
    main()
