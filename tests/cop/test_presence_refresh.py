"""Pings keep a member's presence alive without a database write for every ping."""

import uuid

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from cop import consumers
from cop.models import Membership, Presence, Space
from tests.accounts.factories import UserFactory
from tests.cop.conftest import connect, frames_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]
OLD = timezone.now() - timezone.timedelta(seconds=60)


@database_sync_to_async
def member_of_a_new_space():
    space = Space.objects.create(slug=f"p-{uuid.uuid4().hex[:8]}", name="p", kind="thematic")
    person = UserFactory()
    Membership.objects.create(space=space, user=person)
    return space, person


@database_sync_to_async
def age_presence(space):
    Presence.objects.filter(space=space).update(seen_at=OLD)


@database_sync_to_async
def presence_seen_at(space):
    return list(Presence.objects.filter(space=space).values_list("seen_at", flat=True))


async def ping_twice(communicator):
    for _ in range(2):
        await communicator.send_json_to({"type": "ping"})
        await frames_until(communicator, "pong")


async def test_pings_soon_after_arriving_write_nothing():
    space, person = await member_of_a_new_space()
    communicator = await connect(person, space.slug)
    await frames_until(communicator, "presence")
    await age_presence(space)

    await ping_twice(communicator)

    assert await presence_seen_at(space) == [OLD]
    await communicator.disconnect()


async def test_a_ping_refreshes_presence_once_the_refresh_interval_has_passed(monkeypatch):
    monkeypatch.setattr(consumers, "PRESENCE_REFRESH", 0)
    space, person = await member_of_a_new_space()
    communicator = await connect(person, space.slug)
    await frames_until(communicator, "presence")
    await age_presence(space)

    await ping_twice(communicator)

    [seen_at] = await presence_seen_at(space)
    assert seen_at > OLD
    await communicator.disconnect()
