"""The result's SVG bar chart: well-formed XML, named and described for assistive
technology, every text escaped, each bar's label, value and band written out (readable
without colour), bar lengths proportional to the scores. A pure function: no database."""

import xml.etree.ElementTree as ET

import pytest

from cop.assessment.chart import TRACK, bar_chart, bar_length

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    ("1. Economic activity", 100, ("practised", "Practised")),
    ("5. Democratic governance", 25, ("weak", "Weak")),
    ("7. Primacy of people", 50, ("partly", "Partly practised")),
    ("4. Mutual aid", 0, ("missing", "Missing")),
]


def parse(markup):
    return ET.fromstring(str(markup))  # noqa: S314 - our own markup, not untrusted input


def chart(rows=ROWS, **kwargs):
    return bar_chart(rows, title=kwargs.pop("title", "Scores"), desc="One bar a feature.", **kwargs)


def test_the_chart_is_well_formed_svg_named_and_described():
    root = parse(chart(title="Scores of Weavers", chart_id="weavers"))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "weavers-title weavers-desc"
    assert root.find(f"{SVG}title").text == "Scores of Weavers"
    assert root.find(f"{SVG}title").get("id") == "weavers-title"
    assert root.find(f"{SVG}desc").text == "One bar a feature."
    assert root.find(f"{SVG}desc").get("id") == "weavers-desc"


def test_each_bar_has_its_label_value_and_band_in_text():
    root = parse(chart())

    rows = root.findall(f"{SVG}g")
    assert len(rows) == len(ROWS)
    for row, (label, score, (band, band_label)) in zip(rows, ROWS, strict=True):
        texts = row.findall(f"{SVG}text")
        assert texts[0].text == label
        value = texts[1]
        assert value.find(f"{SVG}tspan").text == f"{score}%"
        assert "".join(value.itertext()) == f"{score}% {band_label}"
        assert row.get("class") == f"chart-row band-{band}"


def test_bar_lengths_are_proportional_to_the_scores():
    root = parse(chart())

    bars = [
        float(rect.get("width"))
        for rect in root.iter(f"{SVG}rect")
        if rect.get("class").startswith("chart-bar")
    ]
    assert bars == [TRACK, TRACK / 4, TRACK / 2, 0]
    tracks = {
        float(rect.get("width"))
        for rect in root.iter(f"{SVG}rect")
        if rect.get("class") == "chart-track"
    }
    assert tracks == {TRACK}
    assert bar_length(37) == pytest.approx(TRACK * 0.37)


def test_every_text_is_escaped():
    nasty = '<script>alert("x")</script> & <b>'
    markup = str(
        bar_chart(
            [(nasty, 40, ('weak" onload="x', nasty))],
            title=nasty,
            desc=nasty,
            chart_id='c" onload="x',
        )
    )

    assert "<script>" not in markup
    assert "<b>" not in markup
    assert 'onload="x' not in markup
    root = parse(markup)  # still well-formed
    assert root.find(f"{SVG}title").text == nasty
    assert root.find(f"{SVG}g").find(f"{SVG}text").text == nasty


def test_text_in_any_script_comes_through():
    root = parse(chart([("กิจกรรมทางเศรษฐกิจ", 75, ("practised", "ปฏิบัติแล้ว"))]))

    texts = root.find(f"{SVG}g").findall(f"{SVG}text")
    assert texts[0].text == "กิจกรรมทางเศรษฐกิจ"
    assert "".join(texts[1].itertext()) == "75% ปฏิบัติแล้ว"


def test_the_height_grows_with_the_rows_and_the_axis_names_its_ticks():
    one, seven = parse(chart(ROWS[:1])), parse(chart(ROWS + ROWS[:3]))

    def height(root):
        return float(root.get("viewBox").split()[3])

    assert height(seven) > height(one)
    ticks = [t.text for t in one.iter(f"{SVG}text") if t.get("class") == "chart-tick"]
    assert ticks == ["0%", "25%", "50%", "75%", "100%"]


def test_a_band_may_be_a_plain_label():
    root = parse(chart([("Feature", 60, "Partly practised")]))

    assert root.find(f"{SVG}g").get("class") == "chart-row"
    assert "".join(root.find(f"{SVG}g").findall(f"{SVG}text")[1].itertext()) == (
        "60% Partly practised"
    )


@pytest.mark.parametrize("score", [-1, 101, 250])
def test_a_score_outside_0_to_100_is_refused(score):
    with pytest.raises(ValueError, match="percentage"):
        chart([("Feature", score, "Weak")])


def test_no_rows_is_an_empty_but_valid_chart():
    root = parse(chart([]))

    assert root.findall(f"{SVG}g") == []
