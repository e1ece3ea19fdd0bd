"""Work after a commit (live broadcasts) that fails is logged; the change stands and the
person who made it gets their answer, not a 500."""

import pytest

from accounts.constants import Role
from cop.activities import live, services
from cop.activities.models import Update
from core.commit import after_commit
from tests.accounts.factories import UserFactory
from tests.cop.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


class DeadLayer:
    async def group_send(self, group, message):
        raise ConnectionError("Redis is down")


def test_a_failing_hook_with_arguments_is_logged_by_its_name(
    django_capture_on_commit_callbacks, caplog
):
    def broadcast(topic_id, payload):
        raise ConnectionError("Redis is down")

    with django_capture_on_commit_callbacks(execute=True):
        after_commit(broadcast, 7, {"type": "post"})

    assert "Error calling" in caplog.text
    assert "broadcast" in caplog.text


def test_an_update_is_stored_and_answered_when_the_broadcast_fails(
    django_capture_on_commit_callbacks, monkeypatch, caplog
):
    monkeypatch.setattr(live, "get_channel_layer", DeadLayer)
    moderator = UserFactory(roles=[Role.MODERATOR])
    activity = ActivityFactory()

    with django_capture_on_commit_callbacks(execute=True) as hooks:
        update = services.post_update(moderator, activity, "Met the ministry.")

    # The broadcast, after the commit (core.pagecache's own hooks drop cached pages).
    assert len([h for h in hooks if getattr(h, "__module__", "") != "core.pagecache"]) == 1
    assert Update.objects.filter(pk=update.pk).exists()
    assert "Redis is down" in caplog.text
