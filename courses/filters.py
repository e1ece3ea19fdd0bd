"""The filters of a course's coach report and its export (django-filter): the learners'
country and constituency (their profile's), and whether they completed the course.

A value the form does not accept is left out and reported (the page answers 400 with the
field's error); it never fails the page. The filters only narrow the learners the view
gives them, which are the course's.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.constants import Constituency, Country

COMPLETED, NOT_COMPLETED = "yes", "no"


class CoachReportFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="user__country",
        choices=Country.choices,
        empty_label=_("All countries"),
    )
    constituency = django_filters.ChoiceFilter(
        label=_("Constituency"),
        field_name="user__constituency",
        choices=Constituency.choices,
        empty_label=_("Any constituency"),
    )
    completed = django_filters.ChoiceFilter(
        label=_("Course"),
        choices=[(COMPLETED, _("Completed")), (NOT_COMPLETED, _("Not completed yet"))],
        method="filter_completed",
        empty_label=_("Completed or not"),
    )

    class Meta:
        fields = ()  # all declared above; `Meta.model` is not needed with a queryset

    def filter_completed(self, queryset, name, value):
        return queryset.filter(completed_at__isnull=value != COMPLETED)
