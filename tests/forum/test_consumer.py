"""Live posts of a topic (/ws/forum/topics/<id>/), through the real ASGI application."""

import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings

from accounts.constants import Role
from config.asgi import application
from forum import services
from forum.models import Category, CategoryKind, ReadAccess
from tests.accounts.factories import UserFactory
from tests.cop.conftest import HOST, ORIGIN, session_cookie

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


@pytest.fixture(autouse=True)
def _established_members(settings):
    settings.FORUM_APPROVE_FIRST_POSTS = 0


async def connect(who, topic_id, after=None):
    path = f"/ws/forum/topics/{topic_id}/" + (f"?after={after}" if after is not None else "")
    headers = [HOST, ORIGIN]
    if who is not None:
        headers.append(await session_cookie(who))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, _subprotocol = await communicator.connect()
    assert connected
    return communicator


@database_sync_to_async
def make_category(read_access=ReadAccess.PUBLIC):
    slug = f"live-{uuid.uuid4().hex[:8]}"
    return Category.objects.create(
        slug=slug, name=slug, kind=CategoryKind.THEMATIC, read_access=read_access
    )


@database_sync_to_async
def make_user(**fields):
    return UserFactory(**fields)


@database_sync_to_async
def start(category, author, body="What is the SSE?"):
    return services.start_topic(category, author, "A live topic", body)


@database_sync_to_async
def reply(topic, author, body):
    return services.reply(topic, author, body)


async def test_a_reader_sees_a_new_post_appear_sanitised():
    category = await make_category()
    alice, bob = await make_user(name="Alice"), await make_user(name="Bob")
    topic = await start(category, alice)
    reader = await connect(None, topic.id)  # public category: anonymous readers too

    post = await reply(topic, bob, "Hi <script>x</script> **all**")

    frame = await reader.receive_json_from(timeout=5)
    assert frame["type"] == "post"
    assert frame["id"] == post.id
    assert frame["number"] == 2
    assert frame["author"] == {"id": bob.id, "name": "Bob"}
    assert "<script>" not in frame["body_html"]
    assert "<strong>all</strong>" in frame["body_html"]
    await reader.disconnect()


async def test_a_post_waiting_for_approval_appears_only_once_approved(settings):
    settings.FORUM_APPROVE_FIRST_POSTS = 2
    category = await make_category()
    moderator = await make_user(roles=[Role.MODERATOR])
    newcomer = await make_user()
    topic = await start(category, moderator)
    reader = await connect(await make_user(), topic.id)

    held = await reply(topic, newcomer, "My first post")
    assert await reader.receive_nothing(timeout=0.3)

    await database_sync_to_async(services.approve)(held, moderator)
    frame = await reader.receive_json_from(timeout=5)
    assert (frame["type"], frame["id"]) == ("post", held.id)
    await reader.disconnect()


async def test_hidden_posts_disappear():
    category = await make_category()
    moderator = await make_user(roles=[Role.MODERATOR])
    author = await make_user()
    topic = await start(category, author)
    post = await reply(topic, author, "An advertisement")
    reader = await connect(await make_user(), topic.id)

    await database_sync_to_async(services.hide)(post, moderator, "Spam")

    assert await reader.receive_json_from(timeout=5) == {"type": "post.hidden", "id": post.id}
    await reader.disconnect()


async def test_three_flags_hide_a_post_live():
    category = await make_category()
    author = await make_user()
    topic = await start(category, author)
    post = await reply(topic, author, "Rude words")
    reader = await connect(None, topic.id)

    for _ in range(settings.FORUM_FLAGS_TO_HIDE):
        await database_sync_to_async(services.flag)(post, await make_user(), "inappropriate")

    assert await reader.receive_json_from(timeout=5) == {"type": "post.hidden", "id": post.id}
    await reader.disconnect()


async def test_reconnecting_with_after_replays_what_was_missed_in_order():
    category = await make_category()
    author = await make_user()
    topic = await start(category, author)
    first = await reply(topic, author, "one")
    second = await reply(topic, author, "two")

    reader = await connect(None, topic.id, after=first.id - 1)

    ids = [(await reader.receive_json_from(timeout=5))["id"] for _ in range(2)]
    assert ids == [first.id, second.id]
    assert await reader.receive_nothing(timeout=0.2)
    await reader.disconnect()


async def test_members_only_topics_refuse_anonymous_4401_and_unknown_topics_4403():
    category = await make_category(ReadAccess.MEMBERS)
    topic = await start(category, await make_user())

    anonymous = await connect(None, topic.id)
    assert (await anonymous.receive_output(timeout=5))["code"] == 4401

    nowhere = await connect(await make_user(), 999_999)
    assert (await nowhere.receive_output(timeout=5))["code"] == 4403

    member = await connect(await make_user(), topic.id)
    await member.send_json_to({"type": "ping"})
    assert await member.receive_json_from(timeout=5) == {"type": "pong"}
    await member.disconnect()


async def test_a_topic_waiting_for_approval_is_refused_to_other_members(settings):
    settings.FORUM_APPROVE_FIRST_POSTS = 2
    category = await make_category()
    topic = await start(category, await make_user())
    assert not topic.is_visible

    other = await connect(await make_user(), topic.id)
    assert (await other.receive_output(timeout=5))["code"] == 4403
    moderator = await connect(await make_user(roles=[Role.MODERATOR]), topic.id)
    assert await moderator.receive_nothing(timeout=0.2)
    await moderator.disconnect()


async def test_moving_a_topic_to_a_members_only_category_closes_anonymous_readers():
    public = await make_category()
    members = await make_category(ReadAccess.MEMBERS)
    moderator = await make_user(roles=[Role.MODERATOR])
    topic = await start(public, moderator)
    anonymous = await connect(None, topic.id)
    member = await connect(await make_user(), topic.id)

    await database_sync_to_async(services.move)(topic, members, moderator, "Policy drafts")

    assert (await anonymous.receive_output(timeout=5))["code"] == 4401
    assert await member.receive_nothing(timeout=0.3)
    await member.disconnect()
