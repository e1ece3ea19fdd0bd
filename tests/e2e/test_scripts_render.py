"""Every interface language renders in its own script in a bare Debian Chromium (with the
fonts-noto packages): each page in each language is screenshotted, and no character of
its text falls back to a box. Chromium reports, per element, the fonts it drew the
element's text with (CDP CSS.getPlatformFontsForNode); every character must be in one of
those fonts' character maps (read with fontTools from the files fontconfig resolves), and
the script's own face must be among them (Khmer text drawn in Noto Sans Khmer...)."""

import shutil
import subprocess
import unicodedata
from functools import cache

import pytest
from django.conf import settings
from fontTools.ttLib import TTCollection, TTFont

from tests.conftest import need

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The face a language's own script must be drawn with, where it is not the Latin or
# Cyrillic one every page uses.
SCRIPT_FACE = {
    "km": "Noto Sans Khmer",
    "lo": "Noto Sans Lao",
    "th": "Noto Sans Thai",
    "zh-hans": "Noto Sans CJK SC",
    "ja": "Noto Sans CJK JP",
    "ko": "Noto Sans CJK KR",
}
PAGES = ["/", "/accounts/login/"]
FC_MATCH = shutil.which("fc-match")

MARK_TEXT = """() => {
  const found = [];
  let n = 0;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("script, style, svg, template") || !el.checkVisibility()) continue;
    const own = [...el.childNodes].filter((c) => c.nodeType === 3).map((c) => c.data).join("");
    if (!own.trim()) continue;
    el.dataset.fontCheck = String(n);
    found.push(own);
    n += 1;
  }
  return found;
}"""


@cache
def font_file(family):
    """The font file fontconfig gives for `family` (as Chromium names it), or None."""
    result = subprocess.run(
        [FC_MATCH, "-f", "%{family}|%{file}", family], capture_output=True, text=True, check=False
    )
    matched, _, path = result.stdout.partition("|")
    return path if family.lower() in matched.lower() else None


@cache
def characters(path):
    """Every character the font file at `path` has a glyph for."""
    if path.endswith((".ttc", ".otc")):
        fonts = TTCollection(path).fonts
    else:
        fonts = [TTFont(path, lazy=True)]
    covered = set()
    for font in fonts:
        for table in font["cmap"].tables:
            covered.update(chr(code) for code in table.cmap)
    return frozenset(covered)


def drawable(char):
    """A character that must have a glyph: not a space, a control or a format character
    (zero-width joiners are drawn by shaping, not looked up)."""
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zs"}


def boxes_and_faces(page):
    """(characters drawn as boxes with the fonts used, the font families used)."""
    texts = page.evaluate(MARK_TEXT)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-font-check]"})
    missing, faces = {}, set()
    for node_id in nodes["nodeIds"]:
        attributes = cdp.send("DOM.getAttributes", {"nodeId": node_id})["attributes"]
        index = int(attributes[attributes.index("data-font-check") + 1])
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
        families = [font["familyName"] for font in fonts]
        faces.update(families)
        covered = set()
        for family in families:
            path = font_file(family)
            if path:
                covered |= characters(path)
        for char in texts[index]:
            if drawable(char) and char not in covered:
                missing.setdefault(char, set()).update(families)
    cdp.detach()
    return missing, faces


def test_every_language_renders_in_its_own_script_without_boxes(
    seeded_database, live_server, chromium, shots
):
    """One browser for every language (a journey's setup costs more than a page)."""
    need(FC_MATCH, "fontconfig's fc-match is not installed (apt-get install fontconfig)")
    context = chromium.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    problems = []
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        for path in PAGES:
            page.goto(prefix + path)
            html = page.locator("html")
            assert (html.get_attribute("lang"), html.get_attribute("dir")) == (code, "ltr")
            missing, faces = boxes_and_faces(page)
            if missing:
                problems.append(f"{code}{path}: drawn as boxes: {missing}")
            if code in SCRIPT_FACE and SCRIPT_FACE[code] not in faces:
                problems.append(f"{code}{path}: not in {SCRIPT_FACE[code]}: {sorted(faces)}")
            name = path.strip("/").replace("/", "-") or "home"
            shots(page, f"{code}-{name}", full_page=False)
    context.close()
    assert problems == []
