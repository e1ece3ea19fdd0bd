"""The words of Django and allauth that readers see are in our catalogues
(core/library_strings.py marks them), so a language without the library's own catalogue
(Django has none for Lao and Filipino, allauth none for Khmer, Lao, Vietnamese, Malay and
Filipino) gets them from ours; `copy_library_translations` fills in what the libraries
translate, and `make messages` runs it for every catalogue."""

import ast
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import allauth
import django
import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from core.management.commands.copy_library_translations import (
    copy_translations,
    library_locale_dirs,
)

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "core" / "library_strings.py"
LOCALE = ROOT / "locale"
PO_FILES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
DJANGO = Path(django.__file__).parent
ALLAUTH = Path(allauth.__file__).parent
LIBRARIES = [
    ALLAUTH / "locale",
    DJANGO / "contrib" / "auth" / "locale",
    DJANGO / "contrib" / "humanize" / "locale",
    DJANGO / "conf" / "locale",
]

# Where each marker has its context, msgid and plural (makemessages' keywords).
MARKERS = {
    "gettext_noop": (None, 0, None),
    "pgettext_lazy": (0, 1, None),
    "ngettext_lazy": (None, 0, 1),
    "npgettext_lazy": (0, 1, 2),
}


def marked():
    """(msgctxt, msgid, msgid_plural) of each string core/library_strings.py marks, read
    from its source as xgettext reads it (msgctxt None, msgid_plural "" when absent)."""
    found = []
    for node in ast.walk(ast.parse(MODULE.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS:
            context, msgid, plural = MARKERS[node.func.id]
            args = [arg.value for arg in node.args]
            found.append(
                (
                    args[context] if context is not None else None,
                    args[msgid],
                    args[plural] if plural is not None else "",
                )
            )
    return found


def keys(po):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete}


def english():
    """Every (msgctxt, msgid, msgid_plural) of the libraries' English catalogues."""
    return set().union(
        *(keys(polib.pofile(str(d / "en" / "LC_MESSAGES" / "django.po"))) for d in LIBRARIES)
    )


def library_entries(path_in_library):
    """The English entries whose source is `path_in_library` (as their #: lines say)."""
    found = set()
    for directory in LIBRARIES:
        for entry in polib.pofile(str(directory / "en" / "LC_MESSAGES" / "django.po")):
            if any(path == path_in_library for path, _line in entry.occurrences):
                found.add((entry.msgctxt, entry.msgid, entry.msgid_plural))
    return found


def test_every_string_marked_is_the_librarys_own():
    """Copied exactly (context and plural too): a library upgrade that rewords one, or a
    typo, fails here instead of leaving a msgid that nothing asks for."""
    strings = marked()

    assert len(strings) > 150
    assert len(set(strings)) == len(strings), "a string is marked twice"
    assert [s for s in strings if s not in english()] == []


@pytest.mark.parametrize(
    "source",
    [
        "utils/dates.py",  # month and weekday names
        "contrib/auth/password_validation.py",  # the password validators
        "utils/timesince.py",
    ],
)
def test_every_string_of_the_modules_readers_meet_whole_is_marked(source):
    assert library_entries(source) - set(marked()) == set()


def test_the_strings_readers_meet_most_are_marked():
    strings = set(marked())

    for key in [
        (None, "This field is required.", ""),
        (None, "Enter a valid email address.", ""),
        (
            None,
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        ),
        ("alt. month", "January", ""),
        (None, "a minute ago", "%(count)s\u00a0minutes ago"),
        ("naturaltime-past", "%(num)d day", "%(num)d days"),
        (None, "The email address and/or password you specified are not correct.", ""),
        (None, "Remember Me", ""),
    ]:
        assert key in strings, key


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_every_string_marked_is_in_each_of_our_catalogues(po_path):
    """`make messages` has put them there, for our catalogue to come first."""
    assert set(marked()) - keys(polib.pofile(str(po_path))) == set()


def library_strings_untranslated(code):
    po = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    entries = {(e.msgctxt, e.msgid, e.msgid_plural): e for e in po if not e.obsolete}
    return any(key not in entries or not entries[key].translated() for key in marked())


@pytest.mark.parametrize("code", ["lo", "fil"])
def test_a_reader_in_a_language_django_lacks_reads_its_words_translated(code):
    """Django has no catalogue for Lao and Filipino: ours gives its words."""
    if library_strings_untranslated(code):
        pytest.xfail(
            f"locale/{code}/ does not translate every string of core/library_strings.py "
            "yet (make messages added them; translators fill them in)"
        )
    with translation.override(code):
        said = [
            translation.gettext("Enter a valid email address."),
            translation.pgettext("alt. month", "January"),
            translation.ngettext("%(num)d day", "%(num)d days", 3),
            translation.gettext("Remember Me"),
        ]

    assert said[0] != "Enter a valid email address."
    assert said[1] != "January"
    assert said[2] != "%(num)d days"
    assert said[3] != "Remember Me"


@pytest.mark.django_db
def test_a_lao_readers_form_error_comes_from_our_catalogue(client, tmp_path, settings):
    """Our catalogue, with the msgid of Django's e-mail validator translated (as translators
    will: a stand-in here until they have), is what a Lao reader's form says."""
    target = tmp_path / "lo" / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True)
    shutil.copy(LOCALE / "lo" / "LC_MESSAGES" / "django.po", target)
    po = polib.pofile(str(target))
    entry = po.find("Enter a valid email address.")
    assert entry is not None, "make messages has not put Django's msgid in locale/lo/"
    if not entry.translated():
        entry.msgstr = "ລາວ: Enter a valid email address."
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    po.save_as_mofile(str(target.with_suffix(".mo")))
    settings.LOCALE_PATHS = [tmp_path]  # resets Django's catalogues (setting_changed)

    response = client.post("/lo" + reverse("account_reset_password"), {"email": "not-an-address"})

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [entry.msgstr]


# --- copy_library_translations ----------------------------------------------------------

MAX_LENGTH = (
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
)


def django_russian(msgid, msgctxt=None):
    po = polib.pofile(str(DJANGO / "conf" / "locale" / "ru" / "LC_MESSAGES" / "django.po"))
    return po.find(msgid, msgctxt=msgctxt)


def untranslated(po, msgid, msgctxt=None, msgid_plural=""):
    """`po`'s entry for `msgid` made untranslated (added if it has none)."""
    entry = po.find(msgid, msgctxt=msgctxt)
    if entry is None:
        entry = polib.POEntry(msgid=msgid, msgctxt=msgctxt, msgid_plural=msgid_plural)
        po.append(entry)
    entry.msgstr = ""
    entry.msgstr_plural = dict.fromkeys(range(4), "") if msgid_plural else {}
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    return entry


@pytest.fixture
def russian(tmp_path):
    """A copy of our Russian catalogue in which some of Django's strings are untranslated
    (one only fuzzy, msgmerge's guess), and ours translates "This field is required."."""
    path = tmp_path / "ru" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    shutil.copy(LOCALE / "ru" / "LC_MESSAGES" / "django.po", path)
    po = polib.pofile(str(path))
    untranslated(po, "Enter a valid email address.")
    untranslated(po, "January", msgctxt="alt. month")
    untranslated(po, MAX_LENGTH[0], msgid_plural=MAX_LENGTH[1])
    guess = untranslated(po, "Enter a number.")
    guess.msgstr, guess.flags = "Введите имя.", ["fuzzy"]
    ours = po.find("This field is required.")
    ours.msgstr = "Заполните это поле (наш перевод)."
    po.append(polib.POEntry(msgid="A sentence of our own, in no library", msgstr=""))
    po.save()
    return path


def copy(*paths):
    out = StringIO()
    call_command("copy_library_translations", *map(str, paths), stdout=out)
    return out.getvalue()


def test_the_copy_fills_in_djangos_translations_and_leaves_ours(russian):
    said = copy(russian)

    po = polib.pofile(str(russian))
    assert po.find("Enter a valid email address.").msgstr == (
        django_russian("Enter a valid email address.").msgstr
    )
    assert po.find("January", msgctxt="alt. month").msgstr == "января"
    plural = po.find(MAX_LENGTH[0])
    assert plural.msgstr_plural == django_russian(MAX_LENGTH[0]).msgstr_plural
    assert len(plural.msgstr_plural) == 4  # Russian's four forms, ours and Django's alike
    number = po.find("Enter a number.")
    assert (number.msgstr, number.fuzzy) == ("Введите число.", False)
    assert po.find("This field is required.").msgstr == "Заполните это поле (наш перевод)."
    assert po.find("A sentence of our own, in no library").msgstr == ""
    assert re.fullmatch(r"ru: 4 copied from the libraries, \d+ left to translate\n", said)


def test_the_copy_is_idempotent(russian):
    copy(russian)
    once = russian.read_bytes()

    said = copy(russian)

    assert russian.read_bytes() == once
    assert said.startswith("ru: 0 copied from the libraries, ")


def library(plural_forms, *entries):
    po = polib.POFile()
    po.metadata = {"Plural-Forms": plural_forms}
    for entry in entries:
        po.append(entry)
    return po


def plural_entry(*forms):
    return polib.POEntry(
        msgid="%(num)d day",
        msgid_plural="%(num)d days",
        msgstr_plural=dict(enumerate(forms)),
    )


@pytest.mark.parametrize(
    ("theirs", "copied"),
    [
        ("nplurals=2; plural=(n != 1);", True),
        ("nplurals=2; plural=n != 1;", True),  # the same rule, written otherwise
        ("nplurals=2; plural=(n > 1);", False),  # two forms, but 0 in the other one
        ("nplurals=1; plural=0;", False),
    ],
)
def test_a_plural_is_copied_only_where_the_plural_forms_agree(theirs, copied):
    ours = library("nplurals=2; plural=(n != 1);", plural_entry("", ""))
    forms = ["%(num)d jour"] * (2 if "nplurals=2" in theirs else 1)

    result = copy_translations(ours, [library(theirs, plural_entry(*forms))])

    assert ours[0].translated() is copied
    assert (result.copied, result.left) == ((1, 0) if copied else (0, 1))


def test_the_first_library_that_translates_an_entry_is_the_one_copied():
    ours = library("nplurals=1; plural=0;", polib.POEntry(msgid="Password"))
    first = library("nplurals=1; plural=0;", polib.POEntry(msgid="Password", msgstr=""))
    second = library("nplurals=1; plural=0;", polib.POEntry(msgid="Password", msgstr="B"))
    third = library("nplurals=1; plural=0;", polib.POEntry(msgid="Password", msgstr="C"))

    copy_translations(ours, [first, second, third])

    assert ours[0].msgstr == "B"


def test_a_translation_that_loses_a_placeholder_is_not_copied():
    ours = library("nplurals=1; plural=0;", polib.POEntry(msgid="Hello %(name)s"))
    theirs = library("nplurals=1; plural=0;", polib.POEntry(msgid="Hello %(name)s", msgstr="Hi"))

    result = copy_translations(ours, [theirs])

    assert (ours[0].msgstr, result.left) == ("", 1)


def test_the_libraries_are_read_in_the_order_django_prefers_them():
    assert library_locale_dirs() == LIBRARIES


def test_make_messages_updates_every_catalogue_then_copies_then_compiles():
    plan = subprocess.run(
        ["make", "-n", "messages"],  # noqa: S607 - our own Makefile, printed, not run
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [line for line in plan.splitlines() if "manage.py" in line]

    assert [line.split("manage.py ")[1].split()[0] for line in commands] == [
        "makemessages",
        "copy_library_translations",
        "compile_catalogues",
    ]
    update = commands[0].split()
    assert "--all" in update
    for ignored in (".venv", "staticfiles", "build", "node_modules"):
        assert f"--ignore={ignored}" in update
