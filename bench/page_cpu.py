"""Server CPU per request of the course pages, before and after, and anonymous pages
against a static file: issue 16's points 1 and 2, measured in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sse_bench_cpu \\
      REDIS_URL=redis://127.0.0.1:6379/6 .venv/bin/python bench/page_cpu.py \\
      [--baseline 37c633f] [--seconds 10] [--rounds 2]

Three servers, each `--workers` uvicorn processes on loopback with DEBUG off, serve one
database that this checkout migrates and seeds (the baseline's code reads it too; its
schema only gains columns and indexes since):
- **baseline**: the code at `--baseline` (extracted with `git archive`, never built on
  from here), page cache off as it has none;
- **head**: this checkout with the anonymous page cache off (PAGE_CACHE_SECONDS=0): what
  rendering a page costs now;
- **cached**: this checkout as it is deployed (the page cache on).
For every page, wrk loads each server in turn (`--rounds` times, alternating, the result
the median), and the script reads the workers' CPU time (utime + stime from /proc) before
and after: CPU per request is that difference over the requests wrk completed. The static
file (the stylesheet, gzip accepted) is each server's yardstick: "÷ static" is a page's
rate over the static file's from the same server in the same round.

Needs wrk (apt-get install wrk). Prints Markdown tables for docs/benchmarks.md.
"""

import argparse
import io
import json
import re
import shutil
import statistics
import subprocess
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

from common import PYTHON, ROOT, bench_env, cpu_seconds, manage, start_servers, stop_servers
from http_pages import session_cookie, to_ms

LEARNER = "learner@example.org"


def extract(rev, into):
    """The tree at `rev` in `into` (git archive: no checkout of this repository moves)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return Path(into)


def missing_packages(tree, into):
    """Install, into `into`, the packages the tree at `tree` pins (its constraints.txt)
    that this virtualenv lacks (the baseline served static files with whitenoise) ->
    the folder, for the baseline's PYTHONPATH."""
    missing = []
    for line in (tree / "constraints.txt").read_text().splitlines():
        name, _sep, _version = line.partition("==")
        if not _sep or line.startswith("#"):
            continue
        try:
            metadata.version(name.strip())
        except metadata.PackageNotFoundError:
            missing.append(line.strip())
    if missing:
        subprocess.run(
            [PYTHON, "-m", "pip", "install", "-q", "--no-deps", "--target", str(into), *missing],
            check=True,
        )
    return into


def targets(env):
    """(label, path, logged in) of the pages measured, looked up in the seeded database."""
    code = (
        "import django, json; django.setup()\n"
        "from courses.models import CoursePage, LessonPage, ModulePage\n"
        "from home.models import CountryPage\n"
        "c = CoursePage.objects.live().filter(locale__language_code='en').first()\n"
        "m = ModulePage.objects.live().child_of(c).order_by('path')[1]\n"
        "l = LessonPage.objects.live().descendant_of(c).order_by('path')[5]\n"
        "k = CountryPage.objects.live().filter(locale__language_code='en').order_by('path')[0]\n"
        "print(json.dumps([c.url, m.url, l.url, k.url]))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    course, module, lesson, country = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        ("lesson (logged in)", lesson, True),
        ("course page (logged in)", course, True),
        ("home page", "/", False),
        ("home page, Thai", "/th/", False),
        ("course catalogue", "/courses/", False),
        ("course page", course, False),
        ("module page", module, False),
        ("country page", country, False),
        ("forum index", "/forum/", False),
    ]


def static_path(env):
    """The hashed URL of the stylesheet, as pages link it."""
    code = (
        "import django; django.setup()\n"
        "from django.templatetags.static import static\n"
        "print(static('css/site.css'))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def wrk(ports, path, cookie, seconds, connections, gzip=True):
    """wrk against every worker at once -> (requests, requests/s, p50 ms, non-2xx)."""
    per_worker = max(1, connections // len(ports))
    cmds = []
    for port in ports:
        cmd = ["wrk", "-t", "1", "-c", str(per_worker), "-d", f"{seconds}s", "--latency"]
        cmd += ["--timeout", "10s"]
        if gzip:
            cmd += ["-H", "Accept-Encoding: gzip"]
        if cookie:
            cmd += ["-H", f"Cookie: sessionid={cookie}"]
        cmds.append([*cmd, f"http://127.0.0.1:{port}{path}"])
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, text=True) for c in cmds]
    outs = [p.communicate(timeout=seconds + 30)[0] for p in procs]
    requests = sum(int(re.search(r"(\d+) requests in", o).group(1)) for o in outs)
    rps = sum(float(re.search(r"Requests/sec:\s+([\d.]+)", o).group(1)) for o in outs)
    p50 = max(to_ms(re.search(r"50%\s+([\d.]+\w+)", o).group(1)) for o in outs)
    bad = sum(
        int(m.group(1)) for o in outs if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", o))
    )
    return requests, rps, p50, bad


def load(side, path, cookie, args):
    """One wrk run on a side's servers -> {rps, p50, cpu_ms (per request), bad}."""
    before = [cpu_seconds(proc.pid) for proc in side["procs"]]
    requests, rps, p50, bad = wrk(side["ports"], path, cookie, args.seconds, args.connections)
    after = [cpu_seconds(proc.pid) for proc in side["procs"]]
    cpu = sum(a - b for a, b in zip(after, before, strict=True))
    return {"rps": rps, "p50": p50, "cpu_ms": 1000 * cpu / max(requests, 1), "bad": bad}


def median_of(runs, key):
    return statistics.median(run[key] for run in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="37c633f")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-seed", action="store_true", help="the database is seeded already")
    parser.add_argument("--only", default="", help="only the pages whose label contains this")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="sse-page-cpu-"))
    env = bench_env(workdir)
    if not args.no_seed:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", "--force")
    manage(env, "collectstatic", "--noinput", "-v0")
    baseline_root = extract(args.baseline, workdir / "baseline")
    baseline_libs = missing_packages(baseline_root, workdir / "baseline-libs")
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=baseline_root,
        env={
            **env,
            "PYTHONPATH": str(baseline_libs),
            "STATIC_ROOT": str(baseline_root / "staticfiles"),
        },
        check=True,
    )
    cookie = session_cookie(env, LEARNER)
    pages = [page for page in targets(env) if args.only in page[0]]
    static = static_path(env)
    sides = {
        "baseline": {
            "root": baseline_root,
            "env": {
                **env,
                "PAGE_CACHE_SECONDS": "0",
                "PYTHONPATH": str(baseline_libs),
                "STATIC_ROOT": str(baseline_root / "staticfiles"),
            },
        },
        "head": {"root": ROOT, "env": {**env, "PAGE_CACHE_SECONDS": "0"}},
        "cached": {"root": ROOT, "env": {**env, "PAGE_CACHE_SECONDS": "120"}},
    }
    results = {name: {} for name in sides}
    try:
        for side in sides.values():
            side["ports"], side["procs"], _logs = start_servers(
                side["env"], args.workers, root=side["root"]
            )
        for label, path, logged_in in [("static file", static, False), *pages]:
            for _round in range(args.rounds):
                for name, side in sides.items():
                    run = load(side, path, cookie if logged_in else None, args)
                    results[name].setdefault(label, []).append(run)
    finally:
        for side in sides.values():
            stop_servers(side.get("procs", []))
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"\n{args.workers} uvicorn workers per server, {args.connections} connections, "
        f"{args.seconds} s per run, {args.rounds} rounds (medians), baseline {args.baseline}, "
        f"database {env['DATABASE_URL'].split(':')[0]}\n"
    )
    print(
        "| page | baseline CPU/request | head CPU/request | head ÷ baseline | baseline req/s "
        "| head req/s | cached req/s | cached ÷ static | cached CPU/request | non-2xx |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    static_rps = {name: median_of(results[name]["static file"], "rps") for name in sides}
    for label, *_rest in [("static file",), *pages]:
        row = {name: results[name][label] for name in sides}
        base_cpu, head_cpu = median_of(row["baseline"], "cpu_ms"), median_of(row["head"], "cpu_ms")
        cached_rps = median_of(row["cached"], "rps")
        bad = sum(run["bad"] for runs in row.values() for run in runs)
        print(
            f"| {label} | {base_cpu:.1f} ms | {head_cpu:.1f} ms | {head_cpu / base_cpu:.2f} | "
            f"{median_of(row['baseline'], 'rps'):.0f} | {median_of(row['head'], 'rps'):.0f} | "
            f"{cached_rps:.0f} | {cached_rps / static_rps['cached']:.2f} | "
            f"{median_of(row['cached'], 'cpu_ms'):.1f} ms | {bad} |"
        )


if __name__ == "__main__":
    main()
