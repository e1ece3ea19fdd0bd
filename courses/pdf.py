"""PDF certificates of completion.

`render_certificate_pdf` returns the bytes of a one-page A4 landscape PDF that says who
completed which course and when, with the certificate's code and the URL where anyone can
check it. The fonts, their embedding and the scripts covered are core.pdf's: names and
course titles in Latin (including Vietnamese diacritics), Cyrillic (Mongolian), Thai, Khmer
and Lao render with real glyphs from embedded Noto fonts and stay real text; Chinese,
Japanese and Korean ones with Debian's Noto CJK font where it is installed, else in Latin
letters (see core.pdf). The certificate's wording is English; `language` only sets the
document's language tag for now.
"""

import datetime

from fpdf import FPDF

from core.pdf import CJK_FACE_OF_LANGUAGE, MAIN_FONT, drawable, new_pdf

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

TEAL = (11, 93, 87)  # #0b5d57
INK = (33, 37, 41)
MUTED = (100, 110, 115)
PAGE_W, PAGE_H = 297, 210  # A4 landscape, in mm
MARGIN = 30  # left/right margin of the text block, in mm


def format_date(day: datetime.date) -> str:
    """23 November 2026 - in English whatever the process locale is."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def render_certificate_pdf(
    *,
    name: str,
    course_title: str,
    issued_on: datetime.date,
    code: str,
    verify_url: str,
    language: str = "en",
    attended: str = "",
) -> bytes:
    """Return a one-page A4 landscape PDF certificate of completion (see the module doc).

    With `attended` (the dates it was held, e.g. "3-4 March 2027"), a certificate of
    attendance instead: `course_title` is the workshop's title.
    """
    heading = "Certificate of attendance" if attended else "Certificate of completion"
    pdf = new_pdf(
        orientation="L",
        title=f"{heading} - {course_title}",
        language=language,
        texts=(name, course_title),
        cjk_face=CJK_FACE_OF_LANGUAGE.get(language, "SC"),
    )
    name, course_title = drawable(pdf, name), drawable(pdf, course_title)
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, 0, MARGIN)
    pdf.add_page()

    # Frame: a thin teal line with a hairline inside it.
    pdf.set_draw_color(*TEAL)
    pdf.set_line_width(0.8)
    pdf.rect(10, 10, PAGE_W - 20, PAGE_H - 20)
    pdf.set_line_width(0.2)
    pdf.rect(13, 13, PAGE_W - 26, PAGE_H - 26)

    def line(text, size, *, style="", color=INK, gap=0.0):
        pdf.set_font(MAIN_FONT, style, size)
        pdf.set_text_color(*color)
        pdf.multi_cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(30)
    line("SSE ASIA", 11, style="B", color=TEAL, gap=1)
    line("Strengthening Social and Solidarity Economy (SSE) in Asia", 9, color=MUTED, gap=16)
    line(heading, 30, style="B", color=TEAL, gap=10)
    line("This certifies that", 13, color=MUTED, gap=5)
    line(name, _fitting_size(pdf, name, start=32), style="B", gap=3)
    pdf.set_draw_color(*TEAL)
    pdf.set_line_width(0.3)
    pdf.line(PAGE_W / 2 - 50, pdf.get_y(), PAGE_W / 2 + 50, pdf.get_y())
    pdf.ln(8)
    line(
        "attended the workshop" if attended else "has completed the course", 13, color=MUTED, gap=5
    )
    line(course_title, 18, style="B", gap=7)
    line(f"held on {attended}" if attended else f"on {format_date(issued_on)}", 13, color=MUTED)

    pdf.set_y(PAGE_H - 40)
    line(f"Certificate code: {code}", 10, color=MUTED, gap=1.5)
    line(f"Verify at {verify_url}", 10, color=MUTED)
    return bytes(pdf.output())


def _fitting_size(pdf: FPDF, text: str, *, start: float, smallest: float = 18) -> float:
    """The largest font size (down from `start`) at which `text` fits on one line."""
    size = start
    while size > smallest:
        pdf.set_font(MAIN_FONT, "B", size)
        if pdf.get_string_width(text) <= PAGE_W - 2 * MARGIN:
            break
        size -= 2
    return size
