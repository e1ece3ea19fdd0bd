"""The regional overview, /activities/: who sees what (across countries, drafts), the
board's numbers (counts by country and status, indicator progress, what changed this
month), pagination, the fragment the live script fetches, and the progress rule itself."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from cop.activities import board, services
from cop.activities.constants import Aggregation, EventKind, Kind, Status
from cop.activities.models import Activity, Event
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory, IndicatorFactory, ValueFactory

URL = "/activities/"


def titles(response):
    return [activity.title for activity in response.context["page_obj"].object_list]


# The progress rule (board.progress): pure, no database.


@pytest.mark.parametrize(
    ("aggregation", "baseline", "target", "actual", "expected"),
    [
        (Aggregation.SUM, 0, 100, 25, 0.25),
        (Aggregation.SUM, 50, 100, 25, 0.25),  # a sum ignores the baseline
        (Aggregation.SUM, 0, 100, 150, 1.0),  # clipped above
        (Aggregation.SUM, 0, 100, None, 0.0),  # nothing reported yet
        (Aggregation.LATEST, 20, 60, 50, 0.75),
        (Aggregation.LATEST, 20, 60, 10, 0.0),  # below the baseline: clipped below
        (Aggregation.LATEST, 20, 60, 90, 1.0),
        (Aggregation.LATEST, 10, 4, 7, 0.5),  # a level meant to fall
        (Aggregation.LATEST, 20, 60, None, 0.0),
        (Aggregation.SUM, 0, 0, 10, None),  # target 0: no bar
        (Aggregation.LATEST, 0, 0, 10, None),
        (Aggregation.LATEST, 5, 5, 10, None),  # target = baseline: no bar
    ],
)
def test_progress_is_the_share_of_the_way_to_the_target(
    aggregation, baseline, target, actual, expected
):
    share = board.progress(aggregation, Decimal(baseline), Decimal(target), actual)
    assert share == pytest.approx(expected) if expected is not None else share is None


def test_the_actual_is_the_sum_or_the_latest_quarter():
    totals = {Period(2026, 1): Decimal(10), Period(2025, 4): Decimal(30), Period(2026, 2): 5}
    assert board.actual_value(Aggregation.SUM, totals) == Decimal(45)
    assert board.actual_value(Aggregation.LATEST, totals) == Decimal(5)
    assert board.actual_value(Aggregation.SUM, {}) is None


# Who sees what.


@pytest.mark.django_db
def test_anonymous_readers_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_a_member_reads_every_countrys_published_activities_and_no_draft(client):
    ActivityFactory(country="TH", title="Thai committee")
    ActivityFactory(country="KH", title="Khmer dialogue")
    ActivityFactory(country="", title="Regional network")
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    client.force_login(UserFactory())

    response = client.get(URL)

    assert response.status_code == 200
    assert sorted(titles(response)) == ["Khmer dialogue", "Regional network", "Thai committee"]
    assert b"Thai draft" not in response.content
    assert response.context["may_create"] is False
    assert b"Add an activity" not in response.content


@pytest.mark.django_db
def test_a_plain_member_asking_for_drafts_gets_404(client):
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    client.force_login(UserFactory())
    assert client.get(URL, {"drafts": "1"}).status_code == 404
    assert client.get(URL, {"drafts": "1", "country": "TH"}).status_code == 404


@pytest.mark.django_db
def test_a_focal_point_lists_the_drafts_of_its_country_only(client):
    ActivityFactory(country="KH", title="Khmer draft", is_draft=True)
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    ActivityFactory(country="KH", title="Khmer published")
    client.force_login(focal_point("KH"))

    response = client.get(URL, {"drafts": "1"})

    assert response.status_code == 200
    assert titles(response) == ["Khmer draft"]
    assert b"Thai draft" not in response.content
    # The board counts what the list shows: one planned draft in Cambodia.
    counts = {row.code: row.total for row in response.context["board"].counts}
    assert counts["KH"] == 1
    assert counts["TH"] == 0


@pytest.mark.django_db
def test_a_focal_point_asking_for_another_countrys_drafts_gets_404(client):
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    client.force_login(focal_point("KH"))

    assert client.get(URL, {"drafts": "1", "country": "TH"}).status_code == 404
    assert client.get(URL, {"drafts": "1", "country": "regional"}).status_code == 404
    response = client.get(URL, {"drafts": "1", "country": "KH"})
    assert response.status_code == 200
    assert b"Thai draft" not in response.content


@pytest.mark.django_db
def test_the_published_list_holds_no_draft_even_for_its_focal_point(client):
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    ActivityFactory(country="TH", title="Thai published")
    client.force_login(focal_point("TH"))

    response = client.get(URL, {"country": "TH"})

    assert titles(response) == ["Thai published"]
    assert response.context["may_create"] is True
    assert response.context["may_see_reports"] is True


@pytest.mark.django_db
def test_an_owner_who_manages_nothing_gets_404_for_drafts(client):
    owner = UserFactory()
    ActivityFactory(country="TH", title="Owned draft", is_draft=True, owners=[owner])
    client.force_login(owner)

    assert client.get(URL, {"drafts": "1"}).status_code == 404
    assert b"Owned draft" not in client.get(URL).content


@pytest.mark.django_db
def test_a_moderator_lists_every_countrys_drafts(client):
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    ActivityFactory(country="", title="Regional draft", is_draft=True)
    client.force_login(UserFactory(roles=[Role.MODERATOR]))

    response = client.get(URL, {"drafts": "1"})

    assert sorted(titles(response)) == ["Regional draft", "Thai draft"]


@pytest.mark.django_db
def test_the_buttons_follow_what_the_reader_may_do(client):
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])
    client.force_login(officer)
    response = client.get(URL)
    assert reverse("activity_create").encode() in response.content
    assert reverse("activity_reports").encode() in response.content

    client.force_login(UserFactory())
    response = client.get(URL)
    assert reverse("activity_create").encode() not in response.content
    assert reverse("activity_reports").encode() not in response.content


# Pagination.


@pytest.mark.django_db
def test_the_list_pages_25_at_a_time_latest_change_first(client):
    now = timezone.now()
    made = [ActivityFactory(title=f"Paged {n:02d}") for n in range(30)]
    for n, activity in enumerate(made):
        Activity.objects.filter(pk=activity.pk).update(updated_at=now - timedelta(hours=n))
    client.force_login(UserFactory())

    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert titles(first) == [f"Paged {n:02d}" for n in range(25)]
    assert titles(second) == [f"Paged {n:02d}" for n in range(25, 30)]
    assert first.context["page_obj"].paginator.count == 30
    assert b'rel="next" href="?page=2"' in first.content


@pytest.mark.django_db
def test_the_next_page_link_keeps_the_filters(client):
    for n in range(26):
        ActivityFactory(country="KH", title=f"Khmer {n}")
    client.force_login(UserFactory())

    response = client.get(URL, {"country": "KH"})

    assert b'href="?country=KH&amp;page=2"' in response.content


# The board.


@pytest.mark.django_db
def test_the_board_counts_every_country_by_status_even_with_none(client):
    ActivityFactory.create_batch(2, country="TH", status=Status.IN_PROGRESS)
    ActivityFactory(country="TH", status=Status.COMPLETED)
    ActivityFactory(country="KH", status=Status.PLANNED)
    ActivityFactory(country="", status=Status.CANCELLED)
    ActivityFactory(country="TH", status=Status.PLANNED, is_draft=True)  # not counted
    client.force_login(UserFactory())

    found = client.get(URL).context["board"]

    assert [row.code for row in found.counts] == [
        "KH", "KG", "LA", "MN", "TH", "VN", "CN", "ID", "JP", "MY", "PH", "KR", "",
    ]  # fmt: skip
    rows = {row.code: row for row in found.counts}
    # Status order: planned, in progress, completed, postponed, cancelled.
    assert rows["TH"].counts == [0, 2, 1, 0, 0]
    assert rows["TH"].total == 3
    assert rows["KH"].counts == [1, 0, 0, 0, 0]
    assert rows[""].counts == [0, 0, 0, 0, 1]
    assert rows[""].name == "Regional"
    assert rows["MN"].counts == [0, 0, 0, 0, 0]
    assert rows["MN"].total == 0
    assert found.totals.counts == [1, 2, 1, 0, 1]
    assert found.totals.total == 5


@pytest.mark.django_db
def test_the_board_shows_the_counts_in_a_table_with_headers(client):
    ActivityFactory(country="TH", status=Status.IN_PROGRESS)
    client.force_login(UserFactory())

    html = client.get(URL).content.decode()

    assert "<caption" in html
    assert '<th scope="col" data-status="in_progress">In progress</th>' in html
    assert '<th scope="row">Mongolia</th>' in html


@pytest.mark.django_db
def test_the_board_follows_the_filters(client):
    ActivityFactory(country="TH", status=Status.IN_PROGRESS, kind=Kind.POLICY_DIALOGUE)
    ActivityFactory(country="TH", status=Status.PLANNED, kind=Kind.AWARENESS)
    ActivityFactory(country="KH", status=Status.PLANNED, kind=Kind.POLICY_DIALOGUE)
    client.force_login(UserFactory())

    by_kind = client.get(URL, {"kind": Kind.POLICY_DIALOGUE}).context["board"]
    by_country = client.get(URL, {"country": "TH"}).context["board"]

    assert by_kind.totals.total == 2
    assert {row.code: row.total for row in by_kind.counts}["TH"] == 1
    # A country filter leaves that country's row alone.
    assert [(row.code, row.counts) for row in by_country.counts] == [("TH", [1, 1, 0, 0, 0])]


@pytest.mark.django_db
def test_indicator_progress_is_averaged_per_country(client):
    now = Period.current()
    earlier = now.previous()
    thai = ActivityFactory(country="TH")
    # A sum: 30 + 20 of 100 (a breakdown cell does not count) -> 50%.
    trained = IndicatorFactory(activity=thai, target=100, aggregation=Aggregation.SUM)
    ValueFactory(indicator=trained, year=earlier.year, quarter=earlier.quarter, value=30)
    ValueFactory(indicator=trained, value=20)
    ValueFactory(indicator=trained, value=15, sex="woman")
    # A level from 10 to 30, latest quarter at 30 (the earlier 25 no longer counts) -> 100%.
    level = IndicatorFactory(activity=thai, baseline=10, target=30, aggregation=Aggregation.LATEST)
    ValueFactory(indicator=level, year=earlier.year, quarter=earlier.quarter, value=25)
    ValueFactory(indicator=level, value=30)
    IndicatorFactory(activity=thai, target=0)  # no bar
    # Cambodia: one indicator, nothing reported -> 0%.
    IndicatorFactory(activity=ActivityFactory(country="KH"), target=10)
    # A draft's indicator is not on the published board.
    draft = ActivityFactory(country="MN", is_draft=True)
    ValueFactory(indicator=IndicatorFactory(activity=draft, target=10), value=10)
    client.force_login(UserFactory())

    response = client.get(URL)

    rows = {row.code: row for row in response.context["board"].progress}
    assert (rows["TH"].indicators, rows["TH"].reached, rows["TH"].percent) == (2, 1, 75)
    assert (rows["KH"].indicators, rows["KH"].reached, rows["KH"].percent) == (1, 0, 0)
    assert rows["MN"].indicators == 0
    assert rows["MN"].percent is None
    html = response.content.decode()
    assert 'value="75" aria-labelledby="progress-name-TH">75%</meter> 75%' in html


@pytest.mark.django_db
def test_progress_of_a_past_quarter_counts_the_values_up_to_it(client):
    now = Period.current()
    earlier = now.previous()
    activity = ActivityFactory(country="TH", planned_start=earlier.start)
    trained = IndicatorFactory(activity=activity, target=100)
    ValueFactory(indicator=trained, year=earlier.year, quarter=earlier.quarter, value=40)
    ValueFactory(indicator=trained, value=60)
    client.force_login(UserFactory())

    found = client.get(URL, {"period": str(earlier)}).context["board"]

    assert {row.code: row.percent for row in found.progress}["TH"] == 40


@pytest.mark.django_db
def test_what_changed_this_month_lists_the_latest_events_with_links(client):
    focal = focal_point("TH")
    activity = services.create_activity(
        focal, "TH", {"kind": Kind.POLICY_DIALOGUE, "title": "Dialogue on the SSE law"}
    )
    services.post_update(focal, activity, "The ministry agreed.", status=Status.IN_PROGRESS)
    old = ActivityFactory(country="KH", title="Old news")
    Event.objects.create(activity=old, country="KH", kind=EventKind.CREATED)
    last_month = board.month_start("UTC") - timedelta(days=2)
    Event.objects.filter(activity=old).update(created_at=last_month)
    services.create_activity(
        focal, "TH", {"kind": Kind.AWARENESS, "title": "Secret plan"}, is_draft=True
    )
    client.force_login(UserFactory())

    response = client.get(URL)

    found = response.context["board"].changes
    assert [(c.event.kind, c.title) for c in found] == [
        (EventKind.UPDATE, "Dialogue on the SSE law"),
        (EventKind.CREATED, "Dialogue on the SSE law"),
    ]
    assert found[0].detail == "Planned → In progress"
    assert found[0].country == "Thailand"
    html = client.get(URL, {"fragment": "board"}).content.decode()
    assert f'<a href="{activity.get_absolute_url()}">Dialogue on the SSE law</a>' in html
    assert "Old news" not in html
    assert "Secret plan" not in html


@pytest.mark.django_db
def test_what_changed_shows_at_most_ten(client):
    activity = ActivityFactory(country="TH")
    Event.objects.bulk_create(
        Event(activity=activity, country="TH", kind=EventKind.CHANGED) for _n in range(12)
    )
    client.force_login(UserFactory())

    found = client.get(URL).context["board"].changes

    assert len(found) == 10
    assert [c.event.id for c in found] == sorted((c.event.id for c in found), reverse=True)


@pytest.mark.django_db
def test_the_month_begins_in_the_readers_time_zone():
    """Midnight on the 1st in Bangkok is 17:00 the day before in UTC."""
    start = board.month_start("Asia/Bangkok")
    assert (start.day, start.hour, start.utcoffset()) == (1, 0, timedelta(hours=7))


# The hooks the live script relies on.


@pytest.mark.django_db
def test_the_page_carries_the_live_hooks_and_the_labels(client):
    activity = ActivityFactory(country="KH")
    last = Event.objects.create(activity=activity, country="KH", kind=EventKind.CREATED)
    client.force_login(UserFactory(time_zone="Asia/Phnom_Penh"))

    response = client.get(URL, {"country": "TH", "status": "planned", "page": "1"})
    html = response.content.decode()

    assert 'data-live-path="/ws/activities/?country=TH"' in html
    assert 'data-fragment-url="/activities/?country=TH&amp;status=planned&amp;fragment=board"' in (
        html
    )
    # The replay starts after the latest event, whatever the filters show.
    assert f'data-last-event="{last.id}" data-time-zone="Asia/Phnom_Penh">' in html
    assert f'<div id="activity-board" data-last-event="{last.id}">' in html
    assert '<p id="live-status" role="status"' in html
    assert '<ol id="activity-changes"' in html
    labels = json.loads(
        html.split('id="activity-labels" type="application/json">')[1].split("<")[0]
    )
    assert labels["status"]["in_progress"] == "In progress"
    assert labels["kind"]["policy_dialogue"] == "Policy dialogue"
    assert labels["event"]["update"] == "Progress update"
    assert labels["country"][""] == "Regional"
    assert labels["country"]["TH"] == "Thailand"
    assert labels["strings"]["connected"].startswith("Live:")
    assert "%(count)s" in labels["strings"]["changes"]
    assert 'type="module" src="/static/js/activities.js"' in html


@pytest.mark.django_db
def test_the_live_path_of_the_whole_region_has_no_query(client):
    client.force_login(UserFactory())
    html = client.get(URL).content.decode()
    assert 'data-live-path="/ws/activities/"' in html
    assert 'data-fragment-url="/activities/?fragment=board"' in html
    html = client.get(URL, {"country": "regional"}).content.decode()
    assert 'data-live-path="/ws/activities/?country=regional"' in html


@pytest.mark.django_db
def test_the_board_fragment_is_the_board_alone(client):
    ActivityFactory(country="TH", title="Thai committee", status=Status.IN_PROGRESS)
    client.force_login(UserFactory())

    response = client.get(URL, {"fragment": "board", "country": "TH"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # no shell
    assert "Thai committee" not in html  # no list
    assert html.lstrip().startswith('<div id="activity-board" data-last-event="0">')
    assert '<ol id="activity-changes"' in html
    assert response.context["board"].counts[0].counts == [0, 1, 0, 0, 0]


@pytest.mark.django_db
def test_the_board_fragment_keeps_drafts_to_their_managers(client):
    ActivityFactory(country="TH", is_draft=True)
    client.force_login(UserFactory())
    assert client.get(URL, {"fragment": "board", "drafts": "1"}).status_code == 404
    assert client.get(URL, {"fragment": "board"}).context["board"].totals.total == 0


@pytest.mark.django_db
def test_the_board_says_the_totals_in_one_line_and_names_the_unmeasured(client):
    ActivityFactory.create_batch(2, country="TH", status=Status.IN_PROGRESS)
    ActivityFactory(country="KH", status=Status.COMPLETED)
    IndicatorFactory(activity=ActivityFactory(country="TH", status=Status.IN_PROGRESS))
    client.force_login(UserFactory())

    html = client.get(URL, {"fragment": "board"}).content.decode()

    assert (
        '<strong>4 activities</strong>: <span data-status="in_progress">In progress 3</span>, '
        '<span data-status="completed">Completed 1</span>'
    ) in html
    assert '<th scope="row" id="progress-name-TH">Thailand</th>' in html
    assert 'id="progress-name-KH"' not in html
    assert "No indicator with a target yet: Cambodia, Kyrgyzstan," in html
