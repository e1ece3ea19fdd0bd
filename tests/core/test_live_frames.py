"""No frame kills a live connection (core.live), on a space and on a forum topic.

Every hostile frame goes down one socket, one after the other: each is answered with
a `bad_request` error frame and the same socket still answers what comes next.
"""

import pytest

from tests.core.conftest import (
    cookie_of,
    make_member,
    make_space,
    make_topic,
    open_socket,
    signed_in,
    space_socket,
    still_answers,
    stored_messages,
    topic_socket,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]

CLIENT_ID = "6f1c3a52-64a4-4c8e-9a4e-0d6a1bb1f6de"


def send(body_json):
    """A message.send frame whose body is the raw JSON text `body_json` (escapes kept)."""
    return f'{{"type":"message.send","client_id":"{CLIENT_ID}","body":{body_json}}}'


# Frames exactly as they come off the wire: "\\ud800" is the JSON escape, backslash-u.
HOSTILE_FRAMES = {
    "deeply nested arrays": "[" * 5000,
    "deeply nested objects": '{"a":' * 5000,
    "a lone surrogate in the body": send('"hi \\ud800"'),
    "a lone low surrogate in the body": send('"\\udfff"'),
    "a lone surrogate in the type": '{"type":"\\ud800"}',
    "a NUL in the body": send('"a\\u0000b"'),
    "a control character in the body": send('"a\\u001bb"'),
    "a body of invisible characters only": send('"\\u200b\\u200d\\ufeff "'),
    "a list as the body": send('["x"]'),
    "an object as the client id": '{"type":"message.send","client_id":{"a":1},"body":"x"}',
    "a float too large for a float": '{"type":"message.delete","id":1e400}',
    "NaN as an id": '{"type":"message.delete","id":NaN}',
    "an integer past a bigint": '{"type":"message.delete","id":99999999999999999999999999}',
    "a 5000-digit number": '{"type":"message.delete","id":' + "9" * 5000 + "}",
    "a negative id": '{"type":"message.delete","id":-1}',
    "true as an id": '{"type":"message.delete","id":true}',
    "a number as the type": '{"type":5}',
    "no type": '{"id":1}',
    "a JSON string": '"ping"',
    "a binary frame": b'{"type":"ping"}',
}


async def answers_to_hostile_frames(ws):
    """{name: the error code it got} for every hostile frame, sent down `ws` in turn."""
    codes = {}
    for name, raw in HOSTILE_FRAMES.items():
        if isinstance(raw, bytes):
            await ws.send_to(bytes_data=raw)
        else:
            await ws.send_to(text_data=raw)
        frame = await ws.receive_json_from(timeout=5)
        codes[name] = frame["code"] if frame["type"] == "error" else frame
    return codes


ALL_BAD_REQUESTS = dict.fromkeys(HOSTILE_FRAMES, "bad_request")


async def test_hostile_frames_to_a_space_are_bad_requests_and_store_nothing():
    space = await make_space()
    alice = await make_member(space)
    ws = await space_socket(space, await signed_in(alice))

    codes = await answers_to_hostile_frames(ws)
    # The same socket, after all of them, still stores a plain message.
    await ws.send_json_to({"type": "message.send", "client_id": CLIENT_ID, "body": "hi"})
    ack = await ws.receive_json_from(timeout=5)

    assert codes == ALL_BAD_REQUESTS
    assert (ack["type"], ack["client_id"]) == ("ack", CLIENT_ID)
    assert await stored_messages(space) == ["hi"]
    await ws.disconnect()


@pytest.mark.parametrize("reader", ["member", "anonymous"])
async def test_hostile_frames_to_a_public_topic_are_bad_requests(reader):
    topic = await make_topic()
    client = await signed_in(await make_member()) if reader == "member" else None
    ws = await topic_socket(topic, client)

    codes = await answers_to_hostile_frames(ws)

    assert codes == ALL_BAD_REQUESTS
    assert await still_answers(ws)
    await ws.disconnect()


async def test_a_hostile_after_parameter_still_opens_the_socket():
    space = await make_space()
    alice = await make_member(space)
    cookie = cookie_of(await signed_in(alice))

    opened = {}
    for after in ["9" * 5000, "1e400", "-5", "%00", "%ff", "99999999999999999999999", ""]:
        ws = await open_socket(f"/ws/spaces/{space.slug}/?after={after}", cookie)
        first = await ws.receive_json_from(timeout=5)
        opened[after] = first["type"] == "presence" and await still_answers(ws)
        await ws.disconnect()

    assert all(opened.values()), opened
