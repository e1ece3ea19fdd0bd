"""The folded copy of a model's searchable text that the site search finds words in,
whatever the script (core.wordsplit.search_text: Thai, Khmer and Lao cut into words,
Vietnamese without its tone marks, Cyrillic case-folded).

A page type (or any index.Indexed model) that keeps its own SearchFields, for Wagtail's
admin search, adds the two of `folded_search_fields()` and inherits `FoldedSearch`,
which computes them from those fields:

    class LessonPage(FoldedSearch, Page):
        search_fields = [*Page.search_fields, index.SearchField("body"),
                         *folded_search_fields()]

Wagtail indexes a SearchField named after a method by calling it, on save, on publish
and in `manage.py update_index`; the site search folds its query with the same function
(search/providers.py), so the folded query finds the folded words. The title's copy is
boosted like the title.
"""

from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.search import index

from .wordsplit import search_text

FOLDED_TITLE = "folded_title"
FOLDED_TEXT = "folded_text"
TITLE_BOOST = 2  # as Wagtail's Page.search_fields boosts the title


def folded_search_fields(title_boost=TITLE_BOOST):
    """The two SearchFields that index what `FoldedSearch` computes."""
    return [index.SearchField(FOLDED_TITLE, boost=title_boost), index.SearchField(FOLDED_TEXT)]


def _as_text(value):
    """A search field's value as the database backend reads it: lists and dicts joined,
    markup (a rich text's, a raw HTML block's) read as text."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    text = force_str(value)
    return strip_tags(text) if "<" in text else text


class FoldedSearch:
    """Mixin for an index.Indexed model: its SearchFields' text folded for search.
    `folded_title_fields` names the fields that are its title."""

    folded_title_fields = ("title",)

    def folded_title(self):
        return self._folded_fields(title=True)

    def folded_text(self):
        return self._folded_fields(title=False)

    def _folded_fields(self, *, title):
        parts = [
            _as_text(field.get_value(self))
            for field in type(self).get_searchable_search_fields()
            if field.field_name not in (FOLDED_TITLE, FOLDED_TEXT)
            and (field.field_name in self.folded_title_fields) == title
        ]
        return search_text(" ".join(parts))
