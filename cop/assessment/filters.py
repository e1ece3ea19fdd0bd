"""The filters of the regional tapestry, /assessment/tapestry/, and its CSV export
(django-filter): country (an ISO code), type, classification, a feature practised (1 to
7: its latest score is in the band "practised") and `q`, words of the name (every one).

As on the workshops' and the activities' lists, a value the form does not accept is left
out and reported: the page answers 400 with the field's error, and shows what the other
filters select; it never fails. The filters only narrow what the view gives them (the
published organizations for the list, every assessed one for the aggregates), so no
filter reaches an organization its reader may not see.

The aggregates follow the country and type filters only (`AGGREGATE_FILTERS`): a
classification or a feature filter would make every group "too few to show", and the
name filter would let a reader count organizations by guessing their names.
"""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from accounts.constants import PROGRAMME_COUNTRY_CHOICES

from .classification import Classification
from .constants import FEATURES, Band, OrgType
from .models import FeatureScore
from .questionnaire import FEATURE_NAMES

MAX_WORDS = 8  # of `q`: enough for a name, few enough to keep the query small
AGGREGATE_FILTERS = ("country", "org_type")


def feature_choices():
    return [(str(n), f"{n}. {FEATURE_NAMES[n]}") for n in FEATURES]


def practising(feature):
    """The condition "its latest result practises `feature`" (a subquery, not a join,
    so an organization stays one row)."""
    return Exists(
        FeatureScore.objects.filter(
            assessment=OuterRef("latest_assessment"), feature=feature, band=Band.PRACTISED
        )
    )


class TapestryFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=PROGRAMME_COUNTRY_CHOICES, empty_label=_("All countries")
    )
    org_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=OrgType.choices, empty_label=_("Every type")
    )
    classification = django_filters.ChoiceFilter(
        label=_("Classification"),
        choices=Classification.choices,
        field_name="latest_assessment__classification",
        empty_label=_("Every classification"),
    )
    feature = django_filters.ChoiceFilter(
        label=_("Practises the feature"),
        choices=feature_choices,
        method="filter_feature",
        empty_label=_("Any feature"),
    )
    q = django_filters.CharFilter(
        label=_("Name contains"), method="filter_words", max_length=200, strip=True
    )

    class Meta:
        fields = ()  # all declared above; `Meta.model` is not needed with a queryset

    def filter_feature(self, queryset, name, value):
        return queryset.filter(practising(int(value)))

    def filter_words(self, queryset, name, value):
        for word in value.split()[:MAX_WORDS]:
            queryset = queryset.filter(name__icontains=word)
        return queryset

    @property
    def valid(self):
        return not self.is_bound or self.is_valid()

    @property
    def active(self):
        """The filters in use (valid ones), for the page to say what it shows."""
        if not self.is_bound:
            return {}
        self.form.is_valid()  # cleans the form once; the invalid fields are left out
        return {key: value for key, value in self.form.cleaned_data.items() if value}

    def aggregate_scope(self):
        """The valid country and type filters: {"country": "KH", "org_type": ...}."""
        active = self.active
        return {key: active[key] for key in AGGREGATE_FILTERS if key in active}
