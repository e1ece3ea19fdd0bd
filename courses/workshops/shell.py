"""What the workshops offer the site shell (core.registry)."""

from django.utils.translation import gettext_lazy as _

from core import registry


def register():
    registry.header_items.register(
        registry.HeaderItem(key="workshops", order=15, label=_("Workshops"), url_name="workshops")
    )
