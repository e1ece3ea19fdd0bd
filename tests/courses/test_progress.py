"""Progress and completion rules, through the services every view uses."""

import pytest

from courses import services
from courses.models import Certificate, Enrolment, LessonPage, ModulePage, StepCompletion
from tests.accounts.factories import UserFactory
from tests.courses.conftest import lessons_of, publish, quiz_of, right_choices

pytestmark = pytest.mark.django_db


def finish(user, course):
    for lesson in lessons_of(course):
        services.complete_step(user, course, lesson)
    quiz = quiz_of(course)
    return services.submit_quiz(user, course, quiz, right_choices(quiz))


def test_progress_counts_completed_required_steps(course):
    user = UserFactory()
    first, second, _third = lessons_of(course)

    services.complete_step(user, course, first)
    services.complete_step(user, course, first)  # twice: still one
    outline = services.course_outline(course, user)

    assert (outline.done, outline.total, outline.percent) == (1, 4, 25)
    assert [s.completed for s in outline.steps] == [True, False, False, False]
    assert outline.modules[0].done == 1
    services.complete_step(user, course, second)
    assert services.course_outline(course, user).done == 2


def test_lessons_alone_do_not_complete_a_course_with_a_quiz(course):
    user = UserFactory()

    certificates = [services.complete_step(user, course, lesson) for lesson in lessons_of(course)]

    assert certificates == [None, None, None]
    assert not Certificate.objects.filter(user=user).exists()


def test_failing_the_quiz_keeps_the_attempt_but_completes_nothing(course):
    user = UserFactory()
    for lesson in lessons_of(course):
        services.complete_step(user, course, lesson)
    quiz = quiz_of(course)

    result, certificate = services.submit_quiz(user, course, quiz, {})

    assert (result.score, result.passed, certificate) == (0, False, None)
    assert quiz.translation_key not in services.completed_keys(user, course)
    assert services.recent_attempts(user, quiz)[0].score == 0


def test_finishing_issues_exactly_one_certificate(course):
    user = UserFactory(name="Nguyễn Thị Lan")

    result, certificate = finish(user, course)
    _, again = finish(user, course)
    third = services.issue_certificate(user, course)

    assert result.passed
    assert certificate is not None
    assert again == third == certificate
    assert Certificate.objects.filter(user=user).count() == 1
    assert (certificate.name, certificate.course_title) == ("Nguyễn Thị Lan", course.title)
    assert len(certificate.code) == 16
    assert Enrolment.objects.get(user=user).completed_at is not None


def test_optional_lessons_are_not_needed_to_complete(course):
    user = UserFactory()
    optional = lessons_of(course)[-1]
    LessonPage.objects.filter(pk=optional.pk).update(required=False)
    for lesson in lessons_of(course)[:-1]:
        services.complete_step(user, course, lesson)
    quiz = quiz_of(course)

    _, certificate = services.submit_quiz(user, course, quiz, right_choices(quiz))

    assert certificate is not None
    assert services.course_outline(course, user).total == 3


def test_a_lesson_added_after_completion(course):
    user = UserFactory()
    _, certificate = finish(user, course)
    module = ModulePage.objects.child_of(course).get()

    new = publish(module, LessonPage(title="New lesson", slug="new-lesson", body=[]))
    outline = services.course_outline(course, user)

    # The certificate stands (it certifies the course as completed then); the new lesson
    # shows as still to do, and doing it issues no second certificate.
    assert Certificate.objects.get(user=user) == certificate
    assert (outline.done, outline.total, outline.is_complete) == (4, 5, False)
    assert outline.first_incomplete().page.id == new.id
    assert services.complete_step(user, course, new) == certificate
    assert Certificate.objects.filter(user=user).count() == 1


def test_draft_lessons_are_not_part_of_the_course(course):
    user = UserFactory()
    draft = lessons_of(course)[0]
    draft.unpublish()

    outline = services.course_outline(course, user)

    assert draft.id not in [step.page.id for step in outline.steps]
    assert outline.total == 3


def test_progress_follows_the_learner_into_another_language(course):
    from wagtail.models import Locale

    user = UserFactory()
    lesson = lessons_of(course)[0]
    services.complete_step(user, course, lesson)
    thai, _ = Locale.objects.get_or_create(language_code="th")
    thai_course = course.copy_for_translation(thai, copy_parents=True, alias=True)

    assert lesson.translation_key in services.completed_keys(user, thai_course)
    assert StepCompletion.objects.filter(user=user).count() == 1


def test_visiting_a_step_enrols_and_remembers_where_you_left_off(course):
    user = UserFactory()
    second = lessons_of(course)[1]

    services.visit_step(user, course, second)
    services.visit_step(user, course, second)
    enrolment = Enrolment.objects.get(user=user)
    outline = services.course_outline(course, user)

    assert enrolment.last_step_id == second.id
    assert services.resume_page(outline, enrolment).id == second.id


def test_learner_dashboard_counts_progress_for_every_course(course):
    from tests.courses.conftest import build_course

    other = build_course(slug="second-course", lessons=2)
    user = UserFactory()
    services.enrol(user, course)
    services.complete_step(user, other, lessons_of(other)[0])

    rows, certificates = services.learner_dashboard(user)

    progress = {row.enrolment.course_id: (row.done, row.total) for row in rows}
    assert progress == {course.id: (0, 4), other.id: (1, 3)}
    assert certificates == []
