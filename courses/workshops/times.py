"""Times as a reader sees them: in their own time zone, with the workshop's beside it.

The reader's zone is their profile's time zone, else their country's main zone
(accounts.constants.COUNTRY_TIME_ZONES), else UTC (anonymous readers). Pages, e-mails and
reminders all format times here, so "Tue 3 Mar, 09:00 (your time) · 09:00 Asia/Bangkok"
reads the same everywhere.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.constants import COUNTRY_TIME_ZONES

DASH = "\N{EN DASH}"


@lru_cache(maxsize=256)
def zone(name):
    """The ZoneInfo called `name`, or UTC when it is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def reader_zone_name(user):
    """The zone `user` reads times in (a name such as "Asia/Tokyo")."""
    if user is None or not getattr(user, "is_authenticated", False):
        return "UTC"
    for name in (user.time_zone, COUNTRY_TIME_ZONES.get(user.country, "")):
        if name == "UTC" or (name and zone(name) is not UTC):
            return name
    return "UTC"


def _day_and_time(value):
    # Translators: a date and time in a workshop's listing (Django date format), e.g.
    # "Tue 3 Mar, 09:00"; reorder for your language.
    return dateformat.format(value, pgettext("workshop time", "D j M Y, H:i"))


def _time(value):
    # Translators: a time of day (Django date format), e.g. "09:00".
    return dateformat.format(value, pgettext("workshop time", "H:i"))


class _ShownTwice:
    """ "<reader's time> (your time) · <workshop's time> <zone>", or one time when the two
    zones agree; an anonymous reader's zone is named instead of "your time"."""

    def __str__(self):
        if self.same_zone:
            return f"{self.reader_text} {self.own_zone}"
        reader = (
            _("%(time)s (your time)") % {"time": self.reader_text}
            if self.personal
            else f"{self.reader_text} {self.reader_zone}"
        )
        return f"{reader} · {self.own_text} {self.own_zone}"


@dataclass(frozen=True)
class When(_ShownTwice):
    """One moment, as the reader and as the workshop see it."""

    utc: datetime
    reader: datetime
    own: datetime
    reader_zone: str
    own_zone: str
    personal: bool  # the reader's zone is their own (not the UTC of an anonymous reader)

    @property
    def iso(self):
        return self.utc.isoformat()

    @property
    def same_zone(self):
        return self.reader.utcoffset() == self.own.utcoffset()

    @property
    def reader_text(self):
        return _day_and_time(self.reader)

    @property
    def own_text(self):
        """The workshop's local time: the time alone when it falls on the reader's day."""
        if self.own.date() == self.reader.date():
            return _time(self.own)
        return _day_and_time(self.own)


def when(value, *, reader_zone, own_zone, personal=True):
    """`value` (an aware datetime) for a reader in `reader_zone` at a workshop in
    `own_zone` (zone names)."""
    return When(
        utc=value.astimezone(UTC),
        reader=value.astimezone(zone(reader_zone)),
        own=value.astimezone(zone(own_zone)),
        reader_zone=reader_zone,
        own_zone=own_zone,
        personal=personal,
    )


def for_reader(user):
    """A function turning a workshop's datetime into a When for `user`:
    `show = for_reader(request.user); show(session.starts_at, workshop)`."""
    name = reader_zone_name(user)
    personal = bool(user is not None and getattr(user, "is_authenticated", False))

    def show(value, workshop):
        if value is None:
            return None
        return when(value, reader_zone=name, own_zone=workshop.time_zone, personal=personal)

    return show


@dataclass(frozen=True)
class Span(_ShownTwice):
    """A session's start and end for a reader: "Tue 3 Mar 2027, 11:00-14:00 (your time)
    · 09:00-12:00 Asia/Bangkok" (with an en dash); each side's end shows its date only
    when it falls on another day than its start."""

    starts: When
    ends: When

    @staticmethod
    def _side(start, end):
        if start.date() == end.date():
            return f"{_day_and_time(start)}{DASH}{_time(end)}"
        return f"{_day_and_time(start)} {DASH} {_day_and_time(end)}"

    @property
    def reader_text(self):
        return self._side(self.starts.reader, self.ends.reader)

    @property
    def own_text(self):
        start, end = self.starts.own, self.ends.own
        if start.date() == self.starts.reader.date() and end.date() == start.date():
            return f"{_time(start)}{DASH}{_time(end)}"
        return self._side(start, end)

    @property
    def same_zone(self):
        return self.starts.same_zone and self.ends.same_zone

    @property
    def personal(self):
        return self.starts.personal

    @property
    def reader_zone(self):
        return self.starts.reader_zone

    @property
    def own_zone(self):
        return self.starts.own_zone

    @property
    def iso(self):
        return self.starts.iso


def span(starts, ends):
    """The Span of two Whens (from the same `for_reader`)."""
    return Span(starts=starts, ends=ends)
