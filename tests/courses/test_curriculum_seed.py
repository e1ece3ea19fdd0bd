"""The demo seed's translations (issue 15, point 3), on the seeded demo (demo_db) with the
translators' files as they are in the repository (courses/curriculum/translations/ and
home/translations/: each may be partial, or missing): the first course, the features and
the site's pages are wagtail-localize translations in each language with a file, nothing
is out of date right after seeding, and seeding again changes none of it."""

from html import unescape

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.strings import StringValue

from core.seeding import load_translations
from core.translation_status import out_of_date_translations
from courses import seed as courses_seed
from courses.curriculum import COURSE_SSE
from courses.models import CoursePage, Feature, LessonPage
from home import seed as home_seed
from home.models import HomePage
from tests.accounts.factories import site_admin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_db")]

CURRICULUM = load_translations(courses_seed.TRANSLATIONS)
FEATURES = courses_seed.with_thai(CURRICULUM, courses_seed.features_thai_strings())
SITE = load_translations(home_seed.TRANSLATIONS)


def first_course():
    return CoursePage.objects.get(slug=COURSE_SSE["slug"], locale=Locale.get_default())


def translated_text(strings, text):
    """The file's translation of the plain `text`, as text; None if missing or the same.
    (A file holds segments as wagtail-localize keeps them: a plain text HTML-escaped.)"""
    found = strings.get(StringValue.from_plaintext(text).data)
    return unescape(found) if found and unescape(found) != text else None


def translated_title(strings, page):
    return translated_text(strings, page.title)


@pytest.mark.parametrize("code", sorted(CURRICULUM))
def test_the_first_course_is_translated_in_each_language_with_a_file(client, code):
    strings, english = CURRICULUM[code], first_course()
    lessons = LessonPage.objects.descendant_of(english).order_by("path")
    lesson = next((page for page in lessons if translated_title(strings, page)), None)
    if lesson is None:
        pytest.skip(f"{code}.json translates no lesson title yet")
    client.force_login(site_admin())

    translated = lesson.get_translation(Locale.objects.get(language_code=code))
    html = client.get(translated.url).content.decode()

    assert translated.alias_of_id is None
    assert translated.url.startswith(f"/{code}/")
    assert translated.title == translated_title(strings, lesson)
    assert f">{escape(translated.title)}</h1>" in html
    assert Translation.objects.filter(
        source__object_id=lesson.translation_key, target_locale__language_code=code
    ).exists()


@pytest.mark.parametrize("code", sorted(FEATURES))
def test_the_features_are_translated_in_each_language_with_a_file_and_thai(code):
    strings = FEATURES[code]
    english = Feature.objects.filter(locale=Locale.get_default())
    named = {f: name for f in english if (name := translated_text(strings, f.name))}
    if not named:
        pytest.skip(f"{code}.json translates no feature name yet")

    for feature, name in named.items():
        translated = Feature.objects.get(
            translation_key=feature.translation_key, locale__language_code=code
        )
        assert translated.name == name


@pytest.mark.parametrize("code", sorted(SITE))
def test_the_home_page_is_translated_in_each_language_with_a_file(client, code):
    english = HomePage.objects.get(locale=Locale.get_default())
    if translated_title(SITE[code], english) is None:
        pytest.skip(f"home/translations/{code}.json does not translate the home page yet")

    translated = english.get_translation(Locale.objects.get(language_code=code))

    assert translated.alias_of_id is None
    assert translated.title == translated_title(SITE[code], english)
    assert f'<html lang="{code}"' in client.get(f"/{code}/").content.decode()


def test_no_translation_is_out_of_date_right_after_seeding():
    assert out_of_date_translations(site_admin()) == []


def translated_state():
    pages = Page.objects.filter(alias_of__isnull=True).exclude(locale=Locale.get_default())
    return (
        sorted(pages.values_list("id", "title", "live", "latest_revision_id")),
        sorted(StringTranslation.objects.values_list("id", "data", "updated_at")),
        sorted(Translation.objects.values_list("id", "enabled")),
    )


def test_seeding_again_changes_no_translation():
    before = translated_state()

    call_command("seed_demo", "--force", stdout=None)

    assert translated_state() == before
