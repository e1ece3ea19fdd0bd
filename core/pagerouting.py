"""Wagtail page routing in one query, whatever the page's depth.

Wagtail's own `serve` finds the site (a query), the home page in the reader's language
(one or two), then walks down the tree with two queries per level (the child by slug, then
its specific page); a lesson is four levels below the home page. Here the site comes from
a cached list, the language's home page from Wagtail's cached site root paths, and every
page on the path from one query by `url_path`; then one more query loads the target's
specific page. A page type with its own `route()` (a RoutablePage, say) still gets the
rest of the path to route itself, exactly as under Wagtail.

View restrictions are Wagtail's own `check_view_restrictions`, run when the page is under a
restricted page; which pages are restricted is cached (it is one query a request
otherwise, for a site that restricts almost nothing). Both caches are dropped when a Site
or a restriction changes. The serve view otherwise does what `wagtail.views.serve` does:
the same hooks, in the same order.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, post_page_move
from wagtail.url_routing import RouteResult
from wagtail.views import serve_chain
from wagtail.wagtail_hooks import check_view_restrictions

from . import pagecache

ROUTING_KEY = "core:routing:3"  # :3, the format's: a new format never reads an old entry
CACHE_SECONDS = 24 * 60 * 60  # a bound only: changes drop the entries at once


def _routing(request=None):
    """{"sites": [(site id, hostname, port, is_default, root url_path, root language,
    Site)], "restricted": [paths of pages with a view restriction]}: one cache read a
    request."""
    routing = getattr(request, "_core_routing", None) or cache.get(ROUTING_KEY)
    if routing is None:
        sites = []
        for site in Site.objects.select_related("root_page__locale").order_by("id"):
            root = site.root_page  # kept on the Site, as Wagtail's own lookup does
            sites.append(
                (
                    site.id,
                    site.hostname,
                    site.port,
                    site.is_default_site,
                    root.url_path,
                    root.locale.language_code,
                    site,
                )
            )
        restricted = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        routing = {"sites": sites, "restricted": restricted}
        cache.set(ROUTING_KEY, routing, CACHE_SECONDS)
    if request is not None:
        request._core_routing = routing
    return routing


def _site_row(request):
    """The site row for the request, chosen as Wagtail's get_site_for_hostname does: the
    hostname and port, else the hostname on the default site, else the default site
    (unless exactly one other site has the hostname), else None."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def match(row):
        _id, host, site_port, is_default = row[:4]
        if host == hostname and str(site_port) == str(port):
            return 0
        if host == hostname and is_default:
            return 1
        return 2 if is_default else 3

    candidates = sorted(
        (row for row in _routing(request)["sites"] if row[1] == hostname or row[3]), key=match
    )  # sorted() is stable: ties keep Wagtail's id order
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (0, 1):
        return candidates[0]
    if match(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def _root_path(site_row):
    """The url_path of the site's home page in the active language, or of its own home
    page when the language has none (Wagtail's `.localized`)."""
    site_id, *_rest, root_path, root_language, _site = site_row
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return root_path
    if language == root_language:
        return root_path
    for entry in Site.get_site_root_paths():  # cached by Wagtail
        if entry.site_id == site_id and entry.language_code == language:
            return entry.root_path
    return root_path


def _routes_itself(page):
    """Whether the page's type overrides Page.route (it then routes what lies below it)."""
    return page.specific_class is not None and page.specific_class.route is not Page.route


def route_for_request(request, path):
    """Wagtail's RouteResult for `path`, or None (a 404); kept on the request, as
    `Page.route_for_request` does, so that Wagtail's own helpers find it."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    try:
        result = _route(request, path)
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    return result


def _route(request, path):
    site_row = _site_row(request)
    if site_row is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_row[-1]  # Site.find_for_request's own cache
    components = [component for component in path.split("/") if component]
    root_path = _root_path(site_row)
    prefixes = [root_path]
    for component in components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    on_path = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes)}
    node = on_path.get(root_path)
    if node is None:
        return None
    ancestors = []
    for depth, prefix in enumerate(prefixes[1:]):
        if _routes_itself(node):
            return node.specific.route(request, components[depth:])
        ancestors.append(node)
        node = on_path.get(prefix)
        if node is None:
            raise Http404
    if _routes_itself(node):
        return node.specific.route(request, [])
    if not node.live:
        raise Http404
    page = node.specific
    page.routed_ancestors = ancestors  # plain Pages, home page first
    return RouteResult(page)


def routed_ancestor(page, model):
    """The ancestor of `page` of type `model` that routing fetched on the way to it (a
    plain Page), or None if the page was not routed here or has no such ancestor."""
    for ancestor in getattr(page, "routed_ancestors", ()):
        if ancestor.specific_class is not None and issubclass(ancestor.specific_class, model):
            return ancestor
    return None


def is_restricted(page, request=None):
    """Whether a view restriction applies to `page` (on it or an ancestor)."""
    return any(page.path.startswith(path) for path in _routing(request)["restricted"])


def serve(request, path):
    """wagtail.views.serve, routing with route_for_request."""
    route_result = route_for_request(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result
    if getattr(page, "anonymous_cache", True):
        pagecache.allow(request)  # served to anonymous readers from the cache next time
    restricted = is_restricted(page, request)
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is check_view_restrictions and not restricted:
            continue  # no restriction applies: Wagtail's check would query to find none
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def _forget(**kwargs):
    """At once, and again after commit (a request in between would cache the old rows)."""
    cache.delete(ROUTING_KEY)
    transaction.on_commit(lambda: cache.delete(ROUTING_KEY))


def _home_page_changed(instance, **kwargs):
    if instance.depth <= 2:  # a site's home page (its url_path may have changed)
        _forget()


def connect_signals():
    """Drop the cached sites and restrictions when they change (core's ready())."""
    for signal in (page_published, post_page_move):
        signal.connect(_home_page_changed, dispatch_uid=f"routing-home-{signal!r}")
    for signal in (post_save, post_delete):
        for model in (Site, PageViewRestriction):
            signal.connect(
                _forget, sender=model, dispatch_uid=f"routing-{model.__name__}-{signal!r}"
            )
