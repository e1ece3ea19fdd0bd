"""The admin's "Out-of-date translations" report (Reports menu, core.translation_report):
a translation is listed once its English source is edited and published after the
translation was last synced, until an editor syncs it; for editors only, in a constant
number of queries."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from accounts.constants import Role
from core.seeding import load_translations
from courses.models import Feature, LessonPage
from tests.accounts.factories import UserFactory, site_admin
from tests.courses.conftest import build_course, lessons_of
from tests.courses.factories import FeatureFactory
from tests.translating import translating  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/out-of-date-translations/"
FILES = Path(__file__).parent.parent / "courses" / "translations"  # km and vi


@pytest.fixture
def course(translating):  # noqa: F811 - the fixture imported above
    """A course of three lessons, translated into Khmer and Vietnamese."""
    course = build_course(lessons=3)
    translating(lessons_of(course), load_translations(FILES))
    return course


def edit(lesson, *, publish=True):
    """An editor changes the English lesson's title, and publishes it (or saves a draft)."""
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.title = f"{lesson.title} (revised)"
    revision = lesson.save_revision()
    if publish:
        revision.publish()
    return lesson


def editor():
    return UserFactory(roles=[Role.CONTENT_EDITOR])


def listed(client):
    """[(title, language code)] of the report's rows, from its context."""
    response = client.get(REPORT)
    assert response.status_code == 200
    return [(row.title, row.locale.language_code) for row in response.context["object_list"]]


def test_a_page_is_listed_after_its_english_source_is_edited_and_published_not_before(
    client, course
):
    client.force_login(editor())
    lesson = lessons_of(course)[0]
    before = listed(client)

    edit(lesson, publish=False)
    after_draft = listed(client)
    edit(lesson)
    after_publishing = listed(client)

    assert before == after_draft == []
    assert after_publishing == [("មេរៀនទី ១.១", "km"), ("Bài 1.1", "vi")]


def test_a_row_links_to_the_translation_editor_the_source_and_the_sync(client, course):
    client.force_login(editor())
    lesson = edit(lessons_of(course)[0])
    khmer = lesson.get_translation(Locale.objects.get(language_code="km"))
    source = TranslationSource.objects.get(object_id=lesson.translation_key)

    html = client.get(REPORT).content.decode()

    assert "Out-of-date translations" in html
    assert f'href="/admin/pages/{khmer.pk}/edit/"' in html
    assert f'href="/admin/pages/{lesson.pk}/edit/"' in html
    assert f'href="/admin/localize/update/{source.pk}/"' in html


def test_syncing_the_source_takes_its_translations_off_the_report(client, course):
    client.force_login(editor())
    lesson = edit(lessons_of(course)[0])
    source = TranslationSource.objects.get(object_id=lesson.translation_key)

    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )

    assert response.status_code == 302
    assert listed(client) == []


def test_a_feature_is_listed_when_its_english_text_changes_for_who_may_change_it(
    client,
    translating,  # noqa: F811 - the fixture imported above
):
    feature = FeatureFactory(number=3)
    translating([feature], load_translations(FILES))
    client.force_login(site_admin())
    assert listed(client) == []

    Feature.objects.filter(pk=feature.pk).update(summary="What the feature means, now.")

    assert listed(client) == [
        ("3. កិច្ចសហប្រតិបត្តិការដោយស្ម័គ្រចិត្ត", "km"),
        ("3. Hợp tác tự nguyện", "vi"),
    ]
    client.force_login(editor())  # editors have no permission to change features
    assert listed(client) == []


def test_the_report_is_for_editors_only(client):
    admin_only = UserFactory()
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))

    anonymous = client.get(REPORT)
    client.force_login(UserFactory())
    learner = client.get(REPORT)
    client.force_login(admin_only)
    no_page_permission = client.get(REPORT)
    menu_without = client.get("/admin/").content.decode()
    client.force_login(editor())
    allowed = client.get(REPORT)
    menu_with = client.get("/admin/").content.decode()

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert learner.status_code == 302  # no admin access: to the login
    assert no_page_permission.status_code == 302  # Wagtail's "permission denied"
    assert no_page_permission["Location"] == "/admin/"
    assert allowed.status_code == 200
    assert REPORT not in menu_without
    assert REPORT in menu_with


@pytest.mark.parametrize("query", ["?p=999", "?p=x", "?export=csv", "?ordering=-nothing"])
def test_odd_parameters_show_the_report(client, course, query):
    edit(lessons_of(course)[0])
    client.force_login(editor())

    response = client.get(REPORT + query)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert len(response.context["object_list"]) == 2


@pytest.mark.parametrize("edited", [1, 3])
def test_the_report_costs_the_same_queries_for_one_or_three_out_of_date_pages(
    client, django_assert_num_queries, course, edited
):
    for lesson in lessons_of(course)[:edited]:
        edit(lesson)
    client.force_login(editor())
    client.get(REPORT)  # the session, the user and the content types, once

    # The session, the user, their permissions (user's, groups', Wagtail's profile, page
    # and collection permissions), the admin's locales and explorer menu: 9; the report:
    # 3 (the translations to check, their pages, which of those the editor may change).
    with django_assert_num_queries(11):
        response = client.get(REPORT)

    assert len(response.context["object_list"]) == 2 * edited


@pytest.mark.parametrize("edited", [1, 3])
def test_the_report_costs_the_same_queries_for_one_or_three_out_of_date_features(
    client,
    django_assert_num_queries,
    translating,  # noqa: F811 - the fixture imported above
    edited,
):
    features = [FeatureFactory(number=n) for n in (1, 2, 3)]
    translating(features, load_translations(FILES))
    Feature.objects.filter(pk__in=[f.pk for f in features[:edited]]).update(summary="Changed.")
    client.force_login(site_admin())
    client.get(REPORT)

    # The session, the user, Wagtail's profile, the admin's locales and explorer menu (two):
    # 6 (a superuser's permissions cost none); the report: 2 (the translations, the
    # features).
    with django_assert_num_queries(7):
        response = client.get(REPORT)

    # Every feature's summary is in the Khmer file, only feature 3's name in the
    # Vietnamese one: 1 row for feature 1, 3 + 1 for all three.
    assert len(response.context["object_list"]) == {1: 1, 3: 4}[edited]
