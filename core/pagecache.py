"""Whole pages for anonymous readers, served from the cache.

The pages a newcomer reads first (the home page, the catalogue, a course and its modules,
a country, the forum index...) are the same for every anonymous reader of a language, so
they are rendered once and then served from the cache until something changes them:
publishing or unpublishing a page (its language's pages; the default language's reach
every language, whose pages fall back to it), a post or a moderation decision in the forum
(every language). Each change replaces a generation token the keys contain, so old entries
are never read again (they expire); an entry also expires after PAGE_CACHE_SECONDS, the
bound for what changes with time alone ("upcoming", "3 hours ago").

What opts in: a Wagtail page whose class does not set `anonymous_cache = False`, and a view
decorated with `@anonymous_cache`. What is never served from here or stored:
- a signed-in reader's request, or one that carries a session or pending messages;
- anything but GET or HEAD, a query string other than `?page=<n>`, a response other than
  a plain 200, a response that sets a cookie or says `Cache-Control: private/no-cache`;
- an editor's preview.
The language switcher's CSRF token is the one per-reader part: it is stored as a
placeholder and each response gets a fresh masked token (and the CSRF cookie, as an
uncached page does), so no two readers share a token.

PAGE_CACHE_SECONDS = 0 turns the cache off (the benchmarks measure rendering with it off).
"""

import functools
import hashlib
import re
import uuid

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, parse_cookie
from django.middleware import csrf
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.utils.safestring import mark_safe
from django.utils.text import compress_string
from django.utils.translation import get_language_from_path

GENERATION = "pagecache:generation"
TOKEN_PLACEHOLDER = "__page-cache-csrf-token__"  # noqa: S105 - a placeholder, no secret
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{32,64})(")')
_PAGE_QUERY = re.compile(r"(page=[1-9][0-9]{0,5})?")
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "Vary")


def anonymous_cache(view):
    """Mark a view's pages as the same for every anonymous reader of a language."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.anonymous_cache = True
        return view(request, *args, **kwargs)

    return wrapper


def allow(request):
    """Mark this request's page as cacheable (core.pagerouting does it for Wagtail pages)."""
    request.anonymous_cache = True


def invalidate(language=None):
    """Forget every cached page (language None) or those of one language: at once, and
    again once the current transaction commits (a reader in between would have cached
    what was about to change)."""
    key = GENERATION if language is None else f"{GENERATION}:{language}"

    def forget():
        cache.set(key, uuid.uuid4().hex, None)

    forget()
    transaction.on_commit(forget)


def _changed(**kwargs):
    invalidate()


def invalidate_on_change(*models):
    """Forget every cached page whenever a row of one of `models` is saved or deleted
    (the apps name what their public pages show: workshops, activities, posts...)."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"pagecache-{model._meta.label}-{signal!r}"
            )


def _page_published(instance, **kwargs):
    """A page's own language; the default language's pages reach every language (the
    others fall back to them, and their translations are synced from them)."""
    language = instance.locale.language_code
    invalidate(None if language == settings.LANGUAGE_CODE else language)


def connect_page_signals():
    """Publishing, unpublishing, moving or deleting a page (core's ready())."""
    from wagtail.models import Page  # noqa: PLC0415 - models are ready only in ready()
    from wagtail.signals import (  # noqa: PLC0415 - models are ready only in ready()
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished):
        signal.connect(_page_published, dispatch_uid=f"pagecache-{signal!r}")
    # A move changes URLs and menus; a snippet (published or not) may show on any page.
    for signal in (post_page_move, published, unpublished):
        signal.connect(_changed, dispatch_uid=f"pagecache-{signal!r}")
    post_delete.connect(_changed, sender=Page, dispatch_uid="pagecache-page-delete")


def with_token(request, html):
    """`html` (a cached page or fragment) with this request's own masked CSRF token in
    place of TOKEN_PLACEHOLDER; asking for it sets the CSRF cookie, as rendering does."""
    if TOKEN_PLACEHOLDER not in html:
        return mark_safe(html)  # noqa: S308 - rendered by our templates
    return mark_safe(html.replace(TOKEN_PLACEHOLDER, get_token(request) if request else ""))  # noqa: S308 - rendered by our templates


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _eligible(request):
    if request.method not in ("GET", "HEAD") or _seconds() <= 0:
        return False
    if getattr(request, "is_preview", False) or request.user.is_authenticated:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return _PAGE_QUERY.fullmatch(request.META.get("QUERY_STRING", "")) is not None


def _generations(language):
    keys = [GENERATION, f"{GENERATION}:{language}"]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:  # never set, or evicted: a new token, never an old one again
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key) or uuid.uuid4().hex
    return found[keys[0]], found[keys[1]]


def _digest(scheme, host, language, full_path):
    """What a cached page is filed under, the same whether Django or the front asks."""
    where = f"{scheme}|{host}|{language}|{full_path}"
    return hashlib.sha256(where.encode()).hexdigest()[:32]


def _storable(request, response):
    if not getattr(request, "anonymous_cache", False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies or getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-cache", "no-store"))


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous pages (see the module docstring). It stands last, after
    the authentication, message and CSRF middleware, so their process_response (the CSRF
    cookie) and every outer one (security headers, CSP, compression) run on a cached
    response as on a rendered one. Under ASGI, CachedPagesFront answers before Django
    from what this stores."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        every, own = _generations(language)
        digest = _digest(request.scheme, request.get_host(), language, request.get_full_path())
        key = f"pagecache:page:{every}:{own}:{digest}"
        stored = cache.get(key)
        if stored is not None:
            return self._from_cache(request, stored)
        response = self.get_response(request)
        if _storable(request, response):
            body = self._store(key, response)
            scope = getattr(request, "scope", None)
            if scope is not None:  # under ASGI: for CachedPagesFront, once the headers are final
                scope["pagecache.stored"] = (digest, every, own, body)
        return response

    def _store(self, key, response):
        body = response.content.decode(response.charset)
        body = _TOKEN_FIELD.sub(rf"\g<1>{TOKEN_PLACEHOLDER}\g<3>", body)
        headers = {name: response[name] for name in _KEPT_HEADERS if name in response}
        cache.set(key, (body, headers), _seconds())
        return body

    def _from_cache(self, request, stored):
        body, headers = stored
        response = HttpResponse(with_token(request, body), headers=headers)
        patch_vary_headers(response, ("Cookie",))
        response["X-Page-Cache"] = "hit"
        return response


# --- In front of Django (ASGI) ----------------------------------------------------------
# A page from the middleware above still crosses every middleware (about 6 ms of a core
# a page: a fortieth of the rate static files are served at). In front of Django, a page
# the middleware stored is answered from one cache read: its body (the CSRF placeholder
# in it), the headers the whole middleware stack gave it, and the generations it was
# stored under. The request must be one the middleware would serve from the cache too
# (anonymous: no session or messages cookie; GET or HEAD; no query but ?page=<n>), filed
# under the same (scheme, host, language, path); the CSRF token and cookie are made as
# Django's CsrfViewMiddleware makes them, and the body compressed as its GZipMiddleware
# does. Everything else, and every miss, goes on to Django.
_DROPPED = {b"set-cookie", b"content-length", b"content-encoding", b"vary", b"x-page-cache"}
_GZIP_MIN_LENGTH = 200  # Django's GZipMiddleware leaves shorter bodies alone
_GZIP_PADDING = 100  # and pads the others with up to this many random bytes (BREACH)


def _headers(scope):
    return {name: value.decode("latin-1") for name, value in scope.get("headers", ())}


def _scheme(scope, headers):
    """request.scheme for the scope: the proxy's header if settings name one, as Django."""
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy:
        meta_name, secure_value = proxy
        name = meta_name.removeprefix("HTTP_").lower().replace("_", "-").encode("latin-1")
        if name in headers:
            forwarded = headers[name].split(",", 1)[0].strip()
            return "https" if forwarded == secure_value else "http"
    return scope.get("scheme", "http")


def _front_request(scope):
    """(digest, language, headers, cookies) of a request the front may answer, or None."""
    if scope.get("method") not in ("GET", "HEAD") or _seconds() <= 0:
        return None
    if getattr(settings, "CSRF_USE_SESSIONS", False):
        return None
    query = scope.get("query_string", b"").decode("latin-1")
    if _PAGE_QUERY.fullmatch(query) is None:
        return None
    headers = _headers(scope)
    cookies = parse_cookie(headers.get(b"cookie", ""))
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    host = headers.get(b"host", "")
    if getattr(settings, "USE_X_FORWARDED_HOST", False):
        host = headers.get(b"x-forwarded-host", host)
    path = scope["path"]
    full_path = escape_uri_path(path) + (f"?{query}" if query else "")
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    digest = _digest(_scheme(scope, headers), host, language, full_path)
    return digest, language, headers, cookies


def _csrf(cookies):
    """(masked token, Set-Cookie value) as Django's CsrfViewMiddleware gives them: the
    reader's secret if their cookie holds one, else a new one."""
    secret = cookies.get(settings.CSRF_COOKIE_NAME, "")
    try:
        csrf._check_token_format(secret)
        if len(secret) == csrf.CSRF_TOKEN_LENGTH:
            secret = csrf._unmask_cipher_token(secret)
    except csrf.InvalidTokenFormat:
        secret = csrf._get_new_csrf_string()
    carrier = HttpResponse()
    carrier.set_cookie(
        settings.CSRF_COOKIE_NAME,
        secret,
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    cookie = carrier.cookies[settings.CSRF_COOKIE_NAME].OutputString()
    return csrf._mask_cipher_secret(secret), cookie


class CachedPagesFront:
    """ASGI: the anonymous pages AnonymousPageCacheMiddleware stored, answered before
    Django (see the comment above); `application` gets every other request, and on a miss
    that the middleware stores, the front files the page with its final headers."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        found = _front_request(scope) if scope["type"] == "http" else None
        if found is None:
            return await self.application(scope, receive, send)
        digest, language, headers, cookies = found
        keys = [f"pagecache:front:{digest}", GENERATION, f"{GENERATION}:{language}"]
        # One hop to a thread for the three keys (BaseCache.aget_many makes one a key).
        values = await sync_to_async(cache.get_many, thread_sensitive=False)(keys)
        entry = values.get(keys[0])
        if entry is not None and entry[:2] == (values.get(keys[1]), values.get(keys[2])):
            return await self._answer(scope, send, headers, cookies, entry)
        started = {}

        async def capture(message):
            if message["type"] == "http.response.start":
                started.update(message)
            await send(message)

        await self.application(scope, receive, capture)
        stored = scope.get("pagecache.stored")
        if stored is not None and stored[0] == digest and started.get("status") == 200:
            _stored_digest, every, own, body = stored
            kept = [(n, v) for n, v in started.get("headers", ()) if n.lower() not in _DROPPED]
            entry = (every, own, body, kept)
            await sync_to_async(cache.set, thread_sensitive=False)(keys[0], entry, _seconds())

    async def _answer(self, scope, send, headers, cookies, entry):
        _every, _own, body, kept = entry
        token, cookie = _csrf(cookies)
        content = body.replace(TOKEN_PLACEHOLDER, token).encode()
        out = [*kept, (b"set-cookie", cookie.encode("latin-1")), (b"x-page-cache", b"hit")]
        vary = b"Cookie, Accept-Encoding, Sec-Fetch-Site"
        # config.middleware.TextGZipMiddleware's rule: a page with a CSRF token is never
        # compressed for a request another site started (what a BREACH attack sends).
        other_site = headers.get(b"sec-fetch-site", "") in ("cross-site", "same-site")
        accepts = "gzip" in headers.get(b"accept-encoding", "")
        if accepts and len(content) >= _GZIP_MIN_LENGTH and not other_site:
            content = compress_string(content, max_random_bytes=_GZIP_PADDING)
            out.append((b"content-encoding", b"gzip"))
        out += [(b"vary", vary), (b"content-length", str(len(content)).encode("latin-1"))]
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else content}
        )
