import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections

from tests.conftest import chromium_path, need

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def asgi_server(seeded_database, settings):
    """The real ASGI application (HTTP and WebSocket) under uvicorn, in a thread of this
    process, on the test database: what `make run` serves. Yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from config.asgi import application

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            application, host="127.0.0.1", port=port, lifespan="off", log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    settings.SITE_URL = f"http://127.0.0.1:{port}"  # where e-mails link to: this server
    yield settings.SITE_URL
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def chromium(settings, monkeypatch):
    """Debian's Chromium under Playwright: yields the browser."""
    path = chromium_path()
    need(path, "Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.ALLOWED_HOSTS = ["*"]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=ARGS)
        yield browser
        browser.close()
        # ORM calls made while Playwright's loop runs get their own connection (Django's
        # connections are context-local): close it here, in that same context.
        connections.close_all()


def log_in(page, email, password="demo-pass-2026", language="en"):
    """Log in from the English login page. The site then speaks the member's preferred
    language (the demo learner and focal.th prefer Thai); the journeys are written in
    `language`, so the member switches to it with the footer's switcher (None: stay)."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    # On a phone "Log out" is in the closed header menu: there, not visible; its words are
    # the member's language's.
    page.locator('form[action$="/accounts/logout/"] button').first.wait_for(state="attached")
    if language and page.locator("html").get_attribute("lang") != language:
        page.locator(f'.language-switcher button[value="{language}"]').click()
        page.locator(f'html[lang="{language}"]').wait_for(state="attached")


def screenshot_folder():
    """Where journeys save their screenshots for review: E2E_SCREENSHOTS, else build/screenshots
    at the repository's root (ignored by git); made if missing."""
    folder = Path(
        os.environ.get("E2E_SCREENSHOTS")
        or Path(django_settings.BASE_DIR) / "build" / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shots(request):
    """shots(page, name, full_page=True) saves the page as <test module>-<name>.png in the
    screenshot folder and returns the file's path."""
    prefix = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_").replace("_", "-")
    folder = screenshot_folder()

    def take(page, name, full_page=True):
        path = folder / f"{prefix}-{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def browser_page(request, seeded_database, live_server, chromium, settings):
    """A Playwright page in Debian's Chromium, talking to the live test server."""
    settings.SITE_URL = live_server.url  # where e-mails link to: the server the browser uses
    context = chromium.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    if os.environ.get("E2E_SCREENSHOTS"):  # the journey's last page
        page.screenshot(
            path=str(screenshot_folder() / f"{request.node.name}-last.png"), full_page=True
        )
    context.close()
