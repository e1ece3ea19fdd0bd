"""Times as a reader sees them: in one zone, in one format, the same from the server and
from the browser.

- The zone (`reader_zone`): the profile's, else the country's, else UTC for an anonymous
  reader, whose page static/js/time.js rewrites in the browser's own zone.
- The format: the active language's DATETIME_FORMAT and DATE_FORMAT (Django's format
  modules, core/formats/<lang>/formats.py). static/js/time.js reads the same patterns and
  the month and day names from the page (`client_settings`, printed once by
  `{% time_settings %}`), so a time the script prints reads exactly as the server's.
- Relative times: "just now" under a minute, then minutes and hours in words (Django's
  translated naturaltime), and from a day on the date itself.

Templates print times with core/templatetags/times.py (`{% local_time %}`, `{% local_date %}`,
`{% time_ago %}`); a template wrapped in `{% timezone reader_zone %}` may still use `|date`.
"""

import zoneinfo
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from django.contrib.humanize.templatetags.humanize import NaturalTimeFormatter
from django.utils import dateformat, formats, timezone
from django.utils.dates import MONTHS, MONTHS_3, MONTHS_ALT, MONTHS_AP, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import get_language, gettext

SITE_ZONE = "UTC"

# The styles a template may ask for, and the Django format each one prints.
STYLES = {"datetime": "DATETIME_FORMAT", "date": "DATE_FORMAT"}

# The Django format characters static/js/time.js prints the same way; a format for an
# interface language may use only these (and backslash-escaped or non-letter text).
FORMAT_CHARACTERS = frozenset("djwDlmnMbFENyYHGhgisAaPe")


def reader_zone(user):
    """The name of the zone `user` reads times in ("Asia/Bangkok"; "UTC" when anonymous)."""
    if user is None or not user.is_authenticated:
        return SITE_ZONE
    return user.time_zone or user.default_time_zone


def is_personal(user):
    """Whether `user` has a zone of their own (else the browser's replaces the site's)."""
    return user is not None and user.is_authenticated


@lru_cache(maxsize=512)
def zone_info(name):
    """The ZoneInfo called `name`, or UTC when it is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def iso(value):
    """`value` as the HTML `datetime` attribute wants it: ISO 8601 in UTC, to the second
    ("2027-03-03T02:05:00Z"), or the day alone ("2027-03-03") for a date."""
    if not isinstance(value, datetime):
        return value.isoformat()
    if timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def format_time(value, zone, style="datetime"):
    """`value` (an aware datetime) in `zone` (a name), in the active language's format for
    `style` ("datetime" or "date"): "3 Mar 2027, 09:05". A date is printed as it is."""
    if value is None:
        return ""
    pattern = formats.get_format(STYLES[style])
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, UTC)
        value = value.astimezone(zone_info(zone))
    elif not isinstance(value, date):
        raise TypeError(f"not a date or datetime: {value!r}")
    return dateformat.format(value, pattern)


def just_now():
    """ "just now", translated; until a catalogue has it, Django's own translation of
    "now" (contrib.humanize), never the English words inside another language."""
    text = gettext("just now")
    if text == "just now" and not (get_language() or "en").startswith("en"):
        return gettext("now")
    return text


def relative(value, now=None):
    """`value` (an aware datetime in the past) said relative to now: "just now" under a
    minute (never "0 minutes ago"), "5 minutes ago", "3 hours ago"; None from a day on (the
    caller prints the date instead), and for a moment more than a minute ahead (a clock a
    little ahead is "just now")."""
    now = now or timezone.now()
    age = now - value
    if age >= timedelta(days=1) or age <= -timedelta(minutes=1):
        return None
    if age < timedelta(minutes=1):
        return just_now()
    # humanize's words, translated (its "N minutes ago"); it measures from its own now.
    return NaturalTimeFormatter.string_for(timezone.now() - age)


def _names(pattern):
    """The translated names the script needs to print `pattern` as Django does."""
    tables = {
        "M": lambda: [str(MONTHS_3[m]).title() for m in range(1, 13)],
        "b": lambda: [str(MONTHS_3[m]) for m in range(1, 13)],
        "F": lambda: [str(MONTHS[m]) for m in range(1, 13)],
        "E": lambda: [str(MONTHS_ALT[m]) for m in range(1, 13)],
        "N": lambda: [str(MONTHS_AP[m]) for m in range(1, 13)],
        "D": lambda: [str(WEEKDAYS_ABBR[d]) for d in range(7)],
        "l": lambda: [str(WEEKDAYS[d]) for d in range(7)],
        "A": lambda: [gettext("AM"), gettext("PM")],
        "a": lambda: [gettext("a.m."), gettext("p.m.")],
        "P": lambda: [gettext("a.m."), gettext("p.m."), gettext("midnight"), gettext("noon")],
    }
    names, escaped = {}, False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character in tables and character not in names:
            names[character] = tables[character]()
    return names


_AGO = {}


def _ago():
    """The server's own words for 1-59 minutes and 1-23 hours ago, in the active language
    (humanize's, exactly as relative() says them): the script prints these rather than the
    browser's Intl wording, so a live time reads as it will after a reload. Made once per
    language and process."""
    language = get_language() or "en"
    if language not in _AGO:
        now = timezone.now()
        _AGO[language] = {
            "minute": [relative(now - timedelta(minutes=n), now) for n in range(1, 60)],
            "hour": [relative(now - timedelta(hours=n), now) for n in range(1, 24)],
        }
    return _AGO[language]


def client_settings(user):
    """What static/js/time.js needs to print times as the server does, for `user` in the
    active language: the reader's zone (None: the browser's), the patterns, the names."""
    patterns = {style: formats.get_format(name) for style, name in STYLES.items()}
    names = {}
    for pattern in patterns.values():
        names.update(_names(pattern))
    return {
        "zone": reader_zone(user) if is_personal(user) else None,
        "formats": patterns,
        "names": names,
        "just_now": just_now(),
        "ago": _ago(),
    }
