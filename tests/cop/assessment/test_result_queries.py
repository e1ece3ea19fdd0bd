"""The result page, its print page and its PDF make the same number of queries whatever
the size of the questionnaire, the number of earlier assessments, members, lessons and
workshops behind the guidance."""

import pytest
from django.urls import reverse

from cop.assessment.classification import SubCondition
from cop.assessment.models import Organization
from courses.models import Feature
from tests.accounts.factories import UserFactory
from tests.courses.factories import (
    CoursePageFactory,
    FeatureFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.courses.workshops.factories import WorkshopFactory

from .factories import OrganizationFactory, assessed, questionnaire

pytestmark = pytest.mark.django_db

SMALL = {"questions": 1, "earlier": 0, "members": 1, "workshops": 1}
LARGE = {"questions": 6, "earlier": 8, "members": 12, "workshops": 6}


def build(questions, earlier, members, workshops):
    """A published organization with `members` members and `earlier` assessments before
    its latest, over a questionnaire of `questions` questions a feature; features 1 to 4
    weak or missing, each with a lesson and `workshops` upcoming workshops."""
    questionnaire(per_feature=questions)
    people = UserFactory.create_batch(members)
    org = OrganizationFactory(admins=people[:1], members=people[1:])
    met = [SubCondition.SOCIAL_PROBLEM, SubCondition.SERVICE]
    for _n in range(earlier):
        assessed(org, by=people[0], met=met)
    latest = assessed(
        org, by=people[0], met=met, answers={n: [0] * questions for n in (1, 2, 3, 4)}
    )
    Organization.objects.filter(pk=org.pk).update(publish_results=True)
    module = ModulePageFactory(parent=CoursePageFactory(), slug="features")
    for n in range(1, 8):
        FeatureFactory(number=n)
        LessonPageFactory(parent=module, slug=f"feature-{n}", teaches_feature=n)
    for n in (1, 2, 3, 4):
        feature = Feature.objects.get(number=n)
        for _w in range(workshops):
            WorkshopFactory(languages=[], trainers=[]).features.set([feature])
    return people[0], latest


def count(client, django_assert_num_queries, path, queries):
    client.get(path)  # caches warmed: the site's root paths, the content types
    with django_assert_num_queries(queries):
        response = client.get(path)
    assert response.status_code == 200
    return response


# The assessment with its organization; the reader (the session is read through the
# cache), their memberships (the
# permissions); the scores; the guidance: the courses' features and lessons, the site
# (the lessons' URLs, and the header's menu), the workshops; the answers: the questions,
# the responses.
MEMBER_RESULT = 10
# The same without the reader, their memberships and the answers.
PUBLIC_RESULT = 6


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_result_page_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    member, result = build(**size)
    path = reverse("assessment_result", args=[result.pk])

    client.force_login(member)
    response = count(client, django_assert_num_queries, path, MEMBER_RESULT)
    assert len(response.context["report"].weak) == 4
    assert response.context["report"].show_answers

    client.logout()
    response = count(client, django_assert_num_queries, path, PUBLIC_RESULT)
    assert not response.context["report"].show_answers


# As the result page (the header's own queries are cached or already made).
MEMBER_PRINT = MEMBER_RESULT


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_print_page_and_the_pdf_make_the_same_queries_whatever_their_size(
    client, django_assert_num_queries, size
):
    member, result = build(**size)
    client.force_login(member)

    count(
        client,
        django_assert_num_queries,
        reverse("assessment_print", args=[result.pk]),
        MEMBER_PRINT,
    )
    count(
        client, django_assert_num_queries, reverse("assessment_pdf", args=[result.pk]), MEMBER_PRINT
    )
