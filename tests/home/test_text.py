"""The one sanitiser, against what attackers and careless pasting send."""

from html.parser import HTMLParser

import pytest

from home.text import render_markdown


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="https://example.org" onclick="steal()">x</a>',
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
        '<svg onload="alert(1)">',
    ],
)
def test_nothing_executable_survives(source):
    elements = elements_of(render_markdown(source))

    for tag, attributes in elements:
        assert tag in {"p", "a", "code"}, tag
        assert set(attributes) <= {"href", "rel", "title"}, attributes
        assert attributes.get("href", "https:").startswith(("https:", "http:", "mailto:"))


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements_of(html):
    """[(tag, {attribute: value})] of every element in `html`, as a browser parses it."""
    parser = _Elements()
    parser.feed(html)
    return parser.found


def test_markdown_is_rendered_and_links_get_rel():
    html = render_markdown("**Mutual aid** in *practice*: see https://www.ilo.org")

    assert html == (
        "<p><strong>Mutual aid</strong> in <em>practice</em>: see "
        '<a href="https://www.ilo.org" rel="nofollow ugc noopener">https://www.ilo.org</a></p>\n'
    )


def test_written_links_keep_only_safe_schemes():
    assert 'href="mailto:focal@example.org"' in render_markdown("[mail](mailto:focal@example.org)")
    assert "href" not in render_markdown("[x](ftp://example.org/file)")


def test_code_is_shown_not_run_or_linked():
    assert render_markdown("`<b>https://x.org</b>`") == (
        "<p><code>&lt;b&gt;https://x.org&lt;/b&gt;</code></p>\n"
    )


def test_scripts_of_the_region_pass_untouched():
    text = "ការសហការ · ການຮ່ວມມື · ความร่วมมือ · Хамтын ажиллагаа · Hợp tác xã · 合作社 · 협동조합"

    assert render_markdown(text) == f"<p>{text}</p>\n"
