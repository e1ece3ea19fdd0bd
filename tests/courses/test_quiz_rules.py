"""A quiz's rules over HTTP, as its editor set them: attempts allowed, the wait between
two, when the correct answers are shown, and what a result says before that."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from courses import services
from courses.models import AnswersShown, Enrolment, QuizAttempt, QuizPage
from courses.quiz import option_keys
from tests.accounts.factories import UserFactory, site_admin
from tests.courses.conftest import build_course, question, quiz_of, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    user = UserFactory(time_zone="Asia/Bangkok")
    client.force_login(user)
    return user


def quiz_with(course, **rules):
    quiz = quiz_of(course)
    QuizPage.objects.filter(pk=quiz.pk).update(**rules)
    return QuizPage.objects.get(pk=quiz.pk)


def wrong_answers(quiz):
    """POST data picking a wrong option of every question (the first correct one of a
    multiple-choice question, and nothing else: still wrong, all-or-nothing)."""
    data = {}
    for block in quiz.questions:
        keyed = option_keys(block.value)
        if block.value["kind"] == "multiple":
            data[f"q-{block.id}"] = [next(key for key, o in keyed if o["correct"])]
        else:
            data[f"q-{block.id}"] = [next(key for key, o in keyed if not o["correct"])]
    return data


def one_wrong(quiz):
    """Right answers except the first (single-choice) question: 66%."""
    data = right_answers(quiz)
    first = next(iter(quiz.questions))
    data[f"q-{first.id}"] = [next(key for key, o in option_keys(first.value) if not o["correct"])]
    return data


def test_a_new_quiz_keeps_todays_rules():
    quiz = QuizPage(title="Q", questions=[])

    assert quiz.max_attempts is None
    assert quiz.attempt_wait_minutes == 0
    assert quiz.show_answers == AnswersShown.AFTER_PASSING
    assert not quiz.shuffle_questions
    assert not quiz.shuffle_options


def test_unlimited_attempts_by_default(client, learner, course):
    quiz = quiz_of(course)

    statuses = [client.post(quiz.url, wrong_answers(quiz)).status_code for _ in range(6)]
    page = client.get(quiz.url).content.decode()

    assert statuses == [200] * 6
    assert QuizAttempt.objects.filter(user=learner).count() == 6
    assert "you may try as often as you like" in page
    assert 'class="quiz-form"' in page


def test_an_attempt_beyond_the_limit_is_refused_and_stores_nothing(client, learner, course):
    quiz = quiz_with(course, max_attempts=2)

    first = client.get(quiz.url).content.decode()
    client.post(quiz.url, wrong_answers(quiz))
    last = client.post(quiz.url, wrong_answers(quiz)).content.decode()
    refused = client.post(quiz.url, right_answers(quiz))
    page = client.get(quiz.url).content.decode()

    assert "You have 2 of 2 attempts left." in first
    assert "Take the quiz again" not in last
    assert "You have used all 2 attempts at this quiz." in last
    assert refused.status_code == 409
    assert "You have used every attempt this quiz allows." in refused.content.decode()
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    assert not services.quiz_status(learner, quiz).passed
    assert 'class="quiz-form"' not in page
    assert "You have used all 2 attempts at this quiz." in page
    assert "Your best score: 0%." in page


def test_one_attempt_allowed_says_so(client, learner, course):
    quiz = quiz_with(course, max_attempts=1)
    client.post(quiz.url, wrong_answers(quiz))

    assert "You have used your 1 attempt at this quiz." in client.get(quiz.url).content.decode()


def test_an_attempt_before_the_wait_ends_is_refused_with_the_time_it_opens(client, learner, course):
    quiz = quiz_with(course, attempt_wait_minutes=30)
    client.post(quiz.url, wrong_answers(quiz))
    last = QuizAttempt.objects.get(user=learner)
    opens = (last.created_at + timedelta(minutes=30)).astimezone(ZoneInfo("Asia/Bangkok"))

    refused = client.post(quiz.url, right_answers(quiz))
    html = refused.content.decode()

    assert refused.status_code == 429
    assert 1790 <= int(refused["Retry-After"]) <= 1800
    assert "You can try again from" in html
    assert f'<time datetime="{opens.isoformat()}">' in html  # +07:00
    assert f"{opens:%H:%M}</time> (Asia/Bangkok)" in html
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert 'class="quiz-form"' not in client.get(quiz.url).content.decode()

    QuizAttempt.objects.filter(pk=last.pk).update(
        created_at=last.created_at - timedelta(minutes=31)
    )
    again = client.post(quiz.url, right_answers(quiz))

    assert again.status_code == 200
    assert "You passed." in again.content.decode()


def test_the_wait_is_shown_before_an_attempt(client, learner, course):
    quiz = quiz_with(course, attempt_wait_minutes=45, max_attempts=3)

    html = client.get(quiz.url).content.decode()

    assert "You have 3 of 3 attempts left." in html
    assert "After an attempt, you wait 45 minutes before the next." in html


def test_a_failed_attempt_marks_the_wrong_answers_without_the_right_ones(client, learner, course):
    quiz = quiz_of(course)  # after passing, by default

    html = client.post(quiz.url, wrong_answers(quiz)).content.decode()
    results = html.split('class="question-results"')[1].split("</ol>")[0]

    assert "Not passed yet." in html
    assert results.count("Not quite.") == 3
    assert "You chose: <strong>A listed company</strong>" in results
    # The multiple-choice pick was a right option, but the question is wrong: nothing
    # tells which of the picks was right.
    assert "You chose: <strong>Voluntary cooperation</strong>" in results
    for revealing in (
        "Correct answer:",
        "✓",
        "Right.",
        "Shareholders first.",
        "A feature.",
        "Why.",
    ):
        assert revealing not in results, revealing
    assert "the correct answers are shown once you pass" in html


def test_a_passed_attempt_shows_the_right_answers_by_default(client, learner):
    course = build_course(slug="lenient")
    quiz = quiz_with(course, pass_mark=60)

    html = client.post(quiz.url, one_wrong(quiz)).content.decode()
    results = html.split('class="question-results"')[1].split("</ol>")[0]

    assert "You passed." in html
    assert "Correct answer: <strong>A mutual</strong> ✓" in results
    assert "Shareholders first." in results  # the feedback on the learner's pick
    assert "Why." in results


def test_after_passing_a_later_failed_attempt_shows_the_answers_too(client, learner, course):
    quiz = quiz_of(course)
    client.post(quiz.url, right_answers(quiz))

    html = client.post(quiz.url, wrong_answers(quiz)).content.decode()

    assert "Correct answer: <strong>A mutual</strong>" in html


def test_after_the_last_attempt_the_answers_are_shown_then_only(client, learner, course):
    quiz = quiz_with(course, max_attempts=2, show_answers=AnswersShown.AFTER_LAST_ATTEMPT)

    first = client.post(quiz.url, wrong_answers(quiz)).content.decode()
    last = client.post(quiz.url, wrong_answers(quiz)).content.decode()

    assert "Correct answer:" not in first
    assert "the correct answers are shown after your last attempt" in first
    assert "Correct answer: <strong>A mutual</strong>" in last
    assert "Members own and control it." in last  # feedback, now that nothing is left


def test_after_the_last_attempt_with_unlimited_attempts_never_shows_them(client, learner, course):
    quiz = quiz_with(course, show_answers=AnswersShown.AFTER_LAST_ATTEMPT)

    html = client.post(quiz.url, wrong_answers(quiz)).content.decode()

    assert "Correct answer:" not in html
    assert "this quiz does not show the correct answers" in html


def test_never_hides_the_right_answers_even_after_passing(client, learner):
    course = build_course(slug="strict")
    quiz = quiz_with(course, pass_mark=60, show_answers=AnswersShown.NEVER)

    html = client.post(quiz.url, one_wrong(quiz)).content.decode()
    results = html.split('class="question-results"')[1].split("</ol>")[0]

    assert "You passed." in html
    assert "Correct answer:" not in results
    assert "Shareholders first." not in results
    assert "You chose: <strong>A listed company</strong>" in results
    # The questions answered rightly keep their feedback: it tells nothing new.
    assert results.count("Correct.") == 2
    assert "this quiz does not show the correct answers" in html


def test_submissions_are_rate_limited(client, learner, course):
    quiz = quiz_of(course)

    statuses = [client.post(quiz.url, wrong_answers(quiz)).status_code for _ in range(21)]

    assert statuses[:20] == [200] * 20
    assert statuses[20] == 429
    assert QuizAttempt.objects.filter(user=learner).count() == 20


def test_answers_name_options_by_key_not_by_position(client, learner, course):
    quiz = quiz_of(course)
    by_position = {
        f"q-{block.id}": [str(i) for i, o in enumerate(block.value["options"]) if o["correct"]]
        for block in quiz.questions
    }

    response = client.post(quiz.url, by_position)

    assert response.status_code == 400
    assert "not one of the options" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_the_form_sends_each_options_stored_key(client, learner, course):
    quiz = quiz_of(course)

    html = client.get(quiz.url).content.decode()

    for block in quiz.questions:
        sent = re.findall(rf'name="q-{block.id}" value="([^"]+)"', html)
        assert sent == [key for key, _ in option_keys(block.value)]
        assert all(len(key) == 36 for key in sent)  # Wagtail's ids, not indexes


def test_a_quiz_saved_from_raw_data_keeps_its_option_keys(course):
    quiz = quiz_of(course)

    again = QuizPage.objects.get(pk=quiz.pk)

    assert [option_keys(b.value) for b in quiz.questions] == [
        option_keys(b.value) for b in again.questions
    ]


def test_the_editor_sets_the_rules_in_the_admin(client, course):
    client.force_login(site_admin())
    quiz = quiz_of(course)

    html = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()

    for field in (
        "max_attempts",
        "attempt_wait_minutes",
        "show_answers",
        "shuffle_questions",
        "shuffle_options",
    ):
        assert f'name="{field}"' in html, field


def test_a_previewed_quiz_records_nothing(client, rf, course):
    admin = site_admin()
    client.force_login(admin)
    editing = rf.get("/admin/", HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}")
    editing.user = admin
    quiz = quiz_with(course, max_attempts=1)

    response = quiz.make_preview_request(editing, quiz.default_preview_mode)

    assert response.status_code == 200
    assert 'class="quiz-form"' in response.rendered_content
    assert not Enrolment.objects.filter(user=admin).exists()


def test_a_question_added_later_keeps_the_others_keys(client, learner):
    course = build_course(slug="grown")
    quiz = quiz_of(course)
    answers = right_answers(quiz)  # the form opened before the editor added a question
    quiz.questions = [*quiz.questions.raw_data, question("Added later?")]
    quiz.save()

    html = client.post(quiz.url, answers).content.decode()

    assert "Your score: 75%" in html  # 3 of 4: the new one unanswered
    assert QuizAttempt.objects.get().score == 75
