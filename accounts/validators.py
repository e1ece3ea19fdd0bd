"""Character rules for what people call themselves: display names and handles.

The character classes are defined here, at the bottom of the stack, and shared with the
text pipeline (`core.text` imports them; this module never imports home). The rules are
called by forms (sign-up, profile, the admin user forms), not attached to model fields,
so they need no migration and apply to every new value, not to rows already stored.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional embeddings, overrides and isolates (they reorder what follows them: a
# name can display as something else), and the implicit direction marks.
BIDI_CONTROLS = frozenset(
    "\u061c"  # ARABIC LETTER MARK
    "\u200e\u200f"  # LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
)

# Characters that take no room and show nothing.
ZERO_WIDTH = frozenset(
    "\u00ad"  # SOFT HYPHEN
    "\u034f"  # COMBINING GRAPHEME JOINER
    "\u115f\u1160"  # HANGUL CHOSEONG / JUNGSEONG FILLER
    "\u17b4\u17b5"  # KHMER VOWEL INHERENT AQ / AA
    "\u180b\u180c\u180d\u180e\u180f"  # MONGOLIAN FREE VARIATION SELECTORS, VOWEL SEPARATOR
    "\u200b\u200c\u200d"  # ZERO WIDTH SPACE, NON-JOINER, JOINER
    "\u2060\u2061\u2062\u2063\u2064"  # WORD JOINER, invisible operators
    "\u3164"  # HANGUL FILLER
    "\ufeff"  # ZERO WIDTH NO-BREAK SPACE (BOM)
    "\uffa0"  # HALFWIDTH HANGUL FILLER
    "\u2800"  # BRAILLE PATTERN BLANK (shows as a blank)
    "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07"
    "\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"  # VARIATION SELECTORS 1-16
)

# Hidden or reserved for the platform's own words in mentions and notices.
RESERVED_HANDLES = frozenset(
    {
        "admin",
        "administrator",
        "admins",
        "all",
        "anonymous",
        "channel",
        "everyone",
        "help",
        "here",
        "mod",
        "moderator",
        "moderators",
        "mods",
        "none",
        "noreply",
        "no-reply",
        "null",
        "postmaster",
        "root",
        "security",
        "staff",
        "support",
        "system",
        "sysadmin",
        "undefined",
        "webmaster",
    }
)

VIRAMA = 9  # canonical combining class of a virama / al-lakuna / halant


def is_invisible(char):
    """Format characters (Cf), the zero-width and filler characters above, whitespace."""
    return char in ZERO_WIDTH or char.isspace() or unicodedata.category(char) == "Cf"


def is_control(char):
    """C0 and C1 control characters, DEL, and lone surrogates."""
    return unicodedata.category(char) in ("Cc", "Cs")


def _joiner_allowed(name, index):
    # A zero-width (non-)joiner is spelling, not decoration, right after a virama in the
    # Brahmic scripts (Sinhala yansaya, Devanagari and Malayalam half forms): the rule
    # of IDNA (RFC 5892, CONTEXTJ). Anywhere else it is refused.
    if name[index] not in "\u200c\u200d" or index == 0 or index == len(name) - 1:
        return False
    return unicodedata.combining(name[index - 1]) == VIRAMA and name[index + 1].isalpha()


def forbidden_in_name(name):
    """The first character a display name may not contain, or None."""
    for index, char in enumerate(name):
        if char == " ":
            continue
        if is_control(char) or char in BIDI_CONTROLS:
            return char
        if (char in ZERO_WIDTH or unicodedata.category(char) == "Cf") and not _joiner_allowed(
            name, index
        ):
            return char
        if char.isspace():  # line and paragraph separators, odd spaces left unnormalised
            return char
    return None


def normalise_name(value):
    """Every space separator (no-break, ideographic, thin...) as a plain space, runs of them
    as one, none at either end. Other characters are left as typed, to be validated."""
    value = "".join(" " if unicodedata.category(c) == "Zs" else c for c in value or "")
    return " ".join(part for part in value.split(" ") if part)


def describe(char):
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def validate_display_name(value):
    """A display name is printed in e-mail headers, certificates and mentions: one line,
    no control, direction-changing or invisible characters, and something visible."""
    char = forbidden_in_name(value)
    if char is not None:
        raise ValidationError(
            _(
                "Names cannot contain control, direction-changing or invisible characters "
                "(found %(char)s). Use ordinary spaces between words."
            ),
            code="forbidden_character",
            params={"char": describe(char)},
        )
    if not value.strip():
        raise ValidationError(_("Please enter your name."), code="required")


def validate_handle_characters(value):
    """Control, direction-changing and invisible characters, named in the message."""
    for char in value:
        if is_control(char) or char in BIDI_CONTROLS or is_invisible(char):
            raise ValidationError(
                _(
                    "Handles cannot contain spaces, control or invisible characters "
                    "(found %(char)s)."
                ),
                code="forbidden_character",
                params={"char": describe(char)},
            )


def is_reserved_handle(handle):
    """A reserved word, alone or with only digits and separators around it (admin2, _all)."""
    return (handle or "").lower().strip("0123456789-_.") in RESERVED_HANDLES


def validate_handle_not_reserved(value):
    if is_reserved_handle(value):
        raise ValidationError(
            _("“@%(handle)s” is reserved for the platform. Please choose another handle."),
            code="reserved",
            params={"handle": value},
        )


def name_key(name):
    """How two names are compared: compatibility forms folded (full-width letters are
    the same letters), case folded, invisible characters dropped, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    folded = unicodedata.normalize("NFKC", folded)
    return " ".join("".join(c for c in folded if not is_invisible(c) or c.isspace()).split())


def staff_names(exclude=None):
    """The display names of staff: is_staff, superusers, moderators, site administrators."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415 - the user model is looked up once the apps are loaded
    from django.db.models import Q  # noqa: PLC0415 - the user model is looked up once the apps are loaded

    from .constants import Role  # noqa: PLC0415 - the user model is looked up once the apps are loaded

    staff_roles = [Role.MODERATOR, Role.SITE_ADMIN]
    staff = get_user_model().objects.filter(
        Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=staff_roles)
    )
    if exclude is not None and exclude.pk is not None:
        staff = staff.exclude(pk=exclude.pk)
    return staff.values_list("name", flat=True).distinct()


def validate_not_staff_name(name, user=None):
    """Nobody takes a staff member's name (compared by `name_key`: case, full-width forms
    and spacing do not make a different name). Keeping one's own current name is fine."""
    key = name_key(name)
    if user is not None and user.pk is not None and name_key(user.name) == key:
        return
    if any(name_key(other) == key for other in staff_names(exclude=user)):
        raise ValidationError(
            _("That is the name of a member of the staff. Please use your own name."),
            code="staff_name",
        )
