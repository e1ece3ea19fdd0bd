"""Seed the course catalogue, the seven SSE features and the curriculum (courses.curriculum),
with their translations.

Existing pages and features (found by slug and number) are left alone: editors' changes
survive and a second run changes nothing. One exception: the first course's seven feature
lessons (slugs `feature-<n>-...`) say which feature they teach (the self-assessment links
to them), and a database seeded before lessons said so gets it filled in where empty.

The translations are wagtail-localize's (content an editor corrects in the admin): the
features and the first course (its course page, modules, lessons and quizzes) into each
language with a translators' file courses/curriculum/translations/<code>.json ({English
segment: translation}; Thai features from curriculum/features_thai.py), the catalogue
into Thai. A segment missing falls back to the English; a page with nothing translated
stays an alias of the English (home.seed.sync_translations), and the aliases of a language
that gets a file become translations on the next seed.
"""

import re
import uuid
from pathlib import Path

from django.db.models import Q
from wagtail.models import Locale, Page, Site
from wagtail_localize.strings import StringValue

from core.seeding import child_page, load_translations, translate_all

from .curriculum import COURSE_SSE, COURSES, FEATURES
from .curriculum.features_thai import FEATURES_THAI
from .models import CourseIndexPage, CoursePage, Feature, LessonPage, ModulePage, QuizPage

TRANSLATIONS = Path(__file__).resolve().parent / "curriculum" / "translations"
THAI = "th"


def curriculum_translations(folder=None):
    """{language code: {English segment: translation}} from the translators' files in
    `folder` (courses/curriculum/translations/)."""
    return load_translations(folder or TRANSLATIONS)


def with_thai(translations, thai):
    """`translations` with the {English: Thai} strings `thai` added to its Thai (which
    they win over)."""
    return {**translations, THAI: {**translations.get(THAI, {}), **thai}}


CATALOGUE = {
    "slug": "courses",
    "title": "Courses",
    "intro": (
        "Self-paced courses on the social and solidarity economy: learn at your own pace, "
        "on your phone or computer, and earn a certificate."
    ),
}


CATALOGUE_THAI = {
    CATALOGUE["title"]: "หลักสูตร",
    CATALOGUE["intro"]: (
        "หลักสูตรเรียนด้วยตนเองเกี่ยวกับเศรษฐกิจสังคมและสมานฉันท์ เรียนตามจังหวะของคุณ "
        "บนโทรศัพท์หรือคอมพิวเตอร์ และรับประกาศนียบัตร"
    ),
}


FEATURE_LESSON = re.compile(r"^feature-([1-7])-")


def feature_taught(slug):
    """The feature number a lesson slugged `feature-<n>-...` teaches, else None."""
    match = FEATURE_LESSON.match(slug)
    return int(match.group(1)) if match else None


def fill_in_teaches_feature(course):
    """The feature lessons of `course` that do not say which feature they teach get it,
    on the live page, its aliases and its latest revision (what the editor opens next).
    Returns how many were filled in."""
    filled = 0
    lessons = LessonPage.objects.descendant_of(course).filter(
        teaches_feature__isnull=True, slug__regex=FEATURE_LESSON.pattern
    )
    for lesson in lessons.select_related("latest_revision"):
        number = feature_taught(lesson.slug)
        LessonPage.objects.filter(Q(pk=lesson.pk) | Q(alias_of=lesson)).update(
            teaches_feature=number
        )
        revision = lesson.latest_revision
        if revision is not None and revision.content.get("teaches_feature") is None:
            revision.content["teaches_feature"] = number
            revision.save(update_fields=["content"])
        filled += 1
    return filled


FEATURE_FIELDS = ("name", "summary", "in_practice", "how_to_adopt")


def features_thai_strings():
    """{English segment: Thai segment} for every field of the seven features, in the form
    wagtail-localize keeps a plain text's segment (HTML-escaped)."""
    return {
        StringValue.from_plaintext(spec[field]).data: StringValue.from_plaintext(
            FEATURES_THAI[spec["number"]][field]
        ).data
        for spec in FEATURES
        for field in FEATURE_FIELDS
    }


def seed_features(translations=None):
    """The seven features in the default locale, each translated with wagtail-localize (as
    an editor would, so it can be corrected in the admin) into each language of
    `translations` (curriculum_translations() by default) and into Thai. A feature that
    exists is left alone, and so is its translation but for segments it lacks."""
    locale = Locale.get_default()
    features = {}
    for spec in FEATURES:
        features[spec["number"]], _ = Feature.objects.get_or_create(
            number=spec["number"],
            locale=locale,
            defaults={key: spec[key] for key in FEATURE_FIELDS},
        )
    if translations is None:
        translations = curriculum_translations()
    translations = with_thai(translations, features_thai_strings())
    translate_all(features.values(), translations)  # a snippet translates as a page does
    return features


def translate_course(course, translations):
    """Translate `course` and every page below it (modules, lessons, quizzes) into each
    language of `translations`, parents first. Returns the number of pages translated or
    updated, per language counted once."""
    pages = Page.objects.descendant_of(course, inclusive=True).order_by("path").specific()
    return translate_all(pages, translations)


def lesson_body(blocks, features, countries):
    """Curriculum blocks -> StreamField raw data (snippets and pages by id)."""
    body = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "feature_card":
            value = features[value["feature"]].pk
        elif block["type"] == "country_case":
            value = {"country": countries[value["country"]].pk, "text": value["text"]}
        elif block["type"] == "knowledge_check":
            value = {**value, "options": list_items(value["options"], value["text"])}
        body.append({"type": block["type"], "value": value})
    return body


def list_items(values, salt):
    """A ListBlock's raw items in Wagtail's block format ({"type": "item", "value", "id"}),
    with ids made from `salt` and the position, the same on every seed. wagtail-localize
    extracts the segments of a ListBlock only in that format (a plain list's options and
    feedback would stay untranslatable), and a quiz grades by these ids in any language."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{salt}#{n}"))}
        for n, value in enumerate(values)
    ]


def question_block(question):
    return {
        "type": "question",
        "value": {
            "kind": question["kind"],
            "text": question["text"],
            "options": list_items(question["options"], question["text"]),
            "explanation": question.get("explanation", ""),
        },
    }


def seed_step(module, step, features, countries, *, teaches=False):
    if step["kind"] == "quiz":
        return child_page(
            module,
            QuizPage,
            step["slug"],
            title=step["title"],
            intro=step.get("intro", ""),
            pass_mark=step.get("pass_mark", 70),
            questions=[question_block(q) for q in step["questions"]],
        )
    return child_page(
        module,
        LessonPage,
        step["slug"],
        title=step["title"],
        summary=step.get("summary", ""),
        estimated_minutes=step.get("minutes", 10),
        body=lesson_body(step["body"], features, countries),
        teaches_feature=feature_taught(step["slug"]) if teaches else None,
    )


def seed_course(index, spec, features, countries, *, teaches=False):
    """Creates the course `spec` under `index` if missing; `teaches`: its feature lessons
    say which feature they teach."""
    course, created = child_page(
        index,
        CoursePage,
        spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        audience=spec["audience"],
        learning_outcomes=[{"type": "outcome", "value": o} for o in spec["outcomes"]],
        estimated_minutes=spec["minutes"],
        level=spec["level"],
    )
    if not created:
        if teaches:
            fill_in_teaches_feature(course)
        return 0
    for module_spec in spec["modules"]:
        module, _ = child_page(
            course,
            ModulePage,
            module_spec["slug"],
            title=module_spec["title"],
            summary=module_spec["summary"],
        )
        for step in module_spec["steps"]:
            seed_step(module, step, features, countries, teaches=teaches)
    return 1


def seed_courses(stdout=None):
    # The site's home page (home.seed makes it the default site's root): found through the
    # site, so that courses never import the home app (which sits above them).
    home = Site.objects.get(is_default_site=True).root_page.specific
    index, _ = child_page(
        home,
        CourseIndexPage,
        CATALOGUE["slug"],
        title=CATALOGUE["title"],
        intro=CATALOGUE["intro"],
        show_in_menus=True,
    )
    translations = curriculum_translations()
    translate_all([index], with_thai(translations, CATALOGUE_THAI))
    features = seed_features(translations)
    countries = {
        page.country: page
        for page in Page.objects.descendant_of(home).filter(locale=home.locale).specific()
        if getattr(page, "country", "")
    }
    created = sum(
        seed_course(index, spec, features, countries, teaches=n == 0)
        for n, spec in enumerate(COURSES)
    )
    first = CoursePage.objects.child_of(index).filter(slug=COURSE_SSE["slug"]).first()
    translated = translate_course(first, translations) if first and translations else 0
    if stdout:
        stdout.write(
            f"Courses: {created} created, {len(COURSES) - created} kept; {translated} "
            f"translations of the first course's pages made or updated "
            f"({', '.join(translations) or 'no translation files'})."
        )
