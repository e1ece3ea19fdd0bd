"""Members in templates: `{% avatar member "small" %}` (the initial on a coloured disc,
inline SVG) and `{% member_link member %}` (the name, linked to the member's public page
while the account is active). Neither makes a query: they read the member's `pk`,
`name`, `handle` and `is_active`, which a list selects with its rows."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ..avatars import avatar_svg

register = template.Library()


def member_url(member):
    """The member's public page, or "" for none (no member, an inactive account)."""
    if member is None or not getattr(member, "is_active", False) or not member.handle:
        return ""
    return reverse("member", args=[member.handle])


register.filter("member_url", member_url)


@register.simple_tag
def avatar(member, size="small", label=False):
    if member is None:
        return ""
    return avatar_svg(member, size=size, label=label)


@register.simple_tag
def member_link(member, css_class=""):
    """The member's name, a link to their page when it has one; escaped either way."""
    if member is None:
        return ""
    url = member_url(member)
    if not url:
        return format_html("{}", member.name)
    if css_class:
        return format_html('<a class="{}" href="{}">{}</a>', css_class, url, member.name)
    return format_html('<a href="{}">{}</a>', url, member.name)
