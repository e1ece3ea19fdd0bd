"""Times on real pages: a member reads them in their own zone and language's format, an
anonymous reader in UTC (named) with the settings telling time.js to use the browser's."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cop.models import Message, Space
from forum.models import Notification, NotificationKind, Post
from tests.accounts.factories import UserFactory
from tests.cop.factories import MessageFactory, SpaceEventFactory, SpaceFactory, member
from tests.forum.factories import CategoryFactory, TopicFactory

pytestmark = pytest.mark.django_db

MOMENT = datetime(2027, 3, 3, 2, 5, tzinfo=UTC)  # 11:05 in Tokyo, 09:05 in Bangkok
THAI = re.compile(r"[\u0e00-\u0e7f]")


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def time_settings(html):
    found = re.search(r'<script id="time-settings" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


def times_in(html, style):
    return re.findall(rf'<time datetime="[^"]+" data-time="{style}"[^>]*>([^<]*)</time>', html)


@pytest.fixture
def topic():
    topic = TopicFactory(category=CategoryFactory(), body="When do we meet?")
    Post.objects.filter(topic=topic).update(created_at=MOMENT)
    return topic


def test_a_member_reads_a_forum_post_in_their_own_zone(topic):
    reader = UserFactory(time_zone="Asia/Tokyo")

    html = client_for(reader).get(f"/forum/t/{topic.id}/").content.decode()

    assert "3 Mar 2027, 11:05" in times_in(html, "datetime")
    assert time_settings(html)["zone"] == "Asia/Tokyo"


def test_a_thai_page_prints_the_thai_format(topic):
    reader = UserFactory(time_zone="Asia/Bangkok")

    html = client_for(reader).get(f"/th/forum/t/{topic.id}/").content.decode()

    assert "3 มี.ค. 2027 09:05" in times_in(html, "datetime")
    assert time_settings(html)["formats"]["datetime"] == "j M Y H:i"


def test_a_member_without_a_zone_of_their_own_reads_their_countrys(topic):
    reader = UserFactory(time_zone="", country="KG")  # Asia/Bishkek, UTC+6

    html = client_for(reader).get(f"/forum/t/{topic.id}/").content.decode()

    assert "3 Mar 2027, 08:05" in times_in(html, "datetime")


def test_an_anonymous_reader_gets_utc_named_and_the_browsers_zone_is_left_to_the_script(topic):
    html = client_for().get(f"/forum/t/{topic.id}/").content.decode()

    assert "3 Mar 2027, 02:05 UTC" in times_in(html, "datetime")
    assert time_settings(html)["zone"] is None


def test_a_spaces_messages_and_events_are_in_the_members_zone():
    space = SpaceFactory()
    reader = member(space, time_zone="Asia/Tokyo")
    MessageFactory(space=space, author=reader, body="Hello")
    Message.objects.filter(space=space).update(created_at=MOMENT)
    SpaceEventFactory(
        space=space, starts_at=timezone.now().replace(year=2031, month=5, day=6, hour=1, minute=30)
    )

    html = client_for(reader).get(f"/spaces/{space.slug}/").content.decode()

    assert "3 Mar 2027, 11:05" in times_in(html, "datetime")
    assert "6 May 2031, 10:30" in times_in(html, "datetime")


def test_a_fresh_notification_is_just_now_in_thai():
    reader = UserFactory(language="th")
    topic = TopicFactory(category=CategoryFactory())
    Notification.objects.create(
        user=reader, kind=NotificationKind.REPLY, actor=topic.author, post=topic.posts.first()
    )

    html = client_for(reader).get("/th/forum/notifications/").content.decode()

    [said] = times_in(html, "relative")
    assert THAI.search(said), said
    assert not re.search("[A-Za-z0]", said), said


def test_a_topic_row_says_when_its_last_post_came_relatively():
    topic = TopicFactory(category=CategoryFactory())
    Post.objects.filter(topic=topic).update(created_at=timezone.now() - timedelta(seconds=20))
    topic.last_posted_at = timezone.now() - timedelta(seconds=20)
    topic.save(update_fields=["last_posted_at"])

    html = client_for(UserFactory()).get(f"/forum/c/{topic.category.slug}/").content.decode()

    assert times_in(html, "relative") == ["just now"]
    assert "0 minutes" not in html


def test_the_spaces_directory_says_how_recently_each_space_was_active():
    space = SpaceFactory()
    Space.objects.filter(pk=space.pk).update(last_message_at=timezone.now() - timedelta(minutes=5))

    html = client_for(UserFactory()).get("/spaces/").content.decode()

    assert times_in(html, "relative") == ["5\xa0minutes ago"]
