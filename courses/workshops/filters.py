"""The filters of /workshops/ (django-filter): country (an ISO code, or `regional`),
language, mode, kind and month (`2027-03`: a session starts in that month, in the
reader's time zone). A value the form does not accept is ignored and reported; it never
fails the page."""

from datetime import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from accounts.constants import PROGRAMME_COUNTRY_CHOICES

from .constants import LANGUAGES, Kind, Mode
from .models import Session, WorkshopLanguage
from .times import zone

REGIONAL = "regional"
MONTH_FORMAT = "%Y-%m"


class MonthField(forms.CharField):
    """A month as `YYYY-MM` (what <input type="month"> sends)."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2027-03"})

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        try:
            month = datetime.strptime(value, MONTH_FORMAT)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a month as year and month, for example 2027-03."), code="invalid"
            ) from None
        if not 2000 <= month.year <= 2100:
            raise forms.ValidationError(_("Enter a month between 2000 and 2100."), code="range")
        return month.date()


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class WorkshopFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=[*PROGRAMME_COUNTRY_CHOICES, (REGIONAL, _("Regional"))],
        method="filter_country",
        empty_label=_("All countries"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=LANGUAGES,
        method="filter_language",
        empty_label=_("All languages"),
    )
    mode = django_filters.ChoiceFilter(
        label=_("Mode"), choices=Mode.choices, empty_label=_("All modes")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("All kinds")
    )
    month = MonthFilter(label=_("Month"), method="filter_month")

    def __init__(self, *args, reader_zone="UTC", **kwargs):
        self.reader_zone = reader_zone
        super().__init__(*args, **kwargs)

    def filter_country(self, queryset, name, value):
        return queryset.in_country("" if value == REGIONAL else value)

    def filter_language(self, queryset, name, value):
        # A subquery, not a join: the listing's annotations count sessions and
        # registrations, and a join would multiply their rows.
        spoken = WorkshopLanguage.objects.filter(workshop=OuterRef("pk"), language=value)
        return queryset.filter(Exists(spoken))

    def filter_month(self, queryset, name, value):
        local = zone(self.reader_zone)
        start = datetime(value.year, value.month, 1, tzinfo=local)
        year, month = (value.year + 1, 1) if value.month == 12 else (value.year, value.month + 1)
        end = datetime(year, month, 1, tzinfo=local)
        sessions = Session.objects.filter(
            workshop=OuterRef("pk"), starts_at__gte=start, starts_at__lt=end
        )
        return queryset.filter(Exists(sessions))

    @property
    def active(self):
        """The filters in use (valid ones), for the page to say what it shows."""
        if not self.is_bound or not hasattr(self.form, "cleaned_data"):
            return {}
        return {key: value for key, value in self.form.cleaned_data.items() if value}
