"""The Thai catalogue is complete and its committed .mo is what the .po compiles to.

The .mo is committed so that no machine needs GNU gettext; this test catches a .po edited
without running `make messages` (or `manage.py compile_catalogues`).
"""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[1] / "locale"
PO_FILES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_thai_catalogue():
    assert LOCALE / "th" / "LC_MESSAGES" / "django.po" in PO_FILES


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
