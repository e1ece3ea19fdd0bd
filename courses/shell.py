"""What the courses offer the site shell and the other apps (core.registry): the home
page's "Start learning", a member's dashboard's "Continue learning", the header's "My
learning", the demo seed, and the self-assessment's guidance on a feature of the SSE an
organization lacks (how to adopt it, the lesson that teaches it)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction

from core import pagecache, registry

from . import seed, services
from .models import CourseIndexPage, CoursePage, Feature, LessonPage, QuizPage, StepCompletion

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


def _languages():
    """The default and the active content language codes (no query, unlike Locale's)."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        active = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        active = default
    return default, active


def _in_language(rows, number_of, active):
    """{feature number: row}, the row in the `active` language where there is one, else
    the first other (rows come in the order wanted, annotated with `language`)."""
    chosen = {}
    for row in rows:
        number = number_of(row)
        if number not in chosen or (row.language == active and chosen[number].language != active):
            chosen[number] = row
    return chosen


def _in_private_section():
    """A page under (or with) a view restriction: Wagtail's `public()` as a subquery,
    not one query more."""
    return Exists(
        PageViewRestriction.objects.annotate(
            prefix=Substr(OuterRef("path"), 1, Length("page__path"))
        ).filter(prefix=F("page__path"))
    )


def feature_help(request, numbers):
    """For the self-assessment (registry.feature_help): for each feature number, how an
    organization that lacks it can adopt it (the Feature snippet's guidance) and the live
    lesson that teaches it, in the active language where translated, else the default
    one. A lesson's translation teaches what its source teaches. Two queries."""
    numbers = sorted({int(n) for n in numbers})
    if not numbers:
        return {}
    default, active = _languages()
    languages = {default, active}
    features = _in_language(
        Feature.objects.filter(number__in=numbers, locale__language_code__in=languages)
        .annotate(language=F("locale__language_code"))
        .order_by("number"),
        lambda feature: feature.number,
        active,
    )
    taught_by_source = LessonPage.objects.filter(
        translation_key=OuterRef("translation_key"), teaches_feature__isnull=False
    ).order_by("id")
    lessons = _in_language(
        LessonPage.objects.live()
        .filter(locale__language_code__in=languages)
        .exclude(_in_private_section())
        .annotate(
            language=F("locale__language_code"),
            feature=Coalesce(
                F("teaches_feature"), Subquery(taught_by_source.values("teaches_feature")[:1])
            ),
        )
        .filter(feature__in=numbers)
        .only("id", "title", "url_path", "locale_id", "translation_key", "depth", "path")
        .order_by("path"),
        lambda lesson: lesson.feature,
        active,
    )
    help_items = {}
    for number in numbers:
        items = []
        feature = features.get(number)
        if feature is not None:
            items.append(
                registry.HelpItem("guidance", label=feature.name, text=feature.how_to_adopt)
            )
        lesson = lessons.get(number)
        if lesson is not None:
            url = lesson.get_url(request=request)
            if url:
                items.append(registry.HelpItem("lesson", label=lesson.title, url=url))
        if items:
            help_items[number] = items
    return help_items


DASHBOARD_COURSES = 6  # the dashboard's "Continue learning" (My learning lists them all)


def _first_steps_not_done(user, courses):
    """{course page id: its first live lesson or quiz, in the course's order, that `user`
    has not completed} for `courses`; a course with none left is not in it. One query,
    whatever the number of courses and steps."""
    if not courses:
        return {}
    step_types = [ct.id for ct in ContentType.objects.get_for_models(LessonPage, QuizPage).values()]
    first = (
        Page.objects.live()
        .filter(content_type_id__in=step_types, path__startswith=OuterRef("path"))
        .exclude(translation_key__in=StepCompletion.objects.filter(user=user).values("step_key"))
        .order_by("path")
        .values("pk")[:1]
    )
    firsts = Page.objects.filter(pk__in=[course.pk for course in courses]).annotate(
        first_step=Subquery(first)
    )
    steps = Page.objects.filter(pk__in=firsts.values("first_step")).only(
        "id", "title", "url_path", "path", "depth", "locale_id", "content_type_id"
    )
    return {
        course.pk: step for step in steps for course in courses if step.path.startswith(course.path)
    }


def continue_learning(request):
    """The dashboard's "Continue learning": the member's live courses, those in progress
    first (the latest visited first), each with its progress and a link to its first
    step not done yet, never one already finished; a completed course with its
    certificate. My learning's four queries, and one for the next steps."""
    user = request.user
    rows, certificates = services.learner_dashboard(user)
    rows = [row for row in rows if row.enrolment.course.live]
    # In progress first, then completed; the latest visited first within each (the sort
    # is stable), a course never visited after those visited.
    rows.sort(
        key=lambda row: (row.enrolment.completed_at is not None, not row.enrolment.last_visited_at)
    )
    rows = rows[:DASHBOARD_COURSES]
    in_progress = [row.enrolment.course for row in rows if row.enrolment.completed_at is None]
    next_steps = _first_steps_not_done(user, in_progress)
    certificate_of = {certificate.course_key: certificate for certificate in certificates}
    for row in rows:
        row.course = row.enrolment.course
        row.completed = row.enrolment.completed_at is not None
        row.next_step = None if row.completed else next_steps.get(row.course.pk)
        row.started = row.done > 0 or row.enrolment.last_step_id is not None
        row.certificate = certificate_of.get(row.enrolment.course_key) if row.completed else None
    return {"rows": rows, "catalogue": None if rows else _catalogue()}


def _catalogue():
    """The course catalogue in the active language, else the default one (one query)."""
    default, active = _languages()
    pages = (
        CourseIndexPage.objects.live()
        .filter(locale__language_code__in={default, active})
        .annotate(language=F("locale__language_code"))
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )
    return min(pages, key=lambda page: page.language != active, default=None)


def _signed_in(request):
    return request.user.is_authenticated


def register():
    # Pages show the seven features (cards in lessons, the features page).
    pagecache.invalidate_on_change(Feature)
    registry.seeders.register(registry.Seeder(key="courses", order=20, run=seed.seed_courses))
    registry.header_items.register(
        registry.HeaderItem(
            key="learn", order=10, label=_("My learning"), url_name="learn", visible=_signed_in
        )
    )
    registry.dashboard_sections.register(
        registry.DashboardSection(
            key="courses",
            order=10,
            template="courses/dashboard_section.html",
            context=continue_learning,
        )
    )
    registry.home_sections.register(
        registry.HomeSection(
            key="courses",
            order=10,
            template="courses/home_section.html",
            context=featured_courses,
        )
    )
    registry.feature_help.register(
        registry.FeatureHelp(key="courses", order=10, items=feature_help)
    )
