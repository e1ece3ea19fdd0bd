"""What the spaces offer the site shell (core.registry): the home page's "Lively
discussions", a member's dashboard's "In your spaces" and the header's "Spaces"."""

from django.utils.translation import gettext_lazy as _

from accounts import permissions as can
from core import registry
from core.snippets import html_snippet

from . import permissions, seed
from .models import Membership, Message, Space

ACTIVE_SPACES = 4


def active_spaces(request, page):
    """The spaces with the latest messages (one query)."""
    spaces = list(
        Space.objects.with_member_count()
        .filter(last_message_at__isnull=False)
        .order_by("-last_message_at")[:ACTIVE_SPACES]
    )
    return {"active_spaces": spaces} if spaces else None


DASHBOARD_MESSAGES = 3
EXCERPT_CHARACTERS = 120


def recent_in_my_spaces(request):
    """The dashboard's "In your spaces": the latest messages others wrote in the spaces
    the member has joined, newest first, and those spaces. Two queries; None for a
    member who may not read any space."""
    user = request.user
    if not can.is_learner(user):  # the spaces' discussions are for learners
        return None
    memberships = list(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
        .select_related("space")
        .order_by("space__name")
    )
    readable = [m.space for m in memberships if permissions.can_read(user, m)]
    messages = []
    if readable:
        messages = list(
            Message.objects.filter(
                space_id__in=[space.id for space in readable], deleted_at__isnull=True
            )
            .exclude(author=user)
            .select_related("space", "author")
            .only(
                "id",
                "created_at",
                "body_html",
                "space__slug",
                "space__name",
                "author__name",
                "author__handle",
                "author__is_active",
            )
            .order_by("-id")[:DASHBOARD_MESSAGES]
        )
    for message in messages:
        message.excerpt = html_snippet(message.body_html, "", EXCERPT_CHARACTERS)
    return {"messages": messages, "spaces": readable}


def register():
    registry.seeders.register(registry.Seeder(key="spaces", order=30, run=seed.seed_spaces))
    registry.home_sections.register(
        registry.HomeSection(
            key="spaces", order=30, template="cop/home_section.html", context=active_spaces
        )
    )
    registry.dashboard_sections.register(
        registry.DashboardSection(
            key="spaces",
            order=30,
            template="cop/dashboard_section.html",
            context=recent_in_my_spaces,
        )
    )
    registry.header_items.register(
        registry.HeaderItem(key="spaces", order=30, label=_("Spaces"), url_name="spaces")
    )
