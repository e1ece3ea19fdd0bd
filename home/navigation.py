"""The main menu: the home page's children marked "show in menus", then what the apps
offer (core.registry.header_items).

The menu is cached per site and language (it is on every page); publishing, unpublishing,
moving or deleting a page clears it (signals wired in HomeConfig.ready).
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from core import registry

CACHE_SECONDS = 60 * 60


def _cache_key(site_id, language):
    return f"main-menu:{site_id}:{language}"


def clear_menu_cache(**kwargs):
    keys = [
        _cache_key(site_id, code)
        for site_id in Site.objects.values_list("id", flat=True)
        for code, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)


def _menu_links(request, site):
    root = site.root_page
    home = (
        Page.objects.filter(translation_key=root.translation_key, locale=Locale.get_active())
        .live()
        .first()
    ) or root
    links = [(str(_("Home")), home.get_url(request))]
    for page in home.get_children().live().public().in_menu():
        links.append((page.title, page.get_url(request)))
    return links


def main_menu(request):
    """[{label, url, current}] for the header; no query once the menu is cached."""
    site = Site.find_for_request(request)
    links = []
    if site is not None:
        key = _cache_key(site.id, get_language())
        links = cache.get(key)
        if links is None:
            links = _menu_links(request, site)
            cache.set(key, links, CACHE_SECONDS)
    links = links + [
        (str(item.label), reverse(item.url_name))
        for item in registry.header_items
        if item.visible(request)
    ]
    home_link = links[0][1] if links else "/"
    return [
        {
            "label": label,
            "url": url,
            # The home link is current only on the home page; a section also below it.
            "current": request.path == url or (url != home_link and request.path.startswith(url)),
        }
        for label, url in links
    ]
