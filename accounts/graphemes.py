"""User-perceived characters (graphemes), for the initial of an avatar and for cutting an
excerpt of text (core's search snippets) without splitting a letter from its marks.

The standard library has no grapheme segmentation; this is the part of Unicode's
extended grapheme clusters (UAX #29) that the region's scripts need: a base with its
combining and spacing marks (Thai and Lao tone marks and vowels, Khmer and Myanmar
signs), a consonant joined through a virama or Khmer coeng to the next one (the
conjunct rule GB9c, here for every Brahmic script), Hangul jamo into syllables, emoji
with their modifiers, variation selectors, tags and zero-width-joiner sequences, flag
pairs, and CR LF. Like UAX #29, a Thai or Lao vowel written before its consonant is a
grapheme of its own; `initial()` takes the consonant with it.
"""

import itertools
import unicodedata

from .validators import VIRAMA

ZWJ = "\u200d"
# Spacing marks whose general category is Lo, not Mc: THAI and LAO SIGN AM.
SPACING_MARKS = frozenset("\u0e33\u0eb3")
# Thai and Lao vowels written before the consonant they follow in speech (and in Tai Viet).
LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


def _extends(char):
    """Never a break before `char`: it belongs to the grapheme before it."""
    if char in SPACING_MARKS or char == ZWJ:
        return True
    code = ord(char)
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:  # skin tones, emoji tags
        return True
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def _hangul(char):
    code = ord(char)
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97F:
        return "L"
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return "V"
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return "T"
    if 0xAC00 <= code <= 0xD7A3:
        return "LV" if (code - 0xAC00) % 28 == 0 else "LVT"
    return None


def _regional(char):
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _joins(text, index, flags_before):
    """Whether there is no grapheme break between text[index - 1] and text[index]."""
    before, char = text[index - 1], text[index]
    if before == "\r" and char == "\n":
        return True
    if before in "\r\n" or char in "\r\n":
        return False
    if _extends(char):
        return True
    if before == ZWJ:  # an emoji ZWJ sequence (GB11), and a joiner inside a word
        return True
    if unicodedata.combining(before) == VIRAMA and char.isalpha():  # a conjunct (GB9c)
        return True
    hangul_before, hangul = _hangul(before), _hangul(char)
    if hangul_before and hangul:
        return (
            (hangul_before == "L" and hangul in ("L", "V", "LV", "LVT"))
            or (hangul_before in ("LV", "V") and hangul in ("V", "T"))
            or (hangul_before in ("LVT", "T") and hangul == "T")
        )
    return _regional(before) and _regional(char) and flags_before % 2 == 1


def boundaries(text):
    """The offsets where a grapheme starts, and len(text) (so 0 and the end are both in)."""
    offsets = [0] if text else []
    flags = 1 if text and _regional(text[0]) else 0  # regional indicators in a row so far
    for index in range(1, len(text)):
        if not _joins(text, index, flags):
            offsets.append(index)
        flags = flags + 1 if _regional(text[index]) else 0
    offsets.append(len(text))
    return offsets


def graphemes(text):
    """The graphemes of `text`, in order."""
    offsets = boundaries(text)
    return [text[start:end] for start, end in itertools.pairwise(offsets)]


def is_boundary(text, index):
    """Whether `text` may be cut at `index` without splitting a grapheme."""
    if index <= 0 or index >= len(text):
        return True
    flags, back = 0, index - 1
    while back >= 0 and _regional(text[back]):
        flags, back = flags + 1, back - 1
    return not _joins(text, index, flags)


def is_cut_point(text, index):
    """Whether an excerpt of `text` may begin or end at `index`: a grapheme boundary that
    does not leave a Thai or Lao leading vowel apart from its consonant."""
    if index <= 0 or index >= len(text):
        return True
    return is_boundary(text, index) and text[index - 1] not in LEADING_VOWELS


def _shows(grapheme):
    """A letter, a digit or a pictograph (an emoji) starts it: something to show."""
    return unicodedata.category(grapheme[0])[0] in "LN" or unicodedata.category(grapheme[0]) == "So"


def initial(name, fallback="?"):
    """The first letter of `name` as a person would write it, in any script: "Ánh" -> "Á",
    "สมชาย" -> "ส", "เกษม" -> "เก" (the leading vowel with its consonant), "ស្រី" ->
    "ស្រី" (a conjunct with its vowel), "김민수" -> "김", "alice" -> "A". Punctuation and
    symbols before it are passed over ("<script>" -> "S"); a virama left dangling at the
    end is dropped."""
    parts = graphemes(unicodedata.normalize("NFC", name or ""))
    for index, part in enumerate(parts):
        if not _shows(part):
            continue
        if part in LEADING_VOWELS and index + 1 < len(parts):
            part += parts[index + 1]
        while len(part) > 1 and unicodedata.combining(part[-1]) == VIRAMA:
            part = part[:-1]
        upper = part.upper()
        return upper if len(upper) == len(part) else part  # "ß" stays, never "SS"
    return fallback
