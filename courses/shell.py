"""What the courses offer the site shell (core.registry): the home page's "Start learning"."""

from core import registry

from . import seed
from .models import CoursePage

FEATURED_COURSES = 3


def featured_courses(request, page):
    """The first live courses in the home page's language (one query)."""
    courses = list(
        CoursePage.objects.live()
        .public()
        .filter(locale=page.locale)
        .order_by("path")
        .only("id", "title", "url_path", "summary", "locale_id")[:FEATURED_COURSES]
    )
    return {"featured_courses": courses} if courses else None


def register():
    registry.seeders.register(registry.Seeder(key="courses", order=20, run=seed.seed_courses))
    registry.home_sections.register(
        registry.HomeSection(
            key="courses",
            order=10,
            template="courses/home_section.html",
            context=featured_courses,
        )
    )
