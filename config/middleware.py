"""Project middleware."""

import codecs
import re
from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParser
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.datastructures import ImmutableList

# The Wagtail and Django admins still rely on inline styles and scripts; editors are
# trusted staff, so their pages get a looser policy. The public site keeps the strict one.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# Framed by the site itself, nothing else: the admin's pages (Wagtail's preview panel and
# its block previews are iframes of admin URLs) and the page previews they show. Replaced,
# not added to the public 'none' (a browser ignores 'none' beside another source, and says
# so in the console).
SAME_ORIGIN_FRAMING = {"frame-ancestors": ["'self'"]}


def is_preview(request):
    """A page (or snippet) rendered by Wagtail for the admin's preview: Wagtail passes a
    dummy request for the page's own URL through the middleware (`is_dummy`), and marks
    it `is_preview` before serve_preview runs."""
    return getattr(request, "is_dummy", False) or getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with a looser policy under the admin prefixes, and previews that the
    admin (same origin) may frame. A preview otherwise keeps the public policy: the editor
    sees the page as its readers will, under the same rules."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        admin = request.path_info.startswith(ADMIN_PREFIXES)
        if admin:
            parts.update = {**ADMIN_POLICY_UPDATE, **(parts.update or {})}
        if admin or is_preview(request):
            parts.replace = {**SAME_ORIGIN_FRAMING, **(parts.replace or {})}
        return parts


# --- Compression ------------------------------------------------------------------------
# What gzip shrinks: text of every kind. PDFs, images, XLSX and the like are compressed
# already; gzipping them again costs time and saves nothing.
_COMPRESSIBLE = re.compile(
    r"text/|image/svg\+xml|application/(json|javascript|xml|[\w.-]+\+(json|xml))"
)
# BREACH reads a secret out of a compressed page by its length: the attacker's own page
# makes the victim's browser request ours again and again, each time with a guess
# reflected in it, and watches the sizes go by on the network. So it needs (1) a secret
# in the page, (2) requests it can start from another site, (3) lengths it can trust.
# - The CSRF token, the secret every form page holds, is masked anew on every response
#   (Django): no two pages carry the same bytes of it, so no guess ever matches it.
# - The lengths lie: Django's GZipMiddleware pads each response with 0 to 99 random
#   bytes (since 4.2, "Heal The Breach").
# - A page that holds a CSRF token is not compressed at all for a request another site
#   started (Sec-Fetch-Site: cross-site or same-site, which every current browser sends):
#   the only requests BREACH can use. The reader's own navigation (same-origin), an
#   address typed or bookmarked (none), and a client that sends no such header get it
#   compressed, with the two mitigations above.
# A page that holds no token is compressed for everyone (padded all the same).
_STARTED_ELSEWHERE = {"cross-site", "same-site"}


def holds_csrf_token(response):
    """Whether the page used the CSRF token: Django then (re)sets the CSRF cookie on the
    response (CsrfViewMiddleware, inside this one; CSRF_USE_SESSIONS is off)."""
    return settings.CSRF_COOKIE_NAME in response.cookies


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (random padding against BREACH), for text responses only,
    and for a page with a CSRF token only if this site or the reader asked for it."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if not _COMPRESSIBLE.match(content_type):
            return response
        if holds_csrf_token(response):
            patch_vary_headers(response, ("Sec-Fetch-Site",))
            if request.headers.get("Sec-Fetch-Site") in _STARTED_ELSEWHERE:
                patch_vary_headers(response, ("Accept-Encoding",))
                return response
        return super().process_response(request, response)


# --- Request guard ----------------------------------------------------------------------
# What PostgreSQL cannot store (NUL) or Python cannot encode (lone surrogates) is refused
# at the door, for every view: the path, the query string, the form fields (names and
# values, url-encoded and multipart, uploaded file names) and the cookies. Invalid UTF-8
# is refused too: Django would otherwise decode `%ED%A0%80` (an encoded lone surrogate)
# or `%C0%80` (an overlong NUL) into U+FFFD replacement characters and carry on.
_BAD_CHAR = re.compile(r"[\x00\ud800-\udfff]")
_MAYBE_BAD = re.compile(r"[\x00\ud800-\udfff\ufffd]")
STRICT_CODEC = "sse_strict_utf_8"


def _strict_utf_8_decode(data, errors="strict"):
    # Django's multipart parser asks for errors="replace"; this codec never replaces.
    return codecs.utf_8_decode(data, "strict", True)


@codecs.register
def _find_strict_codec(name):
    if name != STRICT_CODEC:
        return None
    return codecs.CodecInfo(
        name=STRICT_CODEC, encode=codecs.utf_8_encode, decode=_strict_utf_8_decode
    )


class BadText(Exception):
    """Raised inside the guard; answered with a 400."""


def _clean_bytes(data):
    """Bytes (already percent-decoded) must be NUL-free, valid UTF-8."""
    if b"\x00" in data:
        raise BadText
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadText from None


def _clean_percent_encoded(raw):
    if isinstance(raw, str):
        raw = raw.encode("latin-1", "backslashreplace")
    _clean_bytes(unquote_to_bytes(raw))


def _check_values(query_dict, raw=None):
    """Names and values of a QueryDict. A U+FFFD is how Django shows bytes it could not
    decode, so when one appears the raw input (if given) is checked once: a U+FFFD that
    was typed (sent as %EF%BF%BD) is fine."""
    for key, values in query_dict.lists():
        for value in (key, *values):
            found = _MAYBE_BAD.search(value)
            if found is None:
                continue
            if found.group() != "\ufffd":
                raise BadText
            if raw is not None:
                _clean_percent_encoded(raw)
                raw = None  # all of it is valid: no need to look again


def _check_path(request):
    # Under WSGI, Django has already turned undecodable bytes in the path back into
    # percent escapes (repercent_broken_unicode): the path is plain ASCII text there,
    # and only a NUL (%00, valid UTF-8) can come through. Under ASGI the server's raw
    # path is checked: uvicorn would decode bad bytes to U+FFFD.
    raw_path = getattr(request, "scope", {}).get("raw_path")
    if raw_path:
        _clean_bytes(unquote_to_bytes(raw_path))
    if _BAD_CHAR.search(request.path_info):
        raise BadText


def _raw_query_string(request):
    environ = getattr(request, "environ", None)
    if environ is not None and "QUERY_STRING" in environ:
        return environ["QUERY_STRING"]  # WSGI: latin-1 text of the bytes sent
    return request.META.get("QUERY_STRING", "").encode("utf-8", "surrogatepass")


def _parse_multipart_strictly(request):
    """request.parse_file_upload with a decoder that refuses invalid UTF-8."""

    def parse_file_upload(meta, post_data):
        request.upload_handlers = ImmutableList(
            request.upload_handlers,
            warning="You cannot alter upload handlers after the upload has been processed.",
        )
        parser = MultiPartParser(meta, post_data, request.upload_handlers, STRICT_CODEC)
        return parser.parse()

    request.parse_file_upload = parse_file_upload
    try:
        request.POST  # noqa: B018 - parses the body now, with the strict decoder
    except UnicodeDecodeError:
        raise BadText from None
    finally:
        del request.parse_file_upload


def check_request_text(request):
    """Raise BadText if any part of the request carries NUL, lone surrogates or bad bytes."""
    _check_path(request)
    _check_values(request.GET, _raw_query_string(request))
    if request.method == "POST":
        content_type = request.content_type or ""
        utf_8 = request.encoding in (None, "utf-8", "UTF-8", "utf8")
        if content_type == "multipart/form-data":
            if utf_8:
                _parse_multipart_strictly(request)
            _check_values(request.POST)
            for _name, uploads in request.FILES.lists():
                if any(_BAD_CHAR.search(upload.name or "") for upload in uploads):
                    raise BadText
        elif content_type == "application/x-www-form-urlencoded":
            _check_values(request.POST, request.body if utf_8 else None)
    for name, value in request.COOKIES.items():
        if _BAD_CHAR.search(name) or _BAD_CHAR.search(value):
            raise BadText


class RequestTextGuardMiddleware:
    """400, with a short page saying why, for a request that carries text no one could
    have typed (NUL, lone surrogates, invalid UTF-8), before any view or query sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            check_request_text(request)
        except BadText:
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        # Rendered without the request: nothing of what was sent is echoed back, and
        # no context processor reads the session or the user.
        return HttpResponseBadRequest(render_to_string("400_text.html"))
