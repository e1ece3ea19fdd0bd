"""The activities a reader's filters show, as the rows of a CSV or XLSX export
(/activities/export.csv, .xlsx): every page of them, at most MAX_ROWS.

Cells go through core.tables (formula injection is neutralised there); dates are ISO
8601; a missing date is an empty cell. Two queries whatever the number of rows: the
activities with their indicator count, and their owners.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accounts.constants import Constituency

from .models import COUNTRY_CHOICES, Indicator

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


def with_export_fields(activities):
    """`activities` with what a row shows: the indicator count (a subquery, so the rows
    stay one per activity) and the owners' names (one prefetch query)."""
    indicators = (
        Indicator.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(n=Count("id"))
        .values("n")
    )
    owners = get_user_model().objects.only("id", "name").order_by("name", "id")
    return activities.annotate(
        indicator_count=Coalesce(Subquery(indicators, output_field=IntegerField()), 0)
    ).prefetch_related(Prefetch("owners", queryset=owners))


def activity_rows(activities):
    """(header, rows) of `activities` in their order; TooMany past MAX_ROWS (checked on
    the rows fetched, MAX_ROWS + 1 at most: no separate count)."""
    fetched = list(with_export_fields(activities)[: MAX_ROWS + 1])
    if len(fetched) > MAX_ROWS:
        raise TooMany
    countries = dict(COUNTRY_CHOICES)
    constituencies = dict(Constituency.choices)
    rows = [
        [
            activity.pk,
            str(countries.get(activity.country, activity.country)),
            activity.get_kind_display(),
            activity.title,
            activity.get_status_display(),
            _iso(activity.planned_start),
            _iso(activity.planned_end),
            _iso(activity.actual_start),
            _iso(activity.actual_end),
            activity.lead_organization,
            "; ".join(
                str(constituencies[code])
                for code in activity.constituency_list
                if code in constituencies
            ),
            "; ".join(owner.name for owner in activity.owners.all()),
            activity.indicator_count,
            settings.SITE_URL + activity.get_absolute_url(),
        ]
        for activity in fetched
    ]
    return header(), rows


def _iso(day):
    return day.isoformat() if day else ""
