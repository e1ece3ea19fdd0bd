"""Follow-up activities, their indicators, values, updates and reports.

ActivityFactory() is a published, planned validation workshop in Thailand with no owner:
ActivityFactory(country="KH", owners=[someone], indicators=2, status=Status.IN_PROGRESS).
Rows are made directly (the history is kept all the same); services are what the tests
of behaviour call.
"""

from decimal import Decimal

import factory
from django.utils import timezone

from cop.activities.constants import Kind, ReportStatus, Status
from cop.activities.models import Activity, Comment, Indicator, IndicatorValue, Report, Update
from cop.activities.periods import Period
from core.text import render_markdown
from tests.accounts.factories import UserFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    country = "TH"
    kind = Kind.VALIDATION_WORKSHOP
    title = factory.Sequence(lambda n: f"Follow-up activity {n}")
    description = "Validate the **national study** with the advisory committee."
    description_html = factory.LazyAttribute(lambda a: render_markdown(a.description))
    status = Status.PLANNED
    lead_organization = "Ministry of Labour"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)

    @factory.post_generation
    def indicators(self, create, extracted, **kwargs):
        if create and extracted:
            for _n in range(extracted):
                IndicatorFactory(activity=self)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    activity = factory.SubFactory(ActivityFactory)
    name = factory.Sequence(lambda n: f"People trained {n}")
    unit = "people"
    baseline = Decimal(0)
    target = Decimal(100)


class ValueFactory(factory.django.DjangoModelFactory):
    """The total of an indicator in the current quarter, unless told otherwise."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.LazyFunction(lambda: Period.current().year)
    quarter = factory.LazyFunction(lambda: Period.current().quarter)
    value = Decimal(10)
    reported_by = factory.SubFactory(UserFactory)


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    activity = factory.SubFactory(ActivityFactory)
    author = factory.SubFactory(UserFactory)
    body = "The committee met and agreed the **next steps**."
    body_html = factory.LazyAttribute(lambda u: render_markdown(u.body))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    activity = factory.SubFactory(ActivityFactory)
    author = factory.SubFactory(UserFactory)
    body = "Which ministries took part?"
    body_html = factory.LazyAttribute(lambda c: render_markdown(c.body))


class ReportFactory(factory.django.DjangoModelFactory):
    """Thailand's report of the current quarter, submitted by its focal point."""

    class Meta:
        model = Report
        django_get_or_create = ("country", "year", "quarter")

    country = "TH"
    year = factory.LazyFunction(lambda: Period.current().year)
    quarter = factory.LazyFunction(lambda: Period.current().quarter)
    status = ReportStatus.SUBMITTED
    submitted_by = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyFunction(timezone.now)
