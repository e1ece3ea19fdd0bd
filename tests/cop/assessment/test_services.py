"""The services that change organizations and assessments: who each one refuses (with
nothing written), and what each one writes. The questionnaire's own - starting or
resuming a draft, saving answers, what is left unanswered, submitting - in detail."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.constants import Role
from cop.assessment import services
from cop.assessment.classification import Classification, SubCondition
from cop.assessment.constants import FEATURES, Answer, Band, MemberRole, Met, Source
from cop.assessment.models import (
    Assessment,
    FeatureScore,
    Invitation,
    Membership,
    Organization,
    Response,
)
from cop.assessment.services import Refused
from tests.accounts.factories import UserFactory, focal_point, site_admin

from .factories import OrganizationFactory, assessed, mapped, questionnaire

pytestmark = pytest.mark.django_db

ORG = {"name": "Surin Weavers", "country": "TH", "org_type": "cooperative"}


def researcher(country):
    return UserFactory(
        roles=[Role.NATIONAL_RESEARCHER], scopes=[(Role.NATIONAL_RESEARCHER, country)]
    )


def refused(code, call, *args, **kwargs):
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    assert str(caught.value.message)
    return caught.value


@pytest.fixture
def by_key():
    return questionnaire()


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def org(member):
    return OrganizationFactory(admins=[member])


def of_feature(by_key, feature):
    return [key for key, q in by_key.items() if q.feature == feature]


def of_condition(by_key, condition):
    return next(key for key, q in by_key.items() if q.sub_condition == condition)


def every_answer(by_key, value=Answer.YES, met=()):
    return {
        key: (value if q.feature else Met.YES if q.sub_condition in met else Met.NO)
        for key, q in by_key.items()
    }


# --- Organizations -----------------------------------------------------------------------


def test_a_member_registers_an_organization_and_becomes_its_administrator(member):
    org = services.register_organization(member, **ORG)

    assert org.source == Source.SELF
    assert org.recorded_by == member
    assert Membership.objects.get(organization=org).role == MemberRole.ADMIN
    assert services.can.is_admin(member, org)  # the cached memberships were refreshed


def test_an_anonymous_or_inactive_person_registers_nothing():
    from django.contrib.auth.models import AnonymousUser

    refused("login", services.register_organization, AnonymousUser(), **ORG)
    refused("login", services.register_organization, UserFactory(is_active=False), **ORG)
    assert not Organization.objects.exists()


def test_a_form_may_not_set_the_source_or_publication(member):
    with pytest.raises(ValueError, match="not editable"):
        services.register_organization(member, **ORG, publish_results=True)
    assert not Organization.objects.exists()


def test_country_staff_record_mapped_organizations_only_in_their_countries():
    staff = researcher("KH")

    org = services.record_mapped(staff, **{**ORG, "country": "KH"})

    assert (org.source, org.recorded_by, org.country) == (Source.MAPPING, staff, "KH")
    assert not org.memberships.exists()
    refused("country", services.record_mapped, staff, **ORG)
    refused("country", services.record_mapped, UserFactory(), **{**ORG, "country": "KH"})
    assert Organization.objects.count() == 1


def test_the_import_saves_every_row_or_none():
    staff = focal_point("KH")
    rows = [{**ORG, "country": "KH", "name": f"Group {n}"} for n in range(3)]

    refused("country", services.record_mapped_many, staff, [*rows, {**ORG, "name": "Elsewhere"}])
    assert not Organization.objects.exists()

    saved = services.record_mapped_many(staff, rows)
    assert sorted(o.name for o in saved) == ["Group 0", "Group 1", "Group 2"]
    assert set(Organization.objects.values_list("source", flat=True)) == {Source.MAPPING}


def test_only_administrators_and_country_staff_of_a_mapped_one_edit_an_organization(org):
    colleague = UserFactory()
    Membership.objects.create(organization=org, user=colleague, role=MemberRole.MEMBER)

    refused("forbidden", services.edit_organization, colleague, org, sector="Finance")
    refused("forbidden", services.edit_organization, focal_point("TH"), org, sector="Finance")
    org.refresh_from_db()
    assert org.sector == "Agriculture"

    edited = services.edit_organization(site_admin(), org, sector="Finance")
    assert edited.sector == "Finance"
    found = mapped("KH")
    assert services.edit_organization(focal_point("KH"), found, sector="Care").sector == "Care"


def test_a_mapped_organization_is_not_moved_outside_its_editors_countries():
    found = mapped("KH")

    refused("country", services.edit_organization, focal_point("KH"), found, country="TH")
    found.refresh_from_db()
    assert found.country == "KH"


def test_sharing_is_set_by_those_who_edit(member, org):
    refused(
        "forbidden",
        services.set_sharing,
        UserFactory(),
        org,
        publish_results=True,
        share_with_country=True,
    )

    services.set_sharing(member, org, publish_results=True, share_with_country=False)

    org.refresh_from_db()
    assert (org.publish_results, org.share_with_country) == (True, False)


def test_invitations_are_sent_by_those_who_edit_and_accepted_once_by_the_address(member, org):
    refused("forbidden", services.invite, UserFactory(), org, "colleague@example.net")
    refused("member", services.invite, member, org, member.email)

    invitation = services.invite(member, org, " colleague@example.net ")
    assert invitation.email == "colleague@example.net"
    refused("address", services.accept_invitation, UserFactory(), invitation.token)
    refused("missing", services.accept_invitation, UserFactory(), "no-such-token")

    colleague = UserFactory(email="colleague@example.net")
    assert services.accept_invitation(colleague, invitation.token) == org
    assert Membership.objects.get(organization=org, user=colleague).role == MemberRole.MEMBER
    refused("used", services.accept_invitation, colleague, invitation.token)


def test_an_expired_invitation_is_refused(member, org):
    invitation = services.invite(member, org, "late@example.net")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    refused(
        "expired",
        services.accept_invitation,
        UserFactory(email="late@example.net"),
        invitation.token,
    )
    assert not Membership.objects.filter(user__email="late@example.net").exists()


# --- Starting an assessment -------------------------------------------------------------


def test_starting_makes_one_draft_and_starting_again_returns_it(member, org):
    draft = services.start_assessment(member, org)

    again = services.start_assessment(member, org)

    assert again.pk == draft.pk
    assert draft.is_draft
    assert draft.created_by == member
    assert Assessment.objects.filter(organization=org).count() == 1


def test_a_colleague_resumes_the_same_draft(member, org):
    colleague = UserFactory()
    Membership.objects.create(organization=org, user=colleague)

    assert services.start_assessment(colleague, org) == services.start_assessment(member, org)


@pytest.mark.parametrize(
    "who",
    [
        "stranger",
        "inactive member",
        "focal point of a sharing organization",
        "researcher of another country",
    ],
)
def test_who_may_not_assess_starts_nothing(org, who):
    person = {
        "stranger": UserFactory,
        "inactive member": lambda: UserFactory(is_active=False),
        "focal point of a sharing organization": lambda: focal_point("TH"),
        "researcher of another country": lambda: researcher("KH"),
    }[who]()
    if who == "inactive member":
        Membership.objects.create(organization=org, user=person)
    Organization.objects.filter(pk=org.pk).update(share_with_country=True)

    refused("forbidden", services.start_assessment, person, org)
    assert not Assessment.objects.exists()


def test_country_staff_and_site_admins_assess_what_they_may_edit(by_key):
    found = mapped("KH")

    assert services.start_assessment(researcher("KH"), found).organization == found
    assert services.start_assessment(site_admin(), OrganizationFactory()).is_draft


def test_after_a_submission_starting_makes_a_new_draft(member, org, by_key):
    first = assessed(org, by=member)

    second = services.start_assessment(member, org)

    assert second.pk != first.pk
    assert second.is_draft
    first.refresh_from_db()
    assert not first.is_draft


# --- Saving answers ---------------------------------------------------------------------


def test_answers_are_saved_with_their_feature_or_sub_condition(member, org, by_key):
    draft = services.start_assessment(member, org)
    feature_key = of_feature(by_key, 3)[0]
    condition_key = of_condition(by_key, SubCondition.SERVICE)

    services.save_answers(member, draft, {feature_key: Answer.PARTLY, condition_key: Met.YES})

    rows = {r.question_key: r for r in Response.objects.filter(assessment=draft)}
    assert (rows[feature_key].value, rows[feature_key].feature) == (1, 3)
    assert rows[feature_key].sub_condition == ""
    assert (rows[condition_key].value, rows[condition_key].sub_condition) == (1, "service")
    assert rows[condition_key].feature is None


def test_a_new_answer_replaces_one_left_out_is_kept_and_none_clears(member, org, by_key):
    draft = services.start_assessment(member, org)
    first, second = of_feature(by_key, 1)
    services.save_answers(member, draft, {first: Answer.NO, second: Answer.NO})

    services.save_answers(member, draft, {first: Answer.YES})
    services.save_answers(member, draft, {second: None})

    assert dict(draft.responses.values_list("question_key", "value")) == {first: 2}


@pytest.mark.parametrize("value", [3, -1, "1", 1.0, True, "yes", ""])
def test_an_answer_off_the_scale_saves_nothing_of_the_step(member, org, by_key, value):
    draft = services.start_assessment(member, org)
    good, bad = of_feature(by_key, 2)

    refused("scale", services.save_answers, member, draft, {good: Answer.YES, bad: value})

    assert not Response.objects.exists()


def test_a_sub_condition_is_answered_no_or_yes_only(member, org, by_key):
    draft = services.start_assessment(member, org)
    key = of_condition(by_key, SubCondition.PRODUCTIVE)

    refused("scale", services.save_answers, member, draft, {key: Answer.YES})

    assert not Response.objects.exists()


def test_an_unknown_question_saves_nothing(member, org, by_key):
    draft = services.start_assessment(member, org)
    good = of_feature(by_key, 1)[0]

    refused("question", services.save_answers, member, draft, {good: 1, uuid.uuid4(): 1})
    refused("question", services.save_answers, member, draft, {str(good): 1})

    assert not Response.objects.exists()


def test_a_submitted_assessment_takes_no_answer(member, org, by_key):
    done = assessed(org, by=member)
    key = of_feature(by_key, 1)[0]

    refused("submitted", services.save_answers, member, done, {key: Answer.NO})

    assert Response.objects.get(assessment=done, question_key=key).value == Answer.YES


def test_who_may_not_assess_saves_no_answer(org, by_key):
    draft = Assessment.objects.create(organization=org)

    refused("forbidden", services.save_answers, UserFactory(), draft, {of_feature(by_key, 1)[0]: 1})

    assert not Response.objects.exists()


# --- What is left, and submitting -------------------------------------------------------


def test_unanswered_lists_the_questions_without_an_answer_in_order(member, org, by_key):
    draft = services.start_assessment(member, org)
    keys = list(by_key)
    services.save_answers(member, draft, {keys[0]: 0, keys[3]: 2})

    left = services.unanswered(draft)

    assert [q.translation_key for q in left] == [k for k in keys if k not in (keys[0], keys[3])]
    assert services.unanswered(draft, by_key, answers=dict.fromkeys(keys, 1)) == []


def test_submitting_scores_every_feature_classifies_and_becomes_the_latest(member, org, by_key):
    draft = services.start_assessment(member, org)
    answers = every_answer(
        by_key,
        met=[SubCondition.PUBLIC_INTEREST, SubCondition.SERVICE, SubCondition.FREE_ESTABLISHMENT],
    )
    first, second = of_feature(by_key, 1)
    answers.update({first: Answer.PARTLY, second: Answer.YES})  # 75: practised
    answers.update(dict.fromkeys(of_feature(by_key, 2), Answer.PARTLY))  # 50: partly
    answers.update(zip(of_feature(by_key, 3), [Answer.NO, Answer.PARTLY], strict=True))  # 25
    answers.update(dict.fromkeys(of_feature(by_key, 5), Answer.NO))  # 0: missing
    services.save_answers(member, draft, answers)

    result = services.submit(member, draft)

    assert not result.is_draft
    assert result.submitted_by == member
    assert result.classification == Classification.SSEOE
    assert result.conditions_met == ["free_establishment", "public_interest", "service"]
    scores = {s.feature: (s.score, s.band) for s in FeatureScore.objects.filter(assessment=draft)}
    assert scores == {
        1: (75, Band.PRACTISED),
        2: (50, Band.PARTLY),
        3: (25, Band.WEAK),
        4: (100, Band.PRACTISED),
        5: (0, Band.MISSING),
        6: (100, Band.PRACTISED),
        7: (100, Band.PRACTISED),
    }
    org.refresh_from_db()
    assert org.latest_assessment == result


@pytest.mark.parametrize(
    ("met", "expected"),
    [
        ([SubCondition.SOCIAL_PROBLEM, SubCondition.PRODUCTIVE], Classification.PHO),
        ([SubCondition.DEMOCRATIC_GOVERNANCE], Classification.OUTSIDE),
        ([], Classification.OUTSIDE),
    ],
)
def test_the_classification_follows_the_sub_conditions_answered_yes(
    member, org, by_key, met, expected
):
    result = assessed(org, by=member, met=met)

    assert result.classification == expected
    assert result.conditions_met == sorted(met)


def test_submitting_with_a_question_unanswered_is_refused_and_writes_nothing(member, org, by_key):
    draft = services.start_assessment(member, org)
    answers = every_answer(by_key)
    del answers[of_condition(by_key, SubCondition.SERVICE)]
    services.save_answers(member, draft, answers)

    refused("unanswered", services.submit, member, draft)

    draft.refresh_from_db()
    org.refresh_from_db()
    assert draft.is_draft
    assert draft.classification == ""
    assert org.latest_assessment is None
    assert not FeatureScore.objects.exists()


def test_submitting_twice_is_refused_and_keeps_one_set_of_scores(member, org, by_key):
    done = assessed(org, by=member)

    refused("submitted", services.submit, member, done)

    assert FeatureScore.objects.filter(assessment=done).count() == len(FEATURES)


def test_who_may_not_assess_submits_nothing(org, by_key):
    draft = Assessment.objects.create(organization=org)
    services.save_answers(site_admin(), draft, every_answer(by_key))

    refused("forbidden", services.submit, UserFactory(), draft)

    draft.refresh_from_db()
    assert draft.is_draft


def test_a_later_submission_becomes_the_latest_and_keeps_the_earlier_one(member, org, by_key):
    first = assessed(org, by=member, answers={4: [0, 0]}, met=[SubCondition.SERVICE])
    second = assessed(org, by=member, answers={4: [2, 2]})

    org.refresh_from_db()
    assert org.latest_assessment == second
    first.refresh_from_db()
    assert first.conditions_met == ["service"]
    assert FeatureScore.objects.get(assessment=first, feature=4).score == 0
    assert FeatureScore.objects.get(assessment=second, feature=4).score == 100


def test_answers_to_a_question_since_removed_do_not_count(member, org, by_key):
    draft = services.start_assessment(member, org)
    services.save_answers(member, draft, every_answer(by_key))
    removed = of_feature(by_key, 6)[0]
    Response.objects.filter(assessment=draft, question_key=removed).update(value=0)
    by_key[removed].delete()

    result = services.submit(member, draft)

    assert FeatureScore.objects.get(assessment=result, feature=6).score == 100
