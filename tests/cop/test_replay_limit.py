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


async def test_a_long_absence_replays_a_resync_frame_then_the_latest_messages(settings):
    settings.LIVE_REPLAY_LIMIT = 3
    space, author, ids = await space_with_messages(5)
    communicator = await connect(author, space.slug, after=0)

    frames = [await communicator.receive_json_from(timeout=5) for _ in range(5)]

    # What the client shows is current; what is older is offered over HTTP (?before=).
    assert frames[0] == {"type": "resync", "oldest": ids[2], "seq": 3}
    assert [(f["type"], f.get("id"), f.get("seq")) for f in frames[1:4]] == [
        ("message", ids[2], 3),
        ("message", ids[3], 4),
        ("message", ids[4], 5),
    ]
    assert frames[4]["type"] == "presence"  # the replay ended there
    await communicator.disconnect()


async def test_the_window_counts_from_the_clients_cursor(settings):
    settings.LIVE_REPLAY_LIMIT = 3
    space, author, ids = await space_with_messages(6)
    exactly = await connect(author, space.slug, after=ids[2])  # missed 3: all replayed
    beyond = await connect(author, space.slug, after=ids[1])  # missed 4: the latest 3

    first = [await exactly.receive_json_from(timeout=5) for _ in range(4)]
    second = [await beyond.receive_json_from(timeout=5) for _ in range(5)]

    assert [f.get("id") for f in first[:3]] == ids[3:]
    assert first[3]["type"] == "presence"
    assert second[0] == {"type": "resync", "oldest": ids[3], "seq": 4}
    assert [f.get("id") for f in second[1:4]] == ids[3:]
    await exactly.disconnect()
    await beyond.disconnect()


async def test_a_replay_within_the_limit_sends_no_resync(settings):
    settings.LIVE_REPLAY_LIMIT = 3
    space, author, ids = await space_with_messages(3)
    communicator = await connect(author, space.slug, after=0)

    frames = [await communicator.receive_json_from(timeout=5) for _ in range(4)]

    assert [f.get("id") for f in frames[:3]] == ids
    assert frames[3]["type"] == "presence"  # the replay ended: no resync
    await communicator.disconnect()
