"""Limits at the door (core.live): sockets per member and per address, the flood guard,
the idle timeout. The limits are settings read when they are needed: shrunk here."""

import asyncio
import json
import time

import pytest

from tests.core.conftest import (
    close_code,
    cookie_of,
    make_member,
    make_space,
    make_topic,
    open_socket,
    signed_in,
    space_socket,
    still_answers,
    topic_socket,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


async def test_a_members_third_socket_closes_4429_until_one_of_the_others_closes(settings):
    settings.LIVE_MAX_SOCKETS_PER_USER = 2
    space = await make_space()
    alice = await make_member(space)
    laptop, phone = await signed_in(alice), await signed_in(alice)
    first = await space_socket(space, laptop)
    second = await topic_socket(await make_topic(), phone)  # every route counts

    third = await open_socket(f"/ws/spaces/{space.slug}/", cookie_of(phone))
    third_code = await close_code(third)
    await third.disconnect()
    await first.disconnect()
    again = await space_socket(space, phone)  # would fail on a 4429 close

    assert third_code == 4429
    assert await still_answers(second)
    for ws in (second, again):
        await ws.disconnect()


async def test_an_addresss_third_socket_closes_4429_but_another_address_is_let_in(settings):
    settings.LIVE_MAX_SOCKETS_PER_ADDRESS = 2
    topic = await make_topic()
    crowded, other = "203.0.113.7", "198.51.100.1"
    first = await topic_socket(topic, address=crowded)  # anonymous readers
    second = await topic_socket(topic, address=crowded)

    third = await open_socket(f"/ws/forum/topics/{topic.pk}/", address=crowded)
    third_code = await close_code(third)
    elsewhere = await topic_socket(topic, address=other)
    await third.disconnect()
    await first.disconnect()
    again = await topic_socket(topic, address=crowded)

    assert third_code == 4429
    for ws in (second, elsewhere, again):
        assert await still_answers(ws)
        await ws.disconnect()


async def test_a_member_counts_against_their_address_too(settings):
    settings.LIVE_MAX_SOCKETS_PER_ADDRESS = 1
    topic = await make_topic()
    reader = await topic_socket(topic, address="203.0.113.9")
    cookie = cookie_of(await signed_in(await make_member()))

    member = await open_socket(f"/ws/forum/topics/{topic.pk}/", cookie, "203.0.113.9")

    assert await close_code(member) == 4429
    await member.disconnect()
    await reader.disconnect()


async def test_a_flood_is_refused_at_once_without_the_database_then_closed_1008(
    settings, monkeypatch
):
    from cop.consumers import SpaceConsumer

    settings.LIVE_FRAMES_BURST = 5
    settings.LIVE_FRAMES_PER_SECOND = 1
    space = await make_space()
    alice = await make_member(space)
    ws = await space_socket(space, await signed_in(alice))
    pings_seen = []  # every ping let through reaches the consumer's handler: count them
    pinged = SpaceConsumer.pinged

    async def counted(consumer):
        pings_seen.append(consumer.channel_name)
        await pinged(consumer)

    monkeypatch.setattr(SpaceConsumer, "pinged", counted)

    started = time.monotonic()
    for _ in range(200):
        await ws.send_to(text_data='{"type":"ping"}')
    answers = []
    while True:
        output = await ws.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            answers.append(("close", output["code"]))
            break
        frame = json.loads(output["text"])
        if frame["type"] != "presence":  # the space's own announcement may come between
            answers.append(frame.get("code", frame["type"]))
    elapsed = time.monotonic() - started

    assert answers == ["pong"] * 5 + ["rate_limited"] * 5 + [("close", 1008)]
    assert len(pings_seen) == 5
    assert elapsed < 2, elapsed
    await ws.disconnect()


async def test_a_client_within_the_rate_is_never_refused(settings):
    settings.LIVE_FRAMES_BURST = 2
    settings.LIVE_FRAMES_PER_SECOND = 10
    topic = await make_topic()
    ws = await topic_socket(topic)

    answers = []
    for _ in range(15):  # 15 frames, well past the burst, at 8 a second
        await ws.send_json_to({"type": "ping"})
        answers.append((await ws.receive_json_from(timeout=5))["type"])
        await asyncio.sleep(0.125)

    assert answers == ["pong"] * 15
    await ws.disconnect()


async def test_a_silent_socket_is_closed_4408(settings):
    settings.LIVE_IDLE_SECONDS = 1
    space = await make_space()
    alice = await make_member(space)
    ws = await space_socket(space, await signed_in(alice))
    started = time.monotonic()

    code = await close_code(ws, timeout=4)

    assert code == 4408
    assert 0.8 < time.monotonic() - started < 3
    await ws.disconnect()


async def test_a_socket_that_pings_stays_open_past_the_idle_time(settings):
    settings.LIVE_IDLE_SECONDS = 1
    topic = await make_topic()
    ws = await topic_socket(topic)

    answers = []
    for _ in range(6):  # 2.4 s, more than twice the idle time
        await asyncio.sleep(0.4)
        await ws.send_json_to({"type": "ping"})
        answers.append(await ws.receive_output(timeout=5))
    code = await close_code(ws, timeout=4)  # then silence: closed

    assert answers == [{"type": "websocket.send", "text": '{"type": "pong"}'}] * 6
    assert code == 4408
    await ws.disconnect()
