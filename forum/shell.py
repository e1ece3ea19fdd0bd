"""What the forum offers the site shell (core.registry): the header's "Forum" and its
posts in the site search."""

from django.utils.translation import gettext_lazy as _

from core import registry

from . import seed
from .search import search_posts


def search(request, query):
    return search_posts(request.user, query)


def register():
    registry.seeders.register(registry.Seeder(key="forum", order=40, run=seed.seed_forum))
    registry.header_items.register(
        registry.HeaderItem(key="forum", order=20, label=_("Forum"), url_name="forum")
    )
    registry.search_providers.register(
        registry.SearchProvider(
            key="forum",
            order=20,
            label=_("Forum"),
            search=search,
            result_template="forum/search_result.html",
        )
    )
