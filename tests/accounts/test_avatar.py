"""The initial-letter avatar: made on the server as inline SVG, from the first grapheme
of the name in any script, on a colour from a hash of the member's id that carries white
text at AA contrast; every value escaped."""

import re
from types import SimpleNamespace

import pytest
from django.template import Context, Template

from accounts.avatars import PALETTE, SIZES, TEXT_COLOUR, avatar_svg, colour_for
from accounts.graphemes import graphemes, initial, is_cut_point


def member(name, pk=7):
    return SimpleNamespace(pk=pk, name=name, handle="someone", is_active=True)


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("alice Wong", "A"),
        ("Ánh Nguyễn", "Á"),  # a precomposed letter
        ("A\u0301nh", "Á"),  # the same typed as a letter and a combining accent: one grapheme
        ("Đặng Thị Hoa", "Đ"),
        ("สมชาย ใจดี", "ส"),  # Thai
        ("ชื่นใจ", "ชื่"),  # a consonant with its vowel and tone mark, never the bare consonant
        ("เกษม", "เก"),  # a leading vowel is taken with its consonant
        ("ສົມພອນ", "ສົ"),  # Lao
        ("ស្រីពៅ", "ស្រី"),  # Khmer: a conjunct through the coeng, with its vowel
        ("नमस्ते", "न"),  # Devanagari
        ("김민수", "김"),  # Korean
        ("王芳", "王"),  # Chinese
        ("さくら", "さ"),  # Japanese
        ("Бат-Эрдэнэ", "Б"),  # Mongolian Cyrillic
        ("ß", "ß"),  # upper case only where it stays one letter
        ("  (Bob)", "B"),  # punctuation and spaces before the name are passed over
        ("<script>", "S"),
        ("👩🏽‍🌾 Farmer", "👩🏽‍🌾"),  # an emoji sequence is one grapheme
        ("", "?"),
        ("!!!", "?"),
    ],
)
def test_the_initial_is_the_first_grapheme_of_the_name_in_any_script(name, letter):
    assert initial(name) == letter


def test_graphemes_keep_marks_flags_and_hangul_jamo_together():
    assert graphemes("กี่") == ["กี่"]
    assert graphemes("🇹🇭🇻🇳") == ["🇹🇭", "🇻🇳"]
    assert graphemes("\u1100\u1161\u11a8") == ["\u1100\u1161\u11a8"]  # jamo make one syllable
    assert graphemes("a\r\nb") == ["a", "\r\n", "b"]
    assert not is_cut_point("เกษม", 1)  # never right after a leading vowel
    assert not is_cut_point("กี่", 1)
    assert is_cut_point("กี่ก", 3)


def relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("background", PALETTE)
def test_every_colour_carries_the_white_letter_at_aa_contrast(background):
    assert contrast(background, TEXT_COLOUR) >= 4.5


def test_the_colour_comes_from_the_id_stable_and_spread():
    assert colour_for(42) == colour_for(42) == colour_for("42")
    assert len({colour_for(pk) for pk in range(1, 200)}) == len(PALETTE)
    svg = avatar_svg(member("Alice", pk=42))
    assert f'fill="{colour_for(42)}"' in svg
    assert f'fill="{TEXT_COLOUR}"' in svg


def test_the_avatar_is_inline_svg_with_no_request_and_hidden_beside_the_name():
    svg = str(avatar_svg(member("Somchai"), size="medium"))

    assert svg.startswith('<svg class="avatar avatar-medium"')
    assert f'width="{SIZES["medium"]}"' in svg
    assert 'aria-hidden="true"' in svg
    assert ">S</text>" in svg
    assert not re.search(r"(?:href|src)=", svg)  # nothing fetched from anywhere


def test_a_name_with_markup_is_escaped_in_the_avatar_and_its_label():
    nasty = member('<script>alert("x")</script>')

    decorative = str(avatar_svg(nasty))
    labelled = str(avatar_svg(nasty, size="large", label=True))

    assert "<script" not in decorative + labelled
    assert ">S</text>" in decorative
    assert 'role="img" aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in labelled


def test_an_initial_that_is_markup_is_escaped():
    svg = str(avatar_svg(member("&amp; Co")))  # "&" is passed over, "a" is the initial

    assert ">A</text>" in svg
    assert str(avatar_svg(member("<<"))).count("?</text>") == 1


def test_the_template_tags_draw_the_avatar_and_link_only_an_active_member():
    template = Template('{% load members %}{% avatar who "small" %} {% member_link who %}')
    active = SimpleNamespace(pk=3, name="Lan <b>", handle="lan", is_active=True)
    gone = SimpleNamespace(pk=4, name="Former", handle="former", is_active=False)

    shown = template.render(Context({"who": active}))
    hidden = template.render(Context({"who": gone}))
    nobody = template.render(Context({"who": None}))

    assert '<a href="/members/lan/">Lan &lt;b&gt;</a>' in shown
    assert "<svg" in shown
    assert "Former" in hidden
    assert "<a " not in hidden
    assert nobody.strip() == ""
