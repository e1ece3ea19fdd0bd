"""The learning flow over HTTP: who may see what, and what each action does."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from courses.models import Enrolment, ReflectionAnswer, StepCompletion
from tests.accounts.factories import UserFactory, site_admin
from tests.courses.conftest import build_course, lessons_of, quiz_of, right_answers

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_read_the_catalogue_and_course_overviews(client, course):
    catalogue = client.get("/courses/")
    overview = client.get(course.url)
    module = client.get(course.url + "module-1/")

    assert catalogue.status_code == overview.status_code == module.status_code == 200
    assert course.title in catalogue.content.decode()
    assert "Lesson 1.1" in overview.content.decode()


def test_lessons_and_quizzes_need_an_account(client, course):
    quiz = client.get(quiz_of(course).url)
    lesson = client.get(lessons_of(course)[0].url)  # says why (test_lesson_signed_out.py)

    assert quiz.status_code == 302
    assert quiz["Location"].startswith("/accounts/login/?next=")
    assert lesson.status_code == 403


def test_enrol_then_go_to_the_first_lesson(client, course):
    user = UserFactory()
    client.force_login(user)

    response = client.post(course.url)

    assert response.status_code == 302
    assert response["Location"] == lessons_of(course)[0].url
    assert Enrolment.objects.filter(user=user, course_key=course.translation_key).exists()


def test_mark_complete_moves_to_the_next_lesson_and_resume_points_there(client, course):
    user = UserFactory()
    client.force_login(user)
    first, second, _ = lessons_of(course)
    client.get(first.url)

    response = client.post(first.url, {"action": "complete"})
    client.get(second.url)
    overview = client.get(course.url).content.decode()

    assert response["Location"] == second.url
    assert StepCompletion.objects.filter(user=user, step_key=first.translation_key).exists()
    assert f'href="{second.url}">Resume: Lesson 1.2' in overview
    assert "1 of 4 done (25%)" in overview


def test_previous_and_next_navigation(client, course):
    client.force_login(UserFactory())
    first, second, third = lessons_of(course)

    html = client.get(second.url).content.decode()

    assert f'<a rel="prev" href="{first.url}">' in html
    assert f'<a rel="next" href="{third.url}">' in html


def test_a_reflection_is_saved_and_shown_to_its_author_only(client, course):
    author, other = UserFactory(), UserFactory()
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    client.force_login(author)

    client.post(
        lesson.url,
        {"action": "reflect", "block": block_id, "text": "Our *savings group* <script>x</script>"},
    )

    answer = ReflectionAnswer.objects.get(user=author)
    assert answer.html == ("<p>Our <em>savings group</em> &lt;script&gt;x&lt;/script&gt;</p>\n")
    assert "<em>savings group</em>" in client.get(lesson.url).content.decode()
    client.force_login(other)
    assert "savings group" not in client.get(lesson.url).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "reflect", "block": "nope", "text": "x"}, "does not exist"),
        ({"action": "reflect", "text": ""}, "Write something"),
        ({"action": "reflect", "text": "x" * 5001}, "too long"),
        ({"action": "check", "option": "7"}, "not one of the options"),
        ({"action": "dance"}, "Unknown action"),
    ],
)
def test_bad_lesson_input_gets_a_clear_400_and_changes_nothing(client, course, data, message):
    client.force_login(UserFactory())
    lesson = lessons_of(course)[0]
    if "block" not in data:
        kind = "reflection" if data["action"] == "reflect" else "knowledge_check"
        data["block"] = next(b.id for b in lesson.body if b.block_type == kind)

    response = client.post(lesson.url, data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReflectionAnswer.objects.exists()


def test_a_knowledge_check_gives_feedback(client, course):
    client.force_login(UserFactory())
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "knowledge_check")

    html = client.post(
        lesson.url, {"action": "check", "block": block_id, "option": "1"}
    ).content.decode()

    assert "Not quite." in html
    assert "Members own and control it." in html


def test_fail_then_pass_the_quiz_and_get_the_certificate(client, course):
    user = UserFactory()
    client.force_login(user)
    for lesson in lessons_of(course):
        client.post(lesson.url, {"action": "complete"})
    quiz = quiz_of(course)

    failed = client.post(quiz.url, {}).content.decode()
    passed = client.post(quiz.url, right_answers(quiz)).content.decode()

    assert "Not passed yet." in failed
    assert "Your score: 0%" in failed
    assert "You passed." in passed
    assert "Your score: 100%" in passed
    code = user.certificates.get().code
    assert f'href="/certificates/{code}/"' in passed
    assert len(re.findall(r"<li>.*?: (?:0|100)%", client.get(quiz.url).content.decode())) == 2


def test_a_tampered_quiz_answer_gets_a_400(client, course):
    client.force_login(UserFactory())
    quiz = quiz_of(course)
    first = next(iter(quiz.questions)).id

    response = client.post(quiz.url, {f"q-{first}": ["0", "1"]})  # two for a single choice

    assert response.status_code == 400
    assert "not one of the options" in response.content.decode()
    assert not quiz.translation_key or not StepCompletion.objects.exists()


def test_my_learning_shows_courses_progress_and_certificates(client, course):
    user = UserFactory()
    client.force_login(user)
    client.post(course.url)
    client.post(lessons_of(course)[0].url, {"action": "complete"})

    html = client.get("/learn/").content.decode()

    assert course.title in html
    assert "1 of 4 done (25%)" in html
    assert "Complete a course to earn its certificate." in html


def test_my_learning_needs_an_account(client):
    assert client.get("/learn/")["Location"].startswith("/accounts/login/")


# Every page on the path in one query, and the lesson (core.pagerouting: the site and
# the view restrictions come from the cache); the user (the session is read through the
# cache); the enrolment's "last visited" update; the learner's completed steps (the
# outline itself is cached per course); the learner's reflections.
LESSON_PAGE_QUERIES = 6


@pytest.mark.parametrize("lessons", [3, 50])
def test_a_lesson_page_makes_the_same_6_queries_whatever_the_course_size(
    client, django_assert_num_queries, lessons
):
    course = build_course(slug=f"size-{lessons}", modules=1, lessons=lessons)
    user = UserFactory()
    client.force_login(user)
    lesson = lessons_of(course)[lessons // 2]
    for done in lessons_of(course)[: lessons // 2]:
        client.post(done.url, {"action": "complete"})
    client.get(lesson.url)

    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        response = client.get(lesson.url)

    assert response.status_code == 200


def test_a_lesson_page_weighs_under_60_kb_compressed(client):
    course = build_course(slug="weight", modules=5, lessons=10)
    client.force_login(UserFactory())
    html = client.get(lessons_of(course)[0].url).content

    total = len(gzip.compress(html))
    for asset in re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        with open(finders.find(asset.decode()), "rb") as file:
            total += len(gzip.compress(file.read()))

    assert total < 60 * 1024, total


def test_a_draft_lesson_is_not_found_by_learners(client, course):
    client.force_login(UserFactory())
    lesson = lessons_of(course)[0]
    url = lesson.url
    lesson.unpublish()

    assert client.get(url).status_code == 404


def test_an_editor_previews_a_lesson_without_recording_progress(client, rf, course):
    admin = site_admin()
    client.force_login(admin)
    session = client.cookies["sessionid"].value
    editing = rf.get("/admin/", HTTP_COOKIE=f"sessionid={session}")
    editing.user = admin
    lesson = lessons_of(course)[0]

    # What the admin's preview panel does with the page being edited.
    response = lesson.make_preview_request(editing, lesson.default_preview_mode)

    assert response.status_code == 200
    assert "Lesson 1.1" in response.rendered_content
    assert not Enrolment.objects.filter(user=admin).exists()


def test_lessons_are_ready_for_translation_in_wagtail_localize(course):
    from wagtail_localize.models import StringSegment, TranslationSource

    lesson = lessons_of(course)[0]

    source, _ = TranslationSource.get_or_create_from_instance(lesson)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )

    assert {"Lesson 1.1", "Solidarity and mutual aid.", "What does it mean to you?"} <= strings
    assert "Is a cooperative owned by its members?" in strings  # inside a question block
