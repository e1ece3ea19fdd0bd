"""Grading and drawing: pure functions over a question's value (no database).

Single choice and true/false: right when the one correct option is chosen. Multiple
choice is all-or-nothing: right only when exactly the correct options are chosen.

A quiz names each option by its key: the id Wagtail stores with every item of the
options list (QuizPage.save makes sure there is one), so an answer means the same
option whatever order the learner saw. Lessons' knowledge checks (never shuffled,
never recorded) name options by their index.

A quiz may draw its questions, and the options of each, in a random order: the order
comes from a seed of the learner, the quiz and the attempt's number (`attempt_seed`), so
reloading the page shows the same order until the attempt is submitted, and the next
attempt draws another.
"""

import hashlib
import hmac
import random
from dataclasses import dataclass

from django.conf import settings


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


@dataclass(frozen=True)
class DrawnOption:
    key: str
    text: str
    value: object  # the option's value (text, correct, feedback)


@dataclass(frozen=True)
class DrawnQuestion:
    """A question as one attempt shows it: its options in the attempt's order, each with
    its key (what the form sends back). Reads as a question value in the templates."""

    id: str
    kind: str
    text: str
    value: object
    options: list

    def keyed_options(self):
        return [(option.key, option.value) for option in self.options]


def parse_choices(raw_values, option_count):
    """Form values (option indexes as strings) -> a set of ints, or AnswerError."""
    try:
        chosen = {int(value) for value in raw_values}
    except (TypeError, ValueError) as error:
        raise AnswerError("not an option number") from error
    if any(index < 0 or index >= option_count for index in chosen):
        raise AnswerError("no such option")
    return chosen


def parse_keys(raw_values, keys):
    """Form values (option keys) -> the set of them, or AnswerError for a key the
    question does not have."""
    chosen = set(raw_values)
    if not chosen <= set(keys):
        raise AnswerError("no such option")
    return chosen


def option_keys(question):
    """[(key, option value)] of a question in the editor's order: the stored id of each
    option, or its index (as text) for data that never had one."""
    options = question["options"]
    children = getattr(options, "bound_blocks", None)
    if children is None:
        return [(str(index), option) for index, option in enumerate(options)]
    return [(child.original_id or str(index), child.value) for index, child in enumerate(children)]


def attempt_seed(user_id, quiz_key, number):
    """The seed of attempt `number` of a learner at a quiz: the same on every reload,
    another for each attempt, not guessable without the secret key."""
    message = f"quiz-order:{user_id}:{quiz_key}:{number}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big")


def draw(questions, *, seed, shuffle_questions=False, shuffle_options=False):
    """`questions` ([(id, question value)]) as one attempt shows them. True/false
    questions keep True first even when options are shuffled."""
    rng = random.Random(seed)  # noqa: S311 - an order to show, not a secret
    drawn = []
    for question_id, question in questions:
        options = [
            DrawnOption(key=key, text=option["text"], value=option)
            for key, option in option_keys(question)
        ]
        if shuffle_options and question["kind"] != "true_false":
            rng.shuffle(options)
        drawn.append(
            DrawnQuestion(
                id=question_id,
                kind=question["kind"],
                text=question["text"],
                value=question,
                options=options,
            )
        )
    if shuffle_questions:
        rng.shuffle(drawn)
    return drawn


def grade_question(question_id, question, chosen, options=None):
    """`chosen`: the keys of the options picked; `options`: [(key, option value)] in the
    order shown (default: the question's options, keyed by their index)."""
    if options is None:
        options = list(enumerate(question["options"]))
    correct_set = {key for key, option in options if option["correct"]}
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
                chosen=key in chosen,
                correct=option["correct"],
                feedback=option["feedback"] or "",
            )
            for key, option in options
        ],
        explanation=question["explanation"] or "",
    )


def grade_quiz(questions, answers, pass_mark):
    """`questions`: [(id, question value)] keyed by option index, or drawn questions
    (keyed by option key, in the attempt's order); `answers`: {id: set of keys}."""
    results = []
    for question in questions:
        if isinstance(question, DrawnQuestion):
            qid, value, options = question.id, question.value, question.keyed_options()
        else:
            (qid, value), options = question, None
        results.append(grade_question(qid, value, answers.get(qid, set()), options))
    correct = sum(result.correct for result in results)
    total = len(results)
    score = (100 * correct) // total if total else 0
    return QuizResult(
        score=score, passed=score >= pass_mark, correct=correct, total=total, questions=results
    )
