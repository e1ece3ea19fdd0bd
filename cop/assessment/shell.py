"""What the self-assessment offers the site shell (core.registry): the header's
"Self-assessment", search over the organizations a reader may see, the seed."""

from django.utils.translation import gettext_lazy as _

from core import registry

from . import search, seed


def register():
    registry.header_items.register(
        registry.HeaderItem(
            key="assessment", order=45, label=_("Self-assessment"), url_name="assessment"
        )
    )
    registry.search_providers.register(
        registry.SearchProvider(
            key="assessment",
            order=45,
            label=_("Organizations"),
            search=search.search,
            result_template="assessment/search_result.html",
        )
    )
    registry.seeders.register(registry.Seeder(key="assessment", order=60, run=seed.seed_assessment))
