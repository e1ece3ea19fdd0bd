"""Site pages: the home page, standard pages, and one profile page per programme country."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.constants import COUNTRY_SLUGS, PHASE_1, PROGRAMME_COUNTRY_CHOICES
from core import registry
from core.blocks import BaseStreamBlock
from core.searchfields import FoldedSearch, folded_search_fields


def country_sections(request, country):
    """What the apps offer a country's page (core.registry.country_sections): a list of
    (template, context), the sections that answer None left out."""
    return [
        (section.template, section_context)
        for section in registry.country_sections
        if (section_context := section.context(request, country)) is not None
    ]


def shows_dashboard(request):
    """A signed-in member's home page is their dashboard; an editor previewing the home
    page in the Wagtail admin sees the page itself."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated) and not getattr(request, "is_preview", False)


def dashboard_sections(request):
    """What the apps offer a member's dashboard (core.registry.dashboard_sections): a
    list of (template, context), the sections that answer None left out."""
    return [
        (section.template, section_context)
        for section in registry.dashboard_sections
        if (section_context := section.context(request)) is not None
    ]


class HomePage(FoldedSearch, Page):
    """The site's root page, one per language; the apps add their sections to it. A
    signed-in member sees their dashboard here instead (`shows_dashboard`)."""

    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences under the page title.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        *folded_search_fields(),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_template(self, request, *args, **kwargs):
        if shows_dashboard(request):
            return "home/dashboard.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if shows_dashboard(request):
            context["sections"] = dashboard_sections(request)
            return context
        # What the apps offer (core.registry.home_sections), then the countries.
        context["sections"] = [
            (section.template, section_context)
            for section in registry.home_sections
            if (section_context := section.context(request, self)) is not None
        ]
        context["countries"] = (
            CountryPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .order_by("title")
            .only("id", "title", "url_path", "country", "locale_id")
        )
        return context


class StandardPage(FoldedSearch, Page):
    """An ordinary page: about the programme, help, a glossary."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        *folded_search_fields(),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class CountryIndexPage(FoldedSearch, Page):
    """Lists the country profiles; lives once under the home page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *folded_search_fields()]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("country index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["countries"] = (
            CountryPage.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .only("id", "title", "url_path", "country", "summary", "locale_id")
        )
        return context


class CountryPage(FoldedSearch, Page):
    """A programme country's SSE profile. Its slug is the country's slug (`thailand`)."""

    country = models.CharField(_("country"), max_length=2, choices=PROGRAMME_COUNTRY_CHOICES)
    summary = models.TextField(
        _("summary"), help_text=_("The SSE in this country, in two or three sentences.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the facts on this page come from."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("country"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("source"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
        *folded_search_fields(),
    ]

    parent_page_types = ["home.CountryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("country page")

    def clean(self):
        super().clean()
        # One page per country and language (a constraint cannot span the Page table).
        twins = CountryPage.objects.filter(country=self.country, locale_id=self.locale_id)
        if twins.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"country": _("This country already has a page in this language.")}
            )

    @property
    def country_slug(self):
        return COUNTRY_SLUGS[self.country]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["country_sections"] = country_sections(request, self.country)
        context["country_code"] = self.country  # its languages first (the switcher, the offer)
        return context

    @property
    def phase(self):
        """The programme phase the country took part in: 1 (2019-2021) or 2 (2021-2023)."""
        return 1 if self.country in PHASE_1 else 2
