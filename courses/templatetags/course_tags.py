from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """{{ mapping|lookup:key }}: a dict item by a variable key (None if absent)."""
    return mapping.get(key) if mapping else None
