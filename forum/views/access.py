"""Loading what a view shows, with permission: a category, topic or post this person may
see (404 for one they may not know about), and where to go back to after an action.

A member without the right is refused (403). An anonymous reader of a members-only
category is sent to log in: the loaders raise `LoginRequired`, which
`anonymous_to_login` turns into the redirect on the pages anyone may open (behind
`login_required` the reader is logged in, so it is never raised there)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from .. import permissions as can
from ..models import Category, Post, Topic


class LoginRequired(Exception):
    """An anonymous person asked for something only members may read."""


def anonymous_to_login(view):
    """Turn a LoginRequired raised inside `view` into the redirect to the login page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginRequired:
            return redirect_to_login(request.get_full_path())

    return wrapper


def refuse(request):
    """Anonymous people are sent to log in; others are refused."""
    if not request.user.is_authenticated:
        raise LoginRequired
    raise PermissionDenied


def readable_category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    if not can.can_read(request.user, category):
        refuse(request)
    return category


def visible_topic(request, topic_id):
    """(topic, moderates) for a topic this person may see; 404 for a topic they may not
    know about (waiting for approval, hidden), login or 403 for an unreadable category."""
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=topic_id)
    return topic, _moderates_seen(request, topic)


def _moderates_seen(request, topic):
    """Whether this person moderates the category of `topic`, which they may see (else
    login, 403 or 404)."""
    if not can.can_read(request.user, topic.category):
        refuse(request)
    moderates = can.can_moderate(request.user, topic.category)
    if not can.can_see_topic(request.user, topic, moderates):
        raise Http404
    return moderates


def visible_post(request, post_id):
    post = get_object_or_404(
        Post.objects.select_related("topic__category", "author", "reply_to__author"), pk=post_id
    )
    moderates = _moderates_seen(request, post.topic)
    if not can.can_see_post(request.user, post, moderates) or (post.is_deleted and not moderates):
        raise Http404
    return post, moderates


def safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
