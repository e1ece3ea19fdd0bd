"""The coach report: a course's learners with their progress and quiz results, for
trainers and content editors (courses.permissions.can_coach).

A learner is anyone enrolled (opening a step enrols); progress counts the required steps
done, as the course page does, and "completed" is the enrolment's completion (a lesson
added later leaves it standing, as the certificate does). Progress is keyed by the pages'
translation key, so a course's report counts its learners in every language.

A constant number of queries whatever the number of learners, steps and attempts: the
course's steps (one), the learners with their steps done (a count and a page, or the
rows of an export), and those learners' quiz results (one).
"""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from accounts.constants import Constituency, Country

from .models import CoursePage, Enrolment, QuizAttempt, StepCompletion
from .services import QUIZ, course_outline

MAX_ROWS = 10_000  # an export beyond it is refused: the reader narrows the filters


class TooMany(Exception):
    """More than MAX_ROWS learners match."""


@dataclass(frozen=True)
class QuizCell:
    """One learner's results at one quiz."""

    attempts: int = 0
    best: int | None = None
    passed: bool = False


@dataclass
class Row:
    enrolment: Enrolment
    done: int
    total: int
    quizzes: list  # QuizCell, in the order of the course's quizzes

    @property
    def user(self):
        return self.enrolment.user

    @property
    def percent(self):
        return (100 * self.done) // self.total if self.total else 0


class Report:
    """The report of `course`: its steps, its learners (a queryset for the filters),
    and the rows of the learners asked for."""

    def __init__(self, course):
        self.course = course
        outline = course_outline(course)
        self.required_keys = [step.key for step in outline.required]
        self.quizzes = [step.page for step in outline.steps if step.kind == QUIZ]
        self.total = len(self.required_keys)

    def learners(self):
        """The course's active learners by name, each with `done`: their required steps
        completed (a subquery, so it stays one row per learner)."""
        if self.required_keys:
            done = (
                StepCompletion.objects.filter(
                    user=OuterRef("user_id"), step_key__in=self.required_keys
                )
                .order_by()
                .values("user")
                .annotate(n=Count("id"))
                .values("n")
            )
            done = Coalesce(Subquery(done, output_field=IntegerField()), 0)
        else:
            done = Value(0, output_field=IntegerField())
        return (
            Enrolment.objects.filter(course_key=self.course.translation_key, user__is_active=True)
            .select_related("user")
            .only(
                "enrolled_at",
                "last_visited_at",
                "completed_at",
                "user__name",
                "user__country",
                "user__constituency",
                "user__organization",
            )
            .annotate(done=done)
            .order_by(Lower("user__name"), "user_id")
        )

    @staticmethod
    def counts(learners):
        """{"learners": n, "completed": n} of a queryset of learners, in one query."""
        return learners.order_by().aggregate(
            learners=Count("id"), completed=Count("id", filter=Q(completed_at__isnull=False))
        )

    def results(self, user_ids):
        """{(user id, quiz key): QuizCell} of the learners `user_ids` (a list or a
        subquery) at the course's quizzes, in one query."""
        if not self.quizzes:
            return {}
        rows = (
            QuizAttempt.objects.filter(
                user_id__in=user_ids, quiz_key__in=[q.translation_key for q in self.quizzes]
            )
            .order_by()
            .values("user_id", "quiz_key")
            .annotate(
                attempts=Count("id"),
                best=Max("score"),
                passes=Count("id", filter=Q(passed=True)),
            )
        )
        return {
            (row["user_id"], row["quiz_key"]): QuizCell(
                attempts=row["attempts"], best=row["best"], passed=row["passes"] > 0
            )
            for row in rows
        }

    def rows(self, enrolments, user_ids=None):
        """The rows of `enrolments` (fetched, from `learners()`); their quiz results are
        looked up by `user_ids` (default: the enrolments' users)."""
        enrolments = list(enrolments)
        if user_ids is None:
            user_ids = [e.user_id for e in enrolments]
        results = self.results(user_ids) if enrolments else {}
        countries, constituencies = (
            {code: str(label) for code, label in choices}
            for choices in (Country.choices, Constituency.choices)
        )
        rows = []
        for enrolment in enrolments:
            user = enrolment.user
            user.country_label = countries.get(user.country, user.country)
            user.constituency_label = constituencies.get(user.constituency, user.constituency)
            cells = [
                results.get((enrolment.user_id, quiz.translation_key), QuizCell())
                for quiz in self.quizzes
            ]
            rows.append(
                Row(enrolment=enrolment, done=enrolment.done, total=self.total, quizzes=cells)
            )
        return rows

    def table(self, learners, zone):
        """(header, rows) of a CSV of `learners` (a filtered queryset), every one of
        them; TooMany past MAX_ROWS (checked on the rows fetched: no separate count).
        Times are the reader's (`zone`, a time zone name), as YYYY-MM-DD HH:MM."""
        enrolments = list(learners[: MAX_ROWS + 1])
        if len(enrolments) > MAX_ROWS:
            raise TooMany
        header = [
            _("Name"),
            _("Country"),
            _("Constituency"),
            _("Organization"),
            _("Enrolled"),
            _("Last visit"),
            _("Steps done"),
            _("Steps"),
            _("Progress (%)"),
            _("Completed"),
        ]
        for quiz in self.quizzes:
            header += [
                _("%(quiz)s: best score (%%)") % {"quiz": quiz.title},
                _("%(quiz)s: attempts") % {"quiz": quiz.title},
                _("%(quiz)s: passed") % {"quiz": quiz.title},
            ]
        yes, no = _("yes"), _("no")
        zone = ZoneInfo(zone)

        def when(value):
            return "" if value is None else f"{timezone.localtime(value, zone):%Y-%m-%d %H:%M}"

        lines = []
        for row in self.rows(enrolments, user_ids=learners.order_by().values("user_id")):
            user, enrolment = row.user, row.enrolment
            line = [
                user.name,
                user.country_label,
                user.constituency_label,
                user.organization,
                when(enrolment.enrolled_at),
                when(enrolment.last_visited_at),
                row.done,
                row.total,
                row.percent,
                when(enrolment.completed_at),
            ]
            for cell in row.quizzes:
                line += [
                    "" if cell.best is None else cell.best,
                    cell.attempts,
                    yes if cell.passed else no,
                ]
            lines.append(line)
        return header, lines


def courses_to_coach():
    """The live courses in the active language (wagtail-localize keeps a copy of each in
    every language), each with `learners` and `completed`: one query, and the locale's."""
    enrolled = Enrolment.objects.filter(
        course_key=OuterRef("translation_key"), user__is_active=True
    ).order_by()

    def count(enrolments):
        counted = enrolments.values("course_key").annotate(n=Count("id")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

    return (
        CoursePage.objects.live()
        .filter(locale=Locale.get_active())
        .annotate(
            learners=count(enrolled),
            completed=count(enrolled.filter(completed_at__isnull=False)),
        )
        .only("id", "title", "slug", "url_path", "translation_key", "locale_id", "path", "depth")
        .order_by("path")
    )
