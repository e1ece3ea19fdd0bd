"""The regional board of /activities/: activities by country and status, indicator
progress against target per country, and what changed this month, for the activities a
reader's filters show.

Four queries whatever the number of activities, indicators or values: the highest event
id (where the live script's replay starts), one GROUP BY for the counts, one row per
indicator with its actual (two subqueries over its quarterly totals) for the progress,
one for the month's latest events. `progress()` is the one
definition of an indicator's progress; everything else here adds up what it returns.
"""

import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from accounts.constants import PROGRAMME_COUNTRY_CHOICES

from .constants import REGIONAL, Aggregation, EventKind, ReportStatus, Status
from .models import COUNTRY_CHOICES, Event, Indicator, IndicatorValue
from .periods import Period

CHANGES_SHOWN = 10
# The board's rows: the twelve programme countries in the programme's order, then the
# regional activities.
BOARD_COUNTRIES = [*(code for code, _label in PROGRAMME_COUNTRY_CHOICES), REGIONAL]
COUNTRY_NAMES = dict(COUNTRY_CHOICES)


def actual_value(aggregation, totals):
    """An indicator's actual from its quarterly totals (the values with no sex and no
    constituency), `totals` as {Period: value}: their sum (Aggregation.SUM: people
    trained, quarter after quarter) or the latest quarter's (Aggregation.LATEST: a level
    reached); None when nothing is reported. The board's query adds them up the same way
    in SQL (`indicator_progress`)."""
    if not totals:
        return None
    if aggregation == Aggregation.LATEST:
        return Decimal(totals[max(totals)])
    return sum((Decimal(value) for value in totals.values()), Decimal(0))


def progress(aggregation, baseline, target, actual):
    """How far an indicator has come towards its target, from 0 to 1; None (no bar)
    when it cannot be said.

    actual / target for a sum, (actual - baseline) / (target - baseline) for a latest
    level, clipped to 0..1; nothing reported yet (`actual` None) is 0. None for a target
    of 0, and for a latest level whose target is its baseline.
    """
    target, baseline = Decimal(target), Decimal(baseline)
    if target == 0 or (aggregation == Aggregation.LATEST and target == baseline):
        return None
    if actual is None:
        return 0.0
    if aggregation == Aggregation.LATEST:
        # A level may also be meant to fall (a target below the baseline): the same ratio.
        share = (Decimal(actual) - baseline) / (target - baseline)
    else:
        share = Decimal(actual) / target
    return float(min(max(share, Decimal(0)), Decimal(1)))


@dataclass
class CountryRow:
    code: str
    name: str
    counts: list  # one per Status, in Status order
    total: int = 0


@dataclass
class ProgressRow:
    code: str
    name: str
    indicators: int = 0  # with a bar (a target progress can be measured against)
    reached: int = 0  # at their target
    shares: list = field(default_factory=list)

    @property
    def share(self):
        return sum(self.shares) / len(self.shares) if self.shares else None

    @property
    def percent(self):
        share = self.share
        return None if share is None else round(share * 100)


@dataclass
class Change:
    event: Event
    label: str  # what happened, from EventKind (and the statuses or the report's state)
    title: str
    url: str
    country: str
    detail: str = ""


def status_counts(activities, countries=None):
    """Rows of activities by country and status, every country of `countries` (default:
    the twelve and Regional) shown even with none, and the totals row. One query."""
    countries = BOARD_COUNTRIES if countries is None else countries
    statuses = list(Status.values)
    found = {
        (row["country"], row["status"]): row["n"]
        for row in activities.order_by().values("country", "status").annotate(n=Count("id"))
    }
    rows = []
    for code in countries:
        counts = [found.get((code, status), 0) for status in statuses]
        rows.append(CountryRow(code, COUNTRY_NAMES.get(code, code), counts, sum(counts)))
    totals = [sum(row.counts[n] for row in rows) for n in range(len(statuses))]
    return rows, CountryRow("", "", totals, sum(totals))


def _quarter_totals(until=None):
    """The values that are an indicator's quarterly totals (up to `until`'s end)."""
    totals = IndicatorValue.objects.filter(indicator=OuterRef("pk"), sex="", constituency="")
    if until is not None:
        totals = totals.filter(
            Q(year__lt=until.year) | Q(year=until.year, quarter__lte=until.quarter)
        )
    return totals.order_by()


def indicator_progress(activities, countries=None, until=None):
    """Per country of `countries`, the progress of the indicators of `activities`, their
    values counted up to the end of `until` (a Period; default: all). One query: a row
    per indicator with the sum of its quarterly totals and its latest quarter's total
    (subqueries), which are `actual_value`'s two answers."""
    countries = BOARD_COUNTRIES if countries is None else countries
    decimal = DecimalField(max_digits=20, decimal_places=2)
    totals = _quarter_totals(until)
    summed = totals.values("indicator").annotate(s=Sum("value")).values("s")
    latest = totals.order_by("-year", "-quarter").values("value")[:1]
    rows = (
        Indicator.objects.filter(activity__in=activities.order_by().values("pk"))
        .order_by()
        .annotate(
            summed=Subquery(summed, output_field=decimal),
            latest=Subquery(latest, output_field=decimal),
        )
        .values_list("activity__country", "aggregation", "baseline", "target", "summed", "latest")
    )
    by_country = {code: ProgressRow(code, COUNTRY_NAMES.get(code, code)) for code in countries}
    for country, aggregation, baseline, target, summed, latest in rows:
        row = by_country.get(country)
        actual = latest if aggregation == Aggregation.LATEST else summed
        share = progress(aggregation, baseline, target, actual)
        if row is None or share is None:
            continue
        row.indicators += 1
        row.reached += share >= 1
        row.shares.append(share)
    return [by_country[code] for code in countries]


def month_start(zone):
    """The first moment of this calendar month in `zone` (a name, or a tzinfo)."""
    if isinstance(zone, str):
        zone = zoneinfo.ZoneInfo(zone)
    now = timezone.localtime(timezone.now(), zone)
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def changes(activities, zone, countries=None, reports=True, limit=CHANGES_SHOWN):
    """The `limit` latest events of this calendar month (in the reader's `zone`) about
    `activities`, and, when `reports`, the quarterly reports of `countries` (default:
    all). One query."""
    scope = Q(activity__in=activities.order_by().values("pk"))
    if reports:
        report_events = Q(activity__isnull=True, kind=EventKind.REPORT)
        if countries is not None:
            report_events &= Q(country__in=countries)
        scope |= report_events
    events = (
        Event.objects.filter(scope, created_at__gte=month_start(zone))
        .select_related("activity")
        .order_by("-id")[:limit]
    )
    return [_change(event) for event in events]


def _change(event):
    kinds, statuses = dict(EventKind.choices), dict(Status.choices)
    label = kinds.get(event.kind, event.kind)
    country = COUNTRY_NAMES.get(event.country, event.country)
    payload = event.payload or {}
    if event.activity is None:
        report = payload.get("report") or {}
        period = _period(report.get("period"))
        state = dict(ReportStatus.choices).get(report.get("status"), "")
        detail = ": ".join(str(part) for part in (period.label if period else "", state) if part)
        return Change(event, label, "", "", country, detail)
    detail = ""
    if event.kind == EventKind.STATUS or (
        event.kind == EventKind.UPDATE and (payload.get("update") or {}).get("status_after")
    ):
        before = statuses.get(payload.get("status_before"), "")
        after = statuses.get((payload.get("activity") or {}).get("status"), "")
        detail = f"{before} → {after}" if before and after else after
    activity = event.activity
    return Change(event, label, activity.title, activity.get_absolute_url(), country, detail)


def _period(text):
    try:
        return Period.parse(text)
    except ValueError:
        return None


@dataclass
class Board:
    counts: list
    totals: CountryRow
    progress: list
    changes: list
    last_event: int  # the highest event id before the board was read (0: none)
    statuses: list = field(default_factory=lambda: list(Status.choices))

    @property
    def has_progress(self):
        return any(row.indicators for row in self.progress)

    @property
    def measured(self):
        """The progress rows of the countries with at least one indicator measured."""
        return [row for row in self.progress if row.indicators]

    @property
    def unmeasured(self):
        return [row for row in self.progress if not row.indicators]

    @property
    def status_totals(self):
        """(code, label, count) of every status some activity has, for the summary line."""
        return [
            (code, label, count)
            for (code, label), count in zip(self.statuses, self.totals.counts, strict=True)
            if count
        ]


def build(activities, zone, countries=None, until=None, reports=True):
    """The board for `activities` (what the reader's filters show): four queries.

    The highest event id is read first: the live script replays what came after it, so
    an event stored while the board is read is told again rather than missed."""
    last_event = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
    counts, totals = status_counts(activities, countries)
    return Board(
        counts=counts,
        totals=totals,
        progress=indicator_progress(activities, countries, until),
        changes=changes(activities, zone, countries, reports),
        last_event=last_event,
    )
