"""What the spaces offer the site shell (core.registry): the home page's "Lively
discussions" and the header's "Spaces"."""

from django.utils.translation import gettext_lazy as _

from core import registry

from . import seed
from .models import Space

ACTIVE_SPACES = 4


def active_spaces(request, page):
    """The spaces with the latest messages (one query)."""
    spaces = list(
        Space.objects.with_member_count()
        .filter(last_message_at__isnull=False)
        .order_by("-last_message_at")[:ACTIVE_SPACES]
    )
    return {"active_spaces": spaces} if spaces else None


def register():
    registry.seeders.register(registry.Seeder(key="spaces", order=30, run=seed.seed_spaces))
    registry.home_sections.register(
        registry.HomeSection(
            key="spaces", order=30, template="cop/home_section.html", context=active_spaces
        )
    )
    registry.header_items.register(
        registry.HeaderItem(key="spaces", order=30, label=_("Spaces"), url_name="spaces")
    )
