"""Every interface language has a complete, compiled catalogue whose placeholders and tags
are its source's, a glossary of the SSE's terms, and says whether a native speaker has
reviewed it.

The .mo is committed so that no machine needs GNU gettext; the compile test catches a .po
edited without running `make messages` (or `manage.py compile_catalogues`).
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale"
GLOSSARY = ROOT / "docs" / "glossary"
PO_FILES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# What a translation must keep exactly: python-format (%(name)s, %s, %%), format-style
# ({name}) placeholders, and HTML tags with their attributes.
MARKS = re.compile(r"%\([A-Za-z0-9_]+\)[sdif]|%[sdif]|%%|\{[A-Za-z0-9_]*\}|<[^>]+>")


def marks(text):
    return sorted(MARKS.findall(text))


def nplurals(po):
    found = re.search(r"nplurals=(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else 1


def placeholder_mismatches(po):
    """The msgids whose translation has other placeholders or tags than the source. A
    plural form says the plural source's; the first form may say the singular's instead
    (a language whose first form is for one only, "1 reply" without the number)."""
    wrong = []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            for index in range(nplurals(po)):
                form = entry.msgstr_plural.get(index, "")
                allowed = [marks(entry.msgid_plural)] + ([marks(entry.msgid)] if index == 0 else [])
                if marks(form) not in allowed:
                    wrong.append(f"{entry.msgid!r} (form {index})")
        elif marks(entry.msgstr) != marks(entry.msgid):
            wrong.append(repr(entry.msgid))
    return wrong


def catalogue(code):
    return LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_interface_language_has_a_catalogue_and_a_glossary(code):
    assert catalogue(code) in PO_FILES
    glossary = GLOSSARY / f"{code}.md"
    assert glossary.exists(), f"docs/glossary/{code}.md: the SSE's terms translators follow"
    text = glossary.read_text()
    assert text.count("\n|") >= 40, "a glossary covers the SSE's terms (40 rows at least)"
    for term in ("cooperative", "mutual", "social enterprise", "self-help group"):
        assert term in text.lower(), f"docs/glossary/{code}.md lacks {term!r}"


def test_there_is_no_catalogue_for_a_language_the_site_does_not_offer():
    offered = {to_locale(code) for code in TRANSLATED}
    assert {path.parts[-3] for path in PO_FILES} == offered


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(po_path.with_suffix(".mo")))

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in po.translated_entries()
        if not e.obsolete
    }
    assert compiled.items() >= source.items(), "run `make messages` to recompile the .mo"


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_placeholders_and_tags_are_the_sources(po_path):
    assert placeholder_mismatches(polib.pofile(str(po_path))) == []


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_every_plural_entry_has_every_form_of_its_language(po_path):
    po = polib.pofile(str(po_path))
    forms = set(range(nplurals(po)))
    short = [
        e.msgid for e in po.translated_entries() if e.msgid_plural and set(e.msgstr_plural) != forms
    ]
    assert short == []


def test_the_placeholder_check_catches_a_changed_placeholder():
    po = polib.POFile()
    po.metadata = {"Plural-Forms": "nplurals=1; plural=0;"}
    po.append(polib.POEntry(msgid="Hello %(name)s", msgstr="สวัสดี %(nom)s"))
    po.append(polib.POEntry(msgid='<a href="%(url)s">Log in</a>', msgstr="<a>เข้าสู่ระบบ</a>"))
    po.append(polib.POEntry(msgid="{count} new", msgstr="ใหม่"))
    po.append(polib.POEntry(msgid="50%% done", msgstr="เสร็จ 50%"))
    po.append(
        polib.POEntry(
            msgid="%(counter)s reply",
            msgid_plural="%(counter)s replies",
            msgstr_plural={0: "ตอบกลับ"},
        )
    )
    po.append(polib.POEntry(msgid="Kept %(name)s", msgstr="เก็บ %(name)s"))

    assert len(placeholder_mismatches(po)) == 5


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_each_catalogue_says_whether_a_native_speaker_reviewed_it(po_path):
    """The header's X-Native-Review names the reviewer, or says "none yet"; the site's
    REVIEWED_LANGUAGES (which /languages/ shows) says the same."""
    po = polib.pofile(str(po_path))
    review = po.metadata.get("X-Native-Review", "")
    code = po.metadata.get("Language", "").lower()
    assert review, "add X-Native-Review to the header: a reviewer's name, or none yet"
    assert (review != "none yet") == (code in settings.REVIEWED_LANGUAGES)


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_no_header_is_fuzzy(po_path):
    """GNU msgfmt leaves a fuzzy header out of the .mo: its Plural-Forms with it."""
    assert polib.pofile(str(po_path)).metadata_is_fuzzy in ([], False, None)
