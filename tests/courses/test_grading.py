"""Quiz scoring rules, as pure functions."""

import pytest

from courses.quiz import AnswerError, grade_question, grade_quiz, parse_choices
from tests.courses.conftest import question


def q(kind):
    return question(kind=kind)["value"]


def test_single_choice_is_right_only_with_the_correct_option():
    assert grade_question("a", q("single"), {0}).correct
    assert not grade_question("a", q("single"), {1}).correct
    assert not grade_question("a", q("single"), set()).correct


def test_multiple_choice_is_all_or_nothing():
    assert grade_question("a", q("multiple"), {0, 1}).correct
    assert not grade_question("a", q("multiple"), {0}).correct  # one missing
    assert not grade_question("a", q("multiple"), {0, 1, 2}).correct  # one too many


def test_true_false():
    assert grade_question("a", q("true_false"), {0}).correct
    assert not grade_question("a", q("true_false"), {1}).correct


def test_feedback_is_given_for_each_option_with_what_was_chosen():
    result = grade_question("a", q("single"), {1})

    assert [(o.text, o.chosen, o.correct, o.feedback) for o in result.options] == [
        ("A mutual", False, True, "Right."),
        ("A listed company", True, False, "Shareholders first."),
        ("A ministry", False, False, "Part of the state."),
    ]
    assert result.explanation == "Why."


def test_two_options_for_a_single_choice_question_are_refused():
    with pytest.raises(AnswerError):
        grade_question("a", q("single"), {0, 1})


def test_quiz_score_and_pass_mark():
    questions = [("a", q("single")), ("b", q("multiple")), ("c", q("true_false"))]

    two_right = grade_quiz(questions, {"a": {0}, "b": {0}, "c": {0}}, pass_mark=70)
    all_right = grade_quiz(questions, {"a": {0}, "b": {0, 1}, "c": {0}}, pass_mark=70)
    at_the_mark = grade_quiz(questions, {"a": {0}, "b": {0}, "c": {0}}, pass_mark=66)

    assert (two_right.score, two_right.correct, two_right.passed) == (66, 2, False)
    assert (all_right.score, all_right.passed) == (100, True)
    assert at_the_mark.passed


@pytest.mark.parametrize("raw", [["x"], ["3"], ["-1"], ["0", "9"]])
def test_options_that_do_not_exist_are_refused(raw):
    with pytest.raises(AnswerError):
        parse_choices(raw, 3)
