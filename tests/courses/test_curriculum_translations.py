"""The curriculum in the region's languages (issue 15, point 3): the seed translates the
features and a course with wagtail-localize from the translators' files
(courses/curriculum/translations/<code>.json; here the tiny ones in
tests/courses/translations/), turning the aliases of the synchronised trees into
translations; a learner's progress and certificate follow the course across languages.

Publishing a translation happens on commit: `translated` publishes each at once, as the
seed's autocommit does (tests/translating.py)."""

import json
from pathlib import Path

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from core.seeding import load_strings, load_translations
from courses import services
from courses.models import Certificate, CoursePage, Feature, LessonPage, ModulePage, QuizPage
from courses.seed import translate_course
from tests.accounts.factories import UserFactory
from tests.courses.conftest import build_course, lessons_of, publish, quiz_of, right_answers
from tests.courses.factories import FeatureFactory
from tests.translating import translating  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "translations"
KHMER_LESSON = "មេរៀនទី ១.១"
KHMER_BODY = "សាមគ្គីភាព និងការជួយគ្នាទៅវិញទៅមក។"
VIETNAMESE_BODY = "Đoàn kết và tương trợ."


@pytest.fixture
def translated(translating):  # noqa: F811 - the fixture imported above
    """translated(objects, translations=the test files): as the seed translates them."""
    return lambda objects, translations=None: translating(
        objects, translations or load_translations(FILES)
    )


def locale(code):
    return Locale.objects.get(language_code=code)


def in_locale(page, code):
    return page.get_translation(locale(code)).specific


def course_pages(course):
    return list(Page.objects.descendant_of(course, inclusive=True).order_by("path").specific())


def alias_everything(course, code):
    """What home.seed.sync_translations does for `course`: an alias of each page."""
    target, _ = Locale.objects.get_or_create(language_code=code)
    for page in course_pages(course):
        page.copy_for_translation(target, copy_parents=True, alias=True)


def test_the_files_are_read_per_interface_language():
    translations = load_translations(FILES)

    assert list(translations) == ["km", "vi"]  # settings.LANGUAGES order
    assert translations["vi"]["Lesson 1.1"] == "Bài 1.1"
    assert load_translations(FILES / "none") == {}  # no file at all: nothing to translate


def test_a_broken_file_is_named_and_empty_translations_fall_back(tmp_path):
    (tmp_path / "km.json").write_text('{"Lesson 1.1": "មេរៀន", "Lesson 1.2": " "}')
    (tmp_path / "vi.json").write_text('{"Lesson 1.1": ')
    (tmp_path / "lo.json").write_text('["Lesson 1.1"]')

    assert load_strings(tmp_path / "km.json") == {"Lesson 1.1": "មេរៀន"}
    with pytest.raises(ValueError, match=r"vi\.json: not valid JSON"):
        load_strings(tmp_path / "vi.json")
    with pytest.raises(ValueError, match=r"lo\.json: not a JSON object of texts"):
        load_strings(tmp_path / "lo.json")


def test_a_khmer_and_a_vietnamese_lesson_serve_their_translated_text(client, translated):
    course = build_course(lessons=2)
    translated(course_pages(course))
    client.force_login(UserFactory())
    lesson = lessons_of(course)[0]

    khmer = client.get(f"/km{lesson.url}")
    vietnamese = client.get(f"/vi{lesson.url}")
    english = client.get(lesson.url)

    assert khmer.status_code == vietnamese.status_code == english.status_code == 200
    khmer_html, vietnamese_html = khmer.content.decode(), vietnamese.content.decode()
    assert '<html lang="km"' in khmer_html
    assert f"<h1>{KHMER_LESSON}</h1>" in khmer_html
    assert KHMER_BODY in khmer_html
    assert "<h1>Bài 1.1</h1>" in vietnamese_html
    assert VIETNAMESE_BODY in vietnamese_html
    assert KHMER_BODY not in english.content.decode()
    # A segment the file lacks falls back to the English: the reflection prompt.
    assert "What does it mean to you?" in khmer_html


def test_the_translations_are_wagtail_localize_translations_an_editor_corrects(translated):
    course = build_course(lessons=1)
    translated(course_pages(course))
    lesson = lessons_of(course)[0]
    khmer = in_locale(lesson, "km")
    record = Translation.objects.get(
        source__object_id=lesson.translation_key, target_locale=locale("km")
    )

    assert khmer.translation_key == lesson.translation_key
    assert khmer.alias_of_id is None
    assert record.get_target_instance().pk == khmer.pk
    assert StringTranslation.objects.filter(
        locale=locale("km"), data=KHMER_LESSON, tool_name="translation file"
    ).exists()
    total, done = record.get_progress()
    assert 0 < done < total  # what the file lacks waits for an editor


def test_an_alias_becomes_a_translation_with_the_same_page(client, translated):
    course = build_course(lessons=2)
    alias_everything(course, "km")
    lesson = lessons_of(course)[0]
    alias = lesson.get_translation(locale("km"))
    assert alias.alias_of_id == lesson.pk

    made = translated(course_pages(course))

    khmer = LessonPage.objects.get(pk=alias.pk)
    assert khmer.alias_of_id is None
    assert khmer.title == KHMER_LESSON
    assert khmer.live
    assert LessonPage.objects.filter(translation_key=lesson.translation_key).count() == 3
    # Nothing in the file translates the module ("Module 1"): it stays an alias, and goes
    # on following the English.
    module = ModulePage.objects.child_of(course).get()
    assert module.get_translation(locale("km")).alias_of_id == module.pk
    # km: course, 2 lessons (the same body), quiz; vi: the 2 lessons.
    assert made == 4 + 2


def test_progress_made_in_khmer_counts_in_english_with_the_same_certificate(client, translated):
    course = build_course(lessons=2)
    alias_everything(course, "km")
    translated(course_pages(course))
    user = UserFactory(name="Sok Dara")
    client.force_login(user)
    khmer_course = in_locale(course, "km")
    khmer_quiz = in_locale(quiz_of(course), "km")
    assert "តើសហករណ៍ជាកម្មសិទ្ធិរបស់សមាជិករបស់ខ្លួនឬទេ?" in client.get(khmer_quiz.url).content.decode()

    for lesson in lessons_of(khmer_course):
        assert client.post(lesson.url, {"action": "complete"}).status_code == 302
    passed = client.post(khmer_quiz.url, right_answers(khmer_quiz))

    certificate = Certificate.objects.get(user=user)
    outline = services.course_outline(course, user)
    assert passed.status_code == 200
    assert khmer_course.url.startswith("/km/")
    assert (outline.done, outline.total, outline.is_complete) == (3, 3, True)
    assert certificate.course_key == course.translation_key
    assert services.issue_certificate(user, course) == certificate  # the same one
    assert f"/certificates/{certificate.code}/" in client.get(course.url).content.decode()
    assert Certificate.objects.filter(user=user).count() == 1


def test_a_feature_and_its_card_in_a_lesson_are_in_khmer(client, translated):
    feature = FeatureFactory(number=3)
    course = build_course(lessons=1)
    module = ModulePage.objects.child_of(course).get()
    lesson = publish(
        module,
        LessonPage(
            title="Lesson 1.1",
            slug="feature-lesson",
            body=[{"type": "feature_card", "value": feature.pk}],
        ),
    )
    translated([feature])
    translated(course_pages(course))
    client.force_login(UserFactory())

    khmer = Feature.objects.get(translation_key=feature.translation_key, locale=locale("km"))
    html = client.get(f"/km{lesson.url}").content.decode()

    assert (khmer.name, khmer.summary) == ("កិច្ចសហប្រតិបត្តិការដោយស្ម័គ្រចិត្ត", "អត្ថន័យនៃលក្ខណៈនេះ។")
    assert khmer.in_practice == feature.in_practice  # not in the file: the English
    assert "កិច្ចសហប្រតិបត្តិការដោយស្ម័គ្រចិត្ត" in html
    assert "Feature 3" not in html


def counts():
    return (
        Page.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
        Feature.objects.count(),
    )


def test_translating_again_changes_nothing_and_keeps_an_editors_correction(translated):
    course = build_course(lessons=2)
    feature = FeatureFactory(number=3)
    translated([feature, *course_pages(course)])
    lesson = in_locale(lessons_of(course)[0], "km")
    corrected = "មេរៀនដំបូង"
    StringTranslation.objects.filter(locale=locale("km"), data=KHMER_LESSON).update(data=corrected)
    LessonPage.objects.filter(pk=lesson.pk).update(title=corrected)
    before = counts()

    made = translated([feature, *course_pages(course)])

    assert made == 0
    assert counts() == before
    assert LessonPage.objects.get(pk=lesson.pk).title == corrected


def test_a_file_that_grew_fills_in_what_a_translation_lacked(translated, tmp_path):
    course = build_course(lessons=1)
    translated(course_pages(course))
    lesson = lessons_of(course)[0]
    strings = load_strings(FILES / "km.json")
    (tmp_path / "km.json").write_text(
        json.dumps({**strings, "What does it mean to you?": "តើវាមានន័យយ៉ាងណាសម្រាប់អ្នក?"})
    )

    made = translated([lesson], load_translations(tmp_path))

    prompt = next(b for b in in_locale(lesson, "km").body if b.block_type == "reflection")
    assert made == 1
    assert prompt.value["prompt"] == "តើវាមានន័យយ៉ាងណាសម្រាប់អ្នក?"
    assert in_locale(lesson, "km").title == KHMER_LESSON


def test_a_stopped_translation_and_a_page_made_by_hand_are_left_alone(translated):
    course = build_course(lessons=2)
    first, second = lessons_of(course)
    translated([first])
    Translation.objects.filter(
        source__object_id=first.translation_key, target_locale=locale("km")
    ).update(enabled=False)  # "Stop synced translation": the editor's page from now on
    LessonPage.objects.filter(pk=in_locale(first, "km").pk).update(title="ដោយដៃ")
    by_hand = second.copy_for_translation(locale("km"), copy_parents=True)  # no translation
    strings = {**load_translations(FILES)["km"], "Lesson 1.1": "ផ្សេង", "Lesson 1.2": "ផ្សេង"}

    made = translated([first, second], {"km": strings})

    assert made == 0
    assert in_locale(first, "km").title == "ដោយដៃ"
    assert in_locale(second, "km").pk == by_hand.pk
    assert in_locale(second, "km").title == "Lesson 1.2"


def test_a_page_with_nothing_translated_stays_untranslated(translated):
    course = build_course(lessons=1)

    made = translated(course_pages(course), {"km": {"module-1": "module-1", "Nothing": "គ្មាន"}})

    assert made == 0  # a slug kept as it is translates nothing
    assert not Page.objects.filter(locale__language_code="km").exists()


def test_translate_course_translates_the_course_and_everything_below_it(
    translating,  # noqa: F811 - the fixture imported above
):
    course = build_course(lessons=1)
    other = build_course(slug="other-course", lessons=1)

    made = translate_course(course, {"km": load_translations(FILES)["km"]})

    assert made == 3  # the course, its lesson and its quiz (the module: nothing to translate)
    assert in_locale(course, "km").title == "វគ្គសិក្សាសាកល្បង"
    assert not CoursePage.objects.filter(
        translation_key=other.translation_key, locale__language_code="km"
    ).exists()
    assert (
        QuizPage.objects.get(
            translation_key=quiz_of(course).translation_key, locale__language_code="km"
        ).title
        == "តេស្តចុងក្រោយ"
    )
