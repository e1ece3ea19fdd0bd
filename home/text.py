"""The one sanitiser: every piece of user-written text on the platform goes through here.

User text is Markdown. `render_markdown` turns it into HTML with markdown-it-py (raw HTML
in the source is not interpreted: it comes out escaped), then bleach keeps only an
allow-list of tags and attributes, drops every URL that is not http(s) or mailto, and
links bare URLs with rel="nofollow ugc noopener". Store the source and the result; render
only the result.

Before any of it is stored, `check_user_text` refuses what PostgreSQL or a reader cannot
take (NUL, lone surrogates, other control characters), and `is_blank` tells whether text
is empty once the invisible characters (zero-width spaces, joiners, BOM, fillers,
whitespace) are taken out. The character classes come from accounts.validators, which
applies stricter ones to names and handles.
"""

import re
from functools import cache, partial

import bleach
from bleach.linkifier import LinkifyFilter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

from accounts.validators import is_invisible

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; every
# surrogate code point (in a Python str they can only be lone: pairs are decoded).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class UnsafeText(ValueError):
    """User-written text with a character that is never stored; `.message` says which."""

    def __init__(self, char):
        self.char = char
        self.message = _(
            "The text contains a character that cannot be stored (U+%(code)04X). "
            "Remove it and try again."
        ) % {"code": ord(char)}
        super().__init__(str(self.message))


def unsafe_character(text):
    """The first character of `text` that is never stored, or None."""
    found = _UNSAFE.search(text or "")
    return found.group() if found else None


def check_user_text(text):
    """Refuse NUL, lone surrogates and the other C0/C1 controls but newline, CR and tab.

    Raises UnsafeText; returns the text unchanged when it is safe.
    """
    char = unsafe_character(text)
    if char is not None:
        raise UnsafeText(char)
    return text


def validate_user_text(text):
    """check_user_text as a Django validator, for form fields."""
    try:
        check_user_text(text)
    except UnsafeText as error:
        raise ValidationError(error.message, code="unsafe_character") from None


def is_blank(text):
    """True when nothing visible is left once invisible characters are removed."""
    # Stops at the first visible character: constant time for ordinary text.
    return all(is_invisible(char) for char in text or "")


ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h3",
        "h4",
        "hr",
        "del",
        "s",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
REL = "nofollow ugc noopener"


@cache
def _markdown():
    # "js-default": CommonMark with raw HTML off (it comes out escaped), and tables and
    # strikethrough on. Single newlines become <br>: people write chat-style.
    return MarkdownIt("js-default", {"breaks": True})


def _set_rel(attrs, new=False):
    href_key = (None, "href")
    if href_key not in attrs:
        return attrs
    attrs[(None, "rel")] = REL
    return attrs


@cache
def _cleaner():
    # One pass: clean to the allow-list, then link bare URLs (never inside code).
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
    )


def sanitise_html(html):
    """Keep only the allow-list; every remaining link gets rel="nofollow ugc noopener"."""
    return _cleaner().clean(html)


def render_markdown(source):
    """Markdown source -> sanitised HTML, safe to mark safe in a template."""
    return sanitise_html(_markdown().render(source or ""))
