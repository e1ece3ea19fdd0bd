"""Seeding helpers every app's demo seeder uses: the demo accounts it needs, idempotent
page creation and translation of Wagtail pages with wagtail-localize, as an editor would
do it in the admin."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def demo_people(emails, what, stdout=None):
    """{email: user} for the demo accounts `emails`, or None (saying so on `stdout`) when
    one is missing: the seeder of `what` ("Follow-up activities") then skips its part."""
    emails = set(emails)
    people = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    if missing := sorted(emails - set(people)):
        if stdout:
            stdout.write(f"{what}: skipped (no {', '.join(missing)}).")
        return None
    return people


def child_page(parent, model, slug, **fields):
    """(page, created): the child of `parent` with `slug`, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def translate_tree(home, language_code, strings):
    """Translate `home` and every page below it that has no translation yet, as an editor
    would with wagtail-localize. Returns the number of pages newly translated."""
    pages = Page.objects.descendant_of(home, inclusive=True).order_by("path").specific()
    return sum(translate_page(page, language_code, strings) for page in pages)


def translate_page(page, language_code, strings):
    """Translate `page` with wagtail-localize: the segments found in `strings` get that
    translation, the others fall back to the source text until an editor translates them
    in the admin. Does nothing (returns False) if the page is translated already."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    if page.has_translation(locale):
        return False
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return True
