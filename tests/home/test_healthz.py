import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [{"address": "redis://127.0.0.1:1/0", "socket_timeout": None}]},
    }
}


def test_healthy_when_database_and_channel_layer_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "channel_layer": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_unavailable_when_the_channel_layer_does_not_answer(client, settings):
    settings.CHANNEL_LAYERS = UNREACHABLE_REDIS  # nothing listens on port 1

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "channel_layer": "down"}


def test_unavailable_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused")

    # The database "goes away": every new cursor fails as it would with the server down.
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "down", "channel_layer": "ok"}
