"""The overview, its board fragment and its export make a constant number of queries:
the same exact count with 2,000 activities and 20,000 indicator values as with a handful
(bulk-created, so the large case stays fast)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.constants import PROGRAMME_COUNTRIES
from cop.activities.constants import Aggregation, EventKind, Kind, Status
from cop.activities.models import Activity, Event, Indicator, IndicatorValue
from cop.activities.periods import recent
from tests.accounts.factories import UserFactory, focal_point

pytestmark = pytest.mark.django_db

URL = reverse("activities")
CSV = reverse("activities_export", args=["csv"])

COUNTRIES = [*(c.value for c in PROGRAMME_COUNTRIES), ""]
STATUSES, KINDS = list(Status.values), list(Kind.values)

# What every signed-in page reads: the user, the Wagtail site (base.html's shell, its
# caches warm; the session is read through the cache).
SHELL = 2
# The reader's role groups (managed_countries: is_moderator) and the countries of the
# activities it owns (creatable_countries: the "Add an activity" button).
PERMISSIONS = 2
# The board: the highest event id (where the live replay starts), the counts by country
# and status (one GROUP BY), one row per indicator with its actual (two subqueries), this
# month's latest events.
BOARD = 4
# The list: the count, then the page of 25.
LIST = 2
OVERVIEW = SHELL + PERMISSIONS + BOARD + LIST
# The fragment: no shell, no button, no list: the user, the role groups.
FRAGMENT = 2 + BOARD
# The export: the user, the role groups, the rows, their owners.
EXPORT = 2 + 2
# A focal point's scopes (one more query) for its drafts; the rest is the same.
SCOPES = 1


def many_activities(count, values_per_activity, owners):
    """`count` published activities over the twelve countries and Regional, each with one
    indicator and `values_per_activity` quarterly values (totals and breakdown cells),
    every tenth a draft (the first in Thailand), and an event each."""
    quarters = recent(values_per_activity)
    activities = Activity.objects.bulk_create(
        Activity(
            country=COUNTRIES[n % len(COUNTRIES)],
            kind=KINDS[n % len(KINDS)],
            title=f"Bulk activity {n}",
            description="d",
            description_html="<p>d</p>",
            status=STATUSES[n % len(STATUSES)],
            lead_organization="Ministry of Labour",
            constituencies=",government,workers,",
            is_draft=n % 10 == 4,  # the first is Thai
        )
        for n in range(count)
    )
    Activity.owners.through.objects.bulk_create(
        Activity.owners.through(activity=a, user=owners[n % len(owners)])
        for n, a in enumerate(activities)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            activity=a,
            name="People trained",
            unit="people",
            baseline=Decimal(0),
            target=Decimal(100 + n % 50),
            aggregation=Aggregation.LATEST if n % 2 else Aggregation.SUM,
            by_sex=True,
        )
        for n, a in enumerate(activities)
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator,
            year=quarters[v // 2].year,
            quarter=quarters[v // 2].quarter,
            sex="" if v % 2 == 0 else "woman",
            value=Decimal(v + n % 7),
        )
        for n, indicator in enumerate(indicators)
        for v in range(values_per_activity)
    )
    Event.objects.bulk_create(
        Event(activity=a, country=a.country, kind=EventKind.CREATED, created_at=timezone.now())
        for a in activities
        if not a.is_draft
    )
    return activities


@pytest.mark.parametrize(("count", "values"), [(13, 10), (2000, 10)])
def test_the_overview_fragment_and_export_make_the_same_queries_at_any_size(
    client, django_assert_num_queries, count, values
):
    owners = [UserFactory() for _ in range(3)]
    many_activities(count, values, owners)
    assert IndicatorValue.objects.count() == count * values
    client.force_login(UserFactory())
    client.get(URL)  # warm the shell's caches (the site, menus)

    with django_assert_num_queries(OVERVIEW):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.context["board"].totals.total == count - count // 10
    assert len(response.context["page_obj"].object_list) == min(25, count - count // 10)

    with django_assert_num_queries(OVERVIEW):
        response = client.get(URL, {"country": "KH", "status": Status.PLANNED, "page": 2})
    assert response.context["page_obj"].object_list
    assert response.status_code == 200

    with django_assert_num_queries(FRAGMENT):
        assert client.get(URL, {"fragment": "board"}).status_code == 200

    with django_assert_num_queries(EXPORT):
        response = client.get(CSV)
    assert response.content.decode().count("\n") == 1 + count - count // 10


@pytest.mark.parametrize("count", [13, 2000])
def test_a_focal_points_drafts_make_the_same_queries_at_any_size(
    client, django_assert_num_queries, count
):
    many_activities(count, 2, [UserFactory()])
    client.force_login(focal_point("TH"))
    client.get(URL)

    with django_assert_num_queries(OVERVIEW + SCOPES):
        response = client.get(URL, {"drafts": "1"})
    assert response.status_code == 200
    assert all(a.is_draft and a.country == "TH" for a in response.context["page_obj"].object_list)

    with django_assert_num_queries(EXPORT + SCOPES):
        assert client.get(CSV, {"drafts": "1", "country": "TH"}).status_code == 200
