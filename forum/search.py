"""Forum posts in the site search: only published posts of visible topics, in the
categories the searcher may read (the index's filter fields, so the database does it).

The query is folded and cut into words as the posts are indexed (core.wordsplit), so
"สหกรณ์" finds a post that says "สหกรณ์การเกษตรในประเทศไทย" and "hop tac xa" one that
says "Hợp tác xã"; every word must be there."""

from core.wordsplit import search_text

from . import permissions as can
from .models import Category, Post


def search_posts(user, query):
    words = search_text(query)
    if not words:  # punctuation only: nothing to look for
        return Post.objects.none()
    readable = can.readable_category_ids(user, Category.objects.all())
    return (
        Post.objects.listed()
        .filter(topic__is_visible=True, topic__category__in=readable)
        .select_related("topic__category", "author")
        .search(words)
    )
