"""Indicators and their quarterly values over HTTP: who adds and reports them, how the
breakdown and the totals are checked, the locked quarters, and what the page shows."""

import re
from decimal import Decimal

import pytest

from cop.activities.constants import Aggregation, ReportStatus
from cop.activities.models import Indicator, IndicatorValue
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory, IndicatorFactory, ReportFactory, ValueFactory

pytestmark = pytest.mark.django_db

INDICATOR = {
    "name": "People trained",
    "unit": "people",
    "baseline": "0",
    "target": "200",
    "aggregation": "sum",
    "by_sex": "on",
}


def values_url(indicator):
    return f"/activities/{indicator.activity_id}/indicators/{indicator.pk}/values/"


def cells(indicator):
    return {
        (v.year, v.quarter, v.sex, v.constituency): v.value
        for v in IndicatorValue.objects.filter(indicator=indicator)
    }


def test_an_owner_adds_an_indicator_and_the_history_knows_who(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)

    response = client.post(f"/activities/{activity.pk}/indicators/new/", INDICATOR)

    indicator = Indicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{activity.get_absolute_url()}#indicator-{indicator.pk}"
    assert (indicator.name, indicator.target, indicator.by_sex) == (
        "People trained",
        Decimal(200),
        True,
    )
    assert indicator.history.get().history_user == owner


def test_an_indicator_is_edited_only_under_its_own_activity(client):
    focal = focal_point("TH")
    mine, other = ActivityFactory(country="TH"), ActivityFactory(country="TH")
    indicator = IndicatorFactory(activity=other, name="Kept")
    client.force_login(focal)

    wrong = client.post(f"/activities/{mine.pk}/indicators/{indicator.pk}/", INDICATOR)
    right = client.post(
        f"/activities/{other.pk}/indicators/{indicator.pk}/", {**INDICATOR, "name": "Renamed"}
    )

    assert wrong.status_code == 404
    assert right.status_code == 302
    indicator.refresh_from_db()
    assert indicator.name == "Renamed"


def test_another_countrys_focal_point_and_readers_get_404_on_indicators_and_values(client):
    activity = ActivityFactory(country="TH")
    indicator = IndicatorFactory(activity=activity)
    period = str(Period.current())

    for who in (focal_point("KH"), UserFactory()):
        client.force_login(who)
        assert client.get(f"/activities/{activity.pk}/indicators/new/").status_code == 404
        assert (
            client.post(f"/activities/{activity.pk}/indicators/new/", INDICATOR).status_code == 404
        )
        assert client.get(values_url(indicator)).status_code == 404
        post = client.post(values_url(indicator), {"period": period, f"{period}-total": "5"})
        assert post.status_code == 404

    assert Indicator.objects.count() == 1
    assert not IndicatorValue.objects.exists()


def test_a_negative_target_or_an_empty_name_is_a_form_error(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)

    response = client.post(
        f"/activities/{activity.pk}/indicators/new/",
        {**INDICATOR, "name": "\u200b", "target": "-1", "baseline": "-5"},
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"name", "target", "baseline"}
    assert not Indicator.objects.exists()


def test_the_values_page_offers_this_years_quarters(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]), by_sex=True)
    client.force_login(owner)

    response = client.get(values_url(indicator))

    now = Period.current()
    assert [f.period for f in response.context["forms"]] == [
        now,
        now.previous(),
        now.previous().previous(),
        now.previous().previous().previous(),
    ]
    assert f'id="quarter-{now}"' in response.content.decode()
    assert f'name="{now}-sex_woman"' in response.content.decode()
    assert f'name="{now}-constituency_government"' not in response.content.decode()


def test_a_quarter_is_reported_with_its_breakdown_and_shown_with_its_progress(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    indicator = IndicatorFactory(activity=activity, target=Decimal(200), by_sex=True)
    period = Period.current()
    client.force_login(owner)

    response = client.post(
        values_url(indicator),
        {
            "period": str(period),
            f"{period}-total": "50",
            f"{period}-note": "Two trainings",
            f"{period}-sex_woman": "30",
            f"{period}-sex_man": "20",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{values_url(indicator)}#quarter-{period}"
    y, q = period.year, period.quarter
    assert cells(indicator) == {
        (y, q, "", ""): Decimal(50),
        (y, q, "woman", ""): Decimal(30),
        (y, q, "man", ""): Decimal(20),
    }
    assert IndicatorValue.objects.get(sex="", indicator=indicator).note == "Two trainings"
    page = client.get(activity.get_absolute_url())
    shown = page.context["indicators"][0]
    assert (shown.actual, shown.percent) == (Decimal(50), 25)
    assert shown.rows[0]["cells"][0].value == Decimal(50)  # the total column
    html = page.content.decode()
    meter = re.search(
        r'<meter min="0" max="([\d.]+)" value="([\d.]+)"\s+aria-label="([^"]+)"', html
    )
    assert (Decimal(meter[1]), Decimal(meter[2])) == (200, 50)
    assert meter[3] == f"{indicator.name}: 25% of the target"


def test_the_actual_of_a_sum_adds_the_quarters_and_of_a_level_takes_the_latest(client):
    activity = ActivityFactory()
    now, before = Period.current(), Period.current().previous()
    summed = IndicatorFactory(activity=activity, aggregation=Aggregation.SUM, target=100)
    level = IndicatorFactory(activity=activity, aggregation=Aggregation.LATEST, target=10)
    for indicator, old, new in ((summed, 30, 20), (level, 4, 6)):
        ValueFactory(indicator=indicator, year=before.year, quarter=before.quarter, value=old)
        ValueFactory(indicator=indicator, year=now.year, quarter=now.quarter, value=new)
    ValueFactory(indicator=summed, sex="woman", value=15)  # a breakdown cell is not added
    client.force_login(UserFactory())

    shown = client.get(activity.get_absolute_url()).context["indicators"]

    assert [(i.actual, i.percent) for i in shown] == [(Decimal(50), 50), (Decimal(6), 60)]


def test_a_breakdown_cannot_exceed_or_stand_without_its_total(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]), by_sex=True)
    period = str(Period.current())
    client.force_login(owner)

    more = client.post(
        values_url(indicator),
        {"period": period, f"{period}-total": "10", f"{period}-sex_woman": "8",
         f"{period}-sex_man": "5"},
    )  # fmt: skip
    alone = client.post(values_url(indicator), {"period": period, f"{period}-sex_woman": "8"})

    assert more.status_code == alone.status_code == 400
    assert "The breakdown by sex adds up to more than the total." in more.content.decode()
    assert "Enter the total as well as its breakdown." in alone.content.decode()
    assert not IndicatorValue.objects.exists()


def test_a_cell_left_empty_is_removed_and_the_rest_kept(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]), by_sex=True)
    ValueFactory(indicator=indicator, value=10)
    ValueFactory(indicator=indicator, sex="woman", value=6)
    period = Period.current()
    client.force_login(owner)

    response = client.post(values_url(indicator), {"period": str(period), f"{period}-total": "12"})

    assert response.status_code == 302
    assert cells(indicator) == {(period.year, period.quarter, "", ""): Decimal(12)}


def test_a_locked_quarter_shows_its_values_and_refuses_changes_with_409(client):
    focal = focal_point("TH")
    indicator = IndicatorFactory(activity=ActivityFactory(country="TH"))
    ValueFactory(indicator=indicator, value=10)
    ReportFactory(country="TH", status=ReportStatus.SUBMITTED)
    period = Period.current()
    client.force_login(focal)

    page = client.get(values_url(indicator))
    response = client.post(values_url(indicator), {"period": str(period), f"{period}-total": "99"})

    assert page.context["forms"][0].locked
    assert f'name="{period}-total"' not in page.content.decode()
    assert response.status_code == 409
    assert f"{period.label} is locked: its report is awaiting validation." in (
        response.content.decode()
    )
    assert cells(indicator) == {(period.year, period.quarter, "", ""): Decimal(10)}


def test_a_returned_quarter_is_open_again(client):
    focal = focal_point("TH")
    indicator = IndicatorFactory(activity=ActivityFactory(country="TH"))
    ReportFactory(country="TH", status=ReportStatus.RETURNED)
    period = Period.current()
    client.force_login(focal)

    response = client.post(values_url(indicator), {"period": str(period), f"{period}-total": "7"})

    assert response.status_code == 302
    assert cells(indicator) == {(period.year, period.quarter, "", ""): Decimal(7)}


def test_another_countrys_lock_does_not_lock_this_one(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(country="TH", owners=[owner]))
    ReportFactory(country="KH", status=ReportStatus.VALIDATED)
    period = Period.current()
    client.force_login(owner)

    response = client.post(values_url(indicator), {"period": str(period), f"{period}-total": "7"})

    assert response.status_code == 302


def test_a_future_or_malformed_quarter_is_a_400(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]))
    future = Period.current().next()
    client.force_login(owner)

    posted = client.post(values_url(indicator), {"period": str(future), f"{future}-total": "5"})
    asked = client.get(f"{values_url(indicator)}?period={future}")
    malformed = client.post(values_url(indicator), {"period": "2026-Q9"})
    missing = client.post(values_url(indicator), {})

    assert posted.status_code == asked.status_code == malformed.status_code == 400
    assert missing.status_code == 400
    assert "Values are reported for a quarter that has begun." in posted.content.decode()
    assert "A period is written like 2026-Q4." in malformed.content.decode()
    assert not IndicatorValue.objects.exists()


def test_an_earlier_quarter_is_reached_by_its_name(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]))
    early = Period(2024, 2)
    client.force_login(owner)

    page = client.get(f"{values_url(indicator)}?period={early}")
    response = client.post(values_url(indicator), {"period": str(early), f"{early}-total": "3"})

    assert page.context["forms"][-1].period == early
    assert response.status_code == 302
    assert cells(indicator) == {(2024, 2, "", ""): Decimal(3)}


def test_a_breakdown_cell_of_an_indicator_without_breakdown_is_ignored(client):
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]), by_sex=False)
    period = Period.current()
    client.force_login(owner)

    client.post(
        values_url(indicator),
        {"period": str(period), f"{period}-total": "4", f"{period}-sex_woman": "4"},
    )

    assert cells(indicator) == {(period.year, period.quarter, "", ""): Decimal(4)}
