"""core.pdf: the fonts every PDF embeds, the Chinese, Japanese and Korean font only when
the text needs it and it is installed, and Latin letters for what no font covers."""

import io
import logging

import pytest
from pypdf import PdfReader

from core.pdf import CJK_FAMILY, MAIN_FONT, drawable, has_cjk, installed_cjk_fonts, new_pdf
from tests.conftest import need

CHINESE = "北京合作社"


def rendered(pdf, text):
    pdf.add_page()
    pdf.set_font(MAIN_FONT, "", 12)
    pdf.multi_cell(0, 6, drawable(pdf, text))
    return PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()


def families(pdf):
    return {font.fontkey for font in pdf.fonts.values()}


@pytest.mark.parametrize(
    ("text", "cjk"),
    [
        (CHINESE, True),
        ("生活協同組合", True),
        ("사회적협동조합", True),
        ("Weavers 北", True),
        ("สหกรณ์", False),
        ("Nguyễn Thị Lan", False),
        ("Хоршоо", False),
        ("", False),
    ],
)
def test_what_counts_as_cjk(text, cjk):
    assert has_cjk(text) is cjk


def test_a_document_without_cjk_text_does_not_load_the_cjk_font():
    pdf = new_pdf(texts=["สหกรณ์", "Weavers"])

    assert "notosansthai" in families(pdf)
    assert CJK_FAMILY.lower() not in families(pdf)


def test_without_a_cjk_font_cjk_characters_are_written_in_latin_letters_not_left_blank():
    pdf = new_pdf(texts=[CHINESE], cjk_fonts={})

    assert drawable(pdf, f"{CHINESE} (สหกรณ์)") == "BeiJingHeZuoShe (สหกรณ์)"
    assert "BeiJingHeZuoShe" in rendered(pdf, CHINESE)


def test_latin_and_the_embedded_scripts_are_drawn_as_they_are():
    pdf = new_pdf(cjk_fonts={})

    for text in ("Nguyễn Thị Lan", "สหกรณ์ออมทรัพย์", "ສົມພອນ", "សុខ", "Хоршоо", "Weavers"):
        assert drawable(pdf, text) == text


def test_with_the_cjk_font_installed_cjk_text_is_real_text_in_it():
    need(installed_cjk_fonts(), "Debian's fonts-noto-cjk is not installed")
    pdf = new_pdf(texts=[CHINESE], cjk_face="SC")

    assert CJK_FAMILY.lower() in families(pdf)
    assert drawable(pdf, CHINESE) == CHINESE
    text = rendered(pdf, CHINESE)
    assert "".join(c for c in text if c.isprintable()) == CHINESE


def test_making_a_pdf_logs_nothing_below_a_warning(caplog):
    """fontTools logs every glyph it subsets at INFO: a page of PDFs would flood the
    server's log (settings.LOGGING keeps it at WARNING)."""
    caplog.set_level(logging.INFO)
    pdf = new_pdf(texts=["สหกรณ์ Weavers"], cjk_fonts={})
    pdf.add_page()
    pdf.set_font(MAIN_FONT, size=12)
    pdf.cell(text="สหกรณ์ Weavers")

    pdf.output()

    assert not [r for r in caplog.records if r.name.startswith("fontTools")]
