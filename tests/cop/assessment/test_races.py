"""Two people at once on one organization's assessment (each in a transaction of its own
on its own PostgreSQL connection): starting together makes one draft, submitting together
submits once with one set of scores, and an answer racing the submission is either in
the submitted assessment or refused."""

import pytest
from django.db import connection

from cop.assessment import services
from cop.assessment.constants import FEATURES, Answer, Met
from cop.assessment.models import Assessment, FeatureScore, Membership, Organization, Response
from tests.accounts.factories import UserFactory
from tests.concurrency import race
from tests.conftest import need

from .factories import OrganizationFactory, questionnaire

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database"),
]


@pytest.fixture(autouse=True)
def _postgresql():
    need(connection.vendor == "postgresql", "concurrent transactions need PostgreSQL")


def team(size):
    people = UserFactory.create_batch(size)
    org = OrganizationFactory(admins=people[:1])
    for person in people[1:]:
        Membership.objects.create(organization=org, user=person)
    return org, people


def complete_draft(org, by, by_key):
    draft = services.start_assessment(by, org)
    services.save_answers(
        by, draft, {key: Answer.YES if q.feature else Met.YES for key, q in by_key.items()}
    )
    return draft


def test_people_starting_at_once_get_one_draft():
    questionnaire()
    org, people = team(4)

    for _attempt in range(3):
        outcome = race(*[lambda p=p: services.start_assessment(p, org) for p in people])

        assert not [o for o in outcome if isinstance(o, Exception)], outcome
        assert len({draft.pk for draft in outcome}) == 1
        assert Assessment.objects.filter(organization=org, submitted_at__isnull=True).count() == 1
        Assessment.objects.filter(organization=org).delete()


def test_two_people_submitting_at_once_submit_once_with_one_set_of_scores():
    by_key = questionnaire()
    org, (first, second) = team(2)
    draft = complete_draft(org, first, by_key)

    outcome = race(
        lambda: services.submit(first, draft),
        lambda: services.submit(second, draft),
    )

    refused = [o for o in outcome if isinstance(o, services.Refused)]
    won = [o for o in outcome if isinstance(o, Assessment)]
    assert len(refused) == len(won) == 1, outcome
    assert refused[0].code == "submitted"
    assert FeatureScore.objects.filter(assessment=draft).count() == len(FEATURES)
    draft.refresh_from_db()
    assert draft.submitted_by == won[0].submitted_by
    assert Organization.objects.get(pk=org.pk).latest_assessment_id == draft.pk


def test_an_answer_racing_the_submission_is_in_it_or_refused():
    by_key = questionnaire()
    org, (first, second) = team(2)
    key = next(iter(by_key))

    for _attempt in range(4):
        draft = complete_draft(org, first, by_key)
        outcome = race(
            lambda d=draft: services.submit(first, d),
            lambda d=draft: services.save_answers(second, d, {key: Answer.NO}),
        )

        assert isinstance(outcome[0], Assessment), outcome
        value = Response.objects.get(assessment=draft, question_key=key).value
        score = FeatureScore.objects.get(assessment=draft, feature=by_key[key].feature).score
        if isinstance(outcome[1], services.Refused):
            assert outcome[1].code == "submitted"
            assert (value, score) == (Answer.YES, 100)
        else:  # the answer came first: the submission scored it
            assert (value, score) == (Answer.NO, 50)
