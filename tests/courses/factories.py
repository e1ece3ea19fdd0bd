"""The course tree under the Wagtail tree: the catalogue (under the home page), courses,
modules, lessons with a reflection and a knowledge check, quizzes with question blocks;
and the SSE features lessons show as cards.

`build_course` makes a whole published course in one call.
"""

import factory
from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, Feature, LessonPage, ModulePage, QuizPage
from tests.home.factories import PageFactory, home_page


def question(text="Is a cooperative owned by its members?", kind="true_false"):
    """A question block (raw StreamField data) of `kind`: true_false, single or multiple."""
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


def lesson_body():
    return [
        {"type": "paragraph", "value": "<p>Solidarity and mutual aid.</p>"},
        {"type": "reflection", "value": {"prompt": "What does it mean to you?"}},
        {"type": "knowledge_check", "value": question()["value"]},
    ]


class CourseIndexPageFactory(PageFactory):
    class Meta:
        model = CourseIndexPage

    parent = factory.LazyFunction(home_page)
    title = "Courses"
    slug = "courses"
    intro = "Self-paced courses on the social and solidarity economy."
    show_in_menus = True


def catalogue():
    """The course catalogue (/courses/) under the home page; the one there already if any."""
    index = CourseIndexPage.objects.filter(locale=Locale.get_default()).first()
    return index if index is not None else CourseIndexPageFactory()


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    parent = factory.LazyFunction(catalogue)
    title = factory.LazyAttribute(lambda page: f"Course {page.slug}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "A test course."
    audience = "Testers."
    learning_outcomes = factory.LazyFunction(lambda: [{"type": "outcome", "value": "Test things."}])
    estimated_minutes = 30


class ModulePageFactory(PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")


class LessonPageFactory(PageFactory):
    """A lesson with a paragraph, a reflection and a true/false knowledge check."""

    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = factory.LazyFunction(lesson_body)


class QuizPageFactory(PageFactory):
    """A quiz of one question of each kind, passed at 70%."""

    class Meta:
        model = QuizPage

    title = "Final quiz"
    slug = "final-quiz"
    pass_mark = 70
    questions = factory.LazyFunction(
        lambda: [question(kind=k) for k in ("single", "multiple", "true_false")]
    )


class FeatureFactory(factory.django.DjangoModelFactory):
    """One of the seven SSE features, in the default locale."""

    class Meta:
        model = Feature

    number = factory.Sequence(lambda n: n % 7 + 1)
    name = factory.LazyAttribute(lambda feature: f"Feature {feature.number}")
    summary = "What the feature means."
    in_practice = "What it looks like."
    how_to_adopt = "How to adopt it."
    locale = factory.LazyFunction(Locale.get_default)


def build_course(*, slug="test-course", modules=1, lessons=3, quiz_questions=None):
    """A published course: `modules` modules of `lessons` lessons each (titled "Lesson
    <module>.<n>"), then a final quiz of `quiz_questions` (default: one of each kind)."""
    course = CoursePageFactory(slug=slug)
    for m in range(modules):
        module = ModulePageFactory(parent=course, title=f"Module {m + 1}", slug=f"module-{m + 1}")
        for n in range(lessons):
            LessonPageFactory(
                parent=module, title=f"Lesson {m + 1}.{n + 1}", slug=f"lesson-{n + 1}"
            )
    QuizPageFactory(parent=course, **({"questions": quiz_questions} if quiz_questions else {}))
    return course
