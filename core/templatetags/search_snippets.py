"""Search snippets in result templates (core/snippets.py): `{{ text|snippet:query }}` and
`{{ html|html_snippet:query }}` (sanitised HTML: its text). The output is escaped; the
<mark>s are its only markup."""

from django import template

from .. import snippets

register = template.Library()


@register.filter
def snippet(text, query):
    return snippets.snippet(str(text or ""), query or "")


@register.filter
def html_snippet(value, query):
    return snippets.html_snippet(str(value or ""), query or "")
