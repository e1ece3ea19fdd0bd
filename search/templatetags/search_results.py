"""The pages' search result: `{% page_snippet result query %}`, the excerpt of the page's
indexed text with the match (search/snippets.py, core/snippets.py)."""

from django import template

from core.snippets import snippet

from ..snippets import page_text

register = template.Library()


@register.simple_tag
def page_snippet(page, query):
    return snippet(page_text(page), query or "")
