"""The one sanitiser: every piece of user-written text on the platform goes through here.

User text is Markdown. `render_markdown` turns it into HTML with markdown-it-py (raw HTML
in the source is not interpreted: it comes out escaped), then bleach keeps only an
allow-list of tags and attributes, drops every URL that is not http(s) or mailto, and
links bare URLs with rel="nofollow ugc noopener". The parser's rules and the allow-list
come from one list, `_SHAPES`: headings (shifted below the page's own), lists, quotes,
code, tables, links, emphasis, strikethrough, rules and line breaks; no image, no raw
HTML. Store the source and the result; render only the result. When the list changes,
`manage.py rerender_user_text` renders what is stored again.

Before any of it is stored, `check_user_text` refuses what PostgreSQL or a reader cannot
take (NUL, lone surrogates, other control characters), and `is_blank` tells whether text
is empty once the invisible characters (zero-width spaces, joiners, BOM, fillers,
whitespace) are taken out. The character classes come from accounts.validators, which
applies stricter ones to names and handles.
"""

import importlib
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


# What user text may become, written once. Each shape names the markdown-it rules that
# make it and the tags they produce, with the attributes each tag may carry and the values
# an attribute may take (None: any value; links are checked by scheme below). The parser
# runs with exactly these rules on ("zero" preset plus these), and the sanitiser keeps
# exactly these tags and attributes: what one makes, the other keeps, and nothing else.
_ALIGN = r"align-(left|center|right)"
_SHAPES = (
    (("paragraph",), {"p": {}}),
    (("newline",), {"br": {}}),  # with breaks on, a single newline is a <br>
    (("emphasis",), {"em": {}, "strong": {}}),
    (("strikethrough",), {"s": {}}),
    # "#" is an h3, "##" an h4, "###" an h5, deeper an h6: below the page's own headings.
    (("heading", "lheading"), {"h3": {}, "h4": {}, "h5": {}, "h6": {}}),
    (("list",), {"ul": {}, "ol": {"start": r"\d{1,9}"}, "li": {}}),
    (("blockquote",), {"blockquote": {}}),
    # Inline code, indented blocks and fences; a fence's language becomes a class.
    (("backticks", "code", "fence"), {"pre": {}, "code": {"class": r"language-[\w#+.-]{1,32}"}}),
    (
        ("table",),
        {
            "table": {},
            "thead": {},
            "tbody": {},
            "tr": {},
            "th": {"class": _ALIGN},
            "td": {"class": _ALIGN},
        },
    ),
    (("link", "autolink", "reference"), {"a": {"href": None, "title": None, "rel": None}}),
    (("hr",), {"hr": {}}),
)
# Rules that make no tag: backslash escapes and character references stay text.
_TEXT_RULES = ("escape", "entity")
HEADING_SHIFT = 2
# Deep enough for a list in a quote in a list; past it markdown-it drops the rest, so
# 1,000 ">" cost nothing. (CommonMark's preset uses the same 20.)
MAX_NESTING = 20
# markdown-it pads short table rows with empty cells, up to 65,536 of them: 20,000
# characters (one wide header, many one-character rows) became 690 KB of HTML and 3.7 s of
# work. Its limit is a module constant (markdown-it issue 1000), and this is the process's
# only parser; past the limit the table ends and the rest is text.
MAX_PADDED_CELLS = 2_000
# The module itself: markdown_it.rules_block re-exports its function under the same name.
_TABLE_RULE = importlib.import_module("markdown_it.rules_block.table")

ALLOWED_TAGS = frozenset(tag for _, tags in _SHAPES for tag in tags)
ALLOWED_ATTRIBUTES = {
    tag: {name: value and re.compile(value) for name, value in attributes.items()}
    for _, tags in _SHAPES
    for tag, attributes in tags.items()
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
REL = "nofollow ugc noopener"


def _allowed_attribute(tag, name, value):
    attributes = ALLOWED_ATTRIBUTES.get(tag, {})
    if name not in attributes:
        return False
    pattern = attributes[name]
    return pattern is None or pattern.fullmatch(value) is not None


def _fit_to_page(state):
    """Shift headings below the page's own, and turn table alignment into a class.

    markdown-it writes alignment as style="text-align:..."; the site's CSP (style-src
    'self') blocks inline styles, so a class the stylesheet knows is what actually aligns.
    """
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + HEADING_SHIFT, 6)}"
        elif token.type in ("th_open", "td_open") and "style" in token.attrs:
            align = str(token.attrs.pop("style")).removeprefix("text-align:")
            token.attrs["class"] = f"align-{align}"


@cache
def _markdown():
    # "zero" has every rule off (raw HTML off too: it comes out escaped); the shapes turn
    # on what is allowed, so images, raw HTML and typographic replacements never run.
    # Single newlines become <br>: people write chat-style.
    _TABLE_RULE.MAX_AUTOCOMPLETED_CELLS = MAX_PADDED_CELLS
    parser = MarkdownIt("zero", {"breaks": True, "maxNesting": MAX_NESTING})
    parser.enable([rule for rules, _ in _SHAPES for rule in rules] + list(_TEXT_RULES))
    parser.core.ruler.push("fit_to_page", _fit_to_page)
    return parser


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
        attributes=_allowed_attribute,
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
