"""Static files as `make run` serves them: a real uvicorn process (the Makefile's flags,
DEBUG off) on files collected into a folder of the test's own, answered before Django
(config/static.py), in both profiles: the embedded default (no DATABASE_URL: SQLite,
local-memory cache, plain http://; run in a copy of the checkout so that nothing touches
its db.sqlite3) and PostgreSQL/Redis (the test database; HTTPS behind a proxy, so each
request says X-Forwarded-Proto: https as the proxy would). Pages' compression in both
profiles: tests/config/test_compression_csrf.py and test_make_run.py."""

import gzip
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import brotli
import pytest

from tests.config.test_make_run import NOT_COPIED, UNSET
from tests.home import processes
from tests.home.processes import free_port

# The PostgreSQL profile's server reads the test database: it must be set up.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_KEY = "static-files-test-" + "k" * 50
# Only the site's own files and a few of Wagtail's: collecting the admins' takes a minute.
IGNORED = ["admin", "wagtailadmin", "wagtaildocs", "wagtailembeds", "wagtailsnippets"]
FORWARDED = {"X-Forwarded-Proto": "https"}


def uvicorn_flags():
    """The Makefile's UVICORN_FLAGS: the server as `make run` starts it."""
    makefile = (ROOT / "Makefile").read_text()
    value = re.search(r"^UVICORN_FLAGS \?=((?:.*\\\n)*.*)$", makefile, re.M).group(1)
    return shlex.split(value.replace("\\\n", " "))


def production_env(**extra):
    env = {key: value for key, value in os.environ.items() if key not in UNSET}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=SECRET_KEY, LOG_LEVEL="WARNING", **extra)
    return env


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """collectstatic, as `make run` runs it, into a folder of this module's own."""
    root = tmp_path_factory.mktemp("static-root")
    ignores = [arg for name in IGNORED for arg in ("-i", name)]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", *ignores],
        cwd=ROOT,
        env=production_env(STATIC_ROOT=str(root)),
        check=True,
    )
    return root


class Server:
    def __init__(self, port, headers, log):
        self.port, self.headers, self.log = port, headers, log

    def request(self, path, method="GET", headers=None):
        """(status, headers, raw body bytes) of one request, nothing decoded."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, headers={**self.headers, **(headers or {})})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


def start_uvicorn(cwd, env, log):
    port = free_port()
    with open(log, "wb") as output:
        proc = subprocess.Popen(
            [
                str(BIN / "uvicorn"),
                "config.asgi:application",
                *("--host", "127.0.0.1", "--port", str(port), "--lifespan", "off"),
                *uvicorn_flags(),
            ],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 120
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/livez", headers=FORWARDED)
            if connection.getresponse().status == 200:
                return port, proc
        except OSError:
            pass
        assert proc.poll() is None, f"uvicorn exited:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"uvicorn did not start:\n{log.read_text()[-3000:]}"
        time.sleep(0.3)


def start_profile(profile, static_root, workdir):
    """-> (Server, process) of one profile."""
    log = workdir / f"uvicorn-{profile}.log"
    if profile == "embedded":
        checkout = workdir / "checkout"
        shutil.copytree(ROOT, checkout, ignore=NOT_COPIED)
        (checkout / ".venv").symlink_to(ROOT / ".venv")
        port, proc = start_uvicorn(checkout, production_env(STATIC_ROOT=str(static_root)), log)
        return Server(port, {}, log), proc
    if not processes.tests_database_url().startswith("postgres://") or not os.environ.get(
        "REDIS_URL"
    ):
        pytest.skip("the PostgreSQL/Redis profile needs DATABASE_URL and REDIS_URL")
    env = production_env(
        STATIC_ROOT=str(static_root),
        DATABASE_URL=processes.tests_database_url(),
        REDIS_URL=os.environ["REDIS_URL"],
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
    )
    port, proc = start_uvicorn(ROOT, env, log)
    return Server(port, FORWARDED, log), proc


@pytest.fixture(scope="module")
def servers(static_root, tmp_path_factory, django_db_setup):
    """Each profile's server, started when a test first asks for it, stopped at the end."""
    workdir = tmp_path_factory.mktemp("static-servers")
    started = {}

    def get(profile):
        if profile not in started:
            started[profile] = start_profile(profile, static_root, workdir)
        return started[profile][0]

    yield get
    for _server, proc in started.values():
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.fixture(params=["embedded", "postgres"])
def server(request, servers):
    return servers(request.param)


@pytest.fixture
def postgres_server(servers):
    """For what reaches Django's pages, which need the database (the embedded copy has
    none: migrating it would take minutes; test_make_run.py serves those)."""
    return servers("postgres")


def hashed(static_root, name):
    return "/static/" + json.loads((static_root / "staticfiles.json").read_text())["paths"][name]


SOURCE = (ROOT / "static/css/site.css").read_bytes()


def test_a_hashed_file_is_served_as_it_is_cached_forever(server, static_root):
    status, headers, body = server.request(hashed(static_root, "css/site.css"))

    assert status == 200
    assert body == SOURCE
    assert headers["Content-Type"] == 'text/css; charset="utf-8"'
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert headers["Content-Length"] == str(len(SOURCE))
    assert headers["Vary"] == "Accept-Encoding"
    assert "Content-Encoding" not in headers
    # What SecurityMiddleware gave it when whitenoise served it inside Django.
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    # No page policy on a stylesheet; no session, no cookie.
    assert "Content-Security-Policy" not in headers
    assert "Set-Cookie" not in headers


def test_gzip_is_sent_to_a_client_that_accepts_only_gzip(server, static_root):
    status, headers, body = server.request(
        hashed(static_root, "css/site.css"), headers={"Accept-Encoding": "gzip"}
    )

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == SOURCE
    assert len(body) < len(SOURCE) / 3


def test_brotli_is_sent_to_a_client_that_accepts_it_being_the_smaller(server, static_root):
    status, headers, body = server.request(
        hashed(static_root, "css/site.css"), headers={"Accept-Encoding": "gzip, deflate, br"}
    )

    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert brotli.decompress(body) == SOURCE
    assert int(headers["Content-Length"]) == len(body) < len(gzip.compress(SOURCE))


def test_an_unhashed_name_is_cached_for_a_minute(server):
    status, headers, body = server.request("/static/css/site.css")

    assert status == 200
    assert body == SOURCE
    assert headers["Cache-Control"] == "max-age=60, public"


def test_a_matching_etag_is_answered_304_without_a_body(server, static_root):
    path = hashed(static_root, "js/live.js")
    etag = server.request(path)[1]["ETag"]

    status, headers, body = server.request(path, headers={"If-None-Match": etag})

    assert status == 304
    assert body == b""
    assert headers["ETag"] == etag
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"


def test_head_says_what_get_would_send_without_the_body(server, static_root):
    path = hashed(static_root, "js/live.js")

    status, headers, body = server.request(path, method="HEAD", headers={"Accept-Encoding": "br"})

    assert status == 200
    assert body == b""
    assert headers["Content-Encoding"] == "br"
    assert headers["Content-Length"] == str(len((static_root / (path[8:] + ".br")).read_bytes()))


def test_a_byte_range_is_served(server, static_root):
    status, headers, body = server.request(
        hashed(static_root, "css/site.css"), headers={"Range": "bytes=10-19"}
    )

    assert status == 206
    assert body == SOURCE[10:20]
    assert headers["Content-Range"] == f"bytes 10-19/{len(SOURCE)}"


def test_a_post_to_a_static_file_is_refused(server, static_root):
    status, headers, _body = server.request(hashed(static_root, "css/site.css"), method="POST")

    assert status == 405
    assert headers["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../config/settings.py",
        "/static/%2e%2e/config/settings.py",
        "/static/css/../../config/settings.py",
        "/static/..%2fconfig/settings.py",
        "/static/css/site.css/../../../manage.py",
    ],
)
def test_a_path_out_of_the_static_root_is_not_found(postgres_server, path):
    status, _headers, body = postgres_server.request(path)

    assert status == 404  # the site's own 404 page, from Django
    assert b"DJANGO_SETTINGS_MODULE" not in body
    assert b"SECRET_KEY" not in body


def test_a_missing_static_file_is_the_sites_404_page(postgres_server):
    status, _headers, body = postgres_server.request("/static/css/no-such-file.css")

    assert status == 404
    assert b'class="site-header"' in body


def test_static_files_never_go_through_djangos_handler(server, static_root):
    """Whitenoise inside Django handed uvicorn a synchronous file iterator: Django's ASGI
    handler consumed it in a thread, and warned so in the log once per process."""
    for name in ("css/site.css", "js/live.js", "js/site.js"):
        assert server.request(hashed(static_root, name))[0] == 200

    assert "synchronous iterators" not in server.log.read_text()


def test_https_only_when_the_site_is_served_over_https(server, static_root):
    """Behind the proxy (the PostgreSQL profile), a static file carries HSTS and a plain
    http:// request for it is redirected, as Django does for a page; the embedded default
    serves plain http:// and sends neither."""
    path = hashed(static_root, "css/site.css")
    headers = server.request(path)[1]
    status, plain_headers, _body = server.request(path, headers={"X-Forwarded-Proto": "http"})

    if server.headers:
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert status == 301
        assert plain_headers["Location"] == f"https://127.0.0.1:{server.port}{path}"
    else:
        assert "Strict-Transport-Security" not in headers
        assert status == 200


def test_a_translated_script_catalogue_is_gzipped_in_either_profile(server):
    """A response of Django's that holds no CSRF token: gzipped whoever asked."""
    plain = server.request("/th/jsi18n/")[2]

    status, headers, body = server.request(
        "/th/jsi18n/", headers={"Accept-Encoding": "gzip", "Sec-Fetch-Site": "cross-site"}
    )

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    assert "Sec-Fetch-Site" not in headers["Vary"]
