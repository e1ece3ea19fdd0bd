"""Grading: pure functions over a question's value (no database).

Single choice and true/false: right when the one correct option is chosen. Multiple
choice is all-or-nothing: right only when exactly the correct options are chosen.
"""

from dataclasses import dataclass


class AnswerError(ValueError):
    """An answer that does not fit the question (unknown option): the form was tampered."""


@dataclass(frozen=True)
class OptionResult:
    text: str
    chosen: bool
    correct: bool
    feedback: str


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    text: str
    correct: bool
    answered: bool
    options: list
    explanation: str


@dataclass(frozen=True)
class QuizResult:
    score: int  # percent, rounded down
    passed: bool
    correct: int
    total: int
    questions: list


def parse_choices(raw_values, option_count):
    """Form values (option indexes as strings) -> a set of ints, or AnswerError."""
    try:
        chosen = {int(value) for value in raw_values}
    except (TypeError, ValueError) as error:
        raise AnswerError("not an option number") from error
    if any(index < 0 or index >= option_count for index in chosen):
        raise AnswerError("no such option")
    return chosen


def grade_question(question_id, question, chosen):
    options = list(question["options"])
    correct_set = {i for i, option in enumerate(options) if option["correct"]}
    if question["kind"] != "multiple" and len(chosen) > 1:
        raise AnswerError("one option only")
    return QuestionResult(
        question_id=question_id,
        text=question["text"],
        correct=chosen == correct_set,
        answered=bool(chosen),
        options=[
            OptionResult(
                text=option["text"],
                chosen=i in chosen,
                correct=option["correct"],
                feedback=option["feedback"] or "",
            )
            for i, option in enumerate(options)
        ],
        explanation=question["explanation"] or "",
    )


def grade_quiz(questions, answers, pass_mark):
    """`questions`: [(id, question value)]; `answers`: {id: set of option indexes}."""
    results = [
        grade_question(qid, question, answers.get(qid, set())) for qid, question in questions
    ]
    correct = sum(result.correct for result in results)
    total = len(results)
    score = (100 * correct) // total if total else 0
    return QuizResult(
        score=score, passed=score >= pass_mark, correct=correct, total=total, questions=results
    )
