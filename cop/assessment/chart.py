"""The result's bar chart as inline SVG, rendered on the server: a pure function of the
rows it shows, no JavaScript, no database.

Accessible on its own: `role="img"` named by its <title> and described by its <desc>, and
every bar carries its label, its percentage and its band in words, so that nothing is said
by colour alone (the classes `chart-bar band-<band>` are for the stylesheet; a fill is set
as a fallback presentation attribute, which any stylesheet rule overrides). The page shows
a table with the same numbers beside it.
"""

from html import escape

from django.utils.safestring import mark_safe

# The viewBox is narrow on purpose: the SVG scales to its container, and on a 390 px
# phone a 400-unit-wide chart keeps its 13-unit text at about 12 px.
WIDTH = 400
PAD = 14  # room on the left for the axis' first tick
TRACK = 220  # a 100% bar's length
ROW = 46  # a feature's height: its label line, then its bar
LABEL_Y = 14  # the label's baseline within a row
BAR_Y, BAR_HEIGHT = 21, 15
VALUE_X = PAD + TRACK + 8
TOP = 8
AXIS = 26  # room under the rows for the axis' ticks
TICKS = (0, 25, 50, 75, 100)
FONT = 'font-family="system-ui, sans-serif"'
# Fallback fills (stylesheet classes win): dark to light as the band goes down.
FILLS = {"practised": "#0b5d57", "partly": "#3f8f88", "weak": "#b7791f", "missing": "#9b2c2c"}


def _text(value):
    return escape(str(value), quote=True)


def bar_length(score):
    """A bar's length in viewBox units: proportional to `score` (0 to 100)."""
    return round(TRACK * score / 100, 2)


def bar_chart(rows, *, title, desc, chart_id="score-chart"):
    """SVG markup (safe to include as it is: every text is escaped) of horizontal bars,
    one per row of `rows`: (label, score, band) with `score` a whole percentage 0-100
    and `band` a (value, label) pair or a plain label. `title` names the chart, `desc`
    describes it; `chart_id` makes their ids unique on the page. ValueError for a score
    outside 0-100."""
    rows = list(rows)
    height = TOP + ROW * len(rows) + AXIS
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="score-chart" id="{_text(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{_text(title_id)} {_text(desc_id)}" {FONT}>',
        f'<title id="{_text(title_id)}">{_text(title)}</title>',
        f'<desc id="{_text(desc_id)}">{_text(desc)}</desc>',
    ]
    for tick in TICKS:
        x = PAD + bar_length(tick)
        parts.append(
            f'<line class="chart-grid" x1="{x}" x2="{x}" y1="{TOP}" y2="{height - AXIS + 4}" '
            'stroke="#c9d1d3" stroke-width="1" stroke-dasharray="2 3"/>'
        )
        parts.append(
            f'<text class="chart-tick" x="{x}" y="{height - 8}" font-size="11" '
            f'text-anchor="middle" fill="#4a5558">{tick}%</text>'
        )
    for n, (label, score, band) in enumerate(rows):
        score = int(score)
        if not 0 <= score <= 100:
            raise ValueError(f"a score is a percentage, not {score}")
        band_value, band_label = band if isinstance(band, tuple) else ("", band)
        y = TOP + n * ROW
        band_class = f" band-{_text(band_value)}" if band_value else ""
        fill = FILLS.get(str(band_value), "#0b5d57")
        parts.append(f'<g class="chart-row{band_class}">')
        parts.append(
            f'<text class="chart-label" x="{PAD}" y="{y + LABEL_Y}" font-size="13" '
            f'fill="#212529">{_text(label)}</text>'
        )
        parts.append(
            f'<rect class="chart-track" x="{PAD}" y="{y + BAR_Y}" width="{TRACK}" '
            f'height="{BAR_HEIGHT}" fill="#eef1f2"/>'
        )
        parts.append(
            f'<rect class="chart-bar{band_class}" x="{PAD}" y="{y + BAR_Y}" '
            f'width="{bar_length(score)}" height="{BAR_HEIGHT}" fill="{fill}"/>'
        )
        parts.append(
            f'<text class="chart-value" x="{VALUE_X}" y="{y + BAR_Y + BAR_HEIGHT - 3}" '
            f'font-size="13" fill="#212529"><tspan font-weight="bold">{score}%</tspan> '
            f"{_text(band_label)}</text>"
        )
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
