"""A member's avatar: the initial of their name on a coloured disc, an inline SVG made on
the server (no image file, no request to another host, no Gravatar).

The colour comes from a hash of the member's id, so it stays when the name changes and
two members of the same name differ; every colour of the palette carries white text at
4.5:1 or more (WCAG AA for text of any size; tests/accounts/test_avatar.py measures it).
The letter is drawn by the reader's own fonts, which have the region's scripts.
"""

import hashlib

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .graphemes import initial

# Dark enough for white text at 4.5:1 or more, and told apart by hue.
PALETTE = (
    "#1f5fa8",  # blue
    "#0f7069",  # teal
    "#2e7030",  # green
    "#7a5b00",  # ochre
    "#b03a00",  # orange
    "#b3223b",  # red
    "#a01a6c",  # magenta
    "#6a3fb0",  # violet
    "#3f51a8",  # indigo
    "#55606b",  # slate
)
TEXT_COLOUR = "#ffffff"
SIZES = {"small": 32, "medium": 48, "large": 96}


def colour_for(key):
    """The palette colour for `key` (a member's id), the same in every process."""
    digest = hashlib.blake2s(str(key).encode(), digest_size=4).digest()
    return PALETTE[int.from_bytes(digest, "big") % len(PALETTE)]


def avatar_svg(member, size="small", label=False):
    """The avatar of `member` (anything with `pk` and `name`) as inline SVG, `size` one of
    SIZES. Decorative (hidden from screen readers, as the name is beside it) unless
    `label`: then it is an image named by the member's name. Every value is escaped."""
    pixels = SIZES.get(size, SIZES["small"])
    letter = initial(getattr(member, "name", ""))
    # Wider initials (a Thai vowel with its consonant, a conjunct, an emoji sequence) are
    # drawn smaller so that they stay inside the disc.
    font_size = 46 if len(letter) <= 1 else 34
    accessible = (
        format_html(' role="img" aria-label="{}"', member.name)
        if label
        else mark_safe(' aria-hidden="true"')
    )
    return format_html(
        '<svg class="avatar avatar-{size}" width="{px}" height="{px}" viewBox="0 0 100 100"'
        ' focusable="false"{accessible}><circle cx="50" cy="50" r="50" fill="{fill}"/>'
        '<text x="50" y="50" dy="0.35em" text-anchor="middle" font-size="{font}"'
        ' fill="{ink}">{letter}</text></svg>',
        size=size if size in SIZES else "small",
        px=pixels,
        accessible=accessible,
        fill=colour_for(member.pk),
        font=font_size,
        ink=TEXT_COLOUR,
        letter=letter,
    )
