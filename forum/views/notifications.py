"""Following a topic or a category, and the member's notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import services
from ..models import Notification
from .access import readable_category, safe_next, visible_topic

NOTIFICATIONS_PER_PAGE = 30


@login_required
@require_POST
def subscribe(request, kind, key):
    """Follow or stop following a topic (replies) or a category (new topics)."""
    on = request.POST.get("on") == "1"
    if kind == "topic":
        if not key.isdigit():
            raise Http404
        topic, _moderates = visible_topic(request, int(key))
        services.set_subscription(request.user, on, topic=topic)
        target = reverse("forum_topic", args=[topic.id])
    elif kind == "category":
        category = readable_category(request, key)
        services.set_subscription(request.user, on, category=category)
        target = reverse("forum_category", args=[category.slug])
    else:
        raise Http404
    messages.success(
        request,
        _("You follow it now: you will be notified.") if on else _("You no longer follow it."),
    )
    return redirect(safe_next(request, target))


@login_required
@require_safe
def notifications(request):
    """The member's notifications, newest first; opening the list marks them read."""
    found = Notification.objects.filter(user=request.user).select_related("actor", "post__topic")
    page = Paginator(found, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    response = render(request, "forum/notifications.html", {"page_obj": page})
    services.mark_notifications_read(request.user)
    return response
