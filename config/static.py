"""Static files, answered before Django: servestatic's ASGI app serves what collectstatic
left in STATIC_ROOT on the event loop, with no thread hop and no middleware; any other
request goes on to Django. In DEBUG (development, tests' workers) Django's own
development handler serves the source files through the finders instead, as runserver
does, so an edited stylesheet shows without collectstatic.

What a collected file is sent with, the headers whitenoise gave it inside Django before:
- its name as the manifest hashed it (`css/site.3f0c1a2b9d4e.css`) is cached for ten
  years, `immutable`; the unhashed name for 60 seconds;
- the .br or .gz copy collectstatic made beside it, for a client that accepts it (the
  smaller first), with `Vary: Accept-Encoding`;
- ETag and Last-Modified (304 on a match), HEAD, byte ranges, 405 for other methods;
- the headers Django's SecurityMiddleware gives every response (nosniff, Referrer-Policy,
  Cross-Origin-Opener-Policy, HSTS when served over HTTPS), and its redirect: a plain
  http:// request that SECURE_SSL_REDIRECT sends to https:// goes on to Django.
No Content-Security-Policy: a stylesheet or script does not run a policy of its own.
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from servestatic import ServeStaticASGI
from servestatic.utils import decode_path_info

# What whitenoise and servestatic give a name that is not hashed (a file collected from
# a library and named in its own CSS without the hash, say): a minute.
UNHASHED_MAX_AGE = 60


def hashed_names(static_root):
    """The names the manifest gave the collected files (`css/site.3f0c1a2b9d4e.css`):
    those are cached forever, since a changed file gets a new name."""
    try:
        manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    except FileNotFoundError:
        return frozenset()
    return frozenset(manifest.get("paths", {}).values())


def security_headers(headers, path, url):
    """What SecurityMiddleware adds to every response, for a static file that never
    reaches it. HSTS is sent whenever the site is served over HTTPS: a browser ignores
    it on a plain http:// response (RFC 6797, 8.1)."""
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    if settings.SECURE_REFERRER_POLICY:
        policy = settings.SECURE_REFERRER_POLICY
        headers["Referrer-Policy"] = policy if isinstance(policy, str) else ",".join(policy)
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    if settings.SECURE_HSTS_SECONDS:
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        headers["Strict-Transport-Security"] = value


def serving_options():
    """servestatic's arguments for the collected files: its ASGI app here, its WSGI app
    in bench/static_files.py's synchronous reference."""
    prefix = settings.STATIC_URL
    hashed = hashed_names(settings.STATIC_ROOT)
    return {
        "root": settings.STATIC_ROOT,
        "prefix": prefix,
        "max_age": UNHASHED_MAX_AGE,
        "immutable_file_test": lambda path, url: url.removeprefix(prefix) in hashed,
        "add_headers_function": security_headers,
    }


def is_secure(scope):
    """Django's request.is_secure() for an ASGI scope: the proxy's header when
    SECURE_PROXY_SSL_HEADER names one and it is there, else the connection's scheme."""
    if settings.SECURE_PROXY_SSL_HEADER:
        meta_name, secure_value = settings.SECURE_PROXY_SSL_HEADER
        name = meta_name.removeprefix("HTTP_").lower().replace("_", "-").encode("latin-1")
        for key, value in scope.get("headers", ()):
            if key == name:
                first = value.decode("latin-1").split(",", 1)[0].strip()
                return first == secure_value
    return scope.get("scheme") == "https"


# The request headers a static file's answer depends on, under the names servestatic
# reads them by (WSGI's).
CONDITIONS = {
    b"accept-encoding": "HTTP_ACCEPT_ENCODING",
    b"if-none-match": "HTTP_IF_NONE_MATCH",
    b"if-modified-since": "HTTP_IF_MODIFIED_SINCE",
    b"range": "HTTP_RANGE",
}
# Read at once: larger than every file collected but Wagtail's admin bundles.
CHUNK = 256 * 1024


async def send_file(static_file, scope, send):
    """servestatic's answer (status, headers, which copy) for one collected file, read
    on the event loop. servestatic's own ASGI sender reads 8 KiB at a time, each read a
    hop to a thread pool it starts for the request; a file collectstatic wrote a moment
    ago sits in the page cache, and one read of it costs less than one hop."""
    conditions = {
        CONDITIONS[name]: value.decode("latin-1")
        for name, value in scope["headers"]
        if name in CONDITIONS
    }
    response = static_file.get_response(scope["method"], conditions)
    headers = [
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in response.headers
        if value is not None
    ]
    start = {"type": "http.response.start", "status": int(response.status), "headers": headers}
    await send(start)
    if response.file is None:  # HEAD, 304, 405, 416
        await send({"type": "http.response.body", "body": b""})
        return
    with response.file as file:
        chunk = file.read(CHUNK)
        while True:
            following = file.read(CHUNK) if len(chunk) == CHUNK else b""
            await send({"type": "http.response.body", "body": chunk, "more_body": bool(following)})
            if not following:
                return
            chunk = following


class CollectedStaticFiles(ServeStaticASGI):
    """The files collected in STATIC_ROOT, listed once at start (servestatic), in front
    of `application` (Django), which gets every other request."""

    def __init__(self, application):
        super().__init__(application, **serving_options())
        self.redirect_to_https = settings.SECURE_SSL_REDIRECT

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and (not self.redirect_to_https or is_secure(scope)):
            static_file = self.files.get(decode_path_info(scope["path"]))
            if static_file is not None:
                return await send_file(static_file, scope, send)
        # Not a collected file, or a plain http:// request that Django redirects.
        return await self.application(scope, receive, send)


def static_files(application):
    """The HTTP application: the collected static files in front of `application`, or
    in DEBUG Django's development handler over the source files (the finders)."""
    if settings.DEBUG:
        return ASGIStaticFilesHandler(application)
    return CollectedStaticFiles(application)
