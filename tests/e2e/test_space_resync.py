"""A page that comes back after missing more than LIVE_REPLAY_LIMIT messages gets the
latest ones live, and a notice where the older ones are missing, with a link that loads
them in place."""

import threading
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connections, transaction

from cop.models import Message, Space
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def in_a_thread(func):
    """Run `func` in a thread of its own, off Playwright's event loop."""
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


def test_a_reconnect_past_the_replay_limit_shows_that_older_messages_exist(
    chromium, asgi_server, settings
):
    settings.LIVE_REPLAY_LIMIT = 2
    context = chromium.new_context(base_url=asgi_server)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "learner@example.org")
    page.goto("/spaces/thailand/")
    page.locator("#connection-status").filter(has_text="Connected").wait_for()
    focal = get_user_model().objects.get(email="focal.th@example.org")
    space = Space.objects.get(slug="thailand")

    context.set_offline(True)  # the page drops its socket at once
    page.locator("#connection-status").filter(has_text="Offline").wait_for()

    def store_while_away():
        for n in range(5):
            with transaction.atomic():
                Message.objects.create_next(
                    space,
                    author=focal,
                    client_id=uuid.uuid4(),
                    body=f"While you were away {n}",
                    body_html=f"<p>While you were away {n}</p>\n",
                )

    in_a_thread(store_while_away)
    context.set_offline(False)  # back: it reconnects with ?after=<last seen>

    messages = page.locator("#messages li.message")
    messages.filter(has_text="While you were away 4").wait_for()
    notice = page.locator("#messages .resync-notice")
    notice.filter(has_text="Older messages are not shown.").wait_for()
    link = notice.get_by_role("link", name="Load older messages")
    assert messages.filter(has_text="While you were away 3").count() == 1
    assert messages.filter(has_text="While you were away 2").count() == 0
    assert page.locator("#announcer").text_content() == "Older messages are not shown."
    # The notice sits where the hole is: just before the first replayed message.
    assert notice.evaluate("n => n.nextElementSibling.textContent").count("away 3") == 1

    link.click()
    messages.filter(has_text="While you were away 0").wait_for()
    notice.wait_for(state="detached")  # the hole is closed
    texts = messages.evaluate_all("items => items.map((li) => li.textContent)")
    away = [n for t in texts for n in range(5) if f"While you were away {n}" in t]
    assert away == [0, 1, 2, 3, 4]
    context.close()
