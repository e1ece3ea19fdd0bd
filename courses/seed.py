"""Seed the course catalogue, the seven SSE features and the curriculum (courses.curriculum).

Existing pages and features (found by slug and number) are left alone: editors' changes
survive and a second run changes nothing.
"""

from wagtail.models import Locale, Page, Site

from core.seeding import child_page, translate_page

from .curriculum import COURSES, FEATURES
from .models import CourseIndexPage, CoursePage, Feature, LessonPage, ModulePage, QuizPage

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


def seed_features():
    locale = Locale.get_default()
    features = {}
    for spec in FEATURES:
        features[spec["number"]], _ = Feature.objects.get_or_create(
            number=spec["number"],
            locale=locale,
            defaults={key: spec[key] for key in ("name", "summary", "in_practice", "how_to_adopt")},
        )
    return features


def lesson_body(blocks, features, countries):
    """Curriculum blocks -> StreamField raw data (snippets and pages by id)."""
    body = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "feature_card":
            value = features[value["feature"]].pk
        elif block["type"] == "country_case":
            value = {"country": countries[value["country"]].pk, "text": value["text"]}
        body.append({"type": block["type"], "value": value})
    return body


def question_block(question):
    return {
        "type": "question",
        "value": {
            "kind": question["kind"],
            "text": question["text"],
            "options": question["options"],
            "explanation": question.get("explanation", ""),
        },
    }


def seed_step(module, step, features, countries):
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
    )


def seed_course(index, spec, features, countries):
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
            seed_step(module, step, features, countries)
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
    translate_page(index, "th", CATALOGUE_THAI)  # the courses themselves get Thai aliases
    features = seed_features()
    countries = {
        page.country: page
        for page in Page.objects.descendant_of(home).filter(locale=home.locale).specific()
        if getattr(page, "country", "")
    }
    created = sum(seed_course(index, spec, features, countries) for spec in COURSES)
    if stdout:
        stdout.write(f"Courses: {created} created, {len(COURSES) - created} kept.")
