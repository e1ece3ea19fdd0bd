"""The seven features of the SSE in Thai (courses/curriculum/features_thai.py): the seed
makes each Feature snippet's Thai translation with wagtail-localize, so an editor can
correct it in the admin, and the self-assessment's result page in Thai gives the Thai
guidance on a weak feature (through the courses' feature_help provider). On the demo
seed (demo_db), which runs the courses' seeder."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cop.assessment.models import FeatureScore, Organization
from cop.assessment.scoring import needs_work
from courses.curriculum import FEATURES
from courses.curriculum.features_thai import FEATURES_THAI
from courses.models import Feature
from courses.seed import FEATURE_FIELDS, seed_features
from tests.accounts.factories import site_admin

pytestmark = pytest.mark.django_db

THAI_LETTERS = re.compile(r"[\u0e01-\u0e5b]")
ENGLISH = {spec["number"]: spec for spec in FEATURES}


def thai_locale():
    return Locale.objects.get(language_code="th")


def english_features():
    return {f.number: f for f in Feature.objects.filter(locale=Locale.get_default())}


def thai_features():
    return {f.number: f for f in Feature.objects.filter(locale=thai_locale())}


def test_every_feature_has_thai_text_in_every_field():
    assert sorted(FEATURES_THAI) == sorted(ENGLISH) == list(range(1, 8))
    for number, fields in FEATURES_THAI.items():
        assert set(fields) == set(FEATURE_FIELDS)
        for field, text in fields.items():
            assert THAI_LETTERS.search(text), (number, field)
            assert text == text.strip()
            assert "  " not in text, (number, field)  # Thai spaces are meant, one at a time
            assert text != ENGLISH[number][field]


@pytest.mark.usefixtures("demo_db")
def test_each_of_the_seven_features_has_its_thai_translation_with_the_same_translation_key():
    english, thai = english_features(), thai_features()

    assert sorted(english) == sorted(thai) == list(range(1, 8))
    for number, feature in thai.items():
        assert feature.translation_key == english[number].translation_key
        assert feature.get_translation(Locale.get_default()) == english[number]
        assert {field: getattr(feature, field) for field in FEATURE_FIELDS} == FEATURES_THAI[number]


@pytest.mark.usefixtures("demo_db")
def test_the_thai_features_are_wagtail_localize_translations_an_editor_can_correct(client):
    feature = english_features()[5]
    thai = thai_features()[5]
    source = TranslationSource.objects.get(object_id=feature.translation_key, locale=feature.locale)
    translation_record = Translation.objects.get(source=source, target_locale=thai_locale())

    assert translation_record.get_progress() == (4, 4)  # every field translated
    assert translation_record.get_target_instance() == thai

    client.force_login(site_admin())
    response = client.get(f"/admin/snippets/courses/feature/edit/{thai.pk}/")

    assert response.status_code == 200
    assert thai.name in response.content.decode()


@pytest.mark.usefixtures("demo_db")
def test_seeding_again_keeps_the_translations_and_an_editors_correction():
    corrected = "แนวทางที่บรรณาธิการแก้ไขแล้ว"
    Feature.objects.filter(locale=thai_locale(), number=2).update(how_to_adopt=corrected)
    counts = (
        Feature.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
    )

    seed_features()

    assert counts == (
        Feature.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
    )
    assert thai_features()[2].how_to_adopt == corrected


def weak_published_result():
    """(assessment, feature number): a published organization's latest result with a
    weak or missing feature, which anyone may read."""
    score = (
        FeatureScore.objects.filter(
            assessment__in=Organization.objects.published().values("latest_assessment")
        )
        .order_by("assessment_id", "feature")
        .select_related("assessment")
    )
    found = next(s for s in score if needs_work(s.band))
    return found.assessment, found.feature


@pytest.mark.usefixtures("demo_db")
def test_the_thai_result_page_gives_the_thai_guidance_on_a_weak_feature(client):
    assessment, number = weak_published_result()

    thai_page = client.get(f"/th/assessment/{assessment.pk}/").content.decode()
    english_page = client.get(f"/assessment/{assessment.pk}/").content.decode()

    assert FEATURES_THAI[number]["how_to_adopt"] in thai_page
    assert ENGLISH[number]["how_to_adopt"] not in thai_page
    assert ENGLISH[number]["how_to_adopt"] in english_page
