from django import template
from django.urls import reverse

from home import navigation

register = template.Library()


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
