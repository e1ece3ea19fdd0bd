import os

import pytest
from django.db import connections

from tests.conftest import chromium_path, need


@pytest.fixture
def browser_page(seeded_database, live_server, settings, monkeypatch):
    """A Playwright page in Debian's Chromium, talking to the live test server."""
    path = chromium_path()
    need(path, "Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.ALLOWED_HOSTS = ["*"]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        context = browser.new_context(base_url=live_server.url, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        if os.environ.get("E2E_SCREENSHOTS"):
            page.screenshot(path=os.environ["E2E_SCREENSHOTS"], full_page=True)
        context.close()
        browser.close()
        # ORM calls made while Playwright's loop runs get their own connection (Django's
        # connections are context-local): close it here, in that same context.
        connections.close_all()
