import pytest
from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def question(text="Is a cooperative owned by its members?", kind="true_false"):
    options = {
        "true_false": [
            {"text": "True", "correct": True, "feedback": "Yes: members own it."},
            {"text": "False", "correct": False, "feedback": "Members own and control it."},
        ],
        "single": [
            {"text": "A mutual", "correct": True, "feedback": "Right."},
            {"text": "A listed company", "correct": False, "feedback": "Shareholders first."},
            {"text": "A ministry", "correct": False, "feedback": "Part of the state."},
        ],
        "multiple": [
            {"text": "Voluntary cooperation", "correct": True, "feedback": "A feature."},
            {"text": "Mutual aid", "correct": True, "feedback": "A feature."},
            {"text": "Private gain first", "correct": False, "feedback": "The opposite."},
        ],
    }[kind]
    return {
        "type": "question",
        "value": {"kind": kind, "text": text, "options": options, "explanation": "Why."},
    }


def build_course(*, slug="test-course", modules=1, lessons=3, quiz_questions=None):
    """A published course: `modules` modules of `lessons` lessons each, then a final quiz
    of `quiz_questions` (default: one of each kind) under the course."""
    catalogue = CourseIndexPage.objects.get(locale=Locale.get_default())
    course = publish(
        catalogue,
        CoursePage(
            title=f"Course {slug}",
            slug=slug,
            summary="A test course.",
            audience="Testers.",
            learning_outcomes=[{"type": "outcome", "value": "Test things."}],
            estimated_minutes=30,
        ),
    )
    for m in range(modules):
        module = publish(course, ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}"))
        for n in range(lessons):
            publish(
                module,
                LessonPage(
                    title=f"Lesson {m + 1}.{n + 1}",
                    slug=f"lesson-{n + 1}",
                    body=[
                        {"type": "paragraph", "value": "<p>Solidarity and mutual aid.</p>"},
                        {"type": "reflection", "value": {"prompt": "What does it mean to you?"}},
                        {"type": "knowledge_check", "value": question()["value"]},
                    ],
                ),
            )
    questions = quiz_questions or [question(kind=k) for k in ("single", "multiple", "true_false")]
    publish(
        course, QuizPage(title="Final quiz", slug="final-quiz", pass_mark=70, questions=questions)
    )
    return course


@pytest.fixture
def course(db):
    return build_course()


def lessons_of(course):
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


def quiz_of(course):
    return QuizPage.objects.descendant_of(course).get()


def right_answers(quiz):
    """POST data answering every question of `quiz` correctly."""
    data = {}
    for block in quiz.questions:
        data[f"q-{block.id}"] = [
            str(i) for i, option in enumerate(block.value["options"]) if option["correct"]
        ]
    return data
