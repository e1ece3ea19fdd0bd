"""The demo's questionnaire and organizations (cop/assessment/seed.py): the questionnaire
in English and in Thai (as wagtail-localize translations), the organizations across the
countries and types with their assessments, the demo learner's cooperative, the
national researcher, and that seeding twice changes nothing. On the demo seed (demo_db),
which runs this seeder itself."""

from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from accounts import permissions as accounts
from accounts.constants import PROGRAMME_COUNTRIES, Role
from accounts.seed import DEMO_PASSWORD, seed_accounts
from cop.assessment import permissions, seed, seed_content
from cop.assessment.classification import Classification, SubCondition, classify
from cop.assessment.constants import MIN_GROUP, Formality, MemberRole, OrgType, Source
from cop.assessment.models import Assessment, FeatureScore, Organization, Question
from cop.assessment.questionnaire import questions, steps
from cop.assessment.scoring import needs_work
from tests.accounts.factories import site_admin

pytestmark = pytest.mark.django_db

TWELVE = {country.value for country in PROGRAMME_COUNTRIES}


def person(email):
    return get_user_model().objects.get(email=email)


def english():
    return Question.objects.filter(locale=Locale.get_default())


def thai_locale():
    return Locale.objects.get(language_code="th")


def latest_assessments():
    return Assessment.objects.filter(
        pk__in=Organization.objects.values("latest_assessment")
    ).select_related("organization")


def row_counts():
    """The app's tables and wagtail-localize's (the questions' translations)."""
    models = [
        *apps.get_app_config("assessment").get_models(),
        *apps.get_app_config("wagtail_localize").get_models(),
    ]
    return {model._meta.label: model._default_manager.count() for model in models}


# -- The questionnaire -------------------------------------------------------------------


@pytest.mark.usefixtures("demo_db")
def test_the_questionnaire_asks_three_questions_per_feature_and_one_per_sub_condition():
    by_step = {step.number: step for step in steps()}

    assert [len(by_step[n].questions) for n in range(1, 8)] == [3] * 7
    assert [q.sub_condition for q in by_step[8].questions] == sorted(SubCondition.values)
    assert english().count() == 7 * 3 + len(SubCondition)
    assert [q.text for q in by_step[5].questions] == [
        spec["text"] for spec in seed_content.FEATURE_QUESTIONS[5]
    ]
    assert all(q.example for q in english())


@pytest.mark.usefixtures("demo_db")
def test_every_question_has_its_thai_translation_with_the_same_translation_key():
    source = {q.translation_key: q for q in english()}
    translated = {q.translation_key: q for q in Question.objects.filter(locale=thai_locale())}
    specs = {spec["text"]: spec for *_keys, spec in seed_content.all_questions()}

    assert set(translated) == set(source)
    for key, question in translated.items():
        spec = specs[source[key].text]
        assert (question.text, question.example) == (spec["text_th"], spec["example_th"])
        assert (question.feature, question.sub_condition, question.sort_order) == (
            source[key].feature,
            source[key].sub_condition,
            source[key].sort_order,
        )


@pytest.mark.usefixtures("demo_db")
def test_the_thai_versions_are_wagtail_localize_translations_an_editor_can_correct(client):
    question = english().get(feature=5, sort_order=2)
    thai = question.get_translation(thai_locale())
    source = TranslationSource.objects.get(
        object_id=question.translation_key, locale=question.locale
    )
    translation_record = Translation.objects.get(source=source, target_locale=thai_locale())

    assert translation_record.get_progress() == (2, 2)  # text and example, both translated
    assert source.get_source_instance() == question
    assert translation_record.get_target_instance() == thai

    client.force_login(site_admin())
    response = client.get(f"/admin/snippets/assessment/question/edit/{thai.pk}/")

    assert response.status_code == 200
    assert thai.text in response.content.decode()


@pytest.mark.usefixtures("demo_db")
def test_the_questionnaire_reads_in_thai_when_thai_is_active():
    with translation.override("th"):
        texts = [q.text for q in questions().values()]

    assert texts == [
        spec["text_th"]
        for _feature, _condition, _order, spec in sorted(
            seed_content.all_questions(), key=lambda row: (row[0] or 99, row[1], row[2])
        )
    ]


def test_the_english_questions_are_plain_questions_and_the_thai_ones_are_thai():
    for _feature, _condition, _order, spec in seed_content.all_questions():
        assert spec["text"].endswith("?")
        assert spec["text"].count("?") == 1  # one question
        assert len(spec["text"]) <= Question._meta.get_field("text").max_length
        assert spec["example"].endswith(".")
        for key in ("text", "example", "text_th", "example_th"):
            assert not set(spec[key]) & set("&<>\n")  # stored by wagtail-localize as HTML
        for key in ("text_th", "example_th"):
            assert sum("\u0e00" <= c <= "\u0e7f" for c in spec[key]) > len(spec[key]) / 2
    assert len(seed_content.thai()) == 2 * len(seed_content.all_questions())  # all distinct
    assert set(seed_content.CONDITION_QUESTIONS) == set(SubCondition)


def test_the_questionnaire_is_seeded_without_the_demo_accounts_and_the_organizations_wait():
    seed.seed_assessment()
    seed.seed_assessment()

    assert english().count() == len(seed_content.all_questions())
    assert Question.objects.filter(locale__language_code="th").count() == english().count()
    assert not Organization.objects.exists()  # no demo accounts to record them


def test_an_editors_correction_survives_seeding_again():
    seed.seed_questionnaire()
    thai = Question.objects.get(locale__language_code="th", feature=1, sort_order=1)
    Question.objects.filter(pk=thai.pk).update(text="แก้ไขโดยบรรณาธิการ")
    source = english().get(feature=2, sort_order=1)
    Question.objects.filter(pk=source.pk).update(example="Edited by an editor.")

    assert seed.seed_questionnaire() == (0, 0)
    thai.refresh_from_db()
    source.refresh_from_db()
    assert thai.text == "แก้ไขโดยบรรณาธิการ"
    assert source.example == "Edited by an editor."


# -- The organizations -------------------------------------------------------------------


@pytest.mark.usefixtures("demo_db")
def test_some_twenty_organizations_across_the_twelve_countries_and_every_type():
    orgs = list(Organization.objects.all())

    assert len(orgs) == len(seed_content.ORGANIZATIONS) >= 20
    assert {org.country for org in orgs} == TWELVE
    assert {org.org_type for org in orgs} == set(OrgType.values)
    assert {org.formality for org in orgs} == set(Formality.values)
    assert {org.source for org in orgs} == set(Source.values)
    assert all(org.latest_assessment_id for org in orgs)


@pytest.mark.usefixtures("demo_db")
def test_registered_organizations_have_their_member_as_administrator_and_mapped_ones_none():
    for org in Organization.objects.prefetch_related("memberships__user"):
        spec = next(s for s in seed_content.ORGANIZATIONS if s["name"] == org.name)
        roles = [(m.user.email, m.role) for m in org.memberships.all()]
        if org.source == Source.SELF:
            assert roles == [(spec["by"], MemberRole.ADMIN)]
        else:
            assert roles == []
            assert org.recorded_by.email == spec["by"]
            assert org.country in accounts.mapping_countries(org.recorded_by)


@pytest.mark.usefixtures("demo_db")
def test_the_assessments_are_scored_and_classified_by_the_rule_and_mix_all_three_classes():
    submitted = Assessment.objects.filter(submitted_at__isnull=False)
    latest = list(latest_assessments())

    assert not Assessment.objects.filter(submitted_at__isnull=True).exists()  # no draft
    assert FeatureScore.objects.count() == 7 * submitted.count()
    for assessment in submitted:
        assert assessment.classification == classify(assessment.conditions_met).classification
    counts = Counter(a.classification for a in latest)
    assert set(counts) == set(Classification.values)
    assert counts[Classification.SSEOE] > counts[Classification.PHO] > counts["outside"] > 0


@pytest.mark.usefixtures("demo_db")
def test_the_democratic_deficit_shows_feature_5_is_the_most_often_weak_or_missing():
    weak = Counter(
        score.feature
        for score in FeatureScore.objects.filter(assessment__in=latest_assessments())
        if needs_work(score.band)
    )

    assert weak.most_common(1)[0][0] == 5
    assert weak[5] >= len(seed_content.ORGANIZATIONS) // 3


@pytest.mark.usefixtures("demo_db")
def test_a_few_organizations_were_assessed_twice_and_their_latest_is_the_newer():
    twice = [org for org in Organization.objects.all() if org.assessments.count() == 2]
    savings = Organization.objects.get(name="Prey Kabbas Women's Savings Group")
    earlier, later = savings.assessments.order_by("submitted_at")

    assert len(twice) == 3
    for org in twice:
        assert org.latest_assessment == org.assessments.order_by("-submitted_at").first()
    assert (earlier.classification, later.classification) == (
        Classification.PHO,
        Classification.SSEOE,
    )
    assert (later.submitted_at - earlier.submitted_at).days == 500


@pytest.mark.usefixtures("demo_db")
def test_some_are_published_some_share_with_their_country_some_keep_everything():
    orgs = list(Organization.objects.all())

    published = [org for org in orgs if org.publish_results]
    assert 0 < len(published) < len(orgs)
    assert {
        a.classification for a in latest_assessments() if a.organization.publish_results
    } == set(Classification.values)
    assert {org.name for org in orgs if org.share_with_country} == {
        "Thanh Xuan Women's Consumer Cooperative",
        "Mongolian Cooperative Alliance",
    }


@pytest.mark.usefixtures("demo_db")
def test_some_countries_show_aggregates_and_others_have_too_few_to_show():
    per_country = Counter(Organization.objects.assessed().values_list("country", flat=True))

    assert {c for c, n in per_country.items() if n >= MIN_GROUP} == {"KH", "TH"}
    assert {c for c, n in per_country.items() if 0 < n < MIN_GROUP} == TWELVE - {"KH", "TH"}


@pytest.mark.usefixtures("demo_db")
def test_the_demo_learner_administers_a_thai_cooperative_with_one_unpublished_assessment():
    learner = person("learner@example.org")
    (org,) = learner.sse_organizations.all()

    assert org.name == seed_content.LEARNER_ORGANIZATION
    assert (org.country, org.org_type) == ("TH", OrgType.COOPERATIVE)
    assert permissions.is_admin(learner, org)
    assert org.assessments.count() == 1
    assert not org.latest_assessment.is_draft
    assert org.latest_assessment.classification == Classification.SSEOE
    assert not org.publish_results
    assert {s.feature for s in org.latest_assessment.scores.all() if needs_work(s.band)} == {6}


@pytest.mark.usefixtures("demo_db")
def test_seeding_again_changes_nothing():
    before = row_counts()
    stamps = list(Assessment.objects.order_by("pk").values_list("pk", "submitted_at"))

    seed.seed_assessment()

    assert row_counts() == before
    assert list(Assessment.objects.order_by("pk").values_list("pk", "submitted_at")) == stamps


@pytest.mark.usefixtures("demo_db")
def test_an_organization_removed_is_seeded_again_and_the_others_are_kept():
    Organization.objects.filter(name="Tong Pasture Users' Association").delete()
    kept = set(Assessment.objects.values_list("pk", flat=True))

    seed.seed_assessment()

    org = Organization.objects.get(name="Tong Pasture Users' Association")
    assert set(Assessment.objects.values_list("pk", flat=True)) - kept == {org.latest_assessment_id}


# -- The national researcher -------------------------------------------------------------


@pytest.mark.usefixtures("demo_db")
def test_the_demo_national_researcher_maps_cambodia_only():
    researcher = person("researcher.kh@example.org")

    assert researcher.check_password(DEMO_PASSWORD)
    assert EmailAddress.objects.filter(user=researcher, verified=True, primary=True).exists()
    assert researcher.has_role(Role.NATIONAL_RESEARCHER)
    assert researcher.scopes_of(Role.NATIONAL_RESEARCHER) == frozenset({"KH"})
    assert accounts.mapping_countries(researcher) == frozenset({"KH"})
    assert not researcher.has_role(Role.FOCAL_POINT)


def test_the_researcher_account_is_seeded_once():
    seed_accounts()
    seed_accounts()

    researcher = person("researcher.kh@example.org")
    assert researcher.scopes_of(Role.NATIONAL_RESEARCHER) == frozenset({"KH"})
    assert researcher.groups.filter(name=Role.NATIONAL_RESEARCHER).count() == 1
