"""Seed the forum: the regional category, one per country, thematic ones; some discussions
by the demo accounts; and one example of each thing a moderator deals with (a flagged
post, a post awaiting approval, watched words).

Idempotent: categories by slug, topics by (category, title), posts by (topic, number),
flags, subscriptions and watched words by their unique fields. A second run finds
everything and changes nothing.

Topics and posts are made with the ORM, not with `services.start_topic`/`reply`: those
would hold the demo members' first posts for approval and send notifications.
The pre-moderation rule (settings.FORUM_APPROVE_FIRST_POSTS = 2) is shown on purpose:
learner@example.org has exactly one published post, so their next one waits;
learner2@example.org has none, and one reply waiting for approval.

The words (categories, discussions) are in `forum.seed_content`.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from accounts.constants import COUNTRY_SLUGS, PROGRAMME_COUNTRIES, REGIONAL_SLUG
from core.text import render_markdown

from . import seed_content as content
from . import services
from .models import (
    Category,
    CategoryKind,
    Flag,
    FlagReason,
    Post,
    PostAccess,
    PostState,
    ReadAccess,
    Subscription,
    Topic,
    WatchedWord,
)


def seed_forum(stdout=None):
    users = {
        key: get_user_model().objects.get(email=email) for key, email in content.ACCOUNTS.items()
    }
    categories = seed_categories()
    topics = seed_topics(categories, users)
    seed_watched_words(users["moderator"])
    Subscription.objects.get_or_create(user=users["moderator"], category=categories[REGIONAL_SLUG])
    if stdout:
        stdout.write(
            f"Forum: {len(categories)} categories, {len(topics)} topics, "
            f"{Post.objects.filter(topic__in=topics).count()} posts."
        )


def seed_categories():
    categories = {}
    categories[REGIONAL_SLUG], _ = Category.objects.get_or_create(
        slug=REGIONAL_SLUG,
        defaults={
            **content.REGIONAL,
            "kind": CategoryKind.REGIONAL,
            "read_access": ReadAccess.PUBLIC,
            "post_access": PostAccess.MEMBERS,
            "position": 1,
        },
    )
    for position, country in enumerate(PROGRAMME_COUNTRIES, start=10):
        with translation.override("en"):
            name = str(country.label)
        slug = COUNTRY_SLUGS[country.value]
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": f"Questions and news about the SSE in {name}: the follow-up "
                "of the mapping, national events and local questions. Write in English or "
                "in a national language.",
                "kind": CategoryKind.NATIONAL,
                "country": country.value,
                "read_access": ReadAccess.PUBLIC,
                "post_access": PostAccess.MEMBERS,
                "position": position,
            },
        )
    for position, (slug, name, description, read, post) in enumerate(content.THEMATIC, start=50):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "kind": CategoryKind.THEMATIC,
                "read_access": read,
                "post_access": post,
                "position": position,
            },
        )
    return categories


def seed_topics(categories, users):
    handles = {key: user.handle for key, user in users.items()}
    now = timezone.now().replace(second=0, microsecond=0)
    topics = []
    for slug, title, author, days_ago, pinned, posts in content.TOPICS:
        started = now - timedelta(days=days_ago)
        topic, created = Topic.objects.get_or_create(
            category=categories[slug],
            title=title,
            defaults={"author": users[author], "is_pinned": pinned},
        )
        if created:
            Topic.objects.filter(pk=topic.pk).update(created_at=started)
            topic.created_at = started
        for number, (post_author, hours, body, options) in enumerate(posts, start=1):
            seed_post(topic, number, users[post_author], body.format(**handles), options, users)
            if created:
                Post.objects.filter(topic=topic, number=number).update(
                    created_at=started + timedelta(hours=hours)
                )
        last_number = len(posts)
        if topic.last_number != last_number:
            Topic.objects.filter(pk=topic.pk).update(last_number=last_number)
        services.refresh_counters(topic)
        Subscription.objects.get_or_create(user=topic.author, topic=topic)
        topics.append(topic)
    return topics


def seed_post(topic, number, author, body, options, users):
    pending = options.get("pending", False)
    post, _ = Post.objects.get_or_create(
        topic=topic,
        number=number,
        defaults={
            "author": author,
            "body": body,
            "body_html": render_markdown(body),
            "state": PostState.PENDING if pending else PostState.PUBLISHED,
            "state_reason": content.PENDING_REASON if pending else "",
        },
    )
    if options.get("flag"):
        Flag.objects.get_or_create(
            post=post,
            user=users["learner2"],
            defaults={"reason": FlagReason.OFF_TOPIC, "detail": content.FLAG_DETAIL},
        )
        open_flags = Flag.objects.filter(post=post, resolved_at__isnull=True).count()
        if post.open_flags != open_flags:
            Post.objects.filter(pk=post.pk).update(open_flags=open_flags)
    return post


def seed_watched_words(moderator):
    """WatchedWord.save clears the cache of watched words itself."""
    for word, action in content.WATCHED_WORDS:
        WatchedWord.objects.get_or_create(
            word=word, defaults={"action": action, "created_by": moderator}
        )
