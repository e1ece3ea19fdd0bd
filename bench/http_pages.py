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
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile

from common import PYTHON, ROOT, bench_env, manage, start_servers, stop_servers


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
    args = parser.parse_args()
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


def forum_pages(env):
    """The forum set: the index, the bench category, the big bench topic's first and last
    pages (see bench/forum_data.py)."""
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
        ("forum category, page 1", "/forum/c/bench/", False),
        ("topic, first page", topic, False),
        ("topic, last page", f"{topic}?page={last}", False),
        ("topic, last page (logged in)", f"{topic}?page={last}", True),
    ]


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
