"""Seed the site's pages: home, about, what is the SSE, countries; and their translations.

Pages that exist (found by slug) are left as they are, so editors' changes survive and a
second run changes nothing. The translations are wagtail-localize's (content an editor
corrects in the admin): Thai from seed_content.THAI, the other languages from the
translators' files home/translations/<code>.json ({English segment: translation}, for the
home page, the country index and the country pages; a segment missing falls back to the
English, a page with nothing translated stays an alias of the English).
"""

from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from accounts.constants import COUNTRY_SLUGS
from core.seeding import child_page, load_translations, translate_all

from . import seed_content as content
from .models import CountryIndexPage, CountryPage, HomePage, StandardPage

THAI = "th"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
SITE_PAGE_TYPES = (HomePage, StandardPage, CountryIndexPage, CountryPage)


def site_translations(folder=None):
    """{language code: {English segment: translation}} of the site's pages: the files in
    `folder` (home/translations/), and Thai from seed_content.THAI (which wins over a
    th.json)."""
    translations = load_translations(folder or TRANSLATIONS)
    translations[THAI] = {**translations.get(THAI, {}), **content.THAI}
    return translations


def translate_site_pages(home, translations):
    """Translate the site's own pages (home, standard, country index and country pages;
    not the apps' pages below home) into each language of `translations`, parents first.
    Returns the number of pages translated or updated, per language counted once."""
    pages = (
        Page.objects.descendant_of(home, inclusive=True)
        .type(*SITE_PAGE_TYPES)
        .filter(locale_id=home.locale_id)
        .order_by("path")
        .specific()
    )
    return translate_all(pages, translations)


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
    translations = site_translations()
    translated = translate_site_pages(home, translations)
    if stdout:
        stdout.write(
            f"Pages: {created} created; {translated} translations made or updated "
            f"({', '.join(translations)})."
        )


def sync_translations(stdout=None):
    """Give every page not yet translated into each language an alias there
    (wagtail-localize's synchronised trees), so /th/, /km/, ... serve the whole site;
    editors then translate an alias in the admin. New English pages are aliased
    automatically from now on."""
    source = Locale.get_default()
    targets = [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
        if code != source.language_code
    ]
    # Saved one by one, each new synchronisation would synchronise its tree at once
    # (wagtail-localize's post_save), building its own index of the tree (two queries a
    # page); one index serves every language here: what aliasing into one language adds
    # is never read for another.
    synced = set(
        LocaleSynchronization.objects.filter(locale__in=targets).values_list("locale_id", flat=True)
    )
    LocaleSynchronization.objects.bulk_create(
        LocaleSynchronization(locale=target, sync_from=source)
        for target in targets
        if target.id not in synced
    )
    index = PageIndex.from_database().sort_by_tree_position()
    for target in targets:
        synchronize_tree(source, target, page_index=index)
    if stdout:
        stdout.write("Translations: every page is available in every language.")
