"""The activities a reader's filters show, as the rows of a CSV or XLSX export
(/activities/export.csv, .xlsx): every page of them, at most MAX_ROWS.

Cells go through core.tables (formula injection is neutralised there); dates are ISO
8601; a missing date is an empty cell. Two queries whatever the number of rows: the
activities with their indicator count, and their owners.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.constants import Constituency

from .constants import Kind, Status
from .models import COUNTRY_CHOICES, Activity, Indicator

MAX_ROWS = 5000  # beyond it the export is refused: the reader narrows the filters


class TooMany(Exception):
    """More than MAX_ROWS activities match."""


def header():
    return [
        _("ID"),
        _("Country"),
        _("Type"),
        _("Title"),
        _("Status"),
        _("Planned start"),
        _("Planned end"),
        _("Actual start"),
        _("Actual end"),
        _("Lead organization"),
        _("Constituencies involved"),
        _("Owners"),
        _("Indicators"),
        _("Address"),
    ]


def with_indicator_count(activities):
    """`activities` with `indicator_count` (a subquery, so the rows stay one per
    activity)."""
    indicators = (
        Indicator.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(n=Count("id"))
        .values("n")
    )
    return activities.annotate(
        indicator_count=Coalesce(Subquery(indicators, output_field=IntegerField()), 0)
    )


def owner_names(activities):
    """{activity id: [owner names, by name]} of `activities` (a queryset) in one query:
    plain tuples (a prefetch would build a user for every owner of every row), the
    activities as a subquery (not thousands of ids sent back)."""
    names = defaultdict(list)
    rows = (
        Activity.owners.through.objects.filter(activity__in=activities.order_by().values("pk"))
        .order_by("user__name", "user_id")
        .values_list("activity_id", "user__name")
    )
    for activity_id, name in rows:
        names[activity_id].append(name)
    return names


def activity_rows(activities):
    """(header, rows) of `activities` in their order; TooMany past MAX_ROWS (checked on
    the rows fetched, MAX_ROWS + 1 at most: no separate count)."""
    fetched = list(with_indicator_count(activities.defer("description_html"))[: MAX_ROWS + 1])
    if len(fetched) > MAX_ROWS:
        raise TooMany
    owners = owner_names(activities)  # all of them: there are no more than fetched
    # The labels translated once, not once a row (get_FOO_display translates every choice).
    countries, kinds, statuses, constituencies = (
        {code: str(label) for code, label in choices}
        for choices in (COUNTRY_CHOICES, Kind.choices, Status.choices, Constituency.choices)
    )
    # An activity's address is this prefix and its id (reverse() once, not once a row).
    prefix = settings.SITE_URL + reverse("activity", args=[0]).removesuffix("0/")
    rows = [
        [
            activity.pk,
            countries.get(activity.country, activity.country),
            kinds.get(activity.kind, activity.kind),
            activity.title,
            statuses.get(activity.status, activity.status),
            _iso(activity.planned_start),
            _iso(activity.planned_end),
            _iso(activity.actual_start),
            _iso(activity.actual_end),
            activity.lead_organization,
            "; ".join(
                constituencies[code]
                for code in activity.constituency_list
                if code in constituencies
            ),
            "; ".join(owners.get(activity.pk, ())),
            activity.indicator_count,
            f"{prefix}{activity.pk}/",
        ]
        for activity in fetched
    ]
    return header(), rows


def _iso(day):
    return day.isoformat() if day else ""
