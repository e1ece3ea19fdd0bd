"""Words for search, in every script the platform speaks: `search_text(text)` is what the
search index reads and what a query is turned into before it is searched, the same
function at both ends, so a word typed finds the word stored.

It folds, then splits:
- Folding: Unicode NFC, then for each character NFKC and case folding (so "Кооператив"
  finds "кооператив", and full-width letters find "sse"), the combining marks of Latin
  letters dropped (Vietnamese "hợp tác xã" finds "hop tac xa", "đ" is "d"), punctuation
  and symbols turned into spaces. Marks of other scripts stay: Thai, Lao and Khmer vowels
  and tone marks are combining marks too, and Cyrillic "й" keeps its breve. PostgreSQL's
  own lower() and to_tsvector fold no Cyrillic in the C locale, and SQLite's FTS5 folds
  only some Latin accents: the folding is done here, for both databases alike.
- Splitting: Thai, Lao, Khmer, Myanmar, Chinese and Japanese are written without spaces
  between words, so "สหกรณ์การเกษตรในประเทศไทย" is one "word" to a database. Runs of those
  scripts are cut into words by ICU's dictionary-based word segmentation (icu4py, which
  ships its own ICU), giving "สหกรณ์ การเกษตร ใน ประเทศไทย"; other text is already cut
  by its spaces. Thai and Lao SARA AM is decomposed as NFKC does only after
  segmentation, so the dictionaries see the spelling they hold; the Lao ligatures ໜ ໝ
  are decomposed before it, so a word gets the same cuts whichever way it was typed.
  The Thai and Lao repetition and abbreviation marks (ๆ ฯ ໆ) separate words, as the
  dictionaries do not expect them inside one.

The result is the words joined by single spaces: the full-text search of either database
(Wagtail's database backend) then finds a word in the middle of a Thai sentence as it
finds one in an English one. A query split differently from the text it should find (a
dictionary cuts a compound in one place and not in another) is the limit: the word as a
whole is found, not every part of it.

Cost: folding is str.translate over a table filled once per distinct character; a text
without unspaced scripts never reaches ICU. icu4py has no way to give an existing
iterator new text, so each run gets a fresh BreakIterator (ICU clones a cached
prototype: about 3 µs); none is shared between threads. Measured in
bench/search_latency.py (docs/benchmarks.md).
"""

import re
import unicodedata

from icu4py.breakers import WordBreaker
from icu4py.locale import Locale

# Scripts written without spaces between words, which ICU segments with its dictionaries
# (as they are after folding: half-width katakana are full-width by then).
_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"  # Myanmar
    "\u1780-\u17ff\u19e0-\u19ff"  # Khmer
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff"  # 々〆〇, hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # CJK ideographs
)
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
# A run of unspaced script, or a run of anything else that is not a space.
_PIECES = re.compile(f"([{_UNSPACED}]+)|[^\\s{_UNSPACED}]+")

# The root locale: ICU picks the dictionary by script, whatever the locale.
_ROOT = Locale("und")

# Thai and Lao SARA AM typed as its two parts (NIKHAHIT and SARA AA): one character again,
# as the dictionaries spell it.
_COMPOSED_AM = (("\u0e4d\u0e32", "\u0e33"), ("\u0ecd\u0eb2", "\u0eb3"))
# After segmentation, SARA AM as NFKC spells it: a word typed either way is stored and
# searched one way.
_AFTER_SPLIT = str.maketrans({"\u0e33": "\u0e4d\u0e32", "\u0eb3": "\u0ecd\u0eb2"})
_SARA_AM = "\u0e33\u0eb3"
_WORD_MARKS = "\u0e2f\u0e46\u0ec6"  # THAI PAIYANNOI, THAI and LAO repetition marks
# Latin letters with a stroke, which Unicode does not decompose, read without it.
_LATIN_BASE = {"đ": "d", "Đ": "d"}
_COMBINING_LATIN = range(0x0300, 0x0370)  # Combining Diacritical Marks


def _separator(char):
    return unicodedata.category(char)[0] in "PSZ" or unicodedata.category(char) == "Cc"


def fold_char(char):
    """What one character (of NFC text) becomes in search text, before segmentation."""
    code = ord(char)
    category = unicodedata.category(char)
    if category[0] in "PSZ" or category in ("Cc", "Co", "Cn", "Cs"):
        return " "
    if category == "Cf":  # a zero-width space separates words; joiners, soft hyphens: none
        return " " if char == "\u200b" else ""
    if char in _WORD_MARKS:
        return " "
    if char in _SARA_AM:  # as written, for ICU's dictionaries (see _AFTER_SPLIT)
        return char
    if char in _LATIN_BASE:
        return _LATIN_BASE[char]
    decomposed = unicodedata.normalize("NFD", char)
    if unicodedata.name(decomposed[0], "").startswith("LATIN "):
        char = "".join(c for c in decomposed if unicodedata.category(c)[0] != "M")
    elif category == "Mn" and code in _COMBINING_LATIN:  # an accent left over by NFC
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    # NFKC may spell a character with punctuation ("½" is 1, FRACTION SLASH, 2): spaces.
    return "".join(" " if _separator(c) else c for c in folded)


class _FoldTable(dict):
    """str.translate's table, filled on first sight of each character."""

    def __missing__(self, code):
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def _fold(text):
    text = unicodedata.normalize("NFC", text)
    for parts, whole in _COMPOSED_AM:
        if parts in text:
            text = text.replace(parts, whole)
    return text.translate(_FOLD)


def _segment(run):
    return [word for word in WordBreaker(run, _ROOT) if not word.isspace()]


def search_text(text):
    """`text` folded and cut into words, joined by single spaces (as the module says);
    "" for no words. Use it on what is indexed and on every query."""
    if not text:
        return ""
    folded = _fold(str(text))
    if not _HAS_UNSPACED.search(folded):
        return " ".join(folded.split())
    words = []
    for match in _PIECES.finditer(folded):
        if match.group(1):
            words.extend(_segment(match.group(1)))
        else:
            words.append(match.group())
    return " ".join(words).translate(_AFTER_SPLIT)


def search_words(text):
    """The words of `search_text(text)`, as a list."""
    return search_text(text).split()


class _SnippetTable(dict):
    """Each character as search_text leaves it, unsegmented; `uneven` holds those that
    become more or fewer than one character."""

    def __init__(self):
        super().__init__()
        self.uneven = set()

    def __missing__(self, code):
        folded = self[code] = _FOLD[code].translate(_AFTER_SPLIT)
        if len(folded) != 1:
            self.uneven.add(chr(code))
        return folded


_SNIPPET_FOLD = _SnippetTable()


def folded_with_offsets(text):
    """`text` (NFC) folded character by character as search_text folds it, unsegmented,
    and where each character's folding starts in it: (folded, offsets), offsets[i] being
    the position in `folded` of text[i] (and offsets[len(text)] == len(folded)); offsets is
    None when every character folds to exactly one (the position is the same). What
    core/snippets.py needs to find a folded query in the original text."""
    folded = text.translate(_SNIPPET_FOLD)
    if _SNIPPET_FOLD.uneven.isdisjoint(text):
        return folded, None
    offsets, position = [0], 0
    for char in text:
        position += len(_SNIPPET_FOLD[ord(char)])
        offsets.append(position)
    return folded, offsets
