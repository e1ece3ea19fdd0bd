"""Which pages may open a WebSocket: the whole origin, exactly (config/origins.py)."""

import pytest
from channels.testing import WebsocketCommunicator

from config.asgi import application
from config.origins import normalise, origin_allowed

pytestmark = pytest.mark.usefixtures("close_sync_thread_connections")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ALLOWED_HOSTS = ["localhost", "site", ".example.org", "[::1]"]
    settings.SITE_URL = "https://learn.example.org"
    settings.CSRF_TRUSTED_ORIGINS = ["https://partner.example.net", "https://*.example.com"]
    settings.SECURE_PROXY_SSL_HEADER = None


def scope(origin, host="localhost:8000", scheme="ws", headers=()):
    raw = [(b"host", host.encode())] if host is not None else []
    if origin is not None:
        raw.append((b"origin", origin.encode()))
    raw += [(name.encode(), value.encode()) for name, value in headers]
    return {"type": "websocket", "scheme": scheme, "headers": raw}


@pytest.mark.parametrize(
    ("origin", "host"),
    [
        ("http://localhost:8000", "localhost:8000"),  # the socket's own origin
        ("HTTP://LocalHost:8000", "localhost:8000"),  # origins are case-insensitive
        ("http://localhost", "localhost"),
        ("http://localhost:80", "localhost"),  # the default port, spelt out
        ("http://[::1]:8000", "[::1]:8000"),
        ("https://learn.example.org", "localhost:8000"),  # SITE_URL's
        ("https://learn.example.org:443", "localhost:8000"),
        ("https://partner.example.net", "localhost:8000"),  # CSRF_TRUSTED_ORIGINS
        ("https://a.example.com", "localhost:8000"),  # ... and its *. wildcard
        ("https://a.b.example.com", "localhost:8000"),
    ],
)
def test_an_allowed_origin_is_let_in(origin, host):
    assert origin_allowed(scope(origin, host)) is True


@pytest.mark.parametrize(
    ("origin", "host"),
    [
        ("http://localhost:8001", "localhost:8000"),  # another port of the host
        ("https://localhost", "localhost"),  # another scheme
        ("http://localhost", "localhost:8000"),
        ("http://evil.example", "localhost:8000"),
        ("http://localhost.evil.example", "localhost:8000"),
        (None, "localhost:8000"),  # no Origin header at all
        ("null", "localhost:8000"),
        ("", "localhost:8000"),
        ("http://", "localhost:8000"),
        ("http://[::1", "[::1]:8000"),
        ("http://localhost:99999", "localhost:99999"),
        ("http://localhost:0", "localhost"),  # port 0 is not the default port
        ("ftp://localhost:8000", "localhost:8000"),
        ("localhost:8000", "localhost:8000"),
        ("http://learn.example.org", "localhost:8000"),  # SITE_URL is https
        ("https://learn.example.org:8443", "localhost:8000"),
        ("https://example.com", "localhost:8000"),  # the wildcard is for subdomains
        ("https://evilexample.com", "localhost:8000"),
        ("http://a.example.com", "localhost:8000"),  # the wildcard's scheme holds
        ("https://partner.example.net.evil.example", "localhost:8000"),
        # A host outside ALLOWED_HOSTS (DNS rebinding) does not make its own origin good.
        ("http://evil.example", "evil.example"),
        ("http://localhost:8000", None),  # no Host header: only the configured origins
    ],
)
def test_any_other_origin_is_refused(origin, host):
    assert origin_allowed(scope(origin, host)) is False


def test_a_secure_socket_takes_its_scheme_from_the_connection():
    assert origin_allowed(scope("https://site", "site", scheme="wss")) is True
    assert origin_allowed(scope("http://site", "site", scheme="wss")) is False


def test_behind_a_tls_proxy_the_forwarded_scheme_is_the_sockets_scheme(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    proxied = [("x-forwarded-proto", "https")]

    assert origin_allowed(scope("https://site", "site", headers=proxied)) is True
    assert origin_allowed(scope("http://site", "site", headers=proxied)) is False
    # Without the header (a request that did not come through the proxy): plain http.
    assert origin_allowed(scope("http://site", "site")) is True
    assert origin_allowed(scope("https://site", "site")) is False
    # The proxy's first value is the one the browser used.
    assert origin_allowed(scope("https://site", "site", headers=[proxied[0]])) is True
    assert (
        origin_allowed(scope("https://site", "site", headers=[("x-forwarded-proto", "http")]))
        is False
    )


def test_the_forwarded_header_counts_only_when_the_site_is_told_to_trust_it():
    proxied = [("x-forwarded-proto", "https")]

    assert origin_allowed(scope("https://site", "site", headers=proxied)) is False
    assert origin_allowed(scope("http://site", "site", headers=proxied)) is True


def test_normalise_spells_every_origin_one_way():
    assert normalise("HTTPS://Site:443") == ("https", "site", 443)
    assert normalise("http://site") == ("http", "site", 80)
    assert normalise("http://site:0") == ("http", "site", 0)
    assert normalise("null") is None


def handshake(origin, host=b"localhost"):
    headers = [(b"host", host)] + ([(b"origin", origin)] if origin else [])
    return WebsocketCommunicator(application, "/ws/nothing/", headers=headers)


@pytest.mark.parametrize(
    "origin", [b"http://localhost:8001", b"https://localhost", b"http://evil.example", None]
)
async def test_a_handshake_from_another_origin_is_refused_before_it_is_accepted(origin):
    ws = handshake(origin)

    connected, _ = await ws.connect(timeout=5)

    assert connected is False


async def test_a_handshake_from_the_sites_own_origin_reaches_the_routes():
    ws = handshake(b"http://localhost")

    connected, _ = await ws.connect(timeout=5)

    assert connected is True  # then the unknown path's 4404
    assert (await ws.receive_output(timeout=5))["code"] == 4404
    await ws.disconnect()
