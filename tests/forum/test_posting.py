"""Writing in the forum through its pages: topics, replies, counters, lists and pages,
unread markers, preview, quotes, edits, deletes, mentions and notices, the sanitiser, bad
input, and search."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import (
    Notification,
    NotificationKind,
    Post,
    PostRevision,
    PostState,
    Subscription,
    Topic,
)
from tests.accounts.factories import UserFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def topic_row(html, topic):
    """The <li> of `topic` in a topic list, or None."""
    for row in re.findall(r'<li class="topic-row[^"]*">.*?</li>', html, re.S):
        if f"/forum/t/{topic.id}/" in row:
            return row
    return None


def listed_ids(response):
    return [t.id for t in response.context["page_obj"].object_list]


def backdate(topic, minutes):
    """Make every post of `topic` `minutes` old, and its counters follow."""
    when = timezone.now() - timedelta(minutes=minutes)
    Post.objects.filter(topic=topic).update(created_at=when)
    services.refresh_counters(topic)


def add_replies(topic, authors, count):
    return [
        services.reply(topic, authors[i % len(authors)], f"Reply number {i + 2}")
        for i in range(count)
    ]


# --- Starting topics and replying -------------------------------------------------------
def test_starting_a_topic_and_replying_through_the_pages(public_category, learner, other):
    started = client_for(learner).post(
        reverse("forum_new_topic", args=[public_category.slug]),
        {"title": "  Savings groups   in Laos ", "body": "How do they start?"},
    )

    topic = Topic.objects.get(category=public_category)
    assert started.status_code == 302
    assert started["Location"] == reverse("forum_topic", args=[topic.id])
    assert "Your post is published." in messages_of(started)
    assert topic.title == "Savings groups in Laos"
    first = topic.posts.get()
    assert (first.number, first.author, first.body) == (1, learner, "How do they start?")
    assert topic.is_visible
    assert topic.reply_count == 0
    assert topic.last_poster == learner
    public_category.refresh_from_db()
    assert (public_category.topic_count, public_category.post_count) == (1, 1)
    assert Subscription.objects.filter(user=learner, topic=topic).exists()

    replied = client_for(other).post(
        reverse("forum_reply", args=[topic.id]), {"body": "With ten members and a box."}
    )

    reply = topic.posts.get(number=2)
    assert replied.status_code == 302
    assert replied["Location"] == reverse("forum_post", args=[reply.id])
    assert (reply.author, reply.body, reply.state) == (
        other,
        "With ten members and a box.",
        PostState.PUBLISHED,
    )
    topic.refresh_from_db()
    public_category.refresh_from_db()
    assert topic.reply_count == 1
    assert topic.last_poster == other
    assert topic.last_posted_at == reply.created_at
    assert (public_category.topic_count, public_category.post_count) == (1, 2)
    assert public_category.last_posted_at == reply.created_at
    page = text(client_for(None).get(reverse("forum_topic", args=[topic.id])))
    assert "How do they start?" in page
    assert "With ten members and a box." in page
    row = topic_row(
        text(client_for(None).get(reverse("forum_category", args=[public_category.slug]))), topic
    )
    assert "1 reply" in row
    assert other.name in row


def test_the_topic_list_puts_pinned_topics_first_then_the_latest_activity(
    public_category, learner, other, moderator
):
    oldest = services.start_topic(public_category, learner, "Oldest topic here", "One")
    middle = services.start_topic(public_category, learner, "Middle topic here", "Two")
    newest = services.start_topic(public_category, learner, "Newest topic here", "Three")
    pinned = services.start_topic(public_category, learner, "Pinned rules here", "Rules")
    for minutes, topic in ((40, pinned), (30, oldest), (20, middle), (10, newest)):
        backdate(topic, minutes)
    services.pin(pinned, moderator)
    url = reverse("forum_category", args=[public_category.slug])

    before = listed_ids(client_for(other).get(url))
    services.reply(oldest, other, "Bringing this one back up")
    after = client_for(other).get(url)

    assert before == [pinned.id, newest.id, middle.id, oldest.id]
    assert listed_ids(after) == [pinned.id, oldest.id, newest.id, middle.id]
    html = text(after)
    positions = [html.index(t.title) for t in (pinned, oldest, newest, middle)]
    assert positions == sorted(positions)


def test_the_topic_list_is_paginated(public_category, learner):
    count = services.TOPICS_PER_PAGE + 1
    topics = [
        services.start_topic(public_category, learner, f"Paged topic {n:02}", "Body")
        for n in range(count)
    ]
    now = timezone.now()
    for n, topic in enumerate(topics):  # topic 0 is the oldest
        Topic.objects.filter(pk=topic.pk).update(last_posted_at=now - timedelta(minutes=count - n))
    url = reverse("forum_category", args=[public_category.slug])

    first = client_for(None).get(url)
    second = client_for(None).get(url, {"page": 2})

    assert listed_ids(first) == [t.id for t in reversed(topics[1:])]
    assert listed_ids(second) == [topics[0].id]
    assert "Paged topic 00" in text(second)
    assert "Paged topic 30" not in text(second)
    assert "Paged topic 00" not in text(first)
    assert "?page=2" in text(first)
    public_category.refresh_from_db()
    assert public_category.topic_count == count


def test_a_topic_page_is_paginated_and_permalinks_find_the_page(topic, learner, other):
    add_replies(topic, [other, learner], services.POSTS_PER_PAGE + 4)  # 25 posts in all
    posts = {p.number: p for p in topic.posts.all()}
    url = reverse("forum_topic", args=[topic.id])

    first = text(client_for(None).get(url))
    second = text(client_for(None).get(url, {"page": 2}))

    assert f'id="post-{posts[1].id}"' in first
    assert f'id="post-{posts[20].id}"' in first
    assert f'id="post-{posts[21].id}"' not in first
    assert f'id="post-{posts[21].id}"' in second
    assert f'id="post-{posts[25].id}"' in second
    assert f'id="post-{posts[1].id}"' not in second
    on_second = client_for(None).get(reverse("forum_post", args=[posts[21].id]))
    on_first = client_for(None).get(reverse("forum_post", args=[posts[3].id]))
    assert on_second.status_code == 302
    assert on_second["Location"] == f"{url}?page=2#post-{posts[21].id}"
    assert on_first["Location"] == f"{url}#post-{posts[3].id}"


def test_permalinks_count_only_the_posts_the_reader_sees(topic, learner, other, moderator):
    add_replies(topic, [other, learner], services.POSTS_PER_PAGE)  # 21 posts
    posts = {p.number: p for p in topic.posts.all()}
    services.hide(posts[5], moderator, "Off topic")
    url = reverse("forum_topic", args=[topic.id])
    last = reverse("forum_post", args=[posts[21].id])

    # For readers, #5 is gone, so #21 is the 20th post: on the first page.
    assert client_for(None).get(last)["Location"] == f"{url}#post-{posts[21].id}"
    assert f'id="post-{posts[21].id}"' in text(client_for(None).get(url))
    # Moderators see #5, so #21 is on the second page for them.
    assert client_for(moderator).get(last)["Location"] == f"{url}?page=2#post-{posts[21].id}"


# --- Unread markers ---------------------------------------------------------------------
def test_unread_markers_follow_what_a_member_has_read(topic, learner, other):
    category_url = reverse("forum_category", args=[topic.category.slug])
    reader = client_for(other)

    unopened = topic_row(text(reader.get(category_url)), topic)
    reader.get(reverse("forum_topic", args=[topic.id]))
    opened = topic_row(text(reader.get(category_url)), topic)
    reply = services.reply(topic, learner, "Something new to read")
    updated = topic_row(text(reader.get(category_url)), topic)

    assert ">New<" in unopened
    assert "New" not in opened
    assert "Unread" not in opened
    assert ">Unread<" in updated
    assert reverse("forum_topic_unread", args=[topic.id]) in updated
    jump = reader.get(reverse("forum_topic_unread", args=[topic.id]))
    assert jump.status_code == 302
    assert jump["Location"] == reverse("forum_post", args=[reply.id])
    # Anonymous readers get no markers.
    anonymous = topic_row(text(client_for(None).get(category_url)), topic)
    assert "New" not in anonymous
    assert "Unread" not in anonymous


def test_the_unread_link_goes_to_the_first_post_not_yet_read(topic, learner, other):
    add_replies(topic, [learner], services.POSTS_PER_PAGE + 2)  # 23 posts
    reader = client_for(other)
    reader.get(reverse("forum_topic", args=[topic.id]))  # the first page: posts 1 to 20

    jump = reader.get(reverse("forum_topic_unread", args=[topic.id]))

    twenty_first = topic.posts.get(number=21)
    assert jump["Location"] == reverse("forum_post", args=[twenty_first.id])
    assert reader.get(jump["Location"])["Location"].endswith(f"?page=2#post-{twenty_first.id}")


# --- Preview ----------------------------------------------------------------------------
def test_preview_of_a_new_topic_renders_it_and_stores_nothing(public_category, learner):
    topics_before = Topic.objects.count()

    response = client_for(learner).post(
        reverse("forum_new_topic", args=[public_category.slug]),
        {
            "title": "Previewed topic",
            "body": "**Bold** plan <script>alert(1)</script>",
            "preview": "1",
        },
    )

    html = text(response)
    assert response.status_code == 200
    assert "<strong>Bold</strong> plan" in html
    assert "<script>alert" not in html
    assert Topic.objects.count() == topics_before
    assert not Topic.objects.filter(title="Previewed topic").exists()


def test_preview_of_a_reply_renders_it_and_stores_nothing(topic, other):
    response = client_for(other).post(
        reverse("forum_reply", args=[topic.id]),
        {"body": "*Careful* reply [link](https://example.org)", "preview": "1"},
    )

    html = text(response)
    assert response.status_code == 200
    assert "<em>Careful</em> reply" in html
    assert 'rel="nofollow ugc noopener"' in html
    assert topic.posts.count() == 1
    assert not Notification.objects.filter(post__topic=topic).exists()


# --- Quotes -----------------------------------------------------------------------------
def test_quoting_prefills_the_reply_and_notifies_the_quoted_author(topic, learner, other):
    quoted = services.reply(topic, learner, "First line\nSecond line")
    third = UserFactory()

    page = text(
        client_for(third).get(reverse("forum_topic", args=[topic.id]), {"quote": quoted.id})
    )

    assert f"&gt; @{learner.handle} wrote:\n&gt; First line\n&gt; Second line" in page
    assert re.search(rf'name="reply_to" value="{quoted.id}"', page)

    client_for(third).post(
        reverse("forum_reply", args=[topic.id]),
        {"body": "> First line\n\nI agree.", "reply_to": quoted.id},
    )

    answer = Post.objects.get(topic=topic, author=third)
    assert answer.reply_to == quoted
    assert Notification.objects.filter(
        user=learner, post=answer, kind=NotificationKind.REPLY_TO_YOU, actor=third
    ).exists()
    assert f"In reply to {learner.name}" in text(
        client_for(None).get(reverse("forum_topic", args=[topic.id]))
    )


def test_quoting_a_post_the_reader_may_not_see_prefills_nothing(topic, other, moderator):
    hidden = services.reply(topic, other, "A secret that was hidden")
    services.hide(hidden, moderator, "Private details")

    page = text(
        client_for(UserFactory()).get(reverse("forum_topic", args=[topic.id]), {"quote": hidden.id})
    )

    assert "A secret that was hidden" not in page
    assert f'value="{hidden.id}"' not in page


# --- Editing and deleting ---------------------------------------------------------------
def test_editing_keeps_the_old_text_in_the_history(topic, learner):
    post = topic.posts.get(number=1)

    response = client_for(learner).post(
        reverse("forum_edit", args=[post.id]),
        {"body": "What makes an SSE unit? Updated.", "reason": "Typo"},
    )

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "What makes an SSE unit? Updated."
    assert "Updated." in post.body_html
    assert post.edit_count == 1
    assert post.edited_at is not None
    revision = PostRevision.objects.get(post=post)
    assert (revision.body, revision.edited_by, revision.reason) == (
        "What makes an SSE unit?",
        learner,
        "Typo",
    )
    history = text(client_for(None).get(reverse("forum_history", args=[post.id])))
    assert "What makes an SSE unit?</p>" in history
    assert "What makes an SSE unit? Updated." in history
    assert reverse("forum_history", args=[post.id]) in text(
        client_for(None).get(reverse("forum_topic", args=[topic.id]))
    )

    client_for(learner).post(reverse("forum_edit", args=[post.id]), {"body": "Third version"})

    post.refresh_from_db()
    assert post.edit_count == 2
    assert post.revisions.count() == 2


def test_deleting_ones_own_post_is_soft_and_lowers_the_counters(topic, learner, other):
    reply = services.reply(topic, other, "I will take this back")
    category = topic.category
    topic.refresh_from_db()
    category.refresh_from_db()
    assert (topic.reply_count, category.post_count, topic.last_poster) == (1, 2, other)

    response = client_for(other).post(reverse("forum_delete", args=[reply.id]))

    assert response.status_code == 302
    assert response["Location"] == reverse("forum_topic", args=[topic.id])
    reply.refresh_from_db()
    assert reply.deleted_at is not None
    assert reply.deleted_by == other
    assert Post.objects.filter(pk=reply.pk).exists()
    topic.refresh_from_db()
    category.refresh_from_db()
    assert (topic.reply_count, category.post_count, topic.last_poster) == (0, 1, learner)
    for who in (None, learner, other):
        assert "I will take this back" not in text(
            client_for(who).get(reverse("forum_topic", args=[topic.id]))
        )
    assert client_for(learner).get(reverse("forum_post", args=[reply.id])).status_code == 404


# --- Mentions, follows and notifications ------------------------------------------------
def test_a_mention_notifies_the_person_mentioned_but_not_the_author(topic, learner, other):
    third = UserFactory()

    client_for(other).post(
        reverse("forum_reply", args=[topic.id]),
        {"body": f"Ask @{third.handle} and me, @{other.handle}. Not an@email.org"},
    )

    post = Post.objects.get(topic=topic, author=other)
    assert Notification.objects.filter(
        user=third, post=post, kind=NotificationKind.MENTION
    ).exists()
    assert not Notification.objects.filter(user=other).exists()
    # The topic's author follows it: told of the reply.
    assert Notification.objects.filter(
        user=learner, post=post, kind=NotificationKind.REPLY
    ).exists()


def test_a_mention_in_members_only_reaches_only_people_who_may_read_it(
    members_category, learner, other
):
    outsider = UserFactory(verified=False)
    topic = services.start_topic(members_category, learner, "Members only plans", "Plans")

    client_for(learner).post(
        reverse("forum_reply", args=[topic.id]),
        {"body": f"@{outsider.handle} and @{other.handle}, have a look"},
    )

    assert not Notification.objects.filter(user=outsider).exists()
    assert Notification.objects.filter(user=other, kind=NotificationKind.MENTION).exists()


def test_mention_emails_go_out_on_commit_to_those_who_want_them(
    topic, other, django_capture_on_commit_callbacks
):
    wants = UserFactory(notify_by_email=True)
    quiet = UserFactory(notify_by_email=False)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(other).post(
            reverse("forum_reply", args=[topic.id]),
            {"body": f"Hello @{wants.handle} and @{quiet.handle}"},
        )

    post = Post.objects.get(topic=topic, author=other)
    assert Notification.objects.filter(
        user=quiet, post=post, kind=NotificationKind.MENTION
    ).exists()
    recipients = [address for message in mail.outbox for address in message.to]
    assert wants.email in recipients
    assert quiet.email not in recipients
    (message,) = [m for m in mail.outbox if wants.email in m.to]
    assert topic.title in message.subject
    assert reverse("forum_post", args=[post.id]) in message.body


def test_no_email_before_the_post_is_committed(topic, other):
    wants = UserFactory(notify_by_email=True)

    client_for(other).post(reverse("forum_reply", args=[topic.id]), {"body": f"@{wants.handle}"})

    assert Notification.objects.filter(user=wants).exists()
    assert mail.outbox == []


def test_nobody_is_told_of_posts_in_a_topic_still_waiting_for_approval(
    public_category, learner, other, moderator, django_capture_on_commit_callbacks
):
    services.watch_word("bitcoin", "approve", moderator)
    follower = UserFactory()
    services.set_subscription(follower, True, category=public_category)
    waiting = services.start_topic(public_category, learner, "Selling bitcoin here", "Bitcoin!")
    assert not Topic.objects.get(pk=waiting.pk).is_visible

    with django_capture_on_commit_callbacks(execute=True):
        client_for(learner).post(
            reverse("forum_reply", args=[waiting.id]),
            {"body": f"@{other.handle} have a look at this offer"},
        )

    assert not Notification.objects.filter(user__in=[other, follower]).exists()
    assert mail.outbox == []


def test_following_a_topic_brings_its_replies(topic, learner, other):
    follower = UserFactory()
    follow_url = reverse("forum_subscribe", args=["topic", topic.id])

    followed = client_for(follower).post(follow_url, {"on": "1"})
    first = services.reply(topic, other, "First reply after following")
    unfollowed = client_for(follower).post(follow_url, {"on": "0"})
    second = services.reply(topic, other, "Second reply after unfollowing")

    assert followed.status_code == 302
    assert followed["Location"] == reverse("forum_topic", args=[topic.id])
    assert unfollowed.status_code == 302
    assert not Subscription.objects.filter(user=follower, topic=topic).exists()
    assert list(Notification.objects.filter(user=follower).values_list("post", "kind")) == [
        (first.id, NotificationKind.REPLY)
    ]
    assert Notification.objects.filter(
        user=learner, post=second, kind=NotificationKind.REPLY
    ).exists()


def test_following_a_category_brings_its_new_topics(public_category, learner):
    follower = UserFactory()
    follow_url = reverse("forum_subscribe", args=["category", public_category.slug])

    client_for(follower).post(follow_url, {"on": "1"})
    page = text(client_for(follower).get(reverse("forum_category", args=[public_category.slug])))
    started = services.start_topic(public_category, learner, "A topic for followers", "Hello")
    client_for(follower).post(follow_url, {"on": "0"})
    services.start_topic(public_category, learner, "A topic nobody follows", "Hello")

    assert "Stop following new topics" in page
    assert list(Notification.objects.filter(user=follower).values_list("post", "kind")) == [
        (started.posts.get().id, NotificationKind.NEW_TOPIC)
    ]


def test_following_a_members_only_category_needs_the_right_to_read_it(members_category):
    outsider = UserFactory(verified=False)

    response = client_for(outsider).post(
        reverse("forum_subscribe", args=["category", members_category.slug]), {"on": "1"}
    )

    assert response.status_code == 403
    assert not Subscription.objects.filter(user=outsider).exists()


def test_the_notifications_page_lists_and_marks_them_read(topic, learner, other):
    services.reply(topic, other, f"Thanks, @{learner.handle}")
    assert "1 notification" in text(client_for(learner).get(reverse("forum")))

    listing = client_for(learner).get(reverse("forum_notifications"))

    html = text(listing)
    assert f"{other.name} mentioned you" in html
    assert topic.title in html
    assert ">New<" in html
    assert not Notification.objects.filter(user=learner, read_at__isnull=True).exists()
    header = text(client_for(learner).get(reverse("forum")))
    assert "1 notification" not in header
    assert ">Notifications<" in header
    assert ">New<" not in text(client_for(learner).get(reverse("forum_notifications")))


def test_the_header_counts_unread_notifications(topic, learner, other):
    services.reply(topic, other, "First")
    services.reply(topic, other, "Second")

    assert "2 notifications" in text(client_for(learner).get(reverse("forum")))
    assert "notification" not in text(client_for(None).get(reverse("forum"))).lower()


# --- The sanitiser ----------------------------------------------------------------------
class _Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html):
    parser = _Elements()
    parser.feed(html)
    return parser.tags


DANGEROUS = "Look <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"


def test_posts_keep_their_source_and_show_only_sanitised_html(topic, other):
    client_for(other).post(reverse("forum_reply", args=[topic.id]), {"body": DANGEROUS})

    post = Post.objects.get(topic=topic, author=other)
    assert post.body == DANGEROUS
    for tag, attrs in elements(post.body_html):
        assert tag not in {"script", "img", "iframe", "style"}
        assert not any(name.startswith("on") for name in attrs)
        assert not attrs.get("href", "").lower().startswith("javascript:")
    assert "<script" not in post.body_html
    page = text(client_for(None).get(reverse("forum_topic", args=[topic.id])))
    assert "<script>alert" not in page
    assert "<img" not in page
    assert not re.search(r"<[^>]*\sonerror\s*=", page)
    assert 'href="javascript:' not in page
    for tag, attrs in elements(page):
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_links_in_posts_get_rel_nofollow_ugc_noopener(topic, other):
    services.reply(topic, other, "See [the ILO](https://www.ilo.org/) and https://example.org/sse")

    page = text(client_for(None).get(reverse("forum_topic", args=[topic.id])))

    outside = ("https://www.ilo.org/", "https://example.org/")
    links = [
        attrs
        for tag, attrs in elements(page)
        if tag == "a" and attrs.get("href", "").startswith(outside)
    ]
    assert {a["href"] for a in links} == {"https://www.ilo.org/", "https://example.org/sse"}
    assert all(a.get("rel") == "nofollow ugc noopener" for a in links)


# --- Bad input --------------------------------------------------------------------------
def new_topic(client, category, title, body):
    return client.post(
        reverse("forum_new_topic", args=[category.slug]), {"title": title, "body": body}
    )


def test_an_empty_post_is_refused_with_a_message(public_category, topic, learner):
    client = client_for(learner)
    topics_before = Topic.objects.count()

    started = new_topic(client, public_category, "A fine title", "   ")
    replied = client.post(reverse("forum_reply", args=[topic.id]), {"body": "\n\n"})

    assert started.status_code == 400
    assert replied.status_code == 400
    assert "Write something before you post." in text(started)
    assert "Write something before you post." in text(replied)
    assert Topic.objects.count() == topics_before
    assert topic.posts.count() == 1


def test_a_short_title_is_refused_with_a_message(public_category, learner):
    client = client_for(learner)

    short = new_topic(client, public_category, "Tiny", "A body")
    spaced = new_topic(client, public_category, "a   b", "A body")  # "a b" once tidied

    assert short.status_code == 400
    assert "at least 5 characters" in text(short)
    assert spaced.status_code == 400
    assert "Give the topic a title of at least 5 characters." in text(spaced)
    assert not public_category.topics.exists()


def test_a_post_over_the_limit_is_refused_with_a_message(public_category, topic, learner):
    client = client_for(learner)
    body = "x" * (Post.MAX_LENGTH + 1)

    started = new_topic(client, public_category, "Long topic", body)
    replied = client.post(reverse("forum_reply", args=[topic.id]), {"body": body})
    edited = client.post(reverse("forum_edit", args=[topic.posts.get().id]), {"body": body})

    for response in (started, replied, edited):
        assert response.status_code == 400
        assert "at most" in text(response)
    assert public_category.topics.count() == 1
    assert topic.posts.get().body == "What makes an SSE unit?"
    exactly = client.post(reverse("forum_reply", args=[topic.id]), {"body": "y" * Post.MAX_LENGTH})
    assert exactly.status_code == 302


def test_odd_input_is_never_a_server_error(topic, learner, other):
    client = client_for(other)
    topic_url = reverse("forum_topic", args=[topic.id])
    reply_url = reverse("forum_reply", args=[topic.id])
    huge = "9" * 30

    for params in ({"page": "abc"}, {"page": huge}, {"quote": "abc"}, {"quote": huge}):
        assert client.get(topic_url, params).status_code == 200, params
    for data in (
        {"body": "Fine", "reply_to": "abc"},
        {"body": "Fine", "reply_to": huge},
        {"body": "Fine", "reply_to": "-1"},
        {"reply_to": "1"},
        {},
    ):
        assert client.post(reply_url, data).status_code in {302, 400}, data
    assert (
        client.get(
            reverse("forum_category", args=[topic.category.slug]), {"page": huge}
        ).status_code
        == 200
    )
    assert client.get(f"/forum/p/{huge}/").status_code == 404
    assert client.get(f"/forum/t/{huge}/").status_code == 404
    assert client.post(reverse("forum_new_topic", args=[topic.category.slug]), {}).status_code in {
        200,
        400,
    }


def test_a_reply_to_a_post_of_another_topic_is_stored_without_it(
    topic, public_category, learner, other
):
    elsewhere = services.start_topic(public_category, learner, "Somewhere else", "Other place")

    client_for(other).post(
        reverse("forum_reply", args=[topic.id]),
        {"body": "Crossing topics", "reply_to": elsewhere.posts.get().id},
    )

    post = Post.objects.get(topic=topic, author=other)
    assert post.reply_to is None


# --- Search -----------------------------------------------------------------------------
# Site search (/search/) also finds forum posts, only those the searcher may read.
def test_search_finds_a_published_post_by_a_distinctive_word(topic, other):
    services.reply(topic, other, "Our zanzibarite cooperative pays fair wages")

    html = text(client_for(None).get(reverse("search"), {"q": "zanzibarite"}))

    assert topic.title in html
    assert f"/forum/t/{topic.id}/" in html or "/forum/p/" in html


def test_search_does_not_find_what_the_reader_may_not_see(
    topic, members_category, learner, other, moderator
):
    hidden = services.reply(topic, other, "A quixotically hidden remark")
    services.hide(hidden, moderator, "Rude")
    deleted = services.reply(topic, other, "A quixotically deleted remark")
    services.delete_own_post(deleted, other)
    private = services.start_topic(
        members_category, learner, "Members only search topic", "A quixotically private remark"
    )

    anonymous = text(client_for(None).get(reverse("search"), {"q": "quixotically"}))
    member = text(client_for(UserFactory()).get(reverse("search"), {"q": "quixotically"}))

    assert "hidden remark" not in anonymous
    assert "deleted remark" not in anonymous
    assert private.title not in anonymous
    assert "hidden remark" not in member
    assert "deleted remark" not in member
    assert private.title in member


def test_deleting_the_first_post_keeps_the_topic_and_the_counters_right(topic, other):
    services.reply(topic, other, "A reply that stays")
    first = topic.posts.get(number=1)

    services.delete_own_post(first, by=first.author)

    topic.refresh_from_db()
    topic.category.refresh_from_db()
    assert (topic.reply_count, topic.post_count) == (1, 1)
    assert (topic.category.topic_count, topic.category.post_count) == (1, 1)
    page = client_for(other).get(reverse("forum_topic", args=[topic.id])).content.decode()
    assert "A reply that stays" in page
    assert "What makes an SSE unit?" not in page
