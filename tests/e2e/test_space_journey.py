"""Two demo users talk live in the Thailand space; one goes offline and comes back."""

import re

import pytest

from cop.models import Message
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def send(page, text):
    page.get_by_label("Message").fill(text)
    page.get_by_role("button", name="Send").click()


def test_two_members_talk_live_and_one_goes_offline_and_back(chromium, asgi_server):
    somchai_context = chromium.new_context(base_url=asgi_server)
    pimchanok_context = chromium.new_context(base_url=asgi_server)
    somchai, pimchanok = somchai_context.new_page(), pimchanok_context.new_page()
    for page in (somchai, pimchanok):
        page.set_default_timeout(15_000)
    log_in(somchai, "learner@example.org")
    log_in(pimchanok, "focal.th@example.org")
    somchai.goto("/spaces/thailand/")
    pimchanok.goto("/spaces/thailand/")
    for page in (somchai, pimchanok):
        page.locator("#connection-status").filter(has_text="Connected").wait_for()
    pimchanok.locator("#presence").get_by_text("Somchai Wongsakul").wait_for()

    send(somchai, "Sawasdee! Is the **December** meeting confirmed?")
    pimchanok.locator("#messages li").filter(
        has_text="Is the December meeting confirmed?"
    ).wait_for()
    assert pimchanok.locator("#messages strong", has_text="December").count() == 1

    # Pimchanok's connection drops; both go on writing.
    pimchanok_context.set_offline(True)
    pimchanok.locator("#connection-status").filter(has_text=re.compile("Offline")).wait_for()
    send(somchai, "Please bring the follow-up plan.")
    send(pimchanok, "Yes, confirmed for 12 December.")
    pending = pimchanok.locator("#messages li.is-pending")
    pending.filter(has_text="confirmed for 12 December").wait_for()

    pimchanok_context.set_offline(False)
    pimchanok.locator("#messages li").filter(
        has_text="Please bring the follow-up plan."
    ).wait_for()  # caught up
    somchai.locator("#messages li").filter(has_text="confirmed for 12 December").wait_for()
    pimchanok.locator("#messages li.is-pending").first.wait_for(state="detached")

    bodies = list(Message.objects.filter(space__slug="thailand").values_list("body", flat=True))
    assert bodies.count("Yes, confirmed for 12 December.") == 1  # stored once
    assert bodies.count("Please bring the follow-up plan.") == 1
    somchai_context.close()
    pimchanok_context.close()
