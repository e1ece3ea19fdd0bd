from django import template

from forum.services import unread_notification_count

register = template.Library()


@register.simple_tag(takes_context=True)
def forum_unread(context):
    """The person's unread forum notifications (cached: no query on most pages)."""
    request = context.get("request")
    return unread_notification_count(request.user) if request is not None else 0
