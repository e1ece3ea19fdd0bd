"""The served application is ASGI: HTTP to Django, WebSocket behind origin and session checks."""

import pytest
from channels.testing import HttpCommunicator, WebsocketCommunicator

from config.asgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("close_sync_thread_connections")]


async def test_http_goes_to_django():
    communicator = HttpCommunicator(
        application, "GET", "/healthz", headers=[(b"host", b"testserver")]
    )

    response = await communicator.get_response()

    assert response["status"] == 200
    assert dict(response["headers"])[b"Content-Type"] == b"application/json"


async def test_websocket_from_another_origin_is_refused():
    communicator = WebsocketCommunicator(
        application, "/ws/spaces/regional/", headers=[(b"origin", b"https://evil.example")]
    )

    connected, _ = await communicator.connect()

    assert connected is False
