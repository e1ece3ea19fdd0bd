"""The words of the notice a page shows after a resync ("older messages are not shown")
come from the template, translated, for static/js/space.js to use (never its own English)."""

import uuid

import pytest

from cop.models import Membership, Space
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_page(client):
    space = Space.objects.create(slug=f"s-{uuid.uuid4().hex[:8]}", name="S", kind="thematic")
    person = UserFactory()
    Membership.objects.create(space=space, user=person)
    client.force_login(person)
    return space


def test_the_discussion_carries_the_resync_notices_words_and_the_archive_link(client, member_page):
    html = client.get(f"/spaces/{member_page.slug}/").content.decode()

    assert 'data-older-hidden="Older messages are not shown."' in html
    assert 'data-load-older="Load older messages"' in html
    assert f'data-archive-url="/spaces/{member_page.slug}/archive/"' in html
