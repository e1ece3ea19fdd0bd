"""Reporting periods: calendar quarters, written "2026-Q4" in URLs, forms and exports."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")
FIRST_YEAR = 2020  # the programme began in 2021; nothing is reported before


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int

    @classmethod
    def of(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls):
        return cls.of(timezone.localdate())

    @classmethod
    def parse(cls, text):
        """ "2026-Q4" -> Period(2026, 4); ValueError (with a message a person reads) for
        anything else, or a year out of range."""
        match = PATTERN.match(text or "")
        if not match or not FIRST_YEAR <= int(match[1]) <= 2100:
            raise ValueError(_("A period is written like 2026-Q4."))
        return cls(int(match[1]), int(match[2]))

    @property
    def start(self):
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self):
        return self.next().start - timedelta(days=1)

    def next(self):
        return Period(self.year + self.quarter // 4, self.quarter % 4 + 1)

    def previous(self):
        return Period(self.year - (self.quarter == 1), (self.quarter - 2) % 4 + 1)

    def __str__(self):
        return f"{self.year}-Q{self.quarter}"

    @property
    def label(self):
        return _("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}


def recent(count=8, until=None):
    """The `count` quarters up to `until` (default: the current one), latest first."""
    period = until or Period.current()
    out = []
    for _i in range(count):
        out.append(period)
        period = period.previous()
    return out


def since(period):
    """Rows with `year` and `quarter` fields from `period` on (a Q for a filter)."""
    return Q(year__gt=period.year) | Q(year=period.year, quarter__gte=period.quarter)
