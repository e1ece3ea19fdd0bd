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

logger = logging.getLogger(__name__)

SEARCH_PAGE_SIZE = 10
HEALTH_TIMEOUT_SECONDS = 2.0


@require_safe
def search(request):
    """Site search over the live, public pages of the current language."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(request, "home/search.html", {"query": query, "results": page})


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
