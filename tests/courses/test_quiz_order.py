"""Questions and options in a random order: drawn once per attempt (a reload shows the
same order, the next attempt another), graded by which option was picked, never by where
it stood."""

import re

import pytest

from courses.models import QuizAttempt, QuizPage
from courses.quiz import attempt_seed, draw, grade_quiz, option_keys
from tests.accounts.factories import UserFactory
from tests.courses.conftest import build_course, question, quiz_of, right_answers, right_choices

pytestmark = pytest.mark.django_db

FIELD = re.compile(r'name="q-([^"]+)" value="([^"]+)"')


def shuffled_quiz(slug="shuffled", questions=8, kind="single", **rules):
    course = build_course(
        slug=slug,
        lessons=1,
        quiz_questions=[question(f"Question {n}?", kind=kind) for n in range(questions)],
    )
    quiz = quiz_of(course)
    rules = {"shuffle_questions": True, "shuffle_options": True, **rules}
    QuizPage.objects.filter(pk=quiz.pk).update(**rules)
    return QuizPage.objects.get(pk=quiz.pk)


def shown(html):
    """[(question id, [option keys])] in the order the form shows them."""
    order = []
    for question_id, key in FIELD.findall(html):
        if not order or order[-1][0] != question_id:
            order.append((question_id, []))
        order[-1][1].append(key)
    return order


def editors_order(quiz):
    return [(b.id, [key for key, _ in option_keys(b.value)]) for b in quiz.questions]


def test_an_attempts_order_is_random_and_survives_a_reload(client):
    quiz = shuffled_quiz()
    client.force_login(UserFactory())

    first = shown(client.get(quiz.url).content.decode())
    reload = shown(client.get(quiz.url).content.decode())

    assert first == reload
    assert first != editors_order(quiz)  # 1 chance in 8! x 6^8 of the same
    assert sorted(q for q, _ in first) == sorted(q for q, _ in editors_order(quiz))
    editors = dict(editors_order(quiz))
    assert all(sorted(keys) == sorted(editors[q]) for q, keys in first)


def test_the_next_attempt_draws_another_order(client):
    quiz = shuffled_quiz()
    client.force_login(UserFactory())
    before = shown(client.get(quiz.url).content.decode())

    client.post(quiz.url, {})
    after = shown(client.get(quiz.url).content.decode())

    assert after != before


def test_a_shuffled_attempt_is_graded_by_the_options_picked(client):
    quiz = shuffled_quiz()
    client.force_login(UserFactory())
    order = shown(client.get(quiz.url).content.decode())

    html = client.post(quiz.url, right_answers(quiz)).content.decode()

    assert "Your score: 100%" in html
    assert QuizAttempt.objects.get().answers == {
        qid: sorted(keys) for qid, keys in right_choices(quiz).items()
    }
    # The result lists the questions in the order the attempt showed them.
    texts = {b.id: b.value["text"] for b in quiz.questions}
    listed = re.findall(r"<li><p>(Question \d\?)</p>", html)
    assert listed == [texts[qid] for qid, _ in order]


def test_true_false_keeps_true_first(client):
    quiz = shuffled_quiz(kind="true_false")
    client.force_login(UserFactory())

    html = client.get(quiz.url).content.decode()

    labels = re.findall(r'<label for="q-[^"]+-(\d)">(True|False)</label>', html)
    assert labels == [("0", "True"), ("1", "False")] * 8


def test_without_shuffling_the_editors_order_is_kept(client, course):
    quiz = quiz_of(course)
    client.force_login(UserFactory())

    assert shown(client.get(quiz.url).content.decode()) == editors_order(quiz)


def test_a_seed_is_the_learners_the_quizs_and_the_attempts():
    seeds = {
        attempt_seed(1, "k", 1),
        attempt_seed(1, "k", 2),
        attempt_seed(2, "k", 1),
        attempt_seed(1, "other", 1),
    }

    assert len(seeds) == 4
    assert attempt_seed(1, "k", 1) == attempt_seed(1, "k", 1)


def test_drawn_questions_grade_by_key_in_the_drawn_order():
    questions = [(f"q{n}", question(f"Q{n}", kind="single")["value"]) for n in range(5)]
    drawn = draw(questions, seed=7, shuffle_questions=True, shuffle_options=True)
    again = draw(questions, seed=7, shuffle_questions=True, shuffle_options=True)
    # Plain values (never saved) key their options by index, as text.
    answers = {qid: {"0"} for qid, _ in questions}  # "A mutual", the right one, everywhere

    result = grade_quiz(drawn, answers, pass_mark=100)

    assert [q.id for q in drawn] == [q.id for q in again]
    assert [[o.key for o in q.options] for q in drawn] == [
        [o.key for o in q.options] for q in again
    ]
    assert result.passed
    assert [r.question_id for r in result.questions] == [q.id for q in drawn]
    assert all(
        [o.text for o in r.options] == [o.text for o in q.options]
        for r, q in zip(result.questions, drawn, strict=True)
    )
