"""PDF documents in every script of the programme's countries: fpdf2 with HarfBuzz text
shaping and embedded Noto fonts (the certificates, the self-assessment's result).

`new_pdf()` returns an A4 `FPDF` with every font registered in regular and bold, text
shaping on, and the fallbacks set, so that a line mixing scripts is drawn with the right
glyphs. It promises:

- every font used is embedded (as a subset), from the TTF files in `core/fonts/` (see its
  README): the PDF looks the same on any machine and needs no system font;
- Latin (including Vietnamese), Cyrillic (Mongolian, Kyrgyz, Russian), Thai, Khmer and
  Lao render with real glyphs: each character is drawn with the first Noto font that has
  it (Noto Sans, then Thai, Khmer, Lao) and shaped by HarfBuzz;
- the text is real text, mapped back to the original Unicode for search and copy (one
  caveat from fpdf2: when shaping draws a cluster with two glyphs, e.g. Thai sara am or the
  Khmer sign muusikatoan, the second glyph has no Unicode mapping; poppler skips it, pypdf
  prints its raw glyph code).

Chinese, Japanese and Korean: the Noto CJK fonts are 20 MB each, too big to commit. When
Debian's `fonts-noto-cjk` is installed (`CJK_FONTS`), and only for a document whose text
has CJK characters (loading the collection costs about half a second), it is embedded too,
as the last fallback, in the face the document asks for (Japanese, Korean, simplified or
traditional Chinese glyph shapes). Without it, `drawable()` writes what no embedded font
covers in Latin letters (anyascii: "北京合作社" -> "BeiJingHeZuoShe") instead of the empty
space fpdf2 would leave: the name stays legible, never blank.
"""

from pathlib import Path

from anyascii import anyascii
from fpdf import FPDF

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# Font families, named after their files (<family>-Regular.ttf, <family>-Bold.ttf): the
# first is the main font, the others are fallbacks for the characters it lacks.
FONT_FAMILIES = ("NotoSans", "NotoSansThai", "NotoSansKhmer", "NotoSansLao")
MAIN_FONT = FONT_FAMILIES[0]

CJK_FAMILY = "NotoSansCJK"
# Debian's fonts-noto-cjk: OpenType collections, one face per region in this order.
CJK_FONTS = {
    "": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "B": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
CJK_FACES = {"JP": 0, "KR": 1, "SC": 2, "TC": 3, "HK": 4}
# Where a country's names are written in Han characters or Hangul: its glyph shapes.
CJK_FACE_OF_COUNTRY = {"JP": "JP", "KR": "KR", "CN": "SC"}
CJK_FACE_OF_LANGUAGE = {"ja": "JP", "ko": "KR", "zh-hans": "SC"}

_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK punctuation, Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility Jamo, Katakana extension
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x20000, 0x3134F),  # CJK extensions B-G
)


def has_cjk(text):
    """Whether `text` has a Chinese, Japanese or Korean character."""
    return any(low <= ord(c) <= high for c in text for low, high in _CJK_RANGES)


def installed_cjk_fonts():
    """{style: path} of the CJK collections installed on this machine ({} if none)."""
    return {style: path for style, path in CJK_FONTS.items() if path.is_file()}


def new_pdf(
    *,
    orientation="P",
    title="",
    language="en",
    texts=(),
    cjk_face="SC",
    cjk_fonts=None,
):
    """An A4 FPDF (units: mm) with the Noto fonts, their fallbacks and text shaping set
    up, its title, author and language tag set. `texts`: what the document will say that
    may be in any script (names, titles); the CJK font (`cjk_fonts`, by default the
    installed ones) is registered only if one of them has CJK characters, in the face
    `cjk_face` (a key of CJK_FACES). No page is added."""
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    if title:
        pdf.set_title(title)
    pdf.set_author("SSE Asia")
    pdf.set_creator("SSE Asia")
    pdf.set_lang(language)
    for family in FONT_FAMILIES:
        pdf.add_font(family, "", FONTS_DIR / f"{family}-Regular.ttf")
        pdf.add_font(family, "B", FONTS_DIR / f"{family}-Bold.ttf")
    fallbacks = list(FONT_FAMILIES[1:])
    cjk_fonts = installed_cjk_fonts() if cjk_fonts is None else cjk_fonts
    if cjk_fonts and any(has_cjk(str(text)) for text in texts):
        number = CJK_FACES.get(cjk_face, CJK_FACES["SC"])
        for style in ("", "B"):
            path = cjk_fonts.get(style) or next(iter(cjk_fonts.values()))
            pdf.add_font(CJK_FAMILY, style, path, collection_font_number=number)
        fallbacks.append(CJK_FAMILY)
    pdf.set_fallback_fonts(fallbacks)
    pdf.set_text_shaping(True)
    return pdf


def drawable(pdf, text):
    """`text` with every character none of `pdf`'s fonts has written in Latin letters
    (anyascii), so that nothing is left blank; the rest as it is."""
    text = str(text)
    if all(ord(c) < 0x250 for c in text):  # Latin: the main font has it
        return text
    cmaps = [font.cmap for font in pdf.fonts.values()]
    return "".join(
        c if c.isspace() or any(ord(c) in cmap for cmap in cmaps) else anyascii(c) or c
        for c in text
    )
