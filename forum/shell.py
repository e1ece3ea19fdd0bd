"""What the forum offers the site shell (core.registry): the header's "Forum", its
posts in the site search, and a member's recent posts on their public page."""

from django.utils.translation import gettext_lazy as _

from core import registry
from core.times import reader_zone

from . import permissions as can
from . import seed
from .models import Category, Post
from .search import search_posts

MEMBER_POSTS = 5  # the latest shown on a member's page


def search(request, query):
    return search_posts(request.user, query)


def member_posts(request, member):
    """A member's latest published posts in visible topics of the categories this reader
    may read (an anonymous reader: the public ones); never a hidden, waiting or deleted
    post. Two queries: the categories, the posts."""
    readable = can.readable_category_ids(request.user, Category.objects.all())
    posts = (
        Post.objects.listed()
        .filter(author=member, topic__is_visible=True, topic__category__in=readable)
        .select_related("topic__category")
        .only(
            "id",
            "number",
            "body_html",
            "created_at",
            "topic__id",
            "topic__title",
            "topic__category__id",
            "topic__category__name",
            "topic__category__slug",
        )
        .order_by("-created_at", "-id")[:MEMBER_POSTS]
    )
    return {"posts": list(posts), "member": member, "zone": reader_zone(request.user)}


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
    registry.member_sections.register(
        registry.MemberSection(
            key="forum", order=10, template="forum/member_section.html", context=member_posts
        )
    )
