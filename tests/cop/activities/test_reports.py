"""Quarterly reports over HTTP: who sees and acts on which country's report (404 for
anyone else), the submit / return / validate flow, the locked quarter, and the answers to
what cannot be done (400 or 409 with the reason, never 500)."""

import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.constants import Role
from cop.activities import services
from cop.activities.constants import ReportStatus
from cop.activities.models import Report
from cop.activities.periods import Period, recent
from cop.activities.views import common
from core import times
from tests.accounts.factories import UserFactory, focal_point, site_admin

from .factories import ActivityFactory, IndicatorFactory, ReportFactory, ValueFactory

pytestmark = pytest.mark.django_db

NOW = Period.current()


def page(slug="thailand", period=NOW):
    return reverse("activity_report", args=[slug, str(period)])


def submit_url(slug="thailand", period=NOW):
    return reverse("activity_report_submit", args=[slug, str(period)])


def review_url(slug="thailand", period=NOW):
    return reverse("activity_report_review", args=[slug, str(period)])


@pytest.fixture
def thai_focal():
    return focal_point("TH")


@pytest.fixture
def officer():
    return UserFactory(roles=[Role.PROGRAMME_OFFICER], name="Regional Officer")


@pytest.fixture
def indicator(thai_focal):
    activity = ActivityFactory(country="TH", title="Validation of the national study")
    return IndicatorFactory(activity=activity, name="People trained", target=Decimal(80))


def report_of(country="TH", period=NOW):
    return Report.objects.get(country=country, year=period.year, quarter=period.quarter)


# --- Who sees what ---------------------------------------------------------------------------
def test_anonymous_readers_go_to_the_login_page(client):
    for address in (reverse("activity_reports"), page()):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_a_member_who_neither_reports_nor_reviews_sees_no_report(client):
    client.force_login(UserFactory())

    assert client.get(reverse("activity_reports")).status_code == 404
    assert client.get(page()).status_code == 404


def test_a_focal_point_of_cambodia_cannot_see_or_submit_thailands(client, indicator):
    ValueFactory(indicator=indicator)
    client.force_login(focal_point("KH"))

    assert client.get(page()).status_code == 404
    assert client.post(submit_url(), {"summary": "Mine"}).status_code == 404
    assert client.post(review_url(), {"decision": "validate"}).status_code == 404
    assert not Report.objects.exists()
    listed = client.get(reverse("activity_reports")).content.decode()
    assert "Cambodia" in listed
    assert "Thailand" not in listed
    assert page() not in listed


def test_the_focal_point_lists_its_countrys_last_eight_quarters(client, thai_focal):
    ReportFactory(country="TH", status=ReportStatus.SUBMITTED)
    ReportFactory(
        country="TH",
        year=NOW.previous().year,
        quarter=NOW.previous().quarter,
        status=ReportStatus.RETURNED,
    )
    client.force_login(thai_focal)

    response = client.get(reverse("activity_reports"))

    assert response.status_code == 200
    rows = response.context["quarters"]
    assert [row["period"] for row in rows] == recent(8)
    assert [row["cells"][0]["status"] for row in rows[:3]] == [
        ReportStatus.SUBMITTED,
        ReportStatus.RETURNED,
        ReportStatus.OPEN,
    ]
    assert rows[0]["cells"][0]["url"] == page()
    assert "queue" not in response.context


def test_reviewers_see_the_queue_of_every_country_first_then_recent_decisions(client, officer):
    older = ReportFactory(country="KH", year=NOW.previous().year, quarter=NOW.previous().quarter)
    newer = ReportFactory(country="TH")
    ReportFactory(country="LA", status=ReportStatus.VALIDATED, reviewed_by=officer)
    Report.objects.filter(pk=older.pk).update(submitted_at=newer.submitted_at.replace(year=2024))
    client.force_login(officer)

    response = client.get(reverse("activity_reports"))

    assert response.status_code == 200
    assert [r.country for r in response.context["queue"]] == ["KH", "TH"]  # oldest first
    assert [r.country for r in response.context["decisions"]] == ["LA"]
    html = response.content.decode()
    assert html.index("Awaiting your validation") < html.index("Recent decisions")
    assert page("cambodia", NOW.previous()) in html


def test_a_reviewer_sees_any_countrys_report(client, officer, indicator):
    ValueFactory(indicator=indicator, value=Decimal(12))
    client.force_login(officer)

    response = client.get(page())

    assert response.status_code == 200
    assert "Validation of the national study" in response.content.decode()
    assert response.context["submit_form"] is None  # a reviewer does not report for Thailand


@pytest.mark.parametrize(
    "address",
    [
        "/activities/reports/atlantis/2026-Q1/",
        "/activities/reports/TH/2026-Q1/",
        "/activities/reports/thailand/2019-Q4/",  # before the programme
        "/activities/reports/thailand/2026-Q5/",
        "/activities/reports/thailand/2026-4/",
    ],
)
def test_an_unknown_country_or_a_period_that_is_none_is_not_found(client, officer, address):
    client.force_login(officer)

    assert client.get(address).status_code == 404
    assert client.post(address + "submit/").status_code == 404


def test_the_regional_report_is_the_programme_officers(client, officer):
    client.force_login(officer)

    response = client.get(page("regional"))

    assert response.status_code == 200
    assert response.context["country_name"] == "Regional"
    assert response.context["submit_form"] is not None
    client.force_login(focal_point("TH"))
    assert client.get(page("regional")).status_code == 404


# --- The report page -------------------------------------------------------------------------
def test_the_page_shows_the_quarters_values_with_their_breakdown_and_the_actual_to_date(
    client, thai_focal, indicator
):
    indicator.by_sex = True
    indicator.save()
    ValueFactory(indicator=indicator, value=Decimal(30))
    ValueFactory(indicator=indicator, value=Decimal(18), sex="woman")
    earlier = NOW.previous()
    ValueFactory(indicator=indicator, year=earlier.year, quarter=earlier.quarter, value=5)
    later = NOW.next()
    ValueFactory(indicator=indicator, year=later.year, quarter=later.quarter, value=1000)
    client.force_login(thai_focal)

    response = client.get(page())

    [activity] = response.context["activities"]
    [shown] = activity.indicator_list
    assert shown.total.value == Decimal(30)
    assert [(c.sex, c.value) for c in shown.cells] == [("woman", Decimal(18))]
    assert shown.to_date == Decimal(35)  # this quarter and the earlier one, not the later
    html = response.content.decode()
    assert "<caption>" in html
    assert 'scope="row"' in html
    assert '<span class="quarter-total">30</span>' in html
    assert "<td>35</td>" in html
    assert "<td>80</td>" in html
    assert "Woman: 18" in html


def test_drafts_are_left_out_for_reviewers_and_shown_to_the_focal_point(
    client, thai_focal, officer
):
    draft = ActivityFactory(country="TH", is_draft=True, title="A draft plan", indicators=1)

    client.force_login(officer)
    assert draft.title not in client.get(page()).content.decode()
    client.force_login(thai_focal)
    assert draft.title in client.get(page()).content.decode()


# --- Submit, return, validate ----------------------------------------------------------------
def test_the_quarter_is_submitted_returned_resubmitted_and_validated(
    client, thai_focal, officer, indicator
):
    ValueFactory(indicator=indicator, value=Decimal(20))
    client.force_login(thai_focal)

    response = client.post(submit_url(), {"summary": "Twenty **trained**. <script>x()</script>"})

    assert response.status_code == 302
    assert response["Location"] == page()
    report = report_of()
    assert (report.status, report.submitted_by) == (ReportStatus.SUBMITTED, thai_focal)
    assert "<strong>trained</strong>" in report.summary_html
    assert "<script>" not in report.summary_html
    shown = client.get(page()).content.decode()
    assert "Awaiting validation" in shown
    assert 'id="report-locked"' in shown
    assert 'action="' + submit_url() not in shown

    client.force_login(officer)
    refused = client.post(review_url(), {"decision": "return", "comment": "   "})
    assert refused.status_code == 400
    assert "Say what should change" in refused.content.decode()
    assert report_of().status == ReportStatus.SUBMITTED

    returned = client.post(review_url(), {"decision": "return", "comment": "Add the women."})
    assert returned.status_code == 302
    report = report_of()
    assert (report.status, report.reviewed_by) == (ReportStatus.RETURNED, officer)
    assert report.review_comment == "Add the women."

    client.force_login(thai_focal)
    shown = client.get(page()).content.decode()
    assert "Add the women." in shown
    assert "Returned for changes" in shown
    services.report_value(thai_focal, indicator, NOW, Decimal(25))  # open again
    assert client.post(submit_url(), {"summary": "With the women."}).status_code == 302

    client.force_login(officer)
    assert client.post(review_url(), {"decision": "validate"}).status_code == 302
    assert report_of().status == ReportStatus.VALIDATED

    client.force_login(thai_focal)
    response = client.get(page())
    html = response.content.decode()
    assert "validated and locked" in html
    assert response.context["submit_form"] is None
    history = [(v.status, v.history_user) for v in response.context["history"]]
    assert history == [
        (ReportStatus.VALIDATED, officer),
        (ReportStatus.SUBMITTED, thai_focal),
        (ReportStatus.RETURNED, officer),
        (ReportStatus.SUBMITTED, thai_focal),
    ]


def test_a_locked_quarter_refuses_values_and_a_second_submission(client, thai_focal, indicator):
    ValueFactory(indicator=indicator)
    client.force_login(thai_focal)
    client.post(submit_url(), {"summary": ""})

    with pytest.raises(services.Refused) as refused:
        services.report_value(thai_focal, indicator, NOW, Decimal(99))
    again = client.post(submit_url(), {"summary": "Again"})

    assert refused.value.code == "locked"
    assert again.status_code == 409
    assert "already submitted" in again.content.decode()


def test_a_decision_on_a_report_that_awaits_none_is_a_conflict(client, officer):
    ReportFactory(country="TH", status=ReportStatus.VALIDATED)
    client.force_login(officer)

    response = client.post(review_url(), {"decision": "return", "comment": "Too late"})

    assert response.status_code == 409
    assert "not awaiting validation" in response.content.decode()
    assert report_of().status == ReportStatus.VALIDATED


def test_a_report_that_does_not_exist_cannot_be_reviewed(client, officer):
    client.force_login(officer)

    assert client.post(review_url(), {"decision": "validate"}).status_code == 404
    assert not Report.objects.exists()


def test_focal_points_do_not_review_and_no_one_reviews_their_own(client, thai_focal):
    moderator = UserFactory(roles=[Role.MODERATOR])
    client.force_login(moderator)
    client.post(submit_url(), {"summary": ""})  # moderators report for every country
    assert report_of().submitted_by == moderator

    own = client.post(review_url(), {"decision": "validate"})
    client.force_login(thai_focal)
    focal = client.post(review_url(), {"decision": "validate"})

    assert own.status_code == focal.status_code == 404
    assert report_of().status == ReportStatus.SUBMITTED
    client.force_login(site_admin())
    assert client.post(review_url(), {"decision": "validate"}).status_code == 302


def test_a_quarter_that_has_not_begun_cannot_be_submitted(client, thai_focal):
    client.force_login(thai_focal)

    shown = client.get(page(period=NOW.next()))
    response = client.post(submit_url(period=NOW.next()), {"summary": ""})

    assert shown.status_code == 200
    assert shown.context["submit_form"] is None
    assert "has not begun" in shown.content.decode()
    assert response.status_code == 400
    assert "once it has begun" in response.content.decode()
    assert not Report.objects.filter(status=ReportStatus.SUBMITTED).exists()


@pytest.mark.parametrize(
    ("summary", "said"),
    [("Twenty\x01 trained", "cannot be stored"), ("x" * 10_001, "at most 10000")],
    ids=["control-character", "too-long"],
)
def test_a_summary_that_cannot_be_stored_is_answered_400_with_the_form(
    client, thai_focal, summary, said
):
    client.force_login(thai_focal)

    response = client.post(submit_url(), {"summary": summary})

    assert response.status_code == 400
    assert said in response.content.decode().replace(",", "")
    assert not Report.objects.filter(status=ReportStatus.SUBMITTED).exists()


def test_a_decision_must_be_one_of_the_two(client, officer):
    ReportFactory(country="TH")
    client.force_login(officer)

    response = client.post(review_url(), {"decision": "delete", "comment": ""})

    assert response.status_code == 400
    assert report_of().status == ReportStatus.SUBMITTED


def test_posts_are_rate_limited(client, thai_focal, monkeypatch):
    monkeypatch.setattr(common, "POSTS_PER_WINDOW", 1)
    client.force_login(thai_focal)

    first = client.post(submit_url(), {"summary": ""})
    second = client.post(submit_url(), {"summary": ""})

    assert (first.status_code, second.status_code) == (302, 429)


def test_reports_only_answer_posts_to_their_actions(client, thai_focal):
    client.force_login(thai_focal)

    assert client.get(submit_url()).status_code == 405
    assert client.get(review_url()).status_code == 405
    assert client.post(page()).status_code == 405


def test_times_are_shown_in_the_readers_zone(client, thai_focal, officer):
    ReportFactory(country="TH", submitted_by=thai_focal)
    officer.time_zone = "Asia/Tokyo"
    officer.save()
    client.force_login(officer)

    response = client.get(page())

    assert response.context["reader_zone"] == "Asia/Tokyo"
    when = report_of().submitted_at
    shown = f"{when.astimezone(zoneinfo.ZoneInfo('Asia/Tokyo')):%-d %b %Y, %H:%M}"
    assert (
        f'datetime="{times.iso(when)}" data-time="datetime">{shown}<' in response.content.decode()
    )
