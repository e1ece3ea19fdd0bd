import asyncio
import logging

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from forum.models import Post
from forum.search import search_posts

logger = logging.getLogger(__name__)

SEARCH_PAGE_SIZE = 10
FORUM_PREVIEW = 5
HEALTH_TIMEOUT_SECONDS = 2.0


@require_safe
def search(request):
    """Site search: the live, public pages of the current language, and the forum posts the
    searcher may read (`?in=forum` pages through the forum's results alone)."""
    query = request.GET.get("q", "").strip()[:200]
    in_forum = request.GET.get("in") == "forum"
    results = Page.objects.none()
    forum_results = Post.objects.none()
    if query:
        forum_results = search_posts(request.user, query)
        if not in_forum:
            results = (
                Page.objects.live()
                .public()
                .filter(locale=Locale.get_active())
                .specific()
                .search(query)
            )
    context = {"query": query, "in_forum": in_forum}
    if in_forum:
        context["forum_page"] = _page(forum_results, request.GET.get("page"))
    else:
        context["results"] = _page(results, request.GET.get("page"))
        context["forum_results"] = list(forum_results[:FORUM_PREVIEW]) if query else []
    return render(request, "home/search.html", context)


def _page(results, number):
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def _database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


async def _channel_layer_answers():
    """A message sent to a fresh channel comes back: the layer stores and delivers."""
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    message = await layer.receive(channel)
    return message.get("type") == "healthz.ping"


async def _check(name, probe):
    try:
        ok = await asyncio.wait_for(probe(), HEALTH_TIMEOUT_SECONDS)
    except Exception:  # any failure of a dependency is "down", never a 500
        logger.exception("healthz: %s is not answering", name)
        ok = False
    return name, "ok" if ok else "down"


@never_cache
@require_safe
async def healthz(request):
    """200 with JSON when the database and the channel layer answer, 503 otherwise."""
    checks = dict(
        await asyncio.gather(
            _check("database", sync_to_async(_database_answers)),
            _check("channel_layer", _channel_layer_answers),
        )
    )
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
