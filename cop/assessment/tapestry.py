"""The regional tapestry: the published organizations, a page at a time, and the
aggregates per country over every assessed organization (README, "Self-assessment").

What it promises, whatever the data:
- An organization is named only if it publishes its results (`Organization.objects
  .published()`); the aggregates count the unpublished ones too, never by name.
- A group (a country, or the region) of fewer than `MIN_GROUP` assessed organizations
  shows "Too few to show" and carries no figure at all (`Group.shown` false: its counts
  are not even on the object a template gets).
- The region's figures add up the countries shown, and only them: were the small
  countries in the region's total, the total minus the countries shown would give their
  figures back (a country of two would be "too few" in its row, and two in the sum).
- A constant number of queries: the aggregates two GROUP BY queries, the list its count
  and its page, the page's feature scores one more.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Value, When

from accounts.constants import PROGRAMME_COUNTRIES, PROGRAMME_COUNTRY_CHOICES

from .classification import Classification
from .constants import MIN_GROUP, Band, OrgType
from .models import FeatureScore, Organization
from .questionnaire import FEATURE_NAMES
from .scoring import needs_work

MOST_MISSING = 3  # the features a group shows as most often weak or missing
NEEDS_WORK_BANDS = [band for band in Band.values if needs_work(band)]
COUNTRY_ORDER = {country.value: n for n, country in enumerate(PROGRAMME_COUNTRIES)}


@dataclass(frozen=True)
class Feature:
    number: int
    name: str
    count: int | None = None  # in an aggregate: how many organizations

    def __str__(self):
        return f"{self.number}. {self.name}"


@dataclass
class Group:
    """A country's (or, with code "", the region's) aggregates. When `shown` is false
    every figure is None: nothing lets a reader work one out."""

    code: str
    name: str
    shown: bool
    assessed: int | None = None
    classified: list = field(default_factory=list)  # [(Classification, label, count)]
    missing: list = field(default_factory=list)  # [Feature with count], most often first


def labels(choices):
    """{value: label} translated once (get_FOO_display translates every choice, each
    time it is called)."""
    return {value: str(label) for value, label in choices}


def feature_names():
    return {number: str(name) for number, name in FEATURE_NAMES.items()}


def scoped(queryset, *, country=None, org_type=None):
    if country:
        queryset = queryset.filter(country=country)
    if org_type:
        queryset = queryset.filter(org_type=org_type)
    return queryset


def _group(code, name, by_class, by_feature, names):
    assessed = sum(by_class.values())
    if assessed < MIN_GROUP:
        return Group(code, name, shown=False)
    classified = [(c.value, str(c.label), by_class.get(c.value, 0)) for c in Classification]
    missing = sorted(
        (Feature(number, names[number], count) for number, count in by_feature.items() if count),
        key=lambda feature: (-feature.count, feature.number),
    )[:MOST_MISSING]
    return Group(code, name, True, assessed, classified, missing)


def aggregates(*, country=None, org_type=None):
    """(the countries' groups in PROGRAMME_COUNTRIES order, the region's group) over
    every organization with a latest result in the scope; the region is None when one
    country is asked for (it would be that country again). Two queries."""
    assessed = scoped(Organization.objects.assessed(), country=country, org_type=org_type)
    classes = {}
    for code, classification, count in (
        assessed.values("country", "latest_assessment__classification")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("country", "latest_assessment__classification", "n")
    ):
        classes.setdefault(code, Counter())[classification] += count
    features = {}
    for code, feature, count in (
        assessed.filter(latest_assessment__scores__band__in=NEEDS_WORK_BANDS)
        .values("country", "latest_assessment__scores__feature")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("country", "latest_assessment__scores__feature", "n")
    ):
        features.setdefault(code, Counter())[feature] += count
    names = feature_names()
    codes = [country] if country else list(COUNTRY_ORDER)
    countries = labels(PROGRAMME_COUNTRY_CHOICES)
    groups = [
        _group(code, countries[code], classes.get(code, {}), features.get(code, {}), names)
        for code in codes
    ]
    if country:
        return groups, None
    # The region adds up the countries shown only (the module's docstring says why).
    region_classes, region_features = Counter(), Counter()
    for group in groups:
        if group.shown:
            region_classes.update(classes[group.code])
            region_features.update(features.get(group.code, {}))
    region = _group("", "", region_classes, region_features, names)
    return groups, region


def in_country_order(organizations):
    """`organizations` by country (in PROGRAMME_COUNTRIES order), then name."""
    order = Case(
        *(When(country=code, then=Value(n)) for code, n in COUNTRY_ORDER.items()),
        default=Value(len(COUNTRY_ORDER)),
        output_field=IntegerField(),
    )
    return organizations.alias(country_order=order).order_by("country_order", "name", "id")


def listed(filtered):
    """The published organizations of `filtered` (a queryset of organizations), ordered
    for the list, with their latest result (one query when evaluated)."""
    return in_country_order(
        filtered.published()
        .select_related("latest_assessment")
        .defer("latest_assessment__conditions_met")
    )


def label_rows(organizations):
    """Put on each organization (a page of `listed()`) what its card shows: the
    labels of its country, type and classification, and the features it practises and
    those weak or missing (Feature objects). One query, for the page's feature scores."""
    organizations = list(organizations)
    scores = {}
    for assessment_id, feature, band in FeatureScore.objects.filter(
        assessment_id__in=[org.latest_assessment_id for org in organizations]
    ).values_list("assessment_id", "feature", "band"):
        scores.setdefault(assessment_id, []).append((feature, band))
    countries, types = labels(PROGRAMME_COUNTRY_CHOICES), labels(OrgType.choices)
    classifications, names = labels(Classification.choices), feature_names()
    for org in organizations:
        assessment = org.latest_assessment
        org.country_label = countries.get(org.country, org.country)
        org.type_label = types.get(org.org_type, org.org_type)
        org.classification_label = classifications.get(assessment.classification, "")
        own = sorted(scores.get(org.latest_assessment_id, ()))
        org.practised = [Feature(n, names[n]) for n, band in own if band == Band.PRACTISED]
        org.needs_work = [Feature(n, names[n]) for n, band in own if needs_work(band)]
    return organizations
