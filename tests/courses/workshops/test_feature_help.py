"""What the workshops offer an organization that lacks a feature of the SSE (the
self-assessment's guidance, core.registry.feature_help "workshops"): the next published
workshops on it, at most three a feature, soonest first, in one query."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from core import registry
from courses.workshops.constants import Mode, Status
from courses.workshops.shell import FEATURE_WORKSHOPS
from tests.courses.factories import FeatureFactory
from tests.courses.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db


def provider(numbers):
    return registry.feature_help["workshops"].items(RequestFactory().get("/"), numbers)


def on(features, days=2, **fields):
    """A workshop starting in `days` days that helps adopt `features` (Feature rows)."""
    start = timezone.now() + timedelta(days=days)
    workshop = WorkshopFactory(sessions__start=start, **fields)
    workshop.features.set(features)
    return workshop


@pytest.fixture
def features():
    return {n: FeatureFactory(number=n) for n in range(1, 8)}


def test_the_next_workshops_on_each_feature_asked_about_soonest_first(features):
    later = on([features[5]], days=9, title="Later")
    sooner = on([features[5], features[7]], days=3, title="Sooner")
    on([features[6]], title="On another feature")

    items = provider([5, 7])

    assert sorted(items) == [5, 7]
    assert [item.label for item in items[5]] == ["Sooner", "Later"]
    assert [item.label for item in items[7]] == ["Sooner"]
    first = items[5][0]
    assert first.kind == "workshop"
    assert first.url == sooner.get_absolute_url() == f"/workshops/{sooner.pk}/"
    assert first.when == sooner.sessions.get().starts_at
    assert first.text == "In person, Thailand"
    assert items[5][1].url == later.get_absolute_url()


def test_at_most_three_a_feature(features):
    for days in range(2, 8):
        on([features[4]], days=days, title=f"In {days} days")

    assert [item.label for item in provider([4])[4]] == [
        f"In {days} days" for days in range(2, 2 + FEATURE_WORKSHOPS)
    ]


def test_drafts_cancelled_and_past_workshops_are_not_suggested(features):
    on([features[3]], status=Status.DRAFT)
    on([features[3]], status=Status.CANCELLED)
    on([features[3]], days=-5)
    online = on([features[3]], mode=Mode.ONLINE, country="", joining_link="https://x.example")

    items = provider([3])

    assert [item.url for item in items[3]] == [online.get_absolute_url()]
    assert items[3][0].text == "Online, Regional"


def test_a_feature_with_no_workshop_is_left_out_and_no_numbers_costs_nothing(
    features, django_assert_num_queries
):
    on([features[1]])

    assert provider([2]) == {}
    with django_assert_num_queries(0):
        assert provider([]) == {}


@pytest.mark.parametrize("per_feature", [1, 6], ids=["one a feature", "six a feature"])
def test_one_query_whatever_the_number_of_workshops(
    features, django_assert_num_queries, per_feature
):
    for n in range(1, 8):
        for days in range(per_feature):
            on([features[n]], days=2 + days, languages=[])

    with django_assert_num_queries(1):
        items = provider(range(1, 8))

    assert [len(items[n]) for n in range(1, 8)] == [min(per_feature, FEATURE_WORKSHOPS)] * 7
