"""Benchmark pages over HTTP with wrk: requests/s and latency p50/p99 at 16 connections.

    .venv/bin/python bench/http_pages.py [--server uvicorn|daphne] [--workers 2]
        [--seconds 10] [--connections 16] [--set courses|forum|all]

It serves the project as `make run` does (on an isolated SQLite copy of the seeded demo,
or on DATABASE_URL if set), with the given ASGI server and number of worker processes on
127.0.0.1, logs the demo learner in for pages that need an account, runs wrk against
each page for a bounded time, prints a Markdown table for docs/benchmarks.md, and stops
the servers. Needs wrk (apt-get install wrk). Loopback only; it stops by itself.
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
    if which == "all":
        return [page for group in sets.values() for page in group]
    return sets[which]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=["uvicorn", "daphne"], default="uvicorn")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--set", default="all", choices=["shell", "courses", "all"])
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    workdir = tempfile.mkdtemp(prefix="sse-bench-")
    env = bench_env(workdir)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "--force")
    manage(env, "collectstatic", "--noinput", "-v0")
    cookie = session_cookie(env, "learner@example.org")
    targets = pages(env, args.set)
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

    print(
        f"\n{args.server}, {args.workers} worker(s), {args.connections} connections, "
        f"{args.seconds} s per page, database {env['DATABASE_URL'].split(':')[0]}\n"
    )
    print("| page | path | requests/s | p50 | p99 | errors |")
    print("|---|---|---:|---:|---:|---:|")
    for label, path, rps, p50, p99, errors in rows:
        print(f"| {label} | `{path}` | {rps:.0f} | {p50} | {p99} | {errors} |")


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
