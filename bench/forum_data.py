"""Bench data for the forum: a public category `bench` whose topics bring the whole forum
to --posts posts (100,000 by default).

    .venv/bin/python bench/forum_data.py [--posts 100000] [--topics 1000] [--big 5000]
        [--users 200]

It writes into the database of the environment's settings (DATABASE_URL, else the
development db.sqlite3), which should already be migrated and seeded (`seed_demo`);
bench/http_pages.py --set forum runs it against the database its servers use.

What it makes:
- --users bench members, forum-bench-<n>@example.net, handle bench-user-<n>, with no
  usable password (nobody logs in as them);
- the category `bench` (thematic, anyone may read) with --topics topics: the first is the
  big one, --big posts long (the page benchmarked as "topic, last page"); the others
  share the rest, a few long and most short (log-normal weights), so that with the posts
  already in the other categories the forum has --posts posts in all;
- posts spread over the past year in each topic, by authors drawn at random from the
  bench members, with short Markdown bodies (and their HTML), every fourth one a reply to
  an earlier post; then the topics' and the category's counters, recomputed by
  `forum.services.refresh_counters` as after any change.

Idempotent: when the category already holds exactly this plan it only recomputes the
counters (a few seconds); otherwise it deletes the category's topics and makes them
again, in one transaction (about a minute for 100,000 posts on PostgreSQL). Posts are
made with bulk_create, not by the posting service: no notifications, rate limits or
search indexing.
"""

import argparse
import contextlib
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORY = "bench"
BATCH = 5_000
SEED = 20261123

BIG_TITLE = "The long thread: what does the social and solidarity economy mean where you are?"
TITLES = [
    "How do cooperatives in {country} finance their first years?",
    "Registering a social enterprise in {country}: which legal form?",
    "Mapping SSE organisations in {country}: methods that worked",
    "Community-supported agriculture near {city}: who has tried it?",
    "Savings groups and microfinance in {country}: lessons learnt",
    "Public procurement that favours SSE enterprises in {country}",
    "Fair prices for smallholders around {city}",
    "Training young people in cooperative management in {country}",
    "Women-led cooperatives in {country}: stories and contacts",
    "Measuring social impact without a big budget",
    "Platform cooperatives: does anyone run one in {country}?",
    "Translating the course into a national language: help wanted",
    "Local currencies and time banks around {city}",
    "Which indicators do you report to your funders?",
    "Feature 3, voluntary cooperation: examples from {country}",
    "Housing cooperatives in {city}: rules for new members",
]
PLACES = [
    ("Cambodia", "Phnom Penh"),
    ("Kyrgyzstan", "Bishkek"),
    ("Lao PDR", "Vientiane"),
    ("Mongolia", "Ulaanbaatar"),
    ("Thailand", "Chiang Mai"),
    ("Viet Nam", "Hue"),
    ("China", "Chengdu"),
    ("Indonesia", "Yogyakarta"),
    ("Japan", "Osaka"),
    ("Malaysia", "Penang"),
    ("the Philippines", "Davao"),
    ("the Republic of Korea", "Seoul"),
]
BODIES = [
    "Thanks for starting this. In our province the **credit union** was the first step: "
    "members saved a little every week for a year before anyone borrowed.",
    "We tried the same and it did not work at first. What changed things was a clear "
    "rule on who decides:\n\n- one member, one vote\n- a general assembly twice a year\n"
    "- minutes published to every member",
    "> the hardest part is the first two years\n\nAgreed. Our cooperative survived them "
    "thanks to a municipal contract for school meals.",
    "There is a good overview in the ILO's guide: "
    "https://www.ilo.org/global/topics/cooperatives/lang--en/index.htm (chapter 4 on "
    "financing).",
    "Could you say more about how you priced the vegetables? We sell to a weekly box "
    "scheme and are never sure whether we cover our costs.",
    "Short answer: yes, but only with a *written* agreement between the members. We "
    "learnt that the hard way.",
    "Our national focal point keeps a list of registered social enterprises. I will ask "
    "whether it can be shared here.",
    "Three things helped us:\n\n1. a mentor from an older cooperative\n2. a small "
    "revolving fund\n3. patience with the paperwork",
    "I agree with the previous post. The law here recognises cooperatives but not yet "
    "social enterprises, so most groups register as associations.",
    "We measure two things only: jobs kept for at least a year, and the share of income "
    "that stays in the village. Funders have accepted it so far.",
    "Good question. We translated the first module into Khmer with volunteers; the "
    "glossary was the hardest part, especially *solidarity* and *commons*.",
    "Is anyone going to the regional meeting next month? It would be good to meet in "
    "person and continue this discussion.",
    "The time bank in our district has 140 members now. One hour of work is one hour, "
    "whatever the work: that rule is what people like most.",
    "For procurement, look at how the city council reserved **10 %** of its catering "
    "contracts for social enterprises; the tender documents are public.",
    "Thank you, this is very useful. I have shared it with our women's group and we "
    "will try the weekly meeting format.",
    "A practical tip: keep the accounts in a shared spreadsheet that every member can "
    "read. Trust grew much faster once we did.",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000, help="posts in the whole forum")
    parser.add_argument("--topics", type=int, default=1_000, help="topics in `bench`")
    parser.add_argument("--big", type=int, default=5_000, help="posts in the big topic")
    parser.add_argument("--users", type=int, default=200, help="bench members")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Only data is written here, nothing is served or signed: with DEBUG off the settings
    # want some secret key, and this one is as good as any.
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 60)
    import django

    django.setup()
    from django.db import connection

    started = time.monotonic()
    result = ensure(args.posts, args.topics, args.big, args.users)
    db = connection.settings_dict["NAME"]
    took = time.monotonic() - started
    print(f"forum bench data in {connection.vendor} {db}: {result} ({took:.1f} s)")


def plan(bench_posts, topics, big):
    """Posts per topic, the big topic first, summing to `bench_posts` (deterministic)."""
    rest = bench_posts - big
    if topics < 2 or rest < topics - 1:
        raise SystemExit(
            f"{bench_posts:,} posts are too few for a topic of {big:,} and {topics - 1:,} more"
        )
    rng = random.Random(SEED)  # noqa: S311 (bench data, not secrets)
    weights = [rng.lognormvariate(0, 1.2) for _ in range(topics - 1)]
    extra = rest - (topics - 1)  # the replies, beyond each topic's first post
    total = sum(weights)
    shares = [w * extra / total for w in weights]
    counts = [1 + int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: int(shares[i]) - shares[i])
    for i in by_remainder[: rest - sum(counts)]:  # largest remainders first
        counts[i] += 1
    return [big, *counts]


def title(index):
    if index == 0:
        return BIG_TITLE
    country, city = PLACES[(index // len(TITLES)) % len(PLACES)]
    return TITLES[index % len(TITLES)].format(country=country, city=city)


def ensure(posts, topics, big, users):
    from django.db import transaction
    from django.db.models import Count

    from forum.models import Post, Topic

    category = bench_category()
    members = bench_users(users)
    bench_posts = posts - Post.objects.exclude(topic__category=category).count()
    counts = plan(bench_posts, topics, big)
    titles = [title(i) for i in range(topics)]
    there = list(
        Topic.objects.filter(category=category)
        .annotate(n=Count("posts"))
        .order_by("id")
        .values_list("title", "n", "last_number")
    )
    if there == [(t, n, n) for t, n in zip(titles, counts, strict=True)]:
        # The counters are recomputed all the same: a migration may have added one.
        started = time.monotonic()
        with transaction.atomic():
            refresh_counters(category)
        return (
            f"already there, {topics:,} topics and {bench_posts:,} posts in `{CATEGORY}` "
            f"(counters {time.monotonic() - started:.1f} s)"
        )
    t0 = time.monotonic()
    with transaction.atomic():
        if there:
            delete_topics(category)
        t1 = time.monotonic()
        build(category, members, titles, counts)
        t2 = time.monotonic()
        analyze()
        refresh_counters(category)
        t3 = time.monotonic()
    t4 = time.monotonic()
    analyze(vacuum=True)
    timings = (
        f"delete {t1 - t0:.1f} s, inserts {t2 - t1:.1f} s, counters {t3 - t2:.1f} s, "
        f"commit {t4 - t3:.1f} s, vacuum {time.monotonic() - t4:.1f} s"
    )
    return (
        f"{topics:,} topics and {bench_posts:,} posts made in `{CATEGORY}`, the forum has "
        f"{Post.objects.count():,} posts ({timings})"
    )


def refresh_counters(category):
    """The topics' and the category's counters, by the service that keeps them after
    every change in the forum (about 7 queries a topic)."""
    from forum import services
    from forum.models import Topic

    for topic in Topic.objects.filter(category=category).order_by("id"):
        services.refresh_counters(topic)


def bench_category():
    from forum.models import Category, CategoryKind, PostAccess, ReadAccess

    category, _ = Category.objects.update_or_create(
        slug=CATEGORY,
        defaults={
            "name": "Benchmark",
            "description": "Generated by bench/forum_data.py to measure the forum's pages.",
            "kind": CategoryKind.THEMATIC,
            "read_access": ReadAccess.PUBLIC,
            "post_access": PostAccess.MEMBERS,
            "position": 999,
        },
    )
    return category


def bench_users(count):
    """The bench members (made with bulk_create when missing): their ids."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    handles = [f"bench-user-{n}" for n in range(1, count + 1)]
    have = set(User.objects.filter(handle__in=handles).values_list("handle", flat=True))
    missing = []
    for n, handle in enumerate(handles, start=1):
        if handle in have:
            continue
        user = User(email=f"forum-bench-{n}@example.net", name=f"Bench member {n}", handle=handle)
        user.set_unusable_password()
        missing.append(user)
    User.objects.bulk_create(missing, batch_size=BATCH)
    ids = dict(User.objects.filter(handle__in=handles).values_list("handle", "id"))
    return [ids[h] for h in handles]


def delete_topics(category):
    """Delete the category's topics and posts, with what hangs on the posts."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from wagtail.search.models import IndexEntry

    from forum.models import Flag, ModerationLog, Notification, Post, PostRevision, Topic

    posts = Post.objects.filter(topic__category=category)
    IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Post),
        object_id__in=posts.annotate(key=Cast("pk", CharField())).values("key"),
    ).delete()
    ModerationLog.objects.filter(post__in=posts).update(post=None)
    for model in (Notification, Flag, PostRevision):
        model.objects.filter(post__in=posts).delete()
    # Post is search-indexed, so QuerySet.delete() would load every post and send a
    # post_delete signal for each; what depends on them is gone, delete the rows directly.
    posts._raw_delete(posts.db)
    Topic.objects.filter(category=category).delete()


@contextlib.contextmanager
def explicit_created_at(*models):
    """Let bulk_create store the created_at we give instead of now (auto_now_add)."""
    fields = [model._meta.get_field("created_at") for model in models]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def build(category, members, titles, counts):
    from django.db import reset_queries
    from django.db.models import F, OuterRef, Subquery
    from django.db.models.functions import Mod
    from django.utils import timezone

    from core.text import render_markdown
    from forum.models import Post, Topic

    now = timezone.now().replace(microsecond=0)
    html = [render_markdown(body) for body in BODIES]
    schedule = []  # per topic: (rng, first post's time, time between posts, author)
    topics = []
    for index, (name, count) in enumerate(zip(titles, counts, strict=True)):
        rng = random.Random(SEED + index)  # noqa: S311
        if index == 0:  # the big topic: 300 days of discussion, still active
            start, end = now - timedelta(days=300), now - timedelta(minutes=10)
        else:
            start = now - timedelta(days=rng.uniform(2, 365))
            end = start + (now - start) * rng.uniform(0.02, 1.0)
        step = timedelta(seconds=(end - start).total_seconds() // max(count - 1, 1))
        author = members[rng.randrange(len(members))]
        schedule.append((rng, start, step, author))
        topics.append(
            Topic(
                category=category,
                title=name,
                author_id=author,
                created_at=start,
                last_number=count,
            )
        )
    # bulk_create sends no post_save signal, so the bench posts are not added to the
    # search index (Post is wagtail-search indexed): that is what we want for bench data,
    # and indexing 100,000 posts one by one would take far longer than making them.
    with explicit_created_at(Topic, Post):
        topics = Topic.objects.bulk_create(topics, batch_size=BATCH)
        batch = []
        for topic, count, (rng, start, step, author) in zip(topics, counts, schedule, strict=True):
            for number in range(1, count + 1):
                body = rng.randrange(len(BODIES))
                batch.append(
                    Post(
                        topic_id=topic.id,
                        number=number,
                        author_id=author if number == 1 else members[rng.randrange(len(members))],
                        body=BODIES[body],
                        body_html=html[body],
                        created_at=start + step * (number - 1),
                    )
                )
                if len(batch) == BATCH:
                    Post.objects.bulk_create(batch)
                    batch.clear()
                    reset_queries()  # under DEBUG, do not keep the inserts' SQL
        Post.objects.bulk_create(batch)
    # Every fourth post answers the post two before it (the "In reply to" line).
    Post.objects.filter(topic__category=category, number__gt=2).alias(
        every=Mod(F("number"), 4)
    ).filter(every=0).update(
        reply_to=Subquery(
            Post.objects.filter(topic=OuterRef("topic"), number=OuterRef("number") - 2).values(
                "id"
            )[:1]
        )
    )


def analyze(*, vacuum=False):
    """PostgreSQL: give the planner statistics on the new rows, as autovacuum would in
    time (here it may be off, or not have run yet: without them it picks bitmap scans
    over every published post). With `vacuum` (outside a transaction), also clear the
    old row versions the reply_to UPDATE left behind."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from forum.models import Category, Post, Topic

    if connection.vendor != "postgresql":
        return
    tables = ", ".join(m._meta.db_table for m in (Post, Topic, Category, get_user_model()))
    with connection.cursor() as cursor:
        cursor.execute(("VACUUM ANALYZE " if vacuum else "ANALYZE ") + tables)


if __name__ == "__main__":
    main()
