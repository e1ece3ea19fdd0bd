"""`make run` with nothing configured (the embedded default), started in a fresh process as
a newcomer starts it, on PORT: the production profile (DEBUG off) over plain HTTP on this
machine. It shows the site's own 404 page, never Django's debug page; serves pages and
static files compressed; its e-mails link to the port it serves on; and a member can log
in over plain http:// (its cookies are not marked Secure).

The run is made in a copy of the checkout (its own SQLite database, static root and media),
with the project's .venv linked in: about three minutes (migrate, seed, collectstatic)."""

import gzip
import http.client
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import need
from tests.home.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
# What a checkout holds beside the code, that `make run` makes for itself.
NOT_COPIED = shutil.ignore_patterns(
    ".venv",
    ".git",
    "staticfiles",
    "media",
    "private-media",
    "db.sqlite3*",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    "node_modules",
    "test-results",
)
# Nothing configured: none of the site's variables, nor a make calling us (`make test`).
UNSET = {
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "EMAIL_HOST",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "SITE_URL",
    "DJANGO_SETTINGS_MODULE",
    "PORT",
    "HOST",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
}
STARTUP_SECONDS = 900


class Server:
    def __init__(self, port, log):
        self.port, self.log = port, log

    def request(self, path, method="GET", headers=None, body=None):
        """(status, headers, raw body bytes) of one request, nothing decoded."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    make = shutil.which("make")
    need(make, "make is not installed")
    checkout = tmp_path_factory.mktemp("make-run") / "checkout"
    shutil.copytree(ROOT, checkout, ignore=NOT_COPIED)
    (checkout / ".venv").symlink_to(ROOT / ".venv")
    port = free_port()
    log = checkout / "make-run.log"
    env = {key: value for key, value in os.environ.items() if key not in UNSET}
    # -o install: the copy must never reinstall the project into the linked .venv (an
    # editable install would then point it at the copy); it is installed already.
    with open(log, "wb") as output:
        proc = subprocess.Popen(
            [make, "-o", "install", "run", f"PORT={port}"],
            cwd=checkout,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(port, log)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            if server.request("/livez")[0] == 200:
                break
        except OSError:
            pass
        assert proc.poll() is None, f"make run exited:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"make run did not serve:\n{log.read_text()[-3000:]}"
        time.sleep(1)
    yield server
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def text(body):
    return body.decode("utf-8")


def test_a_missing_page_is_the_sites_404_page_not_the_debug_page(make_run):
    status, _headers, body = make_run.request("/no-such-page/")

    assert status == 404
    html = text(body)
    assert "<title>Page not found · SSE Asia</title>" in html
    assert 'class="site-header"' in html
    # Django's debug 404 lists the URL patterns it tried.
    assert "Using the URLconf" not in html
    assert "DEBUG = True" not in html


def test_a_missing_thai_page_is_the_404_page_in_thai(make_run):
    status, _headers, body = make_run.request("/th/no-such-page/")

    assert status == 404
    assert "<h1>ไม่พบหน้านี้</h1>" in text(body)


def test_pages_are_served_gzipped(make_run):
    status, headers, body = make_run.request("/", headers={"Accept-Encoding": "gzip, br"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert text(gzip.decompress(body)).startswith("<!doctype html>")


def test_static_files_are_collected_and_served_precompressed(make_run):
    home = text(make_run.request("/")[2])
    # The manifest's hashed name: collectstatic ran, and the page names what it made.
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home).group(1)

    status, headers, body = make_run.request(stylesheet, headers={"Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert len(body) < len(gzip.decompress(body)) / 2
    assert gzip.decompress(body).startswith((ROOT / "static/css/site.css").read_bytes()[:40])


def test_its_emails_link_to_the_port_it_serves_on(make_run):
    # The demo seed plays two quarterly reports, whose e-mails the console backend prints.
    log = make_run.log.read_text()

    assert f"http://127.0.0.1:{make_run.port}/activities/reports/" in log
    assert "http://127.0.0.1:8000/" not in log


def test_a_member_logs_in_over_plain_http(make_run):
    status, headers, body = make_run.request("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(body)).group(1)
    cookie = headers["Set-Cookie"]
    assert status == 200
    assert "Secure" not in cookie

    status, headers, _body = make_run.request(
        "/accounts/login/",
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie.split(";")[0],
            "Origin": f"http://127.0.0.1:{make_run.port}",
        },
        body=urlencode(
            {
                "csrfmiddlewaretoken": token,
                "login": "learner@example.org",
                "password": "demo-pass-2026",
            }
        ),
    )

    assert status == 302
    sessions = [c for c in headers.get_all("Set-Cookie") if c.startswith("sessionid=")]
    assert len(sessions) == 1
    assert "Secure" not in sessions[0]
