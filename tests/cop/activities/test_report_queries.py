"""The report page and the report list make a constant number of queries: the same for a
country with 2 activities as with 60, each with 3 indicators, totals, breakdown cells and
files (exact counts, for the focal point and for a reviewer)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.constants import Role
from cop.activities.constants import ReportStatus
from cop.activities.models import Activity, Evidence, Indicator, IndicatorValue, Report
from cop.activities.periods import Period, recent
from tests.accounts.factories import UserFactory, focal_point

pytestmark = pytest.mark.django_db

NOW = Period.current()
# What base.html's site shell reads once its caches are warm (the Wagtail site), and what
# a signed-in reader adds: the user (the session is read through the cache).
SHELL = 1
SIGNED_IN = SHELL + 1
ROLES = 1  # the reader's role groups, cached on the user for the request
SCOPES = 1  # a focal point's countries (read only for someone with the role)
# The report (with who submitted and reviewed it), its history (with its people), the
# activities, their indicators (the actual to date in subqueries), the quarter's values,
# their files.
REPORT = 6
REPORT_PAGE_FOCAL = SIGNED_IN + ROLES + SCOPES + REPORT
REPORT_PAGE_REVIEWER = SIGNED_IN + ROLES + REPORT
# A moderator (reviews, and manages every country without a scope): the queue, the
# recent decisions, the quarters of its countries. A focal point: the quarters.
LIST_REVIEWER = SIGNED_IN + ROLES + 3
LIST_FOCAL = SIGNED_IN + ROLES + SCOPES + 1


def country_with(count, country="TH"):
    """`count` activities of `country`, each with 3 indicators (one broken down by sex),
    the quarter's totals and cells, an earlier quarter's totals, and a file on each total;
    the quarter's report submitted, with a history of three versions."""
    author = UserFactory()
    activities = Activity.objects.bulk_create(
        Activity(country=country, kind="policy_dialogue", title=f"Activity {n}", created_by=author)
        for n in range(count)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(activity=a, name=f"Indicator {n}", unit="people", target=100, by_sex=n == 0)
        for a in activities
        for n in range(3)
    )
    earlier = NOW.previous()
    values = IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(indicator=i, year=NOW.year, quarter=NOW.quarter, value=Decimal(7))
            for i in indicators
        ]
        + [
            IndicatorValue(
                indicator=i, year=NOW.year, quarter=NOW.quarter, sex="woman", value=Decimal(3)
            )
            for i in indicators
            if i.by_sex
        ]
        + [
            IndicatorValue(indicator=i, year=earlier.year, quarter=earlier.quarter, value=2)
            for i in indicators
        ]
    )
    Evidence.objects.bulk_create(
        Evidence(
            activity_id=v.indicator.activity_id,
            value=v,
            file=f"{v.indicator.activity_id}/{v.pk}.pdf",
            name=f"proof {v.pk}.pdf",
            extension=".pdf",
            content_type="application/pdf",
            size=10,
            sha256="0" * 64,
        )
        for v in values
        if v.period == NOW and v.is_total
    )
    report = Report(country=country, year=NOW.year, quarter=NOW.quarter)
    report.save()
    report.status = ReportStatus.SUBMITTED
    report.save()
    report.status = ReportStatus.RETURNED
    report.review_comment = "Add the women."
    report.save()
    return activities


@pytest.mark.parametrize("count", [2, 60])
def test_the_report_page_makes_the_same_queries_for_2_or_60_activities(
    client, django_assert_num_queries, count
):
    country_with(count)
    focal = focal_point("TH")
    client.force_login(focal)
    address = reverse("activity_report", args=["thailand", str(NOW)])
    client.get(address)  # warm the shell's caches

    with django_assert_num_queries(REPORT_PAGE_FOCAL):
        response = client.get(address)

    assert response.status_code == 200
    activities = response.context["activities"]
    assert len(activities) == count
    assert all(len(a.indicator_list) == 3 for a in activities)
    assert activities[0].indicator_list[0].to_date == Decimal(9)
    assert response.content.decode().count("proof ") == 3 * count
    assert len(response.context["history"]) == 2


@pytest.mark.parametrize("count", [2, 60])
def test_a_reviewer_reads_the_report_page_in_as_many_queries_for_2_or_60(
    client, django_assert_num_queries, count
):
    country_with(count)
    client.force_login(UserFactory(roles=[Role.PROGRAMME_OFFICER]))
    address = reverse("activity_report", args=["thailand", str(NOW)])
    client.get(address)

    with django_assert_num_queries(REPORT_PAGE_REVIEWER):
        response = client.get(address)

    assert len(response.context["activities"]) == count


@pytest.mark.parametrize("countries", [1, 12])
def test_the_report_list_makes_the_same_queries_for_1_or_12_countries(
    client, django_assert_num_queries, countries
):
    codes = ["TH", "KH", "LA", "VN", "MN", "KG", "CN", "ID", "JP", "MY", "PH", "KR"][:countries]
    for code in codes:
        for period in recent(8):
            Report.objects.create(
                country=code,
                year=period.year,
                quarter=period.quarter,
                status=ReportStatus.SUBMITTED if period == NOW else ReportStatus.VALIDATED,
            )
    moderator = UserFactory(roles=[Role.MODERATOR])  # reviews, and reports for every country
    client.force_login(moderator)
    client.get(reverse("activity_reports"))

    with django_assert_num_queries(LIST_REVIEWER):
        response = client.get(reverse("activity_reports"))

    assert len(response.context["queue"]) == countries
    assert len(response.context["quarters"]) == 8
    assert len(response.context["quarters"][0]["cells"]) == 13  # every country and regional

    client.force_login(focal_point("TH"))
    client.get(reverse("activity_reports"))
    with django_assert_num_queries(LIST_FOCAL):
        response = client.get(reverse("activity_reports"))
    assert [row["cells"][0]["status"] for row in response.context["quarters"][:2]] == [
        ReportStatus.SUBMITTED,
        ReportStatus.VALIDATED,
    ]
