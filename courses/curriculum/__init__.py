"""The seeded curriculum, as plain Python data (no Django imports).

The seeding code reads FEATURES (the seven features of SSE entities, with self-assessment
questions) and COURSES (each course with its modules, lessons and quizzes).
"""

from .course_policy import COURSE_POLICY
from .course_sse import COURSE_SSE
from .features import FEATURES

COURSES = [COURSE_SSE, COURSE_POLICY]

__all__ = ["COURSES", "COURSE_POLICY", "COURSE_SSE", "FEATURES"]
