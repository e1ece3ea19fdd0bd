"""Static files: one collected file from a synchronous server and from ours, with wrk, in
one run, as ratios; and what compression saves on the lesson page.

    .venv/bin/python bench/static_files.py [--seconds 5] [--rounds 3] [--connections 16]
        [--workers 2] [--file css/site.css] [--lesson]

It collects the static files (hashed names, .gz and .br beside them) into a work folder
of its own, then serves that folder's hashed copy of --file from both sides, --workers
processes each, all started at once:

- gunicorn, sync workers, servestatic's WSGI app in front of config.wsgi, with the
  same settings as ours (config.static.serving_options): a synchronous server at its
  fastest (no Django on the way, the file sent with sendfile);
- uvicorn, config.asgi:application with the Makefile's UVICORN_FLAGS, as `make run`
  starts it (access log off on both sides).

Then, --rounds times, wrk loads each side in turn for --seconds, without and with
`Accept-Encoding: gzip, br`, so that a change of load on this shared machine falls on
both. It prints a Markdown table for docs/benchmarks.md: requests/s, latency, bytes a
response, server CPU per request (the workers' and their parent's), and uvicorn's rate
and CPU per request as ratios to gunicorn's.

--lesson also migrates and seeds a demo in the work folder (minutes) and prints the bytes
of the demo learner's lesson page as sent: uncompressed, gzipped for a link on the site,
and as it is for a link from another site (the page holds CSRF tokens).
Needs wrk (apt-get install wrk). Loopback only; it stops by itself.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import PYTHON, ROOT, bench_env, cpu_seconds, free_port, manage, stop_servers

BIN = Path(PYTHON).parent
ENCODINGS = {"none": None, "gzip, br": "gzip, br"}


def uvicorn_flags():
    """The Makefile's UVICORN_FLAGS, so the bench serves as `make run` does."""
    makefile = (ROOT / "Makefile").read_text()
    value = re.search(r"^UVICORN_FLAGS \?=((?:.*\\\n)*.*)$", makefile, re.M).group(1)
    return shlex.split(value.replace("\\\n", " "))


def servers(workers):
    """(label, command with {port}) of each side, the reference first."""
    gunicorn = [str(BIN / "gunicorn"), "--workers", str(workers), "--worker-class", "sync"]
    gunicorn += ["--bind", "127.0.0.1:{port}", "--log-level", "warning"]
    return [
        (
            "gunicorn sync, servestatic WSGI in front",
            [*gunicorn, "--pythonpath", str(ROOT / "bench"), "static_files:wsgi_reference()"],
        ),
        (
            "uvicorn, config.asgi as `make run`",
            [
                str(BIN / "uvicorn"),
                "config.asgi:application",
                *("--host", "127.0.0.1", "--port", "{port}", "--lifespan", "off"),
                *("--workers", str(workers), "--log-level", "warning", "--no-access-log"),
                *uvicorn_flags(),
            ],
        ),
    ]


def wsgi_reference():
    """gunicorn's app for the second side: servestatic's WSGI app over the collected
    files, with our settings, in front of Django."""
    sys.path.insert(0, str(ROOT))
    from servestatic import ServeStatic

    from config.static import serving_options
    from config.wsgi import application

    return ServeStatic(application, **serving_options())


def start(command, env):
    port = free_port()
    proc = subprocess.Popen(
        [part.replace("{port}", str(port)) for part in command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180  # two workers importing Django on a busy machine
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/livez", timeout=2)
            return port, proc
        except OSError:
            time.sleep(0.3)
    stop_servers([proc])
    raise RuntimeError(f"{command[0]} did not start")


def tree_cpu(pid):
    """CPU seconds of a process and its children (a server's supervisor and workers)."""
    total, pids = 0.0, [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                pids.append(int(entry.name))
    for each in pids:
        total += cpu_seconds(each) or 0.0
    return total


def probe(port, path, accept):
    """(status, headers) of one request: each side must answer 200, compressed if asked."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if accept:
        request.add_header("Accept-Encoding", accept)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        body = response.read()
        return response.status, response.headers, len(body)


def run_wrk(port, path, accept, seconds, connections):
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    if accept:
        cmd += ["-H", f"Accept-Encoding: {accept}"]
    out = subprocess.run(
        [*cmd, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": requests,
        "p50": re.search(r"50%\s+([\d.]+\w+)", out).group(1),
        "p99": re.search(r"99%\s+([\d.]+\w+)", out).group(1),
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def hashed_name(static_root, name):
    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    return manifest["paths"][name]


LESSON_BYTES = """
import django, json; django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from courses.models import CoursePage, LessonPage
course = CoursePage.objects.live().filter(locale__language_code="en").first()
lesson = LessonPage.objects.live().descendant_of(course).order_by("path")[5]
rows = []
for who in ("learner@example.org",):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(email=who))
    client.get(lesson.url)
    for label, site in [
        ("no Accept-Encoding", None),
        ("gzip, a link on the site", "same-origin"),
        ("gzip, a link from another site", "cross-site"),
    ]:
        headers = {"Accept-Encoding": "gzip, br", "Sec-Fetch-Site": site} if site else {}
        r = client.get(lesson.url, headers=headers)
        rows.append([who, label, r.status_code, r.get("Content-Encoding", ""), len(r.content)])
print(json.dumps([lesson.url, rows]))
"""


def lesson_bytes(env):
    """What the demo learner's lesson page weighs as sent, compressed or not, through
    our middleware (the page holds CSRF tokens: its forms', the language switcher's)."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "--force")
    out = subprocess.run(
        [PYTHON, "-c", LESSON_BYTES], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    url, rows = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\nThe lesson page `{url}`, Django's test client through the middleware:\n")
    print("| reader | request | status | Content-Encoding | bytes sent | ÷ uncompressed |")
    print("|---|---|---:|---|---:|---:|")
    for i, (who, label, status, coding, size) in enumerate(rows):
        plain = rows[i - i % 3][4]
        print(f"| {who} | {label} | {status} | {coding or '-'} | {size} | {size / plain:.2f} |")


def measure(servers_, path, args, env):
    """Every side started at once; then, --rounds times, each encoding against each side
    in turn (so a change of load on this shared machine falls on all of them) ->
    {(label, encoding): totals}."""
    started, totals = [], {}
    try:
        for label, command in servers_:
            started.append((label, *start(command, env)))
        for label, port, _proc in started:
            for encoding, accept in ENCODINGS.items():
                status, headers, size = probe(port, path, accept)
                coding = headers.get("Content-Encoding")
                assert status == 200, (label, status)
                assert (coding in ("gzip", "br")) if accept else coding is None, (label, coding)
                totals[(label, encoding)] = {
                    "coding": coding,
                    "size": size,
                    "requests": 0,
                    "seconds": 0.0,
                    "cpu": 0.0,
                    "p50": [],
                    "p99": [],
                    "errors": 0,
                }
        for _round in range(args.rounds):
            for encoding, accept in ENCODINGS.items():
                for label, port, proc in started:
                    total = totals[(label, encoding)]
                    before = tree_cpu(proc.pid)
                    result = run_wrk(port, path, accept, args.seconds, args.connections)
                    total["cpu"] += tree_cpu(proc.pid) - before
                    total["requests"] += result["requests"]
                    total["seconds"] += result["requests"] / result["rps"]
                    total["p50"].append(result["p50"])
                    total["p99"].append(result["p99"])
                    total["errors"] += result["non_2xx"] + bool(result["socket_errors"])
    finally:
        stop_servers([proc for _label, _port, proc in started])
    return totals


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="one wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--file", default="css/site.css")
    parser.add_argument("--lesson", action="store_true", help="also the lesson page's bytes")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    workdir = tempfile.mkdtemp(prefix="sse-bench-static-")
    try:
        env = bench_env(workdir, STATIC_ROOT=f"{workdir}/static")
        manage(env, "collectstatic", "--noinput", "-v0")
        path = "/static/" + hashed_name(env["STATIC_ROOT"], args.file)
        load = Path("/proc/loadavg").read_text().split()[:3]
        sides = servers(args.workers)
        totals = measure(sides, path, args, env)
        load_after = Path("/proc/loadavg").read_text().split()[:3]
        if args.lesson:
            lesson_bytes(env)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"\n`{path}`, {args.workers} workers a side, wrk -t 2 -c {args.connections}, "
        f"{args.rounds} rounds of {args.seconds} s a side and encoding, in turn; load "
        f"average {' '.join(load)} before, {' '.join(load_after)} after "
        f"({os.cpu_count()} cores)\n"
    )
    print(
        "| server | Accept-Encoding | sent | body | requests/s | p50 | p99 (worst) "
        "| CPU/request | errors |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for (label, encoding), t in totals.items():
        p50 = sorted(t["p50"], key=to_ms)[len(t["p50"]) // 2]
        p99 = max(t["p99"], key=to_ms)
        print(
            f"| {label} | {encoding} | {t['coding'] or 'as is'} | {t['size'] / 1000:.1f} KB | "
            f"{t['requests'] / t['seconds']:.0f} | {p50} | {p99} | "
            f"{t['cpu'] / t['requests'] * 1000:.2f} ms | {t['errors']} |"
        )
    print()
    ours, *references = reversed([label for label, _command in sides])
    for reference in references:
        for encoding in ENCODINGS:
            a, b = totals[(reference, encoding)], totals[(ours, encoding)]
            rate = (b["requests"] / b["seconds"]) / (a["requests"] / a["seconds"])
            cpu = (b["cpu"] / b["requests"]) / (a["cpu"] / a["requests"])
            print(
                f"Accept-Encoding {encoding}: uvicorn ÷ gunicorn, requests/s {rate:.2f}, "
                f"CPU per request {cpu:.2f}"
            )


if __name__ == "__main__":
    main()
