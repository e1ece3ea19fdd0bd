"""The filters of /activities/ and its exports (django-filter): country (an ISO code, or
`regional`), status, type (`kind`), constituency, period (`2026-Q4`: the planned or the
actual dates overlap the quarter), text (`q`: every word in the title, the description or
the lead organization) and `drafts=1` (the drafts of the countries one manages).

A value the form does not accept is left out and reported (the page answers 400 with the
field's error); it never fails the page. The filters only narrow what the view gives
them: the view starts from `permissions.visible(user, ...)`, so no filter reaches a row
its reader may not see.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constants import PROGRAMME_COUNTRY_CHOICES, Constituency

from .constants import REGIONAL, Kind, Status
from .periods import Period

REGIONAL_PARAM = "regional"  # how `?country=` names the regional activities
MAX_WORDS = 8  # of `q`: enough for a title, few enough to keep the query small


def country_code(param):
    """`?country=` as stored: an ISO code, or "" for `regional`."""
    return REGIONAL if param == REGIONAL_PARAM else param


class PeriodField(forms.CharField):
    """A quarter as `2026-Q4` (periods.Period)."""

    widget = forms.TextInput(attrs={"placeholder": "2026-Q4", "pattern": r"\d{4}-Q[1-4]"})

    def to_python(self, value):
        value = super().to_python(value).strip().upper()
        if not value:
            return None
        try:
            return Period.parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class PeriodFilter(django_filters.Filter):
    field_class = PeriodField


def overlapping(period, today=None):
    """Activities whose planned or actual dates overlap `period`.

    A span with one date only is that day (a planned date not yet given an end). An
    actual start with no actual end is an activity still going on: it overlaps every
    quarter from its start up to today's.
    """
    start, end = period.start, period.end
    today = today or timezone.localdate()
    planned = (
        Q(planned_start__lte=end, planned_end__gte=start)
        | Q(planned_start__range=(start, end), planned_end__isnull=True)
        | Q(planned_start__isnull=True, planned_end__range=(start, end))
    )
    actual = Q(actual_start__lte=end, actual_end__gte=start) | Q(
        actual_start__isnull=True, actual_end__range=(start, end)
    )
    if start <= today:
        actual |= Q(actual_start__lte=end, actual_end__isnull=True)
    return planned | actual


class ActivityFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=[*PROGRAMME_COUNTRY_CHOICES, (REGIONAL_PARAM, _("Regional"))],
        method="filter_country",
        empty_label=_("All countries"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Every status")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=Kind.choices, empty_label=_("Every type")
    )
    constituency = django_filters.ChoiceFilter(
        label=_("Constituency involved"),
        choices=Constituency.choices,
        method="filter_constituency",
        empty_label=_("Any constituency"),
    )
    period = PeriodFilter(label=_("Quarter"), method="filter_period")
    q = django_filters.CharFilter(
        label=_("Words"), method="filter_words", max_length=200, strip=True
    )
    drafts = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[("1", _("Drafts (of the countries you manage)"))],
        method="filter_drafts",
        empty_label=_("Published activities"),
    )

    class Meta:
        fields = ()  # all declared above; `Meta.model` is not needed with a queryset

    def __init__(self, *args, may_see_drafts=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_see_drafts:
            # Only those who manage a country are offered its drafts; the view answers
            # 404 to anyone else who asks (views/overview.py).
            self.form.fields.pop("drafts")

    def filter_country(self, queryset, name, value):
        return queryset.in_country(country_code(value))

    def filter_constituency(self, queryset, name, value):
        return queryset.filter(constituencies__contains=f",{value},")

    def filter_period(self, queryset, name, value):
        return queryset.filter(overlapping(value))

    def filter_words(self, queryset, name, value):
        for word in value.split()[:MAX_WORDS]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(lead_organization__icontains=word)
            )
        return queryset

    def filter_drafts(self, queryset, name, value):
        # The view narrowed `queryset` to the countries the reader manages already.
        return queryset

    @property
    def active(self):
        """The filters in use (valid ones), for the page to say what it shows."""
        if not self.is_bound or not hasattr(self.form, "cleaned_data"):
            return {}
        return {key: value for key, value in self.form.cleaned_data.items() if value}
