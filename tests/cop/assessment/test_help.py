"""Guidance for the weak features, gathered from every app that offers some
(core.registry.feature_help) for all the features at once: the courses' guidance and
lesson, then the workshops, each provider's few queries whatever the number of features."""

import pytest
from django.test import RequestFactory

from cop.assessment.help import gather
from core import registry
from courses.models import Feature
from tests.courses.factories import (
    CoursePageFactory,
    FeatureFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.courses.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered():
    """Register feature-help providers for one test, then put back what was there."""
    replaced = []

    def offer(entry):
        replaced.append((entry.key, registry.feature_help.get(entry.key)))
        return registry.feature_help.register(entry)

    yield offer
    for key, before in reversed(replaced):
        registry.feature_help.unregister(key)
        if before is not None:
            registry.feature_help.register(before)


@pytest.fixture
def request_():
    return RequestFactory().get("/assessment/1/")


def content(request, numbers):
    """Guidance on feature 5: its snippet, a lesson, two workshops; feature 2 a snippet."""
    for n in (2, 5):
        FeatureFactory(number=n, how_to_adopt=f"Adopt {n}.")
    module = ModulePageFactory(parent=CoursePageFactory(), slug="m")
    LessonPageFactory(parent=module, slug="governance", title="Governance", teaches_feature=5)
    five = Feature.objects.get(number=5)
    for title in ("Assemblies", "Boards"):
        WorkshopFactory(title=title).features.set([five])
    return gather(request, numbers)


def test_each_feature_gets_every_providers_items_by_kind(request_):
    gathered = content(request_, [5, 2])

    assert sorted(gathered) == [2, 5]
    five = gathered[5]
    assert [item.text for item in five.guidance] == ["Adopt 5."]
    assert [item.label for item in five.lessons] == ["Governance"]
    assert [item.label for item in five.workshops] == ["Assemblies", "Boards"]
    two = gathered[2]
    assert [item.text for item in two.guidance] == ["Adopt 2."]
    assert two.lessons == two.workshops == []
    assert two
    assert five


def test_a_feature_nobody_knows_about_is_there_but_empty(request_):
    gathered = content(request_, [3])

    assert list(gathered) == [3]
    assert not gathered[3]


def test_no_feature_costs_no_query(request_, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert gather(request_, []) == {}


def test_every_provider_is_asked_once_for_all_the_features(request_, offered):
    asked = []

    def items(request, numbers):
        asked.append(list(numbers))
        return {
            1: [registry.HelpItem("guidance", label="Mine", text="A text")],
            4: [registry.HelpItem("podcast", label="Unknown kind")],
            9: [registry.HelpItem("guidance", label="Not asked about")],
        }

    offered(registry.FeatureHelp(key="zz-test", order=99, items=items))

    gathered = gather(request_, [4, 1, 4])

    assert asked == [[1, 4]]
    assert [item.label for item in gathered[1].guidance] == ["Mine"]
    assert not gathered[4]  # a kind the result does not show
    assert 9 not in gathered


@pytest.mark.parametrize("workshops", [1, 5], ids=["one workshop", "five workshops"])
def test_three_queries_for_all_the_features_whatever_the_content(
    request_, django_assert_num_queries, workshops
):
    features = [FeatureFactory(number=n) for n in range(1, 8)]
    module = ModulePageFactory(parent=CoursePageFactory(), slug="m")
    for feature in features:
        LessonPageFactory(
            parent=module, slug=f"lesson-{feature.number}", teaches_feature=feature.number
        )
        for _n in range(workshops):
            WorkshopFactory(languages=[]).features.set([feature])
    gather(request_, range(1, 8))  # the request's site, found once per request

    # The courses' features and lessons, the workshops.
    with django_assert_num_queries(3):
        gathered = gather(request_, range(1, 8))

    assert [len(gathered[n].workshops) for n in range(1, 8)] == [min(workshops, 3)] * 7
    assert all(len(gathered[n].lessons) == 1 for n in range(1, 8))
