"""A reconnect replays a bounded number of messages, then says where the rest begins."""

import uuid

import pytest
from channels.db import database_sync_to_async
from django.db import transaction

from cop.models import Membership, Message, Space
from tests.accounts.factories import UserFactory
from tests.cop.conftest import connect

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


@database_sync_to_async
def space_with_messages(count):
    space = Space.objects.create(slug=f"s-{uuid.uuid4().hex[:8]}", name="s", kind="thematic")
    author = UserFactory()
    Membership.objects.create(space=space, user=author)
    ids = []
    for n in range(count):
        with transaction.atomic():
            message = Message.objects.create_next(
                space, author=author, client_id=uuid.uuid4(), body=f"m{n}", body_html=f"<p>m{n}</p>"
            )
        ids.append(message.id)
    return space, author, ids


async def test_a_long_absence_replays_the_limit_then_a_resync_frame(settings):
    settings.LIVE_REPLAY_LIMIT = 3
    space, author, ids = await space_with_messages(5)
    communicator = await connect(author, space.slug, after=0)

    frames = [await communicator.receive_json_from(timeout=5) for _ in range(4)]

    assert [(f["type"], f.get("id"), f.get("seq")) for f in frames[:3]] == [
        ("message", ids[0], 1),
        ("message", ids[1], 2),
        ("message", ids[2], 3),
    ]
    assert frames[3] == {"type": "resync", "oldest": ids[3]}
    await communicator.disconnect()


async def test_a_replay_within_the_limit_sends_no_resync(settings):
    settings.LIVE_REPLAY_LIMIT = 3
    space, author, ids = await space_with_messages(3)
    communicator = await connect(author, space.slug, after=0)

    frames = [await communicator.receive_json_from(timeout=5) for _ in range(4)]

    assert [f.get("id") for f in frames[:3]] == ids
    assert frames[3]["type"] == "presence"  # the replay ended: no resync
    await communicator.disconnect()
