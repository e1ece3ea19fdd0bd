"""What follows when a post becomes visible to every reader or stops being so: the
topic's and category's counters are recomputed, followers are notified, and live
readers are told after commit."""

from django.db.models import Count, Max, Q, Sum

from core.commit import after_commit

from ..models import Category, Post, PostState, Topic
from .live import broadcast, frame
from .notifications import notify_published
from .reading import listed_gaps


def post_shown(post, *, notify):
    """A post has become visible: counters, notifications, and live readers."""
    refresh_counters(post.topic)
    if notify:
        notify_published(post)
    after_commit(broadcast, post.topic_id, frame(post))


def post_withdrawn(post):
    refresh_counters(post.topic)
    after_commit(broadcast, post.topic_id, {"type": "post.hidden", "id": post.id})


def refresh_counters(topic, categories=()):
    """Recompute a topic's and its category's counters from the posts themselves."""
    listed = Post.objects.listed().filter(topic=topic).order_by("-number")
    stats = listed.aggregate(
        count=Count("id"), replies=Count("id", filter=Q(number__gt=1)), last_at=Max("created_at")
    )
    last = listed.values_list("number", "author_id").first()
    first_published = Post.objects.filter(topic=topic, number=1, state=PostState.PUBLISHED).exists()
    Topic.objects.filter(pk=topic.pk).update(
        is_visible=first_published,
        reply_count=stats["replies"],
        post_count=stats["count"],
        last_posted_at=stats["last_at"] or topic.created_at,
        last_listed_number=last[0] if last else 0,
        last_poster_id=last[1] if last else None,
        listed_gaps=listed_gaps(topic),
    )
    topic.is_visible = first_published
    # In id order: two moves between the same categories lock their rows in one order.
    for category_id in sorted({topic.category_id, *(c.id for c in categories)}):
        refresh_category(category_id)


def refresh_category(category_id):
    visible = Topic.objects.filter(category_id=category_id, is_visible=True)
    stats = visible.aggregate(
        topics=Count("id"), posts=Sum("post_count"), last_at=Max("last_posted_at")
    )
    Category.objects.filter(pk=category_id).update(
        topic_count=stats["topics"],
        post_count=stats["posts"] or 0,
        last_posted_at=stats["last_at"],
    )
