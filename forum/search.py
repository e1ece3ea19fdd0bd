"""Forum posts in the site search: only published posts of visible topics, in the
categories the searcher may read (the index's filter fields, so the database does it)."""

from . import permissions as can
from .models import Category, Post


def search_posts(user, query):
    readable = can.readable_category_ids(user, Category.objects.all())
    return (
        Post.objects.listed()
        .filter(topic__is_visible=True, topic__category__in=readable)
        .select_related("topic__category", "author")
        .search(query)
    )
