"""The demo's questionnaire and organizations (`seed_demo`, after the accounts and the
activities, before the translations): the content of seed_content.py.

- The questionnaire: each question in the default locale, then its Thai version through
  wagtail-localize (a translation source, its segments' Thai strings and the translated
  snippet), as an editor would make it in the admin, where it can be corrected.
- The organizations: registered by their members or recorded from a mapping study,
  assessed, published and shared through the services, as the demo accounts, so the
  same rules apply as in the product. Each assessment is then placed on the day its
  story gives (the services stamp the moment of seeding).

Idempotent: a question is found by its feature or sub-condition and its order, an
organization by its country and name; once there, each is left alone (an editor's
correction, a Thai text, an organization's later assessments and choices).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail_localize.strings import StringValue

from core.seeding import demo_people, translate_page

from . import services
from .constants import Source
from .models import Assessment, Organization, Question
from .questionnaire import questions
from .seed_content import ORGANIZATIONS, all_questions, thai

THAI = "th"
FIELDS = services.EDITABLE_FIELDS


def seed_assessment(stdout=None):
    with translation.override(settings.LANGUAGE_CODE):
        created, translated = seed_questionnaire()
        if stdout:
            stdout.write(
                f"Self-assessment questions: {created} created; {translated} translated into Thai."
            )
        seed_organizations(stdout)


@transaction.atomic
def seed_questionnaire():
    """Create the questions that are missing and translate into Thai those that have no
    Thai version yet. Returns (questions created, questions translated)."""
    locale = Locale.get_default()
    existing = {
        (q.feature, q.sub_condition, q.sort_order): q
        for q in Question.objects.filter(locale=locale)
    }
    created = 0
    for feature, condition, order, spec in all_questions():
        if (feature, condition, order) in existing:
            continue
        existing[(feature, condition, order)] = Question.objects.create(
            locale=locale,
            feature=feature,
            sub_condition=condition,
            sort_order=order,
            text=spec["text"],
            example=spec["example"],
        )
        created += 1
    # wagtail-localize keeps a plain text's segment as HTML: match it in that form.
    strings = {
        StringValue.from_plaintext(english).data: StringValue.from_plaintext(text).data
        for english, text in thai().items()
    }
    # translate_page translates any translatable object (here a snippet) as a page's.
    translated = sum(translate_page(q, THAI, strings) for q in existing.values())
    return created, translated


def seed_organizations(stdout=None):
    """Create the demo organizations that do not exist yet, with their assessments."""
    emails = {spec["by"] for spec in ORGANIZATIONS}
    people = demo_people(emails, "Self-assessment organizations", stdout)
    if people is None:
        return
    existing = set(
        Organization.objects.filter(name__in=[spec["name"] for spec in ORGANIZATIONS]).values_list(
            "country", "name"
        )
    )
    by_key = questions()
    now = timezone.now()
    created = 0
    for spec in ORGANIZATIONS:
        if (spec["country"], spec["name"]) in existing:
            continue
        with transaction.atomic():
            _create(spec, people[spec["by"]], by_key, now)
        created += 1
    if stdout:
        stdout.write(
            f"Self-assessment organizations: {created} created, "
            f"{len(ORGANIZATIONS) - created} kept."
        )


def answers(by_key, spec):
    """{question key: value} for every current question, from an assessment's `answers`
    (a group of digits per feature) and `met` (seed_content.py)."""
    groups = spec["answers"].split()
    asked = {}
    given = {}
    for key, question in by_key.items():
        if question.feature:
            digits = groups[question.feature - 1]
            n = asked.get(question.feature, 0)
            asked[question.feature] = n + 1
            given[key] = int(digits[n % len(digits)])
        else:
            given[key] = 1 if question.sub_condition in spec["met"] else 0
    return given


def _create(spec, user, by_key, now):
    fields = {name: spec[name] for name in FIELDS}
    if spec["source"] == Source.SELF:
        org = services.register_organization(user, **fields)
    else:
        org = services.record_mapped(user, **fields)
    for story in spec["assessments"]:
        draft = services.start_assessment(user, org)
        services.save_answers(user, draft, answers(by_key, story))
        submitted = services.submit(user, draft)
        day = now + timedelta(days=story["day"])
        Assessment.objects.filter(pk=submitted.pk).update(
            started_at=day - timedelta(days=1), updated_at=day, submitted_at=day
        )
    first = now + timedelta(days=spec["assessments"][0]["day"])
    Organization.objects.filter(pk=org.pk).update(created_at=first - timedelta(days=7))
    if spec["publish"] or spec["share"]:
        services.set_sharing(
            user, org, publish_results=spec["publish"], share_with_country=spec["share"]
        )
    return org
