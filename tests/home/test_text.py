"""The one sanitiser, against what attackers and careless pasting send."""

from html.parser import HTMLParser

import pytest
from django.utils import translation

from core.text import UnsafeText, check_user_text, is_blank, render_markdown


@pytest.fixture(autouse=True)
def _in_english():
    """The forms are called directly here, outside a request: the messages in English."""
    with translation.override("en"):
        yield


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


@pytest.mark.parametrize(
    "text",
    ["", " \n\t", "\u200b", "\u200c\u200d\ufeff\u2060", "\u00a0\u3000\u2800\u3164", "\u202e\u2066"],
)
def test_text_of_invisible_characters_is_blank(text):
    assert is_blank(text) is True


@pytest.mark.parametrize("text", ["a", "\u200bx\u200b", "สวัสดี", "😀", "-"])
def test_text_with_something_visible_is_not_blank(text):
    assert is_blank(text) is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a\x00b", "U+0000"),
        ("a\ud800", "U+D800"),
        ("\udfff", "U+DFFF"),
        ("x\x1b[0m", "U+001B"),
        ("\x7f", "U+007F"),
        ("\x85", "U+0085"),
        ("\x0b", "U+000B"),
    ],
)
def test_user_text_with_nul_surrogates_or_controls_is_refused_with_a_message(text, code):
    with pytest.raises(UnsafeText) as refused:
        check_user_text(text)

    assert isinstance(refused.value, ValueError)
    assert refused.value.message == (
        f"The text contains a character that cannot be stored ({code}). Remove it and try again."
    )


def test_newlines_tabs_and_every_script_are_user_text():
    text = "line one\r\nline two\tสหกรณ์ 合作社 \U0001f600 \u200d"

    assert check_user_text(text) == text
