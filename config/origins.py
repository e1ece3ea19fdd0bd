"""Which pages may open a WebSocket to the site: an exact origin check.

Channels' AllowedHostsOriginValidator compares host names only, so a page served from
another port or scheme of the site's host (http://site:8080, or http:// on an HTTPS
site) could open a socket with the member's cookies. Here the whole origin (scheme, host,
port) must be, as Django's CSRF check has it for forms: the origin the socket itself was
opened to (its Host header, on a host in ALLOWED_HOSTS, and its scheme - read from the
SECURE_PROXY_SSL_HEADER when TLS ends at a proxy, as for HTTP), SITE_URL's, or one of
CSRF_TRUSTED_ORIGINS (with their `*.` subdomain wildcards). So a page on another port
of the host, or on http:// of an HTTPS site, is refused. A socket without an Origin
header is refused: browsers always send one.
"""

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise(origin):
    """'HTTPS://Site:443' -> ('https', 'site', 443); None if it is not an origin."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    default = DEFAULT_PORTS[parts.scheme]
    return parts.scheme, parts.hostname.lower(), default if port is None else port


def _header(scope, name):
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _matches(origin, allowed):
    scheme, host, port = origin
    a_scheme, a_host, a_port = allowed
    if (scheme, port) != (a_scheme, a_port):
        return False
    if a_host.startswith("*."):
        return host.endswith(a_host[1:])
    return host == a_host


def _scheme(scope):
    """The socket's scheme as the browser used it: http or https."""
    secure = scope.get("scheme") in ("wss", "https")
    if settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        name = header.removeprefix("HTTP_").replace("_", "-").lower().encode("latin-1")
        forwarded = _header(scope, name)
        if forwarded is not None:
            secure = forwarded.split(",")[0].strip() == value
    return "https" if secure else "http"


def allowed_origins(scope):
    origins = [normalise(settings.SITE_URL)]
    origins += [normalise(origin) for origin in settings.CSRF_TRUSTED_ORIGINS]
    host = _header(scope, b"host")
    domain = split_domain_port(host)[0] if host else ""
    if domain and validate_host(domain, settings.ALLOWED_HOSTS):
        origins.append(normalise(f"{_scheme(scope)}://{host}"))
    return [origin for origin in origins if origin is not None]


def origin_allowed(scope):
    raw = _header(scope, b"origin")
    origin = normalise(raw) if raw else None
    return origin is not None and any(_matches(origin, a) for a in allowed_origins(scope))


class ExactOriginValidator:
    """ASGI middleware: refuse (close the handshake) a WebSocket from any other origin."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
