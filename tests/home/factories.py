"""Site pages under the Wagtail tree: the home page (the default site's root), standard
pages, the country index and country pages, and their translations.

Every page is added with `parent.add_child`, live. Pages are saved live without a revision
(four times faster than publishing one, and what a reader sees is the same); pass
`revision=True` for a page published through a revision, as an editor publishes it, and
`live=False` for a draft. `home_page()` and `country_index()` return the one that exists,
or make it.
"""

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from accounts.constants import COUNTRY_SLUGS, Country
from home.models import CountryIndexPage, CountryPage, HomePage, StandardPage


def paragraph(html):
    return {"type": "paragraph", "value": html}


class PageFactory(factory.django.DjangoModelFactory):
    """A published page under `parent` (each factory names its default parent)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent, live=True, revision=False, **kwargs):
        now = timezone.now() if live else None
        page = model_class(live=live, first_published_at=now, last_published_at=now, **kwargs)
        parent.add_child(instance=page)
        if revision:
            saved = page.save_revision()
            if live:
                saved.publish()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Learn and act for the social and solidarity economy"
    slug = "home"
    intro = "Courses, a forum and live spaces for the SSE in Asia."


def home_page(**fields):
    """The English home page as the default site's root, in place of the placeholder page
    Wagtail's migrations make; the one there already if any."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    placeholders = root.get_children().filter(
        slug="home", content_type=ContentType.objects.get_for_model(Page)
    )
    for placeholder in placeholders:
        placeholder.delete()
    home = HomePageFactory(**fields)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = "SSE Asia"
    site.save()
    return home


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(home_page)
    intro = "What this page is about."
    body = factory.LazyFunction(lambda: [paragraph("<p>Solidarity and mutual aid.</p>")])
    show_in_menus = True


class CountryIndexPageFactory(PageFactory):
    class Meta:
        model = CountryIndexPage

    parent = factory.LazyFunction(home_page)
    title = "Countries"
    slug = "countries"
    intro = "The SSE in the twelve programme countries."
    show_in_menus = True


def country_index(**fields):
    """The country index under the home page; the one there already if any."""
    home = home_page()
    index = CountryIndexPage.objects.child_of(home).first()
    return index.specific if index is not None else CountryIndexPageFactory(**fields)


class CountryPageFactory(PageFactory):
    """The profile of `country` (an ISO code; Thailand by default), slugged by it."""

    class Meta:
        model = CountryPage

    parent = factory.LazyFunction(country_index)
    country = Country.THAILAND
    title = factory.LazyAttribute(lambda page: _english_name(page.country))
    slug = factory.LazyAttribute(lambda page: COUNTRY_SLUGS[page.country])
    summary = factory.LazyAttribute(lambda page: f"The SSE in {page.title}.")
    source = "ILO mapping study"


def _english_name(country):
    with translation.override("en"):
        return str(Country(country).label)


def translation_of(page, language_code="th", **fields):
    """The live translation of `page` into `language_code`, with `fields` changed (its
    parent must be translated first): what an editor makes with "Translate"."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.live, copy.has_unpublished_changes = True, False
    copy.first_published_at = copy.last_published_at = timezone.now()
    copy.save()
    return copy
