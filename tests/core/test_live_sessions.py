"""A session that ends ends everywhere: logout, deactivation, leaving a space, a session
gone from the database (core.receivers, core.live.session_ended, check_session)."""

import pytest
from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from tests.core.conftest import (
    close_code,
    make_member,
    make_space,
    make_topic,
    signed_in,
    space_socket,
    stays_open,
    stored_messages,
    topic_socket,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]

SEND = {"type": "message.send", "client_id": "6f1c3a52-64a4-4c8e-9a4e-0d6a1bb1f6de", "body": "x"}


async def test_logging_out_closes_that_sessions_sockets_and_no_other():
    space = await make_space()
    alice = await make_member(space)
    laptop, phone = await signed_in(alice), await signed_in(alice)
    on_laptop = await space_socket(space, laptop)
    on_laptop_topic = await topic_socket(await make_topic(), laptop)
    on_phone = await space_socket(space, phone)

    response = await database_sync_to_async(laptop.post)("/accounts/logout/")

    assert response.status_code == 302
    assert await close_code(on_laptop) == 4401
    assert await close_code(on_laptop_topic) == 4401
    assert await stays_open(on_phone)
    for ws in (on_laptop, on_laptop_topic, on_phone):
        await ws.disconnect()


async def test_deactivating_a_member_closes_all_their_sockets():
    space = await make_space()
    alice = await make_member(space)
    bob = await make_member(space)
    laptop, phone = await signed_in(alice), await signed_in(alice)
    sockets = [
        await space_socket(space, laptop),
        await space_socket(space, phone),
        await topic_socket(await make_topic(), phone),
    ]
    bobs = await space_socket(space, await signed_in(bob))

    def deactivate():
        person = get_user_model().objects.get(pk=alice.pk)
        person.is_active = False
        person.save()

    await database_sync_to_async(deactivate)()

    assert [await close_code(ws) for ws in sockets] == [4401, 4401, 4401]
    assert await stays_open(bobs)
    for ws in [*sockets, bobs]:
        await ws.disconnect()


async def test_leaving_a_space_closes_the_socket_to_it_but_not_to_a_topic():
    space = await make_space()
    alice = await make_member(space)
    client = await signed_in(alice)
    in_space = await space_socket(space, client)
    on_topic = await topic_socket(await make_topic(), client)

    response = await database_sync_to_async(client.post)(f"/spaces/{space.slug}/leave/")

    assert response.status_code == 302
    assert await close_code(in_space) == 4403
    assert await stays_open(on_topic)
    await in_space.disconnect()
    await on_topic.disconnect()


async def test_a_send_on_a_socket_whose_session_is_gone_is_refused_4401():
    space = await make_space()
    alice = await make_member(space)
    client = await signed_in(alice)
    ws = await space_socket(space, client)
    key = client.cookies["sessionid"].value

    # Gone from the database with no event to the socket (an expiry, a lost event).
    await database_sync_to_async(Session.objects.filter(session_key=key).delete)()
    await ws.send_json_to(SEND)

    assert await close_code(ws) == 4401
    assert await stored_messages(space) == []
    await ws.disconnect()
