"""Benchmark pages over HTTP with wrk: requests/s and latency p50/p99 at 16 connections.

    .venv/bin/python bench/http_pages.py [--server uvicorn|daphne] [--workers 2]
        [--seconds 10] [--connections 16] [--set shell|courses|forum|all]
        [--forum-posts 100000]

It serves the project as `make run` does (on an isolated SQLite copy of the seeded demo,
or on DATABASE_URL if set), with the given ASGI server and number of worker processes on
127.0.0.1, logs the demo learner in for pages that need an account, runs wrk against
each page for a bounded time, prints a Markdown table for docs/benchmarks.md, and stops
the servers. Needs wrk (apt-get install wrk). Loopback only; it stops by itself.

The forum set first brings the forum to --forum-posts posts with bench/forum_data.py
(a category `bench` of 1,000 topics, one of them 5,000 posts long), in the same
database. After the runs it prints what one request to each page costs, measured with
Django's test client in one process: SQL queries and HTML size.

    .venv/bin/python bench/http_pages.py --set forum --sizes 1000,100000 [--prepared]

With --sizes the forum set is served at each size at once, each from its own PostgreSQL
database named after DATABASE_URL's with the size appended (`sse_bench` -> `sse_bench_1k`
and `sse_bench_100k`; create them first), each brought to its size by forum_data.py with
one topic in a hundred posts and a longest topic of a twentieth of them (1,000 posts: 10
topics, the longest 60 posts, 3 pages; 100,000: 1,000 topics, 5,000 posts, 250 pages).
The index (anonymous and logged in) and the longest topic's first and last pages are
measured on every size in turn and then again in the reverse order, --rounds times (the
figures are the means), with the server CPU per request: the worker processes' and the
PostgreSQL backends' serving that database, read from /proc around each wrk run. It
prints each size's figures and the ratios of the biggest size to the smallest (the
category is left out: at 1,000 posts it holds 10 topics, a shorter page than at 100,000).
--prepared skips migrating, seeding and filling the databases an earlier run made.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import psycopg
from common import (
    PYTHON,
    ROOT,
    bench_env,
    cpu_seconds,
    manage,
    start_servers,
    stop_servers,
)


def session_cookie(env, email):
    """A logged-in session for `email`, made the way Django's test client does."""
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.conf import settings\n"
        f"c = Client(); c.force_login(get_user_model().objects.get(email={email!r}))\n"
        "print(c.cookies[settings.SESSION_COOKIE_NAME].value)\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def pages(env, which):
    """(label, path, needs_login) for the chosen set, looked up in the seeded database."""
    code = (
        "import django, json; django.setup()\n"
        "from courses.models import CoursePage, LessonPage\n"
        "c = CoursePage.objects.live().filter(locale__language_code='en').first()\n"
        "l = LessonPage.objects.live().descendant_of(c).order_by('path')[5]\n"
        "print(json.dumps([c.url, l.url]))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    course_url, lesson_url = json.loads(out.stdout.strip().splitlines()[-1])
    sets = {
        "shell": [("home page", "/", False), ("home page, Thai", "/th/", False)],
        "courses": [
            ("course catalogue", "/courses/", False),
            ("course overview", course_url, False),
            ("lesson (logged in)", lesson_url, True),
            ("my learning (logged in)", "/learn/", True),
        ],
    }
    if which in ("forum", "all"):
        sets["forum"] = forum_pages(env)
    if which == "all":
        return [page for group in sets.values() for page in group]
    return sets[which]


def load_arguments(parser):
    """The options every HTTP load benchmark takes: server, workers, seconds, connections."""
    parser.add_argument("--server", choices=["uvicorn", "daphne"], default="uvicorn")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)


def seeded_site():
    """Check wrk is here, then migrate, seed the demo and collect static files in a fresh
    work folder -> (workdir, env)."""
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    workdir = tempfile.mkdtemp(prefix="sse-bench-")
    env = bench_env(workdir)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "--force")
    manage(env, "collectstatic", "--noinput", "-v0")
    return workdir, env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    load_arguments(parser)
    parser.add_argument("--set", default="all", choices=["shell", "courses", "forum", "all"])
    parser.add_argument("--forum-posts", type=int, default=100_000)
    parser.add_argument(
        "--sizes", help="forum set only: posts at each size, e.g. 1000,100000 (see above)"
    )
    parser.add_argument("--prepared", action="store_true", help="with --sizes: data is there")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --sizes: times each page is measured per size, twice",
    )
    args = parser.parse_args()
    if args.sizes:
        if args.set != "forum":
            parser.error("--sizes goes with --set forum")
        compare_forum_sizes(args, [int(size) for size in args.sizes.split(",")])
        return
    workdir, env = seeded_site()
    if args.set in ("forum", "all"):
        subprocess.run(
            [PYTHON, "bench/forum_data.py", "--posts", str(args.forum_posts)],
            cwd=ROOT,
            env=env,
            check=True,
        )
    cookie = session_cookie(env, "learner@example.org")
    targets = pages(env, args.set)
    costs = page_costs(env, targets, "learner@example.org")
    rows = measure(env, targets, cookie, args, workdir)

    print(
        f"\n{args.server}, {args.workers} worker(s), {args.connections} connections, "
        f"{args.seconds} s per page, database {env['DATABASE_URL'].split(':')[0]}\n"
    )
    print("| page | path | requests/s | p50 | p99 | errors |")
    print("|---|---|---:|---:|---:|---:|")
    for label, path, rps, p50, p99, errors in rows:
        print(f"| {label} | `{path}` | {rps:.0f} | {p50} | {p99} | {errors} |")

    print("\nOne request, one process, Django's test client (after one warm-up request):\n")
    print("| page | status | SQL queries | HTML | HTML gzipped |")
    print("|---|---:|---:|---:|---:|")
    for (label, _path, _login), (status, queries, size, gzipped) in zip(
        targets, costs, strict=True
    ):
        print(
            f"| {label} | {status} | {queries} | {size / 1000:.1f} KB | {gzipped / 1000:.1f} KB |"
        )


def forum_pages(env, *, index_logged_in=False):
    """The forum set: the index, the bench category, the big bench topic's first and last
    pages (see bench/forum_data.py); with `index_logged_in`, the index logged in too."""
    code = (
        "import django, json; django.setup()\n"
        "from django.contrib.auth.models import AnonymousUser\n"
        "from django.core.paginator import Paginator\n"
        "from forum import services\n"
        "from forum.models import Topic\n"
        "t = Topic.objects.filter(category__slug='bench').order_by('id').first()\n"
        "posts = services.visible_posts(t, AnonymousUser(), False)\n"
        "pages = Paginator(posts, services.POSTS_PER_PAGE).num_pages\n"
        "print(json.dumps([t.id, pages]))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    topic_id, last = json.loads(out.stdout.strip().splitlines()[-1])
    topic = f"/forum/t/{topic_id}/"
    return [
        ("forum index", "/forum/", False),
        *([("forum index (logged in)", "/forum/", True)] if index_logged_in else []),
        ("forum category, page 1", "/forum/c/bench/", False),
        ("topic, first page", topic, False),
        ("topic, last page", f"{topic}?page={last}", False),
        ("topic, last page (logged in)", f"{topic}?page={last}", True),
    ]


# --- The forum at several sizes in one run (--sizes) ------------------------------------


def size_label(size):
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def forum_plan(size):
    """forum_data.py's options for a forum of `size` posts: a topic per hundred posts,
    the longest a twentieth of them, in whole pages of 20."""
    big = -(-size // 20 // 20) * 20
    return ["--posts", str(size), "--topics", str(max(2, size // 100)), "--big", str(big)]


def compare_forum_sizes(args, sizes):
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("--sizes needs DATABASE_URL on PostgreSQL (one database per size)")
    workdir = tempfile.mkdtemp(prefix="sse-bench-")
    email = "learner@example.org"
    sides = []
    for size in sizes:
        # Rendering is measured, not the anonymous page cache (core.pagecache).
        env = bench_env(workdir, DATABASE_URL=f"{base}_{size_label(size)}", PAGE_CACHE_SECONDS="0")
        if not sides:
            manage(env, "collectstatic", "--noinput", "-v0")
        if not args.prepared:
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "seed_demo", "--force")
            subprocess.run(
                [PYTHON, "bench/forum_data.py", *forum_plan(size)], cwd=ROOT, env=env, check=True
            )
        # Not the category: at 1,000 posts it has 10 topics, one short page.
        targets = [t for t in forum_pages(env, index_logged_in=True) if "/c/" not in t[1]]
        sides.append(
            {
                "size": size,
                "env": env,
                "database": env["DATABASE_URL"].rsplit("/", 1)[1],
                "cookie": session_cookie(env, email),
                "targets": targets,
                "costs": page_costs(env, targets, email),
            }
        )
    load = os.getloadavg()
    try:
        for side in sides:
            side["ports"], side["procs"], _logs = start_servers(side["env"], args.workers)
        results = alternate(sides, args)
    finally:
        for side in sides:
            stop_servers(side.get("procs", []))
        shutil.rmtree(workdir, ignore_errors=True)
    print_sizes(args, sides, results, (load, os.getloadavg()))


def alternate(sides, args):
    """Each page on every side, then again in the reverse order, `args.rounds` times ->
    {(page, size): [runs]},
    a run being (requests/s, p50 ms, p99 ms, errors, app CPU ms, database CPU ms) a
    request."""
    results = {}
    for index in range(len(sides[0]["targets"])):
        for side in [*sides, *reversed(sides)] * args.rounds:
            label, path, login = side["targets"][index]
            cookie = side["cookie"] if login else None
            warm(side["ports"], path, cookie)
            pids = [proc.pid for proc in side["procs"]]
            app, db = cpu_of(pids), database_cpu(side["database"])
            requests, rps, p50, p99, errors = run_wrk_counted(
                side["ports"], path, cookie, args.seconds, args.connections
            )
            app_ms = (cpu_of(pids) - app) * 1000 / max(requests, 1)
            db_ms = cpu_delta(db, database_cpu(side["database"])) * 1000 / max(requests, 1)
            results.setdefault((label, side["size"]), []).append(
                (rps, to_ms(p50), to_ms(p99), errors, app_ms, db_ms)
            )
    return results


def warm(ports, path, cookie, rounds=5):
    for _ in range(rounds):
        for port in ports:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
            if cookie:
                request.add_header("Cookie", f"sessionid={cookie}")
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (http, loopback)
                response.read()


def cpu_of(pids):
    return sum(cpu_seconds(pid) or 0 for pid in pids)


def database_cpu(database):
    """{pid: CPU seconds} of the PostgreSQL backends connected to `database` (the server
    runs on this machine: its processes are in /proc)."""
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres") as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", [database]
        ).fetchall()
    return {pid: cpu_seconds(pid) or 0 for (pid,) in rows}


def cpu_delta(before, after):
    return sum(seconds - before.get(pid, 0) for pid, seconds in after.items())


def run_wrk_counted(ports, path, cookie, seconds, connections):
    """run_wrk, with the number of requests made -> (requests, rps, p50, p99, errors)."""
    started = time.monotonic()
    rps, p50, p99, errors = run_wrk(ports, path, cookie, seconds, connections)
    return round(rps * min(seconds, time.monotonic() - started)), rps, p50, p99, errors


def print_sizes(args, sides, results, loads):
    sizes = [side["size"] for side in sides]
    (before, after) = loads
    print(
        f"\n{args.server}, {args.workers} worker(s) per size, {args.connections} connections, "
        f"{args.seconds} s per page and run, each page measured {2 * args.rounds} times per "
        f"size (order {' '.join(map(size_label, sizes))} then reversed, {args.rounds} time(s)), "
        f"PostgreSQL; load average "
        f"{before[0]:.1f} before, {after[0]:.1f} after\n"
    )
    print(
        "| page | posts | requests/s | p50 | p99 | app CPU / request | database CPU / "
        "request | errors |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    means = {}
    for label, _path, _login in sides[0]["targets"]:
        for size in sizes:
            runs = results[(label, size)]
            rps, p50, app, db = (statistics.mean(r[i] for r in runs) for i in (0, 1, 4, 5))
            p99 = max(r[2] for r in runs)
            errors = sum(r[3] for r in runs)
            means[(label, size)] = (rps, p50, app + db)
            print(
                f"| {label} | {size:,} | {rps:.1f} | {p50:.0f} ms | {p99:.0f} ms | "
                f"{app:.1f} ms | {db:.2f} ms | {errors} |"
            )
    small, big = sizes[0], sizes[-1]
    print(
        f"\nRatios, {size_label(big)} posts against {size_label(small)} (at most 1.2 holds "
        "the issue's point 6):\n"
    )
    print(
        f"| page | requests/s {size_label(small)} ÷ {size_label(big)} | p50 {size_label(big)} "
        f"÷ {size_label(small)} | server CPU / request {size_label(big)} ÷ {size_label(small)} |"
    )
    print("|---|---:|---:|---:|")
    for label, _path, _login in sides[0]["targets"]:
        (rps_s, p50_s, cpu_s), (rps_b, p50_b, cpu_b) = means[(label, small)], means[(label, big)]
        print(f"| {label} | {rps_s / rps_b:.2f} | {p50_b / p50_s:.2f} | {cpu_b / cpu_s:.2f} |")
    print("\nOne request, one process, Django's test client (after one warm-up request):\n")
    print("| page | posts | path | status | SQL queries | HTML | HTML gzipped |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for index, (label, _path, _login) in enumerate(sides[0]["targets"]):
        for side in sides:
            _label, path, _login = side["targets"][index]
            status, queries, size, gzipped = side["costs"][index]
            print(
                f"| {label} | {side['size']:,} | `{path}` | {status} | {queries} | "
                f"{size / 1000:.1f} KB | {gzipped / 1000:.1f} KB |"
            )


def page_costs(env, targets, email):
    """[(status, SQL queries, HTML bytes, gzipped bytes)] of one request to each page,
    after one warm-up request, anonymous or logged in as `email` as in the runs."""
    code = (
        "import django, gzip, json; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "anonymous, member = Client(HTTP_HOST='127.0.0.1'), Client(HTTP_HOST='127.0.0.1')\n"
        f"member.force_login(get_user_model().objects.get(email={email!r}))\n"
        "rows = []\n"
        f"for path, login in {[(path, login) for _label, path, login in targets]!r}:\n"
        "    client = member if login else anonymous\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        r = client.get(path)\n"
        "    rows.append([r.status_code, len(queries), len(r.content),\n"
        "                 len(gzip.compress(r.content))])\n"
        "print(json.dumps(rows))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(env, targets, cookie, args, workdir):
    """Start the servers, load each target with wrk in turn, stop them and remove
    `workdir` -> [(label, path, *wrk results)] in the targets' order."""
    ports, procs, _logs = start_servers(env, args.workers, server=args.server)
    rows = []
    try:
        for label, path, needs_login in targets:
            results = run_wrk(
                ports, path, cookie if needs_login else None, args.seconds, args.connections
            )
            rows.append((label, path, *results))
    finally:
        stop_servers(procs)
        shutil.rmtree(workdir, ignore_errors=True)
    return rows


def print_ratios(args, env, what, rows, targets, costs):
    """The tables of a page benchmark: each page's rate and latency as ratios to the
    first (the reference, measured in the same run), then what one request costs.
    `what`: the data the run served, for the heading ("20 workshops")."""
    reference_rps, reference_p50 = rows[0][2], to_ms(rows[0][3])
    print(
        f"\n{args.server}, {args.workers} worker(s), {args.connections} connections, "
        f"{args.seconds} s per page, database {env['DATABASE_URL'].split(':')[0]}, {what}\n"
    )
    print("| page | path | requests/s | ÷ home | p50 | p50 ÷ home | p99 | errors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for label, path, rps, p50, p99, errors in rows:
        print(
            f"| {label} | `{path}` | {rps:.0f} | {rps / reference_rps:.2f} | {p50} | "
            f"{to_ms(p50) / reference_p50:.2f} | {p99} | {errors} |"
        )

    print("\nOne request, one process, Django's test client (after one warm-up request):\n")
    print("| page | status | SQL queries | body | body gzipped |")
    print("|---|---:|---:|---:|---:|")
    for (label, _path, _login), (status, queries, size, gzipped) in zip(
        targets, costs, strict=True
    ):
        print(
            f"| {label} | {status} | {queries} | {size / 1000:.1f} KB | {gzipped / 1000:.1f} KB |"
        )


def run_wrk(ports, path, cookie, seconds, connections):
    """wrk against every worker at once, connections split evenly (a proxy's job): the
    rates add up; the latencies reported are the worst worker's."""
    per_worker = max(1, connections // len(ports))
    cmds = []
    for port in ports:
        cmd = [
            "wrk",
            "-t",
            "1",
            "-c",
            str(per_worker),
            "-d",
            f"{seconds}s",
            "--latency",
            "--timeout",
            "10s",
        ]
        if cookie:
            cmd += ["-H", f"Cookie: sessionid={cookie}"]
        cmds.append([*cmd, f"http://127.0.0.1:{port}{path}"])
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, text=True) for c in cmds]
    outs = [p.communicate(timeout=seconds + 30)[0] for p in procs]
    rps = sum(float(re.search(r"Requests/sec:\s+([\d.]+)", o).group(1)) for o in outs)
    p50s = [re.search(r"50%\s+([\d.]+\w+)", o).group(1) for o in outs]
    p99s = [re.search(r"99%\s+([\d.]+\w+)", o).group(1) for o in outs]
    errors = sum(
        int(m.group(1)) for o in outs if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", o))
    )
    return rps, max(p50s, key=to_ms), max(p99s, key=to_ms), errors


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


if __name__ == "__main__":
    main()
