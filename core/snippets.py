"""Search snippets: a short excerpt of a result's text with the words searched for in
<mark>, the first match in the middle, everything else HTML-escaped.

Matching is by substring, case-insensitive, not by word: Thai, Lao, Khmer, Chinese and
Japanese are written without spaces between words, so "สหกรณ์" is found inside
"สหกรณ์การเกษตร". An excerpt is cut at a space where there is one near the cut, else
between two graphemes (never between a letter and its tone mark or vowel sign), and says
with "…" that it was cut. When no word matches as typed, a word's stem does (the search
backend stems English: "cooperatives" found "cooperative"), or the excerpt is the text's
beginning, without a mark.
"""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from accounts.graphemes import is_cut_point

SNIPPET_LENGTH = 180  # characters of text around the first match
MAX_TERMS = 8
WORD_SLACK = 15  # how far from the cut to look for a space to cut at instead
STEM_MIN = 4  # a stem is at least this long, and the word at least one longer
ELLIPSIS = "…"

_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|pre|tr|td|th|table|thead|tbody|br|hr)\b[^>]*>",
    re.IGNORECASE,
)


def terms(query):
    """The words of `query` (at most MAX_TERMS), without repeats, the longest first (so a
    longer word wins where two overlap). A lone Latin letter or sign would mark half the
    text: left out (a lone Chinese or Thai character is a word and stays)."""
    words = [
        word
        for word in unicodedata.normalize("NFC", query or "").split()[:MAX_TERMS]
        if len(word) > 1 or (word.isalpha() and word.lower() == word.upper())
    ]
    return sorted(dict.fromkeys(words), key=len, reverse=True)


def _pattern(words, stems=False):
    if not words:
        return None
    if stems:
        parts = [
            re.escape(word[: max(STEM_MIN, len(word) - 3)]) + r"\w{0,4}"
            for word in words
            if len(word) > STEM_MIN and word.isalpha() and word.lower() != word.upper()
        ]
        if not parts:
            return None
        return re.compile("|".join(parts), re.IGNORECASE)
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def _matcher(text, query):
    """The pattern that finds the query's words in `text`, and its first match."""
    words = terms(query)
    for stems in (False, True):
        pattern = _pattern(words, stems)
        match = pattern.search(text) if pattern else None
        if match:
            return pattern, match
    return None, None


def _marked(text, pattern):
    """`text` escaped, with every match of `pattern` in <mark>."""
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        if match.end() == match.start():
            continue
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def plain_text(value):
    """Sanitised HTML (a post's body_html) as text: blocks apart, entities decoded."""
    text = _BLOCK_TAGS.sub(" ", value or "")
    return html.unescape(strip_tags(text))


def _clean(text):
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _cut_start(text, start):
    if start <= 0:
        return 0
    space = text.rfind(" ", max(0, start - WORD_SLACK), start + 1)
    if space == -1:
        space = text.find(" ", start, start + WORD_SLACK)
    if space != -1:
        return space + 1
    while start > 0 and not is_cut_point(text, start):
        start -= 1
    return start


def _cut_end(text, end):
    if end >= len(text):
        return len(text)
    space = text.find(" ", end, end + WORD_SLACK)
    if space == -1:
        space = text.rfind(" ", max(0, end - WORD_SLACK), end)
    if space != -1:
        return space
    while end < len(text) and not is_cut_point(text, end):
        end += 1
    return end


def snippet(text, query, length=SNIPPET_LENGTH):
    """An excerpt of `text` (plain) of about `length` characters with the first match of
    the query in its middle and every match in <mark>; "" for no text."""
    text = _clean(text)
    if not text:
        return ""
    pattern, match = _matcher(text, query)
    if match is None:
        start = 0
    else:
        room = max(0, length - (match.end() - match.start()))
        start = max(0, match.start() - room // 2)
        length = max(length, match.end() - match.start())
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))  # near the end: use the room before
    start, end = _cut_start(text, start), _cut_end(text, end)
    if match is not None:  # a space found before the match never cuts it off
        start, end = min(start, match.start()), max(end, match.end())
    excerpt = _marked(text[start:end].strip(), pattern)
    return mark_safe(  # noqa: S308 - the excerpt is escaped in _marked
        (ELLIPSIS if start > 0 else "") + excerpt + (ELLIPSIS if end < len(text) else "")
    )


def html_snippet(value, query, length=SNIPPET_LENGTH):
    """`snippet` of sanitised HTML (its text only)."""
    return snippet(plain_text(value), query, length)
