"""Learning rules: enrolment, progress, completion, quizzes, reflections, certificates.

Views, page serve() methods, commands and tests call these functions; nothing else
writes progress. A course is complete when every required lesson is complete and every
quiz is passed; completing it issues exactly one certificate.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Count, Max, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.pagerouting import routed_ancestor
from core.refusal import Refused
from core.text import render_markdown

from .models import (
    AnswersShown,
    Certificate,
    CoursePage,
    Enrolment,
    QuizAttempt,
    ReflectionAnswer,
    StepCompletion,
)
from .outline import LESSON, QUIZ, Outline, _content_type_ids, course_outline
from .quiz import attempt_seed, draw, grade_quiz

__all__ = ["LESSON", "QUIZ", "Outline", "course_outline"]  # the outline, for views and tests


def completed_keys(user, course):
    if user is None or not user.is_authenticated:
        return set()
    return set(
        StepCompletion.objects.filter(user=user, course_key=course.translation_key).values_list(
            "step_key", flat=True
        )
    )


def course_for(step):
    """The course a step belongs to (already known when routing came through it)."""
    routed = routed_ancestor(step, CoursePage)
    if routed is not None:
        return routed
    if not step.path:  # a new page previewed before it is saved
        return None
    return CoursePage.objects.ancestor_of(step).first()


def enrolment_for(user, course):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course_key=course.translation_key).first()


def enrol(user, course):
    """Enrol `user` in `course` (idempotent); returns the enrolment."""
    try:
        with transaction.atomic():
            enrolment, _ = Enrolment.objects.get_or_create(
                user=user, course_key=course.translation_key, defaults={"course": course}
            )
    except IntegrityError:  # enrolled by a parallel request
        enrolment = Enrolment.objects.get(user=user, course_key=course.translation_key)
    return enrolment


def visit_step(user, course, step):
    """Remember `step` as where `user` left off (enrolling on a first visit)."""
    now = timezone.now()
    updated = Enrolment.objects.filter(user=user, course_key=course.translation_key).update(
        last_step=step, last_visited_at=now
    )
    if not updated:
        enrolment = enrol(user, course)
        enrolment.last_step, enrolment.last_visited_at = step, now
        enrolment.save(update_fields=["last_step", "last_visited_at"])


def complete_step(user, course, step):
    """Mark a lesson complete (or a quiz passed); issue the certificate when it finishes
    the course. Idempotent. Returns the certificate if the course is now complete."""
    enrol(user, course)
    with transaction.atomic():
        StepCompletion.objects.get_or_create(
            user=user,
            step_key=step.translation_key,
            defaults={"course_key": course.translation_key, "step": step},
        )
    return complete_course_if_done(user, course)


def complete_course_if_done(user, course):
    outline = course_outline(course, user)
    if not outline.is_complete:
        return None
    Enrolment.objects.filter(
        user=user, course_key=course.translation_key, completed_at__isnull=True
    ).update(completed_at=timezone.now())
    return issue_certificate(user, course)


def issue_certificate(user, course):
    """Exactly one certificate per learner and course, whoever asks and how often."""
    try:
        with transaction.atomic():
            certificate, _ = Certificate.objects.get_or_create(
                user=user,
                course_key=course.translation_key,
                defaults={
                    "course": course,
                    "name": user.name or user.email,
                    "course_title": course.title,
                },
            )
    except IntegrityError:  # issued by a parallel request
        certificate = Certificate.objects.get(user=user, course_key=course.translation_key)
    return certificate


def quiz_questions(quiz):
    return [(block.id, block.value) for block in quiz.questions]


@dataclass(frozen=True)
class AttemptStatus:
    """Where one learner stands with one quiz: the attempts made and allowed, when the
    next may start (the wait after the last one), whether one passed, the best score."""

    used: int
    limit: int | None  # None: unlimited
    opens_at: datetime | None  # the wait's end after the last attempt; None: no wait
    passed: bool
    best: int | None

    @property
    def number(self):
        """The number of the learner's next attempt (1 for the first)."""
        return self.used + 1

    @property
    def left(self):
        """Attempts left; None when unlimited."""
        return None if self.limit is None else max(self.limit - self.used, 0)

    @property
    def exhausted(self):
        return self.limit is not None and self.used >= self.limit

    def waiting(self, now=None):
        return self.opens_at is not None and self.opens_at > (now or timezone.now())

    def is_open(self, now=None):
        """May the learner start an attempt now?"""
        return not self.exhausted and not self.waiting(now)


class QuizClosed(Refused):
    """An attempt the quiz does not allow now: `code` "attempts" (none left) or "wait"
    (before the wait ends); `status` says when it opens."""

    def __init__(self, status, code):
        message = (
            _("You have used every attempt this quiz allows.")
            if code == "attempts"
            else _("You can try this quiz again when the wait between attempts is over.")
        )
        super().__init__(message, code)
        self.status = status


def quiz_status(user, quiz):
    """`user`'s attempts at `quiz` (in any of its languages) summed up: one query."""
    row = QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).aggregate(
        used=Count("id"),
        last=Max("created_at"),
        best=Max("score"),
        passes=Count("id", filter=Q(passed=True)),
    )
    wait = quiz.attempt_wait_minutes
    return AttemptStatus(
        used=row["used"],
        limit=quiz.max_attempts,
        opens_at=row["last"] + timedelta(minutes=wait) if wait and row["last"] else None,
        passed=row["passes"] > 0,
        best=row["best"],
    )


def answers_shown(quiz, status):
    """Does a learner in `status` see the correct answers (the quiz's review option)?
    After passing: once they have passed. After the last attempt: once none is left
    (never for a quiz with unlimited attempts). Never: never."""
    if quiz.show_answers == AnswersShown.AFTER_PASSING:
        return status.passed
    if quiz.show_answers == AnswersShown.AFTER_LAST_ATTEMPT:
        return status.exhausted
    return False


def draw_quiz(user, quiz, number):
    """The questions of attempt `number` of `user` at `quiz`, in that attempt's order
    (the editor's, unless the quiz shuffles): the same order on every reload."""
    return draw(
        quiz_questions(quiz),
        seed=attempt_seed(user.pk, quiz.translation_key, number),
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
    )


def _lock_enrolment(user, course):
    """Lock `user`'s enrolment row in `course` (enrolling first if need be) until the
    transaction ends: one query when enrolled."""
    locked = Enrolment.objects.select_for_update().filter(
        user=user, course_key=course.translation_key
    )
    row = locked.only("pk").first()
    if row is None:
        enrol(user, course)
        row = locked.only("pk").get()
    return row


def submit_quiz(user, course, quiz, answers):
    """Grade `answers` ({question id: set of option keys}), keep the attempt, and
    complete the quiz step when passed. Returns (QuizResult, certificate or None); the
    result lists the questions in the attempt's order.

    Refuses (QuizClosed) an attempt beyond the quiz's limit or before the wait after the
    last one ends. The learner's enrolment row is locked first, so two submissions at
    once are counted one after the other and cannot exceed the limit together. Nothing
    is written when it refuses, or when grading finds an answer that does not fit
    (AnswerError: two options for a single-choice question).
    """
    with transaction.atomic():
        _lock_enrolment(user, course)
        status = quiz_status(user, quiz)
        if status.exhausted:
            raise QuizClosed(status, "attempts")
        if status.waiting():
            raise QuizClosed(status, "wait")
        result = grade_quiz(draw_quiz(user, quiz, status.number), answers, quiz.pass_mark)
        QuizAttempt.objects.create(
            user=user,
            quiz=quiz,
            quiz_key=quiz.translation_key,
            course_key=course.translation_key,
            score=result.score,
            passed=result.passed,
            answers={qid: sorted(chosen) for qid, chosen in answers.items()},
        )
        certificate = complete_step(user, course, quiz) if result.passed else None
    return result, certificate


def save_reflection(user, lesson, block_id, text):
    """Keep the learner's private answer to a reflection prompt (rendered by the sanitiser)."""
    answer, _ = ReflectionAnswer.objects.update_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        block_id=block_id,
        defaults={"text": text, "html": render_markdown(text)},
    )
    return answer


def resume_page(outline, enrolment):
    """Where a learner picks up: the step last visited, else the first not completed."""
    if enrolment is None or not outline.steps:
        return None
    for step in outline.steps:
        if step.page.id == enrolment.last_step_id:
            return step.page
    return (outline.first_incomplete() or outline.steps[0]).page


def course_overview(user, course):
    """Template context for a course or module page: the outline and the learner's place."""
    outline = course_outline(course, user)
    enrolment = enrolment_for(user, course)
    certificate = (
        Certificate.objects.filter(user=user, course_key=course.translation_key).first()
        if enrolment is not None
        else None
    )
    return {
        "outline": outline,
        "enrolment": enrolment,
        "resume_page": resume_page(outline, enrolment),
        "certificate": certificate,
    }


def recent_attempts(user, quiz, limit=10):
    return list(QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key)[:limit])


@dataclass
class CourseProgress:
    enrolment: Enrolment
    done: int
    total: int

    @property
    def percent(self):
        return (100 * self.done) // self.total if self.total else 0


def learner_dashboard(user):
    """My courses with progress, and my certificates: four queries for any number of them."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course", "last_step")
        .order_by("-last_visited_at", "-enrolled_at")
    )
    done_keys = {}
    for course_key, step_key in StepCompletion.objects.filter(user=user).values_list(
        "course_key", "step_key"
    ):
        done_keys.setdefault(course_key, set()).add(step_key)
    required = {}
    courses = {e.course.path: e.course_key for e in enrolments}
    if courses:
        kinds = _content_type_ids()
        lesson_or_quiz = [ct for ct, kind in kinds.items() if kind in (LESSON, QUIZ)]
        prefix_query = Page.objects.none()
        for path in courses:
            prefix_query |= Page.objects.filter(path__startswith=path)
        steps = (
            prefix_query.live()
            .filter(content_type_id__in=lesson_or_quiz)
            .annotate(
                is_required=Coalesce(
                    "lessonpage__required", Value(True), output_field=BooleanField()
                )
            )
            .filter(is_required=True)
            .values_list("path", "translation_key")
        )
        for path, key in steps:
            course_key = courses[next(p for p in courses if path.startswith(p))]
            required.setdefault(course_key, set()).add(key)
    rows = [
        CourseProgress(
            enrolment=e,
            done=len(required.get(e.course_key, set()) & done_keys.get(e.course_key, set())),
            total=len(required.get(e.course_key, set())),
        )
        for e in enrolments
    ]
    certificates = list(Certificate.objects.filter(user=user))
    return rows, certificates
