"""Times in templates, one way everywhere (core/times.py has the rules):

    {% load times %}
    {% local_time post.created_at %}        3 Mar 2027, 09:05
    {% local_date certificate.issued_at %}  3 Mar 2027
    {% time_ago notification.created_at %}  just now · 5 minutes ago · (from a day) 2 Mar 2027
    {% local_time user.suspended_until as until %}  (for a {% blocktranslate %} sentence)
    {% time_settings %}                     once, in base.html: what static/js/time.js needs
                                            (site.js imports it on every page)

Each prints `<time datetime="<ISO 8601, UTC>" data-time="<style>">` in the reader's zone:
the signed-in reader's own (the request's user; without a request, the context's `user`,
else the active zone); for an anonymous reader in UTC, named ("09:05 UTC"), which
static/js/time.js rewrites in the browser's zone. No query.
"""

from datetime import datetime

from django import template
from django.utils.html import format_html, json_script
from django.utils.timezone import get_current_timezone_name

from core import times

register = template.Library()


def _reader(context):
    """(zone name, whether the script should rewrite it in the browser's zone)."""
    request = context.get("request")
    user = getattr(request, "user", None) if request is not None else context.get("user")
    if user is None or not hasattr(user, "is_authenticated"):
        return get_current_timezone_name(), False
    return times.reader_zone(user), not times.is_personal(user)


def _text(value, zone, anonymous, style):
    text = times.format_time(value, zone, style)
    return f"{text} {zone}" if anonymous and style == "datetime" else text


def _element(value, style, text, title=None):
    if not isinstance(value, datetime):  # a day, not a moment: the same in every zone
        return format_html('<time datetime="{}">{}</time>', times.iso(value), text)
    if title is None:
        return format_html(
            '<time datetime="{}" data-time="{}">{}</time>', times.iso(value), style, text
        )
    return format_html(
        '<time datetime="{}" data-time="{}" title="{}">{}</time>',
        times.iso(value),
        style,
        title,
        text,
    )


@register.simple_tag(takes_context=True)
def local_time(context, value):
    """A moment, date and time, in the reader's zone: "3 Mar 2027, 09:05"."""
    if value is None:
        return ""
    zone, anonymous = _reader(context)
    return _element(value, "datetime", _text(value, zone, anonymous, "datetime"))


@register.simple_tag(takes_context=True)
def local_date(context, value):
    """The day of a moment in the reader's zone (or a date as it is): "3 Mar 2027"."""
    if value is None:
        return ""
    zone, anonymous = _reader(context)
    return _element(value, "date", _text(value, zone, anonymous, "date"))


@register.simple_tag(takes_context=True)
def time_ago(context, value):
    """A recent moment said relative to now ("just now", "5 minutes ago"), from a day on
    its date; the full date and time in the title."""
    if value is None:
        return ""
    zone, anonymous = _reader(context)
    text = times.relative(value) or _text(value, zone, anonymous, "date")
    return _element(value, "relative", text, title=_text(value, zone, anonymous, "datetime"))


@register.simple_tag(takes_context=True)
def time_settings(context):
    """The reader's zone and the active language's patterns and names, as JSON for
    static/js/time.js (which site.js imports, so that space.js and the others share it)."""
    request = context.get("request")
    return json_script(times.client_settings(getattr(request, "user", None)), "time-settings")
