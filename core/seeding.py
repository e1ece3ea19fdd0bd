"""Seeding helpers every app's demo seeder uses: the demo accounts it needs, idempotent
page creation, and translation of pages and snippets with wagtail-localize, as an editor
would do it in the admin, from the translators' files (`<language code>.json`)."""

import json
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

# What a translation made from a translators' file says it was made with (in the admin's
# translation editor, beside "manual" and "machine").
TOOL_NAME = "translation file"


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


def load_strings(path):
    """{English segment: translation} from the translators' JSON file at `path` (a Path),
    or {} when there is no such file. A segment is the source text as wagtail-localize
    keeps it (a plain text HTML-escaped, rich text as HTML). Empty translations are left
    out: those segments fall back to the English. Raises ValueError, naming the file, if
    it is not a JSON object of texts."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        strings = json.loads(text)
    except ValueError as error:
        raise ValueError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(strings, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in strings.items()
    ):
        raise ValueError(f"{path}: not a JSON object of texts ({{English: translation}})")
    return {key: value for key, value in strings.items() if value.strip()}


def load_translations(folder):
    """{language code: strings} for each interface language (settings.LANGUAGES) but the
    default with a file `<code>.json` in `folder` (see load_strings), in the order of
    settings.LANGUAGES."""
    default = settings.LANGUAGE_CODE
    translations = {}
    for code, _name in settings.LANGUAGES:
        if code != default and (strings := load_strings(folder / f"{code}.json")):
            translations[code] = strings
    return translations


@contextmanager
def indexed_once():
    """Within it, saving an object updates neither the search index nor the reference
    index; on leaving, each object saved is indexed once, as its last save would have done
    it. wagtail-localize saves a new translated page five times (copy, save, revision,
    publish), each save indexing it again: a third of the time a translation takes."""
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            saved[(sender._meta.app_label, sender._meta.model_name, str(instance.pk))] = sender

    searched = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    post_save.connect(remember, weak=False, dispatch_uid="core.seeding.indexed_once")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="core.seeding.indexed_once")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    for (app_label, model_name, pk), model in saved.items():
        search, references = model in searched, model in ReferenceIndex.tracked_models
        if not (search or references) or not model._default_manager.filter(pk=pk).exists():
            continue  # not indexed; or saved, then deleted
        if search:
            insert_or_update_object_task.call(app_label, model_name, pk)
        if references:
            update_reference_index_task.call(app_label, model_name, pk)


def translate_all(instances, translations):
    """translate() each of `instances` (parents before children) into each language of
    `translations`, indexing each object saved once (indexed_once). Returns the number of
    translations made or updated."""
    with indexed_once():
        return sum(translate(instance, translations) for instance in instances)


def translate_page(page, language_code, strings):
    """Translate `page` (or a translatable snippet) into one language: see translate().
    Returns True if it made or updated the translation."""
    return bool(translate(page, {language_code: strings}))


def translate(instance, translations):
    """Translate `instance`, a page or a translatable snippet, into each language of
    `translations` ({language code: {English segment: translation}}) with wagtail-localize,
    as an editor would: the segments found get a translation (StringTranslation rows,
    which an editor corrects in the admin), the others fall back to the English until an
    editor translates them. Returns the number of languages whose translation it made or
    updated.

    In each language:
    - a page that is an alias there (wagtail-localize's synchronised trees) becomes a
      translation, keeping its id and translation_key (progress keyed by it follows); a
      parent missing in that language gets an alias first;
    - a translation made before gets the segments it lacks (a translators' file grew),
      and is saved again only then: an editor's corrections are kept;
    - nothing happens when the file translates nothing of the instance (an alias goes on
      following the English), when an editor stopped the synced translation, made the
      page by hand, or converted its translation back into an alias.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    locales = {
        locale: translations[locale.language_code]
        for locale in _locales(translations)
        if locale.id != instance.locale_id
    }
    todo = _to_translate(instance, locales) if locales else {}
    if not todo:
        return 0
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    added = _add_string_translations(source, todo)
    count = 0
    for locale, (_strings, made) in todo.items():
        if made and locale.id not in added:
            continue
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        translation.save_target(publish=True)
        count += 1
    return count


def _locales(codes):
    """The Locale rows of the language `codes`, made where missing (as home.seed does)."""
    found = list(Locale.objects.filter(language_code__in=codes))
    missing = set(codes) - {locale.language_code for locale in found}
    return found + [Locale.objects.create(language_code=code) for code in sorted(missing)]


def _to_translate(instance, translations):
    """{locale: (strings, made)} for the languages of `translations` ({locale: strings})
    that `instance` is to be translated into; `made`: a translation exists already."""
    if isinstance(instance, Page):
        # {locale id: (page id, is an alias)}
        existing = {
            locale_id: (page_id, alias_of_id is not None)
            for locale_id, page_id, alias_of_id in Page.objects.filter(
                translation_key=instance.translation_key, locale__in=translations
            ).values_list("locale_id", "id", "alias_of_id")
        }
    else:
        existing = {
            locale_id: (object_id, False)
            for locale_id, object_id in instance.get_translations()
            .filter(locale__in=translations)
            .values_list("locale_id", "id")
        }
    synced = dict(
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            source__locale_id=instance.locale_id,
            target_locale__in=translations,
        ).values_list("target_locale_id", "enabled")
    )
    texts = {
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }
    todo, aliases = {}, {}
    for locale, strings in translations.items():
        object_id, is_alias = existing.get(locale.id, (None, False))
        if object_id is not None and not is_alias:
            # Made before: by this function (a synced translation, which may lack segments
            # the file has now), or by hand, or its synced translation was stopped.
            if synced.get(locale.id) and not texts.isdisjoint(strings):
                todo[locale] = (strings, True)
        elif any(strings.get(text, text) != text for text in texts):
            todo[locale] = (strings, False)
            if is_alias:
                aliases[object_id] = locale
    if aliases:
        for page_id in PageLogEntry.objects.filter(
            page_id__in=aliases, action="wagtail_localize.convert_to_alias"
        ).values_list("page_id", flat=True):
            todo.pop(aliases[page_id], None)  # an editor made it an alias again
    return todo


def _add_string_translations(source, todo):
    """Store the translations of `source`'s segments found in the strings of `todo`
    ({locale: (strings, made)}) that are not stored yet. Returns the ids of the locales
    that got some."""
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    stored = set(
        StringTranslation.objects.filter(
            translation_of_id__in={segment.string_id for segment in segments},
            locale__in=todo,
        ).values_list("translation_of_id", "context_id", "locale_id")
    )
    new = [
        StringTranslation(
            translation_of=segment.string,
            locale=locale,
            context_id=segment.context_id,
            data=strings[segment.string.data],
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=TOOL_NAME,
            has_error=not _valid(segment.string.data, strings[segment.string.data]),
        )
        for locale, (strings, _made) in todo.items()
        for segment in segments
        if segment.string.data in strings
        and (segment.string_id, segment.context_id, locale.id) not in stored
    ]
    # One insert (StringTranslation.save checks each row as _valid does; an invalid one
    # is kept, marked, for an editor to fix, and the English shows meanwhile).
    StringTranslation.objects.bulk_create(new, ignore_conflicts=True)
    return {row.locale.id for row in new}


def _valid(source_html, translated_html):
    try:
        StringValue.from_translated_html(translated_html)
        validate_translation_links(source_html, translated_html)
    except ValueError:
        return False
    return True
