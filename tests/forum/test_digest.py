"""Followers of a busy topic get one e-mail for the first reply they have not read, then
one digest of the rest (`send_forum_digests`), not an e-mail per reply; reading the topic
starts over; mentions are still e-mailed at once; each in the recipient's language."""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from forum import services
from forum.models import Notification, NotificationEmail, NotificationKind
from forum.tasks import send_due_digests
from tests.accounts.factories import UserFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db

WINDOW = 60  # FORUM_EMAIL_DIGEST_MINUTES's default


@pytest.fixture(autouse=True)
def _window(settings):
    settings.FORUM_EMAIL_DIGEST_MINUTES = WINDOW


@pytest.fixture
def follower(topic):
    """The topic's one follower (its author, who follows it too, stops)."""
    services.set_subscription(topic.author, False, topic=topic)
    person = UserFactory(name="Faithful Follower", notify_by_email=True)
    services.set_subscription(person, True, topic=topic)
    return person


def replies(topic, author, count, capture, start=1):
    with capture(execute=True):
        return [
            services.reply(topic, author, f"Busy reply {n} about savings groups")
            for n in range(start, start + count)
        ]


def mails_to(person):
    return [message for message in mail.outbox if message.to == [person.email]]


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def backdate_held(person, minutes):
    Notification.objects.filter(user=person).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def numbers_listed(body):
    return [int(n) for n in re.findall(r"^#(\d+) · ", body, re.MULTILINE)]


def test_thirty_replies_make_one_email_then_one_digest_of_the_rest(
    topic, follower, other, django_capture_on_commit_callbacks
):
    posts = replies(topic, other, 30, django_capture_on_commit_callbacks)

    (first,) = mails_to(follower)
    assert first.body.count(reverse("forum_post", args=[posts[0].id])) == 1
    assert Notification.objects.filter(user=follower, kind=NotificationKind.REPLY).count() == 30
    emails = Notification.objects.filter(user=follower).values_list("post__number", "email")
    assert sorted(emails) == [(2, "now")] + [(n, "held") for n in range(3, 32)]

    # Not before the window has passed since the first held reply.
    assert send_due_digests(now=later(WINDOW - 1)) == 0
    assert len(mails_to(follower)) == 1

    assert send_due_digests(now=later(WINDOW + 1)) == 1

    first_again, digest = mails_to(follower)
    assert first_again is first
    assert digest.subject == "[SSE Asia] 29 new posts in “Cooperatives and the seven features”"
    assert numbers_listed(digest.body) == list(range(3, 32))
    for post in posts[1:]:
        assert digest.body.count(f"Read it: {settings.SITE_URL}/forum/p/{post.id}/\n") == 1
    assert reverse("forum_post", args=[posts[0].id]) not in digest.body
    assert "Busy reply 30 about savings groups" in digest.body
    assert set(
        Notification.objects.filter(user=follower, post__number__gt=2).values_list(
            "email", flat=True
        )
    ) == {NotificationEmail.DIGESTED}
    # Sent once: the next run finds nothing more.
    assert send_due_digests(now=later(WINDOW * 3)) == 0
    assert len(mails_to(follower)) == 2


def test_after_a_digest_the_next_replies_wait_for_the_next_one(
    topic, follower, other, django_capture_on_commit_callbacks
):
    replies(topic, other, 3, django_capture_on_commit_callbacks)
    send_due_digests(now=later(WINDOW + 1))
    assert len(mails_to(follower)) == 2

    more = replies(topic, other, 2, django_capture_on_commit_callbacks, start=4)

    assert len(mails_to(follower)) == 2  # still unread: no e-mail at once
    assert send_due_digests(now=later(2 * WINDOW + 2)) == 1
    digest = mails_to(follower)[-1]
    assert digest.subject == "[SSE Asia] 2 new posts in “Cooperatives and the seven features”"
    assert numbers_listed(digest.body) == [post.number for post in more] == [5, 6]


def test_reading_the_topic_starts_over_with_an_email_at_once(
    topic, follower, other, django_capture_on_commit_callbacks
):
    first, held = replies(topic, other, 2, django_capture_on_commit_callbacks)
    assert len(mails_to(follower)) == 1

    assert client_for(follower).get(reverse("forum_topic", args=[topic.id])).status_code == 200
    (after_reading,) = replies(topic, other, 1, django_capture_on_commit_callbacks, start=3)

    assert len(mails_to(follower)) == 2
    assert reverse("forum_post", args=[after_reading.id]) in mails_to(follower)[1].body
    # What was held and has been read since is dropped from the digest: nothing to send.
    backdate_held(follower, WINDOW + 1)
    out = io.StringIO()
    call_command("send_forum_digests", stdout=out)
    assert out.getvalue() == "Sent 0 digest e-mail(s).\n"
    assert len(mails_to(follower)) == 2
    assert dict(Notification.objects.filter(user=follower).values_list("post", "email")) == {
        first.id: NotificationEmail.NOW,
        held.id: NotificationEmail.DROPPED,
        after_reading.id: NotificationEmail.NOW,
    }


def test_the_command_sends_the_digests_that_are_due(
    topic, follower, other, django_capture_on_commit_callbacks
):
    replies(topic, other, 4, django_capture_on_commit_callbacks)
    backdate_held(follower, WINDOW + 1)
    out = io.StringIO()

    call_command("send_forum_digests", stdout=out)

    assert out.getvalue() == "Sent 1 digest e-mail(s).\n"
    assert numbers_listed(mails_to(follower)[-1].body) == [3, 4, 5]


def test_a_mention_is_emailed_at_once_even_in_a_busy_topic(
    topic, follower, other, django_capture_on_commit_callbacks
):
    replies(topic, other, 5, django_capture_on_commit_callbacks)
    assert len(mails_to(follower)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        mention = services.reply(topic, other, f"@{follower.handle} what do you think?")

    assert len(mails_to(follower)) == 2
    assert reverse("forum_post", args=[mention.id]) in mails_to(follower)[1].body
    assert Notification.objects.get(user=follower, post=mention).kind == NotificationKind.MENTION


def test_a_follower_who_turned_emails_off_gets_no_digest(
    topic, follower, other, django_capture_on_commit_callbacks
):
    replies(topic, other, 3, django_capture_on_commit_callbacks)
    type(follower).objects.filter(pk=follower.pk).update(notify_by_email=False)

    assert send_due_digests(now=later(WINDOW + 1)) == 0
    assert len(mails_to(follower)) == 1
    assert (
        set(
            Notification.objects.filter(user=follower, email__in=["held", "digested"]).values_list(
                "email", flat=True
            )
        )
        == set()
    )


def test_the_digest_is_in_the_recipients_language(topic, other, django_capture_on_commit_callbacks):
    services.set_subscription(topic.author, False, topic=topic)
    thai = UserFactory(name="Somchai", language="th", notify_by_email=True)
    services.set_subscription(thai, True, topic=topic)

    posts = replies(topic, other, 3, django_capture_on_commit_callbacks)
    send_due_digests(now=later(WINDOW + 1))

    at_once, digest = mails_to(thai)
    assert "ตอบกลับในหัวข้อที่คุณติดตาม" in at_once.subject  # "replied in a topic you follow"
    assert digest.subject == "[SSE Asia] 2 โพสต์ใหม่ใน “Cooperatives and the seven features”"
    for post in posts[1:]:
        assert f"อ่านได้ที่: {settings.SITE_URL}/th/forum/p/{post.id}/\n" in digest.body
    with translation.override("th"):
        profile = reverse("profile")
    assert digest.body.endswith(f"ปิดการรับอีเมลเหล่านี้ได้ในโปรไฟล์ของคุณ: {settings.SITE_URL}{profile}")
    # The recipient's language is used for their e-mail only: the request's stays.
    assert translation.get_language() == "en"
