"""The demo workshops name the features of the SSE they help adopt (the self-assessment
suggests them); a demo workshop with none, as one seeded before workshops had features,
gets its own on the next seed, and a workshop that has some keeps them."""

import pytest

from accounts.seed import seed_accounts
from courses.workshops import seed
from courses.workshops.models import Workshop
from tests.courses.factories import FeatureFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def features():
    return {n: FeatureFactory(number=n) for n in range(1, 8)}


@pytest.fixture
def seeded(features):
    seed_accounts()
    build_course(slug="understanding-the-sse")
    seed.seed_workshops()
    return {w.title: w for w in Workshop.objects.all()}


def numbers(workshop):
    return sorted(workshop.features.values_list("number", flat=True))


def test_some_demo_workshops_help_adopt_features(seeded):
    assert numbers(seeded[seed.REGIONAL_TITLE]) == [1, 2, 3, 4, 5, 6, 7]
    assert numbers(seeded[seed.WEBINAR_TITLE]) == [7]
    assert numbers(seeded[seed.VALIDATION_TITLE]) == []
    assert sum(bool(numbers(w)) for w in seeded.values()) >= 4


def test_a_demo_workshop_without_features_gets_them_and_one_with_some_keeps_them(seeded, features):
    regional, webinar = seeded[seed.REGIONAL_TITLE], seeded[seed.WEBINAR_TITLE]
    regional.features.clear()  # as seeded before workshops had features
    webinar.features.set([features[2]])  # as a trainer chose

    seed.seed_workshops()

    assert numbers(regional) == [1, 2, 3, 4, 5, 6, 7]
    assert numbers(webinar) == [2]


def test_seeding_twice_changes_no_feature(seeded):
    links = sorted(Workshop.features.through.objects.values_list("workshop_id", "feature_id"))

    seed.seed_workshops()

    assert (
        sorted(Workshop.features.through.objects.values_list("workshop_id", "feature_id")) == links
    )
