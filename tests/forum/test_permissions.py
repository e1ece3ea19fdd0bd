"""Who may read, post, edit and moderate what, asked through the HTTP views.

Every check is made the way a browser (or someone crafting requests) would: anonymous
people are sent to log in, members without the right are refused with 403, and a post or
topic someone may not know about is a 404 - never its text.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.constants import Country, Role
from forum import services
from forum.models import (
    ModerationLog,
    Notification,
    NotificationKind,
    Post,
    PostState,
    Topic,
)
from tests.accounts.factories import UserFactory
from tests.forum.factories import national_category

from .conftest import client_for

pytestmark = pytest.mark.django_db


def is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def members_topic(members_category, learner):
    return services.start_topic(
        members_category, learner, "Members talk about savings groups", "Only for members here."
    )


@pytest.fixture
def newbie(settings):
    """A member whose posts wait for approval (pre-moderation of first posts is on)."""
    settings.FORUM_APPROVE_FIRST_POSTS = 2
    return UserFactory(name="New Member")


# --- Reading ----------------------------------------------------------------------------
def test_anonymous_reads_a_public_category_and_topic(topic):
    client = client_for(None)

    category = client.get(reverse("forum_category", args=[topic.category.slug]))
    page = client.get(reverse("forum_topic", args=[topic.id]))

    assert category.status_code == 200
    assert topic.title in category.content.decode()
    assert page.status_code == 200
    assert "What makes an SSE unit?" in page.content.decode()


def test_anonymous_is_sent_to_log_in_for_a_members_only_category(members_topic):
    client = client_for(None)
    first = members_topic.posts.get(number=1)

    for url in (
        reverse("forum_category", args=[members_topic.category.slug]),
        reverse("forum_topic", args=[members_topic.id]),
        reverse("forum_post", args=[first.id]),
        reverse("forum_post_fragment", args=[first.id]),
        reverse("forum_topic_unread", args=[members_topic.id]),
        reverse("forum_history", args=[first.id]),
    ):
        response = client.get(url)
        assert is_login_redirect(response), url
        assert "Only for members here." not in response.content.decode()


def test_the_forum_index_does_not_list_members_only_topics_to_anonymous(members_topic):
    anonymous = client_for(None).get(reverse("forum")).content.decode()
    member = client_for(UserFactory()).get(reverse("forum")).content.decode()

    assert members_topic.title not in anonymous
    assert members_topic.title in member


def test_a_learner_reads_a_members_only_category(members_topic, other):
    client = client_for(other)
    first = members_topic.posts.get(number=1)

    category = client.get(reverse("forum_category", args=[members_topic.category.slug]))
    page = client.get(reverse("forum_topic", args=[members_topic.id]))
    fragment = client.get(reverse("forum_post_fragment", args=[first.id]))

    assert category.status_code == 200
    assert members_topic.title in category.content.decode()
    assert page.status_code == 200
    assert "Only for members here." in page.content.decode()
    assert fragment.status_code == 200
    assert "Only for members here." in fragment.content.decode()


def test_a_member_without_the_learner_role_may_not_read_members_only(members_topic):
    unverified = UserFactory(verified=False)

    response = client_for(unverified).get(reverse("forum_topic", args=[members_topic.id]))

    assert response.status_code == 403
    assert "Only for members here." not in response.content.decode()


# --- Posts and topics that wait for approval or are hidden ------------------------------
def test_a_reply_waiting_for_approval_is_seen_by_its_author_and_moderators_only(
    topic, newbie, other, moderator
):
    post = services.reply(topic, newbie, "Pending words about mutual aid")
    assert post.state == PostState.PENDING
    permalink = reverse("forum_post", args=[post.id])
    fragment = reverse("forum_post_fragment", args=[post.id])
    topic_url = reverse("forum_topic", args=[topic.id])

    for who in (None, other):
        client = client_for(who)
        assert client.get(permalink).status_code == 404
        assert client.get(fragment).status_code == 404
        page = client.get(topic_url)
        assert page.status_code == 200
        assert "Pending words about mutual aid" not in page.content.decode()

    for who in (newbie, moderator):
        client = client_for(who)
        assert client.get(permalink).status_code == 302
        shown = client.get(fragment).content.decode()
        assert "Pending words about mutual aid" in shown
        assert "Waiting for a moderator&#x27;s approval" in shown or (
            "Waiting for a moderator's approval" in shown
        )
        assert "Pending words about mutual aid" in client.get(topic_url).content.decode()


def test_a_hidden_post_is_seen_by_its_author_and_moderators_only(topic, other, moderator):
    post = services.reply(topic, other, "Buy cheap watches here")
    services.hide(post, moderator, "Advertising")
    permalink = reverse("forum_post", args=[post.id])
    fragment = reverse("forum_post_fragment", args=[post.id])
    topic_url = reverse("forum_topic", args=[topic.id])
    reader = UserFactory()

    for who in (None, reader):
        client = client_for(who)
        assert client.get(permalink).status_code == 404
        assert client.get(fragment).status_code == 404
        assert "Buy cheap watches" not in client.get(topic_url).content.decode()

    for who in (other, moderator):
        client = client_for(who)
        assert client.get(permalink).status_code == 302
        shown = client.get(fragment).content.decode()
        assert "Buy cheap watches here" in shown
        assert "Hidden: only its author and the moderators see it." in shown
        assert "Advertising" in shown


def test_a_topic_whose_first_post_waits_is_known_to_its_author_and_moderators_only(
    public_category, newbie, other, moderator
):
    topic = services.start_topic(
        public_category, newbie, "Waiting topic on informal work", "A first post that waits."
    )
    first = topic.posts.get(number=1)
    topic_url = reverse("forum_topic", args=[topic.id])
    category_url = reverse("forum_category", args=[public_category.slug])
    assert not Topic.objects.get(pk=topic.pk).is_visible

    for who in (None, other):
        client = client_for(who)
        assert client.get(topic_url).status_code == 404
        assert client.get(reverse("forum_post", args=[first.id])).status_code == 404
        assert client.get(reverse("forum_topic_unread", args=[topic.id])).status_code == 404
        assert "Waiting topic on informal work" not in client.get(category_url).content.decode()
        assert "Waiting topic on informal work" not in client.get(reverse("forum")).content.decode()

    for who in (newbie, moderator):
        client = client_for(who)
        page = client.get(topic_url)
        assert page.status_code == 200
        assert "A first post that waits." in page.content.decode()
        assert "Waiting topic on informal work" in client.get(category_url).content.decode()


def test_a_topic_waiting_for_approval_takes_no_replies_from_others(public_category, newbie, other):
    topic = services.start_topic(
        public_category, newbie, "Another waiting topic", "Still waiting for approval."
    )

    response = client_for(other).post(
        reverse("forum_reply", args=[topic.id]), {"body": "Can I reply to this?"}
    )

    assert response.status_code == 404
    assert topic.posts.count() == 1


def test_a_crafted_reply_to_a_hidden_post_does_not_reveal_it(topic, other, moderator):
    hidden = services.reply(topic, other, "Words a moderator hid")
    services.hide(hidden, moderator, "Rude")
    replier = UserFactory()

    response = client_for(replier).post(
        reverse("forum_reply", args=[topic.id]), {"body": "Crafted reply", "reply_to": hidden.id}
    )

    assert response.status_code == 302
    post = Post.objects.get(topic=topic, author=replier)
    assert post.reply_to is None
    assert not Notification.objects.filter(user=other, kind=NotificationKind.REPLY_TO_YOU).exists()
    page = client_for(None).get(reverse("forum_topic", args=[topic.id])).content.decode()
    assert "In reply to" not in page
    assert other.name not in page


# --- Posting ----------------------------------------------------------------------------
def test_anonymous_posting_is_sent_to_log_in_and_stores_nothing(topic, public_category):
    client = client_for(None)
    topics_before, posts_before = Topic.objects.count(), Post.objects.count()

    replied = client.post(reverse("forum_reply", args=[topic.id]), {"body": "Anonymous reply"})
    started = client.post(
        reverse("forum_new_topic", args=[public_category.slug]),
        {"title": "Anonymous topic", "body": "Anonymous body"},
    )

    assert is_login_redirect(replied)
    assert is_login_redirect(started)
    assert (Topic.objects.count(), Post.objects.count()) == (topics_before, posts_before)


def test_a_member_without_the_learner_role_may_not_post(topic, public_category):
    unverified = UserFactory(verified=False)
    client = client_for(unverified)
    posts_before = Post.objects.count()

    form = client.get(reverse("forum_new_topic", args=[public_category.slug]))
    started = client.post(
        reverse("forum_new_topic", args=[public_category.slug]),
        {"title": "Unverified topic", "body": "Unverified body"},
    )
    replied = client.post(reverse("forum_reply", args=[topic.id]), {"body": "Unverified reply"})

    assert form.status_code == 403
    assert started.status_code == 403
    assert replied.status_code == 403
    assert Post.objects.count() == posts_before
    assert not Topic.objects.filter(title="Unverified topic").exists()


def test_only_moderators_start_topics_in_announcements(announcements, learner, moderator):
    url = reverse("forum_new_topic", args=[announcements.slug])
    data = {"title": "Workshop in Bangkok", "body": "Register by Friday."}

    assert client_for(learner).get(url).status_code == 403
    refused = client_for(learner).post(url, data)
    assert refused.status_code == 403
    assert not announcements.topics.exists()
    listing = client_for(learner).get(reverse("forum_category", args=[announcements.slug]))
    assert url not in listing.content.decode()

    accepted = client_for(moderator).post(url, data)

    topic = announcements.topics.get()
    assert accepted.status_code == 302
    assert accepted["Location"] == reverse("forum_topic", args=[topic.id])
    assert topic.author == moderator
    assert topic.is_visible


def test_learners_do_not_reply_in_announcements(announcements, learner, moderator):
    news = services.start_topic(announcements, moderator, "New course online", "Enrol now.")

    response = client_for(learner).post(
        reverse("forum_reply", args=[news.id]), {"body": "Thank you!"}
    )

    assert response.status_code == 403
    assert news.posts.count() == 1


def test_a_locked_topic_refuses_a_learners_reply_but_takes_a_moderators(topic, other, moderator):
    services.lock(topic, moderator, "Settled")
    url = reverse("forum_reply", args=[topic.id])

    refused = client_for(other).post(url, {"body": "One more thing"})

    assert refused.status_code == 302
    assert refused["Location"] == reverse("forum_topic", args=[topic.id])
    assert "This topic is locked: it takes no more replies." in messages_of(refused)
    assert not Post.objects.filter(topic=topic, author=other).exists()

    accepted = client_for(moderator).post(url, {"body": "Closing note from the moderators"})

    post = Post.objects.get(topic=topic, author=moderator)
    assert accepted.status_code == 302
    assert accepted["Location"] == reverse("forum_post", args=[post.id])
    assert post.state == PostState.PUBLISHED


# --- Moderation -------------------------------------------------------------------------
def test_moderation_endpoints_refuse_a_learner(topic, other, learner):
    post = services.reply(topic, other, "An ordinary reply")
    client = client_for(learner)

    hidden = client.post(
        reverse("forum_moderate_post", args=[post.id]), {"action": "hide", "reason": "x"}
    )
    locked = client.post(
        reverse("forum_moderate_topic", args=[topic.id]), {"action": "lock", "reason": "x"}
    )
    suspended = client.post(reverse("forum_suspend", args=[other.id]), {"days": 7, "reason": "x"})
    watched = client.post(reverse("forum_words"), {"word": "cooperative", "action": "block"})

    assert hidden.status_code == 403
    assert locked.status_code == 403
    assert suspended.status_code == 403
    assert watched.status_code == 403
    for name, args in (
        ("forum_queue", []),
        ("forum_log", []),
        ("forum_words", []),
        ("forum_suspend", [other.id]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 403, name
    post.refresh_from_db()
    topic.refresh_from_db()
    other.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    assert not topic.is_locked
    assert other.suspended_until is None
    assert not ModerationLog.objects.filter(actor=learner).exists()


def test_anonymous_is_sent_to_log_in_by_moderation_endpoints(topic):
    client = client_for(None)
    post = topic.posts.get(number=1)

    assert is_login_redirect(
        client.post(reverse("forum_moderate_post", args=[post.id]), {"action": "hide"})
    )
    assert is_login_redirect(client.get(reverse("forum_queue")))
    assert is_login_redirect(client.get(reverse("forum_log")))
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED


def test_a_focal_point_moderates_their_own_countrys_category(cambodia, learner, focal_kh):
    topic = services.start_topic(cambodia, learner, "Mapping in Siem Reap", "Spam spam spam")
    post = topic.posts.get(number=1)
    reply = services.reply(topic, learner, "A second reply to lock away")

    hidden = client_for(focal_kh).post(
        reverse("forum_moderate_post", args=[reply.id]), {"action": "hide", "reason": "Spam"}
    )
    locked = client_for(focal_kh).post(
        reverse("forum_moderate_topic", args=[topic.id]), {"action": "lock", "reason": "Done"}
    )

    assert hidden.status_code == 302
    assert locked.status_code == 302
    reply.refresh_from_db()
    topic.refresh_from_db()
    assert reply.state == PostState.HIDDEN
    assert topic.is_locked
    assert ModerationLog.objects.filter(actor=focal_kh, post=reply, action="hide").exists()
    # The focal point sees the hidden reply; other members do not.
    assert client_for(focal_kh).get(reverse("forum_post", args=[reply.id])).status_code == 302
    assert client_for(UserFactory()).get(reverse("forum_post", args=[reply.id])).status_code == 404
    assert post.state == PostState.PUBLISHED


def test_a_focal_point_may_not_moderate_another_country_or_a_theme(
    public_category, learner, focal_kh
):
    thailand = national_category(Country.THAILAND)
    for category in (thailand, public_category):
        topic = services.start_topic(category, learner, "Outside Cambodia", "Not theirs to hide")
        post = topic.posts.get(number=1)

        hidden = client_for(focal_kh).post(
            reverse("forum_moderate_post", args=[post.id]), {"action": "hide", "reason": "x"}
        )
        locked = client_for(focal_kh).post(
            reverse("forum_moderate_topic", args=[topic.id]), {"action": "lock", "reason": "x"}
        )

        assert hidden.status_code == 403, category.slug
        assert locked.status_code == 403, category.slug
        post.refresh_from_db()
        topic.refresh_from_db()
        assert post.state == PostState.PUBLISHED
        assert not topic.is_locked


def test_focal_points_do_not_suspend_or_manage_watched_words(focal_kh, learner):
    client = client_for(focal_kh)

    assert client.get(reverse("forum_words")).status_code == 403
    assert client.post(reverse("forum_words"), {"word": "spam", "action": "block"}).status_code == (
        403
    )
    assert client.get(reverse("forum_suspend", args=[learner.id])).status_code == 403
    refused = client.post(reverse("forum_suspend", args=[learner.id]), {"days": 3, "reason": "x"})
    assert refused.status_code == 403
    learner.refresh_from_db()
    assert learner.suspended_until is None


def test_a_focal_points_queue_shows_only_their_countrys_posts(cambodia, newbie, focal_kh):
    thailand = national_category(Country.THAILAND)
    services.start_topic(cambodia, newbie, "Cambodian waiting topic", "Khmer cooperative news")
    services.start_topic(thailand, newbie, "Thai waiting topic", "Thai cooperative news")

    response = client_for(focal_kh).get(reverse("forum_queue"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Khmer cooperative news" in html
    assert "Thai cooperative news" not in html
    listed = [*response.context["pending_page"], *response.context["flagged_page"]]
    assert listed
    assert {post.topic.category_id for post in listed} == {cambodia.id}


def test_a_moderators_queue_shows_every_country(cambodia, newbie, moderator):
    thailand = national_category(Country.THAILAND)
    services.start_topic(cambodia, newbie, "Cambodian waiting topic", "Khmer cooperative news")
    services.start_topic(thailand, newbie, "Thai waiting topic", "Thai cooperative news")

    html = client_for(moderator).get(reverse("forum_queue")).content.decode()

    assert "Khmer cooperative news" in html
    assert "Thai cooperative news" in html


def test_a_focal_points_log_shows_only_their_categorys_entries(
    cambodia, learner, focal_kh, moderator
):
    thailand = national_category(Country.THAILAND)
    kh = services.start_topic(cambodia, learner, "Logged in Cambodia", "A Cambodian post")
    th = services.start_topic(thailand, learner, "Logged in Thailand", "A Thai post")
    services.lock(kh, focal_kh, "Cambodian lock reason")
    services.lock(th, moderator, "Thai lock reason")
    services.suspend(UserFactory(), moderator, days=1, reason="Platform-wide reason")

    focal = client_for(focal_kh).get(reverse("forum_log"))
    everything = client_for(moderator).get(reverse("forum_log"))

    html = focal.content.decode()
    assert focal.status_code == 200
    assert "Cambodian lock reason" in html
    assert "Thai lock reason" not in html
    assert "Platform-wide reason" not in html
    assert {entry.category_id for entry in focal.context["page_obj"]} == {cambodia.id}
    all_html = everything.content.decode()
    assert "Cambodian lock reason" in all_html
    assert "Thai lock reason" in all_html
    assert "Platform-wide reason" in all_html


def test_a_focal_point_of_another_country_has_no_say_in_cambodia(cambodia, learner):
    focal_th = UserFactory(
        country=Country.THAILAND,
        roles=[Role.FOCAL_POINT],
        scopes=[(Role.FOCAL_POINT, Country.THAILAND)],
    )
    topic = services.start_topic(cambodia, learner, "Cambodian topic", "A Cambodian post")
    post = topic.posts.get(number=1)

    response = client_for(focal_th).post(
        reverse("forum_moderate_post", args=[post.id]), {"action": "hide", "reason": "x"}
    )

    assert response.status_code == 403
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED


# --- Editing and deleting ---------------------------------------------------------------
def test_a_member_may_not_edit_or_delete_someone_elses_post(topic, other):
    post = topic.posts.get(number=1)
    client = client_for(other)

    form = client.get(reverse("forum_edit", args=[post.id]))
    edited = client.post(reverse("forum_edit", args=[post.id]), {"body": "Vandalised"})
    deleted = client.post(reverse("forum_delete", args=[post.id]))

    assert form.status_code == 403
    assert edited.status_code == 403
    assert deleted.status_code == 403
    post.refresh_from_db()
    assert post.body == "What makes an SSE unit?"
    assert post.deleted_at is None
    assert not post.revisions.exists()


def test_a_member_edits_their_own_post(topic, learner):
    post = topic.posts.get(number=1)

    response = client_for(learner).post(
        reverse("forum_edit", args=[post.id]), {"body": "What makes an SSE unit, exactly?"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("forum_post", args=[post.id])
    post.refresh_from_db()
    assert post.body == "What makes an SSE unit, exactly?"


def test_anonymous_may_not_edit_or_delete(topic):
    post = topic.posts.get(number=1)
    client = client_for(None)

    assert is_login_redirect(client.post(reverse("forum_edit", args=[post.id]), {"body": "x"}))
    assert is_login_redirect(client.post(reverse("forum_delete", args=[post.id])))
    post.refresh_from_db()
    assert post.body == "What makes an SSE unit?"
    assert post.deleted_at is None
