"""What the benchmark scripts share: an isolated environment, servers on loopback."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def bench_env(workdir, **extra):
    """The production profile on loopback, on DATABASE_URL or an isolated SQLite copy of
    the demo in `workdir` (a benchmark never touches db.sqlite3)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + "x" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def start_servers(
    env,
    count,
    server="uvicorn",
    logdir=None,
    root=ROOT,
    app="config.asgi:application",
    port_base=None,
):
    """`count` server processes, each answering /healthz -> (ports, procs, logs), serving
    `app` from the code in `root` (another checkout, for a before-and-after run), on free
    ports or on port_base, port_base + 1... Each runs in its own session, so
    stop_servers() stops its children too."""
    ports, procs, logs = [], [], []
    for index in range(count):
        port = free_port() if port_base is None else port_base + index
        if server == "daphne":
            cmd = [
                str(Path(PYTHON).parent / "daphne"),
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                app,
            ]
        else:
            cmd = [
                str(Path(PYTHON).parent / "uvicorn"),
                app,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--lifespan",
                "off",
                "--log-level",
                "warning",
                "--no-access-log",
            ]
        name = server if app == "config.asgi:application" else app.split(":")[0]
        log = Path(logdir) / f"{name}-{port}.log" if logdir else None
        with open(log or os.devnull, "wb") as stderr:
            procs.append(
                subprocess.Popen(
                    cmd,
                    cwd=root,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                    start_new_session=True,
                )
            )
        ports.append(port)
        logs.append(log)
    for port in ports:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            stop_servers(procs)
            raise RuntimeError(f"the server on port {port} did not start")
    return ports, procs, logs


def stop_servers(procs):
    for proc in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def cpu_seconds(pid):
    """utime + stime of a process, in seconds (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
