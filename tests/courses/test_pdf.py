"""The PDF certificate: real text in Asian scripts, with the fonts embedded. No database."""

import datetime
import io
import unicodedata

import pytest
from pypdf import PdfReader

from courses.pdf import format_date, render_certificate_pdf

COURSE_TITLE = "Introduction to the Social and Solidarity Economy"
CODE = "K7Q2-9XMB"
VERIFY_URL = f"https://sse-asia.example.org/certificates/{CODE}/"


def render(name):
    return render_certificate_pdf(
        name=name,
        course_title=COURSE_TITLE,
        issued_on=datetime.date(2026, 11, 23),
        code=CODE,
        verify_url=VERIFY_URL,
    )


def extracted_lines(reader):
    """The page's lines of text as pypdf extracts them, with whitespace collapsed.

    Text shaping can draw one cluster of characters with several glyphs (in "ដារ៉ា" the
    Khmer sign ៉ gets a glyph of its own beside the ligature of រ and ា). fpdf2 maps the
    cluster's characters to its first glyph in /ToUnicode and leaves the others unmapped;
    poppler's pdftotext skips an unmapped glyph, pypdf prints its raw glyph code, a control
    character here ("\\x06"). Those are dropped; every other character must come out exactly
    as it went in - same code points, same order, no normalisation.
    """
    text = reader.pages[0].extract_text()
    text = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return [" ".join(line.split()) for line in text.splitlines()]


def embedded_fonts(reader):
    """{base font name: whether its font program is embedded as /FontFile2 (TrueType)}."""
    fonts = {}
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    return fonts


@pytest.mark.parametrize(
    ("name", "script_font"),
    [
        ("สมชาย ใจดี", "NotoSansThai"),
        ("សុខ ដារ៉ា", "NotoSansKhmer"),
        ("ສົມພອນ ແກ້ວມະນີ", "NotoSansLao"),
        ("Nguyễn Thị Lan", "NotoSans"),
        ("Бат-Эрдэнэ Дорж", "NotoSans"),
    ],
)
def test_certificate_has_the_name_in_its_own_script_with_embedded_fonts(name, script_font):
    pdf = render(name)

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points

    lines = extracted_lines(reader)
    assert name in lines
    assert COURSE_TITLE in lines
    assert f"Certificate code: {CODE}" in lines
    assert f"Verify at {VERIFY_URL}" in lines
    assert "Certificate of completion" in lines
    assert "on 23 November 2026" in lines

    fonts = embedded_fonts(reader)
    assert fonts, "no fonts in the PDF"
    assert all(fonts.values()), f"fonts not embedded: {fonts}"
    # The name is drawn with the script's own font (a subset: "ABCDEF+NotoSansKhmerBold").
    assert any(font.split("+")[-1] == f"{script_font}Bold" for font in fonts), fonts


def test_date_is_in_english_whatever_the_locale():
    assert format_date(datetime.date(2026, 11, 23)) == "23 November 2026"
    assert format_date(datetime.date(2027, 1, 5)) == "5 January 2027"
