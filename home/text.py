"""The one sanitiser: every piece of user-written text on the platform goes through here.

User text is Markdown. `render_markdown` turns it into HTML with markdown-it-py (raw HTML
in the source is not interpreted: it comes out escaped), then bleach keeps only an
allow-list of tags and attributes, drops every URL that is not http(s) or mailto, and
links bare URLs with rel="nofollow ugc noopener". Store the source and the result; render
only the result.
"""

from functools import cache, partial

import bleach
from bleach.linkifier import LinkifyFilter
from markdown_it import MarkdownIt

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
