"""The tapestry as CSV (/assessment/tapestry.csv): the published organizations the
filters show, every page of them, at most MAX_ROWS, with the score of each feature.

Never an unpublished organization: the rows come from `tapestry.listed()`, which keeps
the published ones only, whatever the filters. Cells go through core.tables (formula
injection is neutralised there); the date assessed is an ISO date in the reader's time
zone; what is not known is an empty cell. Two queries whatever the number of rows: the
organizations with their latest result, and those results' scores.
"""

from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from accounts.constants import PROGRAMME_COUNTRY_CHOICES

from .classification import Classification
from .constants import FEATURES, Formality, OrgType
from .models import FeatureScore
from .questionnaire import FEATURE_NAMES
from .tapestry import labels, listed

MAX_ROWS = 10_000  # beyond it the export is refused: the reader narrows the filters


class TooMany(Exception):
    """More than MAX_ROWS organizations match."""


def header():
    return [
        _("Name"),
        _("Country"),
        _("Type"),
        _("Formal or informal"),
        _("Year founded"),
        _("Members"),
        _("Classification"),
        _("Date assessed"),
        *(
            _("Feature %(number)s: %(name)s (score, %%)") % {"number": n, "name": FEATURE_NAMES[n]}
            for n in FEATURES
        ),
    ]


def feature_scores(organizations):
    """{assessment id: {feature: score}} of the latest results of `organizations` (a
    queryset), in one query (the organizations as a subquery, not thousands of ids)."""
    scores = {}
    rows = FeatureScore.objects.filter(
        assessment__in=organizations.order_by().values("latest_assessment")
    ).values_list("assessment_id", "feature", "score")
    for assessment_id, feature, score in rows:
        scores.setdefault(assessment_id, {})[feature] = score
    return scores


FIELDS = (
    "name",
    "country",
    "org_type",
    "formality",
    "year_founded",
    "members_count",
    "latest_assessment_id",
    "latest_assessment__classification",
    "latest_assessment__submitted_at",
)


def tapestry_rows(filtered, zone):
    """(header, rows) of the published organizations of `filtered` in the list's order;
    TooMany past MAX_ROWS (checked on the rows fetched, MAX_ROWS + 1 at most). Plain
    tuples, not models: an export of thousands of rows builds no object per row."""
    organizations = listed(filtered)
    fetched = list(organizations.values_list(*FIELDS)[: MAX_ROWS + 1])
    if len(fetched) > MAX_ROWS:
        raise TooMany
    scores = feature_scores(organizations)
    countries, types = labels(PROGRAMME_COUNTRY_CHOICES), labels(OrgType.choices)
    formalities, classifications = labels(Formality.choices), labels(Classification.choices)
    local = ZoneInfo(zone)
    rows = []
    for name, country, org_type, formality, year, members, latest, classification, at in fetched:
        own = scores.get(latest, {})
        rows.append(
            [
                name,
                countries.get(country, country),
                types.get(org_type, org_type),
                formalities.get(formality, formality),
                _blank(year),
                _blank(members),
                classifications.get(classification, classification),
                at.astimezone(local).date().isoformat(),
                *(_blank(own.get(n)) for n in FEATURES),
            ]
        )
    return header(), rows


def _blank(value):
    return "" if value is None else value
