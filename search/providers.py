"""The search app's own provider: the live, public Wagtail pages of the reader's language
(courses, lessons, country profiles, standard pages).

Each page type indexes its text folded and cut into words (core.searchfields), and the
query is folded the same way here (core.wordsplit), so a Thai, Khmer or Lao word is found
in the middle of a sentence, Vietnamese with or without its tone marks, Cyrillic in any
case."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core import registry
from core.wordsplit import search_text


def search_pages(request, query):
    words = search_text(query)
    if not words:  # punctuation only: nothing to look for
        return Page.objects.none()
    return Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(words)


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
