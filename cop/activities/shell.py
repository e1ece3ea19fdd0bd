"""What the follow-up tracker offers the site shell and the other apps (core.registry):
the header's "Activities" (signed-in members), a country's page and space's
activities, "Start a follow-up activity" on a completed course or a workshop, the seed."""

from django.utils.translation import gettext_lazy as _

from core import registry


def _signed_in(request):
    return request.user.is_authenticated


def register():
    registry.header_items.register(
        registry.HeaderItem(
            key="activities",
            order=40,
            label=_("Activities"),
            url_name="activities",
            visible=_signed_in,
        )
    )
