"""What the forum offers the site shell (core.registry): the header's "Forum", its
posts in the site search, a member's recent posts on their public page, and a member's
dashboard's "Topics you follow"."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core import pagecache, registry
from core.snippets import html_snippet
from core.times import reader_zone

from . import permissions as can
from . import seed
from .models import Category, Post, Subscription, Topic, TopicRead
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


DASHBOARD_POSTS = 3
EXCERPT_CHARACTERS = 120


def followed_topics_posts(request):
    """The dashboard's "Topics you follow": the latest posts others made in the topics the
    member follows (listed posts of visible topics in categories the member may read),
    newest first, each marked unread when the member has not read that far. Two queries:
    the categories, the posts."""
    user = request.user
    readable = can.readable_category_ids(user, Category.objects.all())
    followed = Subscription.objects.filter(user=user, topic__isnull=False).values("topic_id")
    read_upto = TopicRead.objects.filter(user=user, topic=OuterRef("topic_id")).values(
        "last_read_number"
    )[:1]
    posts = list(
        Post.objects.listed()
        .filter(topic__in=followed, topic__is_visible=True, topic__category__in=readable)
        .exclude(author=user)
        .annotate(read_upto=Coalesce(Subquery(read_upto), 0))
        .select_related("topic", "author")
        .only(
            "id",
            "number",
            "body_html",
            "created_at",
            "topic__id",
            "topic__title",
            "author__name",
            "author__handle",
            "author__is_active",
        )
        .order_by("-created_at", "-id")[:DASHBOARD_POSTS]
    )
    for post in posts:
        post.unread = post.number > post.read_upto
        post.excerpt = html_snippet(post.body_html, "", EXCERPT_CHARACTERS)
    return {"posts": posts}


def register():
    # The forum index, cached for anonymous readers, shows the categories' latest topics
    # and counts: a post, an edit and every moderation decision save one of these.
    pagecache.invalidate_on_change(Category, Topic, Post)
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
    registry.dashboard_sections.register(
        registry.DashboardSection(
            key="forum",
            order=40,
            template="forum/dashboard_section.html",
            context=followed_topics_posts,
        )
    )
