"""Two people at once on one quarter: the report row is locked for every value change and
every decision, so the outcome is one of the orders they could have come in, never a mix
(each racer in a transaction of its own on its own PostgreSQL connection)."""

from decimal import Decimal

import pytest
from django.db import connection

from accounts.constants import Role
from cop.activities import services
from cop.activities.constants import ReportStatus
from cop.activities.models import IndicatorValue, Report
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point
from tests.concurrency import race
from tests.conftest import need

from .factories import ActivityFactory, IndicatorFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database"),
]


@pytest.fixture(autouse=True)
def _postgresql():
    need(connection.vendor == "postgresql", "concurrent transactions need PostgreSQL")


def test_a_value_racing_the_submission_is_either_in_the_report_or_refused():
    focal = focal_point("TH")
    indicator = IndicatorFactory(activity=ActivityFactory(country="TH"))
    period = Period.current()

    for attempt in range(6):
        value = Decimal(attempt + 1)
        outcome = race(
            lambda: services.submit_report(focal, "TH", period),
            lambda v=value: services.report_value(focal, indicator, period, v),
        )
        report = Report.objects.get(country="TH", year=period.year, quarter=period.quarter)
        assert report.status == ReportStatus.SUBMITTED
        cell = IndicatorValue.objects.filter(indicator=indicator).first()
        if isinstance(outcome[1], services.Refused):
            assert outcome[1].code == "locked"
        else:  # the value came first: it was stored before the report was submitted
            assert cell.value == value
            assert cell.reported_at <= report.submitted_at
        Report.objects.filter(pk=report.pk).update(status=ReportStatus.RETURNED)


def test_two_reviewers_at_once_make_one_decision():
    focal = focal_point("TH")
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])
    moderator = UserFactory(roles=[Role.MODERATOR])
    report = services.submit_report(focal, "TH", Period.current())

    outcome = race(
        lambda: services.review_report(officer, report, validate=True),
        lambda: services.review_report(moderator, report, validate=False, comment="Redo it."),
    )

    refused = [o for o in outcome if isinstance(o, services.Refused)]
    assert len(refused) == 1
    assert refused[0].code == "state"
    report.refresh_from_db()
    decided = report.history.filter(status__in=[ReportStatus.VALIDATED, ReportStatus.RETURNED])
    assert decided.count() == 1


def test_two_submissions_at_once_submit_once():
    focal = focal_point("TH")

    outcome = race(*[lambda: services.submit_report(focal, "TH", Period.current())] * 4)

    assert sum(not isinstance(o, Exception) for o in outcome) == 1
    assert Report.objects.count() == 1
