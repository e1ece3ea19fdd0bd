from .features import Feature
from .pages import AnswersShown, CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from .progress import Certificate, Enrolment, QuizAttempt, ReflectionAnswer, StepCompletion

__all__ = [
    "AnswersShown",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "Feature",
    "LessonPage",
    "ModulePage",
    "QuizAttempt",
    "QuizPage",
    "ReflectionAnswer",
    "StepCompletion",
]
