"""Seed the site's pages: home, about, what is the SSE, countries; and their Thai version.

Pages that exist (found by slug) are left as they are, so editors' changes survive and a
second run changes nothing.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree

from accounts.constants import COUNTRY_SLUGS

from . import seed_content as content
from .models import CountryIndexPage, CountryPage, HomePage, StandardPage

THAI = "th"


def child_page(parent, model, slug, **fields):
    """(page, created): the child of `parent` with `slug`, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def seed_home():
    """The English home page as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migrations create a placeholder "Welcome to your new Wagtail site!"
        # page (a plain Page with the slug "home"); ours takes its place.
        for placeholder in root.get_children().filter(
            slug="home", content_type=ContentType.objects.get_for_model(Page)
        ):
            if not placeholder.get_children().exists():
                placeholder.delete()
        home, _ = child_page(
            root,
            HomePage,
            "home",
            title=content.HOME["title"],
            intro=content.HOME["intro"],
            body=content.HOME["body"],
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="SSE Asia",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "SSE Asia"
        site.save()
    return home


def seed_pages(stdout=None):
    # No surrounding transaction: Wagtail and wagtail-localize save pages again in
    # on_commit hooks, and deferring those to one commit saves stale tree counters.
    home = seed_home()
    created = 0
    for spec, model in ((content.ABOUT, StandardPage), (content.WHAT_IS_SSE, StandardPage)):
        _, new = child_page(
            home,
            model,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=spec["body"],
            show_in_menus=True,
        )
        created += new
    index, new = child_page(
        home,
        CountryIndexPage,
        content.COUNTRY_INDEX["slug"],
        title=content.COUNTRY_INDEX["title"],
        intro=content.COUNTRY_INDEX["intro"],
        show_in_menus=True,
    )
    created += new
    for code, spec in content.COUNTRIES.items():
        _, new = child_page(index, CountryPage, COUNTRY_SLUGS[code], country=code, **spec)
        created += new
    translated = translate_tree(home, THAI, content.THAI)
    if stdout:
        stdout.write(f"Pages: {created} created; {translated} translated into Thai.")


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


def sync_translations(stdout=None):
    """Give every page not yet translated into Thai a Thai alias (wagtail-localize's
    synchronised trees), so /th/ serves the whole site; editors then translate an alias
    in the admin. New English pages are aliased automatically from now on."""
    source = Locale.get_default()
    for code, _name in settings.LANGUAGES:
        if code == source.language_code:
            continue
        target, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=target, defaults={"sync_from": source})
        synchronize_tree(source, target)
    if stdout:
        stdout.write("Translations: every page is available in every language.")
