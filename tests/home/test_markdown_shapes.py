"""What Markdown becomes: each allowed shape exactly, and nothing outside the list."""

from html.parser import HTMLParser

import pytest

from core.text import ALLOWED_TAGS, render_markdown, sanitise_html

REL = 'rel="nofollow ugc noopener"'


# --- Each shape, exactly -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("# One", "<h3>One</h3>\n"),
        ("## Two", "<h4>Two</h4>\n"),
        ("### Three", "<h5>Three</h5>\n"),
        ("#### Four", "<h6>Four</h6>\n"),
        ("###### Six", "<h6>Six</h6>\n"),
        ("Underlined\n===", "<h3>Underlined</h3>\n"),
        ("Underlined\n---", "<h4>Underlined</h4>\n"),
    ],
)
def test_headings_sit_below_the_pages_own(source, html):
    assert render_markdown(source) == html


def test_lists_keep_their_shape_and_their_first_number():
    assert render_markdown("- a\n- b\n  - c") == (
        "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n"
    )
    assert render_markdown("3. three\n4. four") == (
        '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n'
    )


def test_quotes_nest():
    assert render_markdown("> said\n>> before") == (
        "<blockquote>\n<p>said</p>\n<blockquote>\n<p>before</p>\n</blockquote>\n</blockquote>\n"
    )


def test_code_inline_indented_and_fenced_with_its_language():
    assert render_markdown("`a < b`") == "<p><code>a &lt; b</code></p>\n"
    assert render_markdown("    indented") == "<pre><code>indented\n</code></pre>\n"
    assert render_markdown("```python\nprint('<b>')\n```") == (
        "<pre><code class=\"language-python\">print('&lt;b&gt;')\n</code></pre>\n"
    )


def test_a_table_with_its_alignment_as_classes():
    source = "| Co-op | Members | Share |\n|:--|:-:|--:|\n| Rice | 40 | 25% |"

    assert render_markdown(source) == (
        "<table>\n<thead>\n<tr>\n"
        '<th class="align-left">Co-op</th>\n'
        '<th class="align-center">Members</th>\n'
        '<th class="align-right">Share</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td class="align-left">Rice</td>\n'
        '<td class="align-center">40</td>\n'
        '<td class="align-right">25%</td>\n'
        "</tr>\n</tbody>\n</table>\n"
    )


def test_a_table_without_alignment_has_no_attributes():
    assert render_markdown("| a |\n|---|\n| 1 |") == (
        "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"
    )


def test_links_written_bare_angled_and_by_reference_get_rel():
    assert render_markdown('[ILO](https://www.ilo.org "The ILO")') == (
        f'<p><a href="https://www.ilo.org" title="The ILO" {REL}>ILO</a></p>\n'
    )
    assert render_markdown("<https://x.org> <focal@example.org>") == (
        f'<p><a href="https://x.org" {REL}>https://x.org</a> '
        f'<a href="mailto:focal@example.org" {REL}>focal@example.org</a></p>\n'
    )
    assert render_markdown("[the guide]\n\n[the guide]: https://e.org/g") == (
        f'<p><a href="https://e.org/g" {REL}>the guide</a></p>\n'
    )


def test_emphasis_strikethrough_rules_and_line_breaks():
    assert render_markdown("*a* **b** ~~c~~\nnext\n\n---") == (
        "<p><em>a</em> <strong>b</strong> <s>c</s><br>\nnext</p>\n<hr>\n"
    )


def test_typography_is_left_as_written():
    assert render_markdown("(c) -- ... \\*not em\\* &amp;") == (
        "<p>(c) -- ... *not em* &amp;</p>\n"
    )


# --- Nothing outside the list ------------------------------------------------------------
def test_an_image_is_a_link_never_an_img():
    html = render_markdown("![a chart](http://example.org/chart.png)")

    assert html == f'<p>!<a href="http://example.org/chart.png" {REL}>a chart</a></p>\n'


def test_an_image_with_a_script_url_is_text():
    assert render_markdown("![x](javascript:alert(1))") == "<p>![x](javascript:alert(1))</p>\n"


def test_raw_html_headings_and_tables_stay_text():
    assert render_markdown('<h3 id="x" class="y">t</h3>') == (
        "<p>&lt;h3 id=&quot;x&quot; class=&quot;y&quot;&gt;t&lt;/h3&gt;</p>\n"
    )
    assert render_markdown("<table><tr><td onclick=x>1</td></tr></table>") == (
        "<p>&lt;table&gt;&lt;tr&gt;&lt;td onclick=x&gt;1&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</p>\n"
    )


def test_a_script_link_in_a_table_cell_is_not_a_link():
    html = render_markdown("| a |\n|---|\n| [x](javascript:alert(1)) [y](data:text/html,z) |")

    assert "<td>[x](javascript:alert(1)) [y](data:text/html,z)</td>" in html
    assert "href" not in html


def test_a_fence_language_that_breaks_out_is_dropped():
    html = render_markdown('```"><script>alert(1)</script>\nx\n```')

    assert html == "<pre><code>x\n</code></pre>\n"


def row(cells):
    return f"<table><tbody><tr>{cells}</tr></tbody></table>"


# The parser never makes these; the sanitiser must still refuse them if it ever did.
@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<th onclick="steal()">a</th>', "a"),
        (row('<th onclick="steal()">a</th>'), row("<th>a</th>")),
        (
            row('<td style="text-align:left;background:url(javascript:alert(1))">a</td>'),
            row("<td>a</td>"),
        ),
        (row('<td style="text-align:left">a</td>'), row("<td>a</td>")),
        (
            row('<td class="align-left x">a</td><td class="align-right">b</td>'),
            row('<td>a</td><td class="align-right">b</td>'),
        ),
        ('<h3 class="align-left" id="login" style="color:red">t</h3>', "<h3>t</h3>"),
        ('<h1 id="top">t</h1><h2>u</h2>', "t\nu"),
        ('<code class="language-py onmouseover">x</code>', "<code>x</code>"),
        ('<code class="hidden">x</code>', "<code>x</code>"),
        ('<ol start="1" reversed type="a"><li>x</li></ol>', '<ol start="1"><li>x</li></ol>'),
        ('<ol start="-1;x"><li>x</li></ol>', "<ol><li>x</li></ol>"),
        ('<a href="javascript:alert(1)" target="_blank">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
        ('<img src="https://e.org/x.png" onerror="alert(1)">', ""),
        ('<iframe src="https://e.org"></iframe><svg onload="x"></svg>', ""),
        ("<p><b>bold</b> <i>it</i> <del>gone</del></p>", "<p>bold it gone</p>"),
    ],
)
def test_the_sanitiser_keeps_only_listed_attributes_and_values(html, kept):
    assert sanitise_html(html) == kept


def test_every_tag_the_parser_can_make_is_kept_and_no_other():
    assert {
        *("p", "br", "em", "strong", "s", "h3", "h4", "h5", "h6", "ul", "ol", "li"),
        *("blockquote", "pre", "code", "table", "thead", "tbody", "tr", "th", "td"),
        *("a", "hr"),
    } == ALLOWED_TAGS


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_a_post_using_every_shape_makes_only_listed_tags_and_attributes():
    source = (
        "# T\n\n- [a](https://a.org)\n\n3. b\n\n> q\n\n```js\nx\n```\n\n"
        "| h |\n|:-:|\n| c |\n\n~~s~~ *e* **b** `c`\n\n---\n![i](https://i.org/i.png)"
    )
    parser = _Tags()
    parser.feed(render_markdown(source))

    attributes = {(tag, name) for tag, attrs in parser.found for name in attrs}
    assert {tag for tag, _ in parser.found} <= ALLOWED_TAGS
    assert attributes == {
        ("a", "href"),
        ("a", "rel"),
        ("ol", "start"),
        ("code", "class"),
        ("th", "class"),
        ("td", "class"),
    }


# --- What would blow up ------------------------------------------------------------------
def test_a_thousand_nested_quotes_stop_at_the_nesting_limit():
    html = render_markdown(">" * 1000 + " deep")

    assert html.count("<blockquote>") == 20  # core.text.MAX_NESTING


def test_a_huge_table_renders_whole():
    head = "| a | b | c | d |\n|---|:-:|--:|:--|\n"
    source = head + "| 1 | **2** | [x](https://e.org) | 4 |\n" * 500

    html = render_markdown(source[:20_000])

    assert html.count("<tr>") == 1 + 500


def test_a_table_padded_with_empty_cells_stops_early():
    # One wide header and one-character rows: markdown-it would pad each row to 3,000
    # cells, up to 65,536 of them (690 KB of HTML from 20,000 characters).
    source = ("|" + "a|" * 3000 + "\n|" + "-|" * 3000 + "\n" + "x\n" * 4000)[:20_000]

    html = render_markdown(source)

    # Unbounded, this made 690 KB in about 3.5 s; the bound stops the padding at once.
    assert html.count("<td>") == 0
    assert html.count("<th>") == 3000
    assert len(html) < 100_000
