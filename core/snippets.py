"""Search snippets: a short excerpt of a result's text with the words searched for in
<mark>, the first match in the middle, everything else HTML-escaped.

The query's words are those the search itself looks for (core.wordsplit.search_text:
folded, and Thai, Lao, Khmer, Chinese and Japanese cut into words by ICU), found in the
text folded the same way, character by character, and marked in the text as written:
"hop tac xa" marks "Hợp tác xã", "кооператив" marks "Кооператив". Matching is by
substring, not by word, so "สหกรณ์" is found inside "สหกรณ์การเกษตร" whatever the
dictionary made of it. A mark never ends between a letter and its tone mark or vowel.
An excerpt is cut at a space where there is one near the cut, else between two graphemes
(never between a letter and its tone mark or vowel sign), and says with "…" that it was
cut. When no word matches as typed, a word's stem does (the search backend stems
English: "cooperatives" found "cooperative"), or the excerpt is the text's beginning,
without a mark.
"""

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from accounts.graphemes import is_cut_point

from .wordsplit import folded_with_offsets, search_words

SNIPPET_LENGTH = 180  # characters of text around the first match
MAX_TERMS = 8
WORD_SLACK = 15  # how far from the cut to look for a space to cut at instead
STEM_MIN = 4  # a stem is at least this long, and the word at least one longer
ELLIPSIS = "…"

_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|pre|tr|td|th|table|thead|tbody|br|hr)\b[^>]*>",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def terms(query):
    """The words of `query` as the search folds them (at most MAX_TERMS), without
    repeats, the longest first (so a longer word wins where two overlap). A lone Latin
    letter or sign would mark half the text: left out (a lone Chinese or Thai character
    is a word and stays)."""
    words = [
        word
        for word in search_words(query or "")[:MAX_TERMS]
        if len(word) > 1 or (word.isalpha() and word.lower() == word.upper())
    ]
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


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
        return re.compile("|".join(parts))
    return re.compile("|".join(re.escape(word) for word in words))


def _matches(text, query):
    """Where the query's words are in `text`: (start, end) spans of the text as written,
    in order, each whole graphemes; [] for none."""
    words = terms(query)
    if not words:
        return []
    folded, offsets = folded_with_offsets(text)
    for stems in (False, True):
        pattern = _pattern(words, stems)
        if pattern is None:
            continue
        spans = [
            _in_text(text, offsets, match.start(), match.end())
            for match in pattern.finditer(folded)
            if match.end() > match.start()
        ]
        if spans:
            return spans
    return []


def _in_text(text, offsets, start, end):
    """The span of `text` whose folding is folded[start:end], widened to whole graphemes."""
    if offsets is not None:
        start, end = bisect_right(offsets, start) - 1, bisect_left(offsets, end)
    while start > 0 and not is_cut_point(text, start):
        start -= 1
    while end < len(text) and not is_cut_point(text, end):
        end += 1
    return start, end


def _marked(text, start, end, spans):
    """text[start:end] escaped, with every span inside it in <mark>."""
    out, last = [], start
    for span_start, span_end in spans:
        if span_start < last or span_end > end:
            continue
        out.append(escape(text[last:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        last = span_end
    out.append(escape(text[last:end]))
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
    spans = _matches(text, query)
    match = spans[0] if spans else None
    if match is None:
        start = 0
    else:
        room = max(0, length - (match[1] - match[0]))
        start = max(0, match[0] - room // 2)
        length = max(length, match[1] - match[0])
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))  # near the end: use the room before
    start, end = _cut_start(text, start), _cut_end(text, end)
    if match is not None:  # a space found before the match never cuts it off
        start, end = min(start, match[0]), max(end, match[1])
    inner_start, inner_end = start, end
    while inner_start < inner_end and text[inner_start] == " ":
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] == " ":
        inner_end -= 1
    excerpt = _marked(text, inner_start, inner_end, spans)
    return mark_safe(  # noqa: S308 - the excerpt is escaped in _marked
        (ELLIPSIS if start > 0 else "") + excerpt + (ELLIPSIS if end < len(text) else "")
    )


def html_snippet(value, query, length=SNIPPET_LENGTH):
    """`snippet` of sanitised HTML (its text only)."""
    return snippet(plain_text(value), query, length)
