from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core import pagecache
from home import navigation

register = template.Library()

SWITCHER_SECONDS = 60 * 60


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """The footer's language switcher (templates/includes/language_switcher.html), cached
    per language, page and country: it is the same for every reader of a page but for its
    CSRF token, which each response gets afresh (core.pagecache.with_token). Translating
    the page's path into every language costs more than the rest of the footer. A page
    with a query string renders it every time (its keys would be unbounded)."""
    request = context.get("request")
    country = context.get("country_code", "")
    values = {
        "request": request,
        "country_code": country,
        "csrf_token": pagecache.TOKEN_PLACEHOLDER,
    }
    if request is None or request.META.get("QUERY_STRING"):
        return pagecache.with_token(
            request, render_to_string("includes/language_switcher.html", values)
        )
    key = f"switcher:{translation.get_language()}:{country}:{request.path}"
    html = cache.get(key)
    if html is None:
        html = render_to_string("includes/language_switcher.html", values)
        cache.set(key, html, SWITCHER_SECONDS)
    return pagecache.with_token(request, html)


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    return navigation.main_menu(request) if request is not None else []


@register.simple_tag
def home_url():
    """The home page of the active language: / or /th/."""
    return reverse("wagtail_serve", args=[""])


@register.filter
def lookup(mapping, key):
    """{{ mapping|lookup:key }}: a dict item by a variable key (None if absent)."""
    return mapping.get(key) if mapping else None
