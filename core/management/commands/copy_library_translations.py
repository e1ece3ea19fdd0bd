"""`manage.py copy_library_translations`: reuse the libraries' translations in ours.

Our catalogues come first (LOCALE_PATHS), so a msgid of Django or allauth that they hold
(core/library_strings.py puts them there) is read from ours, and an empty one would hide
the library's reviewed translation. `make messages` runs this after `makemessages`: every
entry of ours that is untranslated (or only fuzzy, msgmerge's guess) and that a library's
catalogue for the same language translates, with the same context and plural, gets that
translation. What is left is ours to translate.
"""

import gettext
import re
from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# The libraries whose catalogues ours reuse. Django reads an installed app's catalogue
# before its own (django/conf/locale), and of two apps the one listed first in
# INSTALLED_APPS: the first of them that translates an entry is the one readers saw.
LIBRARY_APPS = ("allauth", "django.contrib.auth", "django.contrib.humanize")

# What a translation must keep exactly, as tests/test_translations.py checks it:
# placeholders (%(name)s, %s, %%, {name}) and HTML tags with their attributes.
MARKS = re.compile(r"%\([A-Za-z0-9_]+\)[sdif]|%[sdif]|%%|\{[A-Za-z0-9_]*\}|<[^>]+>")

# Plural rules agree when they choose the same form for each of these numbers (they
# repeat past 100 in every language gettext knows).
PLURAL_PROBE = range(1001)


def our_catalogues():
    for locale_path in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/django.po"))


def library_locale_dirs():
    """The locale directories of the libraries, in the order Django prefers them."""
    dirs = [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()  # in INSTALLED_APPS's order
        if config.name in LIBRARY_APPS
    ]
    return [*dirs, Path(django.__file__).parent / "conf" / "locale"]


def library_catalogues(locale_name, dirs=None):
    """The libraries' catalogues for `locale_name` ("th", "zh_Hans"), where they have one."""
    paths = [d / locale_name / "LC_MESSAGES" / "django.po" for d in dirs or library_locale_dirs()]
    return [polib.pofile(str(path)) for path in paths if path.exists()]


def plural_rule(po):
    """(nplurals, the form each number of PLURAL_PROBE takes) under `po`'s Plural-Forms;
    gettext's own default (two forms, n != 1) when it has none."""
    header = po.metadata.get("Plural-Forms", "")
    count = re.search(r"nplurals\s*=\s*(\d+)", header)
    rule = re.search(r"plural\s*=\s*([^;]+)", header)
    if not (count and rule):
        return 2, tuple(int(n != 1) for n in PLURAL_PROBE)
    choose = gettext.c2py(rule.group(1).strip())
    return int(count.group(1)), tuple(choose(n) for n in PLURAL_PROBE)


def marks(text):
    return sorted(MARKS.findall(text))


def keeps_marks(entry, translation):
    """Whether `translation` (a msgstr, or {form: msgstr}) keeps the placeholders and tags
    of `entry`'s source; a plural's first form may say the singular's instead ("1 reply"
    said without the number)."""
    if not entry.msgid_plural:
        return marks(translation) == marks(entry.msgid)
    return all(
        marks(form) == marks(entry.msgid_plural)
        or (index == 0 and marks(form) == marks(entry.msgid))
        for index, form in translation.items()
    )


@dataclass
class Copied:
    copied: int = 0  # entries filled in from a library
    left: int = 0  # untranslated or fuzzy entries no library translates


def copy_translations(po, libraries):
    """Fill in each untranslated or fuzzy entry of `po` (a polib catalogue) from the first
    of `libraries` (polib catalogues of the same language) that translates the same
    (msgctxt, msgid, msgid_plural), keeping the placeholders and tags; a plural entry only
    from a library whose plural rule is `po`'s (the same number of forms, each number in
    the same form). Translated entries stay as they are. Changes `po` in memory only."""
    ours = plural_rule(po)
    found = []
    for library in libraries:
        same_plurals = plural_rule(library) == ours
        found.append(
            {
                (entry.msgctxt, entry.msgid, entry.msgid_plural): entry
                for entry in library
                if entry.translated() and (same_plurals or not entry.msgid_plural)
            }
        )
    result = Copied()
    for entry in po:
        if entry.obsolete or entry.translated():
            continue
        key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
        source = next(
            (
                table[key]
                for table in found
                if key in table and keeps_marks(entry, _translation(table[key]))
            ),
            None,
        )
        if source is None:
            result.left += 1
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = dict(source.msgstr_plural)
        else:
            entry.msgstr = source.msgstr
        if entry.fuzzy:  # msgmerge's guess, replaced by the library's own translation
            entry.flags.remove("fuzzy")
            entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
        result.copied += 1
    return result


def _translation(entry):
    return dict(entry.msgstr_plural) if entry.msgid_plural else entry.msgstr


class Command(BaseCommand):
    help = (
        "Fill in the untranslated (or fuzzy) entries of our catalogues that Django, "
        "django.contrib.auth, django.contrib.humanize or allauth translate for the same "
        "language (plural entries only where the plural forms agree); print the counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "catalogues",
            nargs="*",
            help="the .po files to fill in (default: every catalogue under LOCALE_PATHS)",
        )

    def handle(self, *args, **options):
        paths = [Path(p) for p in options["catalogues"]] or list(our_catalogues())
        dirs = library_locale_dirs()
        for path in paths:
            if not path.exists():
                raise CommandError(f"No catalogue at {path}")
            # locale/<name>/LC_MESSAGES/django.po: the same <name> as the libraries'.
            locale_name = path.parent.parent.name
            po = polib.pofile(str(path))
            result = copy_translations(po, library_catalogues(locale_name, dirs))
            # Written back even when nothing was copied: in polib's layout, which the
            # catalogues are kept in, not msgmerge's (which wraps lines elsewhere), so
            # `make messages` changes only what changed.
            po.save(str(path))
            self.stdout.write(
                f"{locale_name}: {result.copied} copied from the libraries, "
                f"{result.left} left to translate"
            )
