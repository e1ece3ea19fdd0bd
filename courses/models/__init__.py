from .features import Feature
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from .progress import Certificate, Enrolment, QuizAttempt, ReflectionAnswer, StepCompletion

__all__ = [
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
