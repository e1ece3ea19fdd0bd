"""The search app's own provider: the live, public Wagtail pages of the reader's language
(courses, lessons, country profiles, standard pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core import registry


def search_pages(request, query):
    return Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)


def register():
    registry.search_providers.register(
        registry.SearchProvider(
            key="pages",
            order=0,
            label=_("Pages and courses"),
            search=search_pages,
            result_template="search/page_result.html",
        )
    )
