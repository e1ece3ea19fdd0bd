"""What the courses offer the site shell and the other apps (core.registry): the home
page's "Start learning", the demo seed, and the self-assessment's guidance on a feature of
the SSE an organization lacks (how to adopt it, the lesson that teaches it)."""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction

from core import registry

from . import seed
from .models import CoursePage, Feature, LessonPage

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
    registry.feature_help.register(
        registry.FeatureHelp(key="courses", order=10, items=feature_help)
    )
