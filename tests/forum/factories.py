"""Forum data built the way the forum keeps it: categories, topics with their first post,
and posts numbered at the end of their topic, with the rendered HTML and the counters
(`services.refresh_counters`) the lists read.

The factories store rows directly, as the seeder does: no permission, rate limit,
pre-moderation or notification applies. A test about those rules calls
`forum.services.start_topic` / `reply` itself.
"""

import factory
from django.utils import translation

from accounts.constants import COUNTRY_SLUGS, Country
from core.text import render_markdown
from forum import services
from forum.models import Category, CategoryKind, Flag, FlagReason, Post, PostState, Topic
from tests.accounts.factories import UserFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    """A public thematic category every member may post in, unless told otherwise."""

    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Category {n}")
    kind = CategoryKind.THEMATIC


def national_category(country, **fields):
    """The national category of `country` (an ISO code), named and slugged as the seed
    names it (`/forum/c/cambodia/`): its focal points moderate it."""
    with translation.override("en"):
        name = str(Country(country).label)
    return CategoryFactory(
        slug=COUNTRY_SLUGS[country],
        name=name,
        kind=CategoryKind.NATIONAL,
        country=country,
        **fields,
    )


class TopicFactory(factory.django.DjangoModelFactory):
    """A visible topic with its first post (`body`) and `replies` published replies."""

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Topic number {n}")
    # Not fields of a topic: its first post's text, and how many replies follow it.
    body = "What makes an SSE unit?"
    replies = 0

    @classmethod
    def _create(cls, model_class, *args, body, replies, **kwargs):
        topic = super()._create(model_class, *args, **kwargs)
        PostFactory(topic=topic, author=topic.author, body=body)
        for n in range(replies):
            PostFactory(topic=topic, body=f"Reply number {n + 1}")
        topic.refresh_from_db()
        return topic


class PostFactory(factory.django.DjangoModelFactory):
    """The next post of `topic` (published unless `state` says otherwise), its HTML
    rendered from its Markdown, the topic's and category's counters brought up to date."""

    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Post number {n}")
    state = PostState.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, topic, **kwargs):
        number = Topic.objects.get(pk=topic.pk).last_number + 1
        kwargs.setdefault("body_html", render_markdown(kwargs["body"]))
        post = super()._create(model_class, *args, topic=topic, number=number, **kwargs)
        Topic.objects.filter(pk=topic.pk).update(last_number=number)
        topic.last_number = number
        services.refresh_counters(topic)
        return post


class FlagFactory(factory.django.DjangoModelFactory):
    """An open flag on `post`; the post's count of open flags follows."""

    class Meta:
        model = Flag

    post = factory.SubFactory(PostFactory)
    user = factory.SubFactory(UserFactory)
    reason = FlagReason.OFF_TOPIC
    detail = "Not about the SSE."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        flag = super()._create(model_class, *args, **kwargs)
        post = flag.post
        post.open_flags = Flag.objects.filter(post=post, resolved_at__isnull=True).count()
        post.save(update_fields=["open_flags"])
        return flag
