"""The result of an assessment as a PDF (A4 portrait), from the same Report as its page.

In the active language: every label is translated by gettext as the page's are (so
/th/assessment/<id>.pdf speaks Thai), and the document's language tag says so. The
organization's name, the guidance and the lesson titles may be in any script: core.pdf
draws them with embedded Noto fonts (Latin, Vietnamese, Cyrillic, Thai, Khmer, Lao) shaped
by HarfBuzz, and Chinese, Japanese and Korean with Debian's Noto CJK font where it is
installed (in the glyph shapes of the organization's country: Japanese for Japan, Korean
for Korea, simplified Chinese otherwise); where it is not, those characters are written in
Latin letters (anyascii) rather than left blank. Times are in the reader's time zone.
"""

import zoneinfo
from datetime import UTC

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.pdf import CJK_FACE_OF_COUNTRY, MAIN_FONT, drawable, new_pdf

TEAL = (11, 93, 87)
INK = (33, 37, 41)
MUTED = (90, 100, 105)
TRACK = (230, 235, 236)
BAND_FILLS = {
    "practised": (11, 93, 87),
    "partly": (63, 143, 136),
    "weak": (183, 121, 31),
    "missing": (155, 44, 44),
}
MARGIN = 18  # mm
CONTENT_W = 210 - 2 * MARGIN
BAR_W = 90  # a 100% bar, in mm


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def _when(value, zone, format_name="DATE_FORMAT"):
    return formats.date_format(timezone.localtime(value, zone), format_name)


def _texts(report):
    """Everything the PDF says that may be in any script (for choosing its fonts)."""
    yield report.organization.name
    for row in report.features:
        if row.guidance:
            for item in row.guidance.guidance + row.guidance.lessons + row.guidance.workshops:
                yield item.label
                yield item.text
        for answer in row.answers:
            yield answer.question


class _Writer:
    """Lines of text on the page, each in the main font with its fallbacks."""

    def __init__(self, pdf):
        self.pdf = pdf

    def text(self, text, size=10, *, style="", color=INK, gap=1.0, indent=0.0):
        pdf = self.pdf
        pdf.set_font(MAIN_FONT, style, size)
        pdf.set_text_color(*color)
        pdf.set_x(MARGIN + indent)
        pdf.multi_cell(
            CONTENT_W - indent,
            size * 0.45,
            drawable(pdf, text),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(gap)

    def heading(self, text):
        self.pdf.ln(3)
        self.text(text, 13, style="B", color=TEAL, gap=1.5)

    def bar(self, score, band):
        pdf = self.pdf
        y = pdf.get_y()
        pdf.set_fill_color(*TRACK)
        pdf.rect(MARGIN, y, BAR_W, 3.5, style="F")
        if score:
            pdf.set_fill_color(*BAND_FILLS.get(band, TEAL))
            pdf.rect(MARGIN, y, BAR_W * score / 100, 3.5, style="F")
        pdf.ln(5)

    def keep_together(self, height):
        """A new page if less than `height` mm is left on this one."""
        pdf = self.pdf
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()


def render_result_pdf(report, *, language, url, absolute=lambda path: path):
    """The PDF's bytes for `report` (report.build), in `language`; `url` (absolute) is
    where the result is online, `absolute(path)` makes a link absolute."""
    org = report.organization
    assessment = report.assessment
    zone = _zone(report.reader_zone)
    pdf = new_pdf(
        title=_("Self-assessment of %(name)s") % {"name": org.name},
        language=language,
        texts=list(_texts(report)),
        cjk_face=CJK_FACE_OF_COUNTRY.get(org.country, "SC"),
    )
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_page()
    out = _Writer(pdf)

    out.text(_("SSE self-assessment"), 10, style="B", color=TEAL, gap=2)
    out.text(org.name, 20, style="B", gap=2)
    out.text(
        " · ".join(
            [
                f"{_('Country')}: {org.get_country_display()}",
                f"{_('Type')}: {org.get_org_type_display()}",
                f"{_('Submitted')}: {_when(assessment.submitted_at, zone)}",
            ]
        ),
        10,
        color=MUTED,
        gap=3,
    )

    out.heading(_("Classification"))
    out.text(str(report.classification.classification.label), 12, style="B")
    out.text(report.classification.reason, 10, gap=2)
    for dimension in report.dimensions:
        met = _("met") if dimension.met else _("not met")
        out.text(f"{dimension.label}: {met}", 10, style="B", gap=0.5)
        for condition in dimension.conditions:
            mark = _("Met") if condition.met else _("Not met")
            out.text(f"{mark}: {condition.label}", 9, color=MUTED, gap=0.5, indent=4)
        pdf.ln(1)

    out.heading(_("Score per feature"))
    out.text(
        _("Each score is the percentage of the most the feature's answers could reach."),
        9,
        color=MUTED,
        gap=2,
    )
    for row in report.features:
        out.keep_together(22)
        out.text(
            f"{row.number}. {row.name}: {row.score}% · {row.band_label}", 10, style="B", gap=0.5
        )
        out.bar(row.score, row.band)
        out.text(row.meaning, 9, color=MUTED, gap=2)

    weak = report.weak
    if weak:
        out.heading(_("How to adopt the features that need work"))
        for row in weak:
            out.keep_together(30)
            out.text(f"{row.number}. {row.name}", 11, style="B", gap=1)
            guidance = row.guidance
            if not guidance:
                out.text(_("No guidance on this feature yet."), 9, color=MUTED, gap=2)
                continue
            for item in guidance.guidance:
                out.text(item.text, 10, gap=1.5)
            for item in guidance.lessons:
                out.text(
                    f"{_('Lesson')}: {item.label} ({absolute(item.url)})", 9, color=MUTED, gap=1
                )
            for item in guidance.workshops:
                when = f"{_when(item.when, zone, 'DATETIME_FORMAT')} ({report.reader_zone})"
                out.text(
                    f"{_('Workshop')}: {item.label}, {when} ({absolute(item.url)})",
                    9,
                    color=MUTED,
                    gap=1,
                )
            pdf.ln(2)

    if report.show_answers:
        out.heading(_("The answers"))
        for row in report.features:
            out.keep_together(16)
            out.text(f"{row.number}. {row.name}", 10, style="B", gap=0.5)
            for answer in row.answers:
                question = answer.question or _("A question since removed from the questionnaire")
                out.text(f"{question} — {answer.answer}", 9, gap=0.5, indent=4)
            pdf.ln(1.5)

    pdf.ln(4)
    out.text(_("Online: %(url)s") % {"url": url}, 8, color=MUTED)
    return bytes(pdf.output())
