"""The text of a page for its search snippet: what the search index reads (the page
type's SearchFields, the title apart, as the result's heading shows it), taken from the
row already loaded. A StreamField is read from its stored JSON, not through its blocks,
whose choosers (images, snippets) would each cost a query per result."""

import re

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.search import index

from core.snippets import plain_text

# A stored value that is not prose: a choice's key ("multiple"), a slug, a link.
_NOT_PROSE = re.compile(r"^(?:[a-z0-9_-]{1,24}|https?://\S*|mailto:\S*)$")


def _strings(raw):
    if isinstance(raw, str):
        if raw and not _NOT_PROSE.match(raw):
            yield plain_text(raw) if "<" in raw else raw
    elif isinstance(raw, dict):
        if "type" in raw and "value" in raw:  # a stream child: its value, not its type or id
            yield from _strings(raw["value"])
        else:
            for value in raw.values():
                yield from _strings(value)
    elif isinstance(raw, list | tuple):
        for value in raw:
            yield from _strings(value)


def page_text(page):
    """The searchable text of `page` (a specific page), its description first."""
    parts = [page.search_description or ""]
    for field in type(page).get_search_fields():
        if type(field) is not index.SearchField or field.field_name in (
            "title",
            "search_description",
        ):
            continue
        value = getattr(page, field.field_name, None)
        if isinstance(value, StreamValue):
            parts.extend(_strings(list(value.raw_data)))
        elif isinstance(value, str):
            parts.append(strip_tags(value) if "<" in value else value)
    return " ".join(part for part in parts if part)
