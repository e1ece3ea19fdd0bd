"""A message whose broadcast never reached the page (the channel layer dropped it) is
noticed by the jump in `seq` of the next one and fetched over HTTP, without a reload."""

import threading
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connections, transaction

from cop import services
from cop.models import Message, Space
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def in_a_thread(func):
    """Run `func` in a thread of its own: Playwright's event loop runs in the test's
    thread, and a broadcast (async_to_sync) cannot be made from there."""
    outcome = {}

    def run():
        try:
            outcome["value"] = func()
        except BaseException as error:  # handed back to the test below
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_a_message_missed_by_the_page_is_fetched_when_the_next_one_skips_its_seq(
    chromium, asgi_server
):
    context = chromium.new_context(base_url=asgi_server)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "learner@example.org")
    page.goto("/spaces/thailand/")
    page.locator("#connection-status").filter(has_text="Connected").wait_for()
    page.evaluate("window.stillTheSamePage = true")
    focal = get_user_model().objects.get(email="focal.th@example.org")
    space = Space.objects.get(slug="thailand")

    def store_without_broadcast():
        with transaction.atomic():
            return Message.objects.create_next(
                space,
                author=focal,
                client_id=uuid.uuid4(),
                body="The agenda is attached.",
                body_html="<p>The agenda is attached.</p>\n",
            )

    missed = in_a_thread(store_without_broadcast)
    live, _created = in_a_thread(
        lambda: services.post_message(space, focal, "See you on Thursday.", uuid.uuid4())
    )

    messages = page.locator("#messages li.message")
    messages.filter(has_text="See you on Thursday.").wait_for()
    messages.filter(has_text="The agenda is attached.").wait_for()
    ids = [int(i) for i in messages.evaluate_all("items => items.map((li) => li.dataset.id)")]
    assert live.seq == missed.seq + 1
    assert ids[-2:] == [missed.id, live.id]
    assert ids == sorted(ids)
    assert page.evaluate("window.stillTheSamePage") is True
    context.close()
