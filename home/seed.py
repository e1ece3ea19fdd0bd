"""Seed the site's pages: home, about, what is the SSE, countries; and their Thai version.

Pages that exist (found by slug) are left as they are, so editors' changes survive and a
second run changes nothing.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
)
from wagtail_localize.synctree import synchronize_tree

from accounts.constants import COUNTRY_SLUGS
from core.seeding import child_page, translate_tree

from . import seed_content as content
from .models import CountryIndexPage, CountryPage, HomePage, StandardPage

THAI = "th"


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
