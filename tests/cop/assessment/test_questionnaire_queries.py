"""A step of the questionnaire and its review make the same number of queries whatever
the number of questions, answers and earlier assessments behind them."""

import pytest
from django.urls import reverse

from cop.assessment import services
from cop.assessment.questionnaire import CONDITIONS_STEP
from tests.accounts.factories import UserFactory

from .factories import OrganizationFactory, assessed, questionnaire

pytestmark = pytest.mark.django_db

SMALL = {"per_feature": 1, "earlier": 0}
LARGE = {"per_feature": 12, "earlier": 15}


def build(per_feature, earlier):
    """A member's organization with `earlier` submitted assessments and a draft that
    answers every question of a questionnaire of `per_feature` questions a feature."""
    by_key = questionnaire(per_feature)
    member = UserFactory()
    org = OrganizationFactory(admins=[member])
    for _n in range(earlier):
        assessed(org, by=member)
    draft = services.start_assessment(member, org)
    services.save_answers(member, draft, {k: 1 if q.feature else 0 for k, q in by_key.items()})
    return member, draft, by_key


# Session, user; the assessment with its organization; the reader's memberships; the
# questions (one query, every language); the answers; the site (the header's menu).
STEP_QUERIES = 6


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
@pytest.mark.parametrize("number", [1, CONDITIONS_STEP])
def test_a_step_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size, number
):
    member, draft, _by_key = build(**size)
    client.force_login(member)
    url = reverse("assessment_step", args=[draft.pk, number])
    client.get(url)

    with django_assert_num_queries(STEP_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    expected = size["per_feature"] if number < CONDITIONS_STEP else 6
    assert len(response.context["form"].fields) == expected


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_thai_step_makes_the_same_queries(client, django_assert_num_queries, size):
    member, draft, _by_key = build(**size)
    client.force_login(member)
    url = "/th" + reverse("assessment_step", args=[draft.pk, 1])
    client.get(url)

    with django_assert_num_queries(STEP_QUERIES):
        response = client.get(url)

    assert response.status_code == 200


# As a step: the questions and the answers are read once for all eight steps.
REVIEW_QUERIES = 6


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_review_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    member, draft, by_key = build(**size)
    client.force_login(member)
    url = reverse("assessment_review", args=[draft.pk])
    client.get(url)

    with django_assert_num_queries(REVIEW_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert response.context["missing"] == []
    assert sum(len(row["items"]) for row in response.context["rows"]) == len(by_key)
