"""No WebSocket path kills the application: an unknown one is a clean 4404, never a 500."""

import pytest

from tests.core.conftest import close_code, communicator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("close_sync_thread_connections")]


@pytest.mark.parametrize(
    "path",
    [
        "/ws/nothing/",
        "/ws/spaces/",
        "/ws/spaces/thailand/extra/",
        "/ws/spaces/ไทย/",
        "/ws/spaces/a b/",
        "/ws/forum/topics/",
        "/ws/forum/topics/abc/",
        "/ws/forum/topics/-1/",
        "/ws/",
        "/",
    ],
)
async def test_a_path_that_matches_no_route_is_accepted_then_closed_with_4404(path):
    ws = communicator(path)

    connected, _ = await ws.connect(timeout=5)

    assert connected
    assert await close_code(ws) == 4404
    await ws.disconnect()


async def test_a_topic_id_past_a_bigint_is_refused_like_a_missing_topic():
    ws = communicator(f"/ws/forum/topics/{'9' * 30}/")

    connected, _ = await ws.connect(timeout=5)

    assert connected
    assert await close_code(ws) == 4403
    await ws.disconnect()
