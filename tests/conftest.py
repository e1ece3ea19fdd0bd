"""Fixtures for the whole suite.

The test database is seeded once per session with `seed_demo` (the demo accounts, the
home and country pages, their Thai translations); each test runs in a transaction that is
rolled back. Browser journeys flush the database, so they run last.
"""

import os
import shutil

import pytest
from asgiref.sync import sync_to_async
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def need(available, reason):
    """Skip a test whose service is missing - or fail it when REQUIRE_SERVICES=1 (CI)."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


def chromium_path():
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # No collectstatic before tests: serve and name static files straight from the source.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Rate-limit counters live in the cache: start every test with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
async def close_sync_thread_connections():
    """For async tests: close the DB connections opened in asgiref's sync thread.

    Database work of async code runs in that thread (sync_to_async), on a connection the
    test's own teardown never sees; left open, it keeps the test database from being
    dropped on PostgreSQL.
    """
    yield
    await sync_to_async(connections.close_all)()


def pytest_collection_modifyitems(items):
    """Browser journeys flush the database (they need real commits): run them last."""
    items.sort(key=lambda item: "e2e" in item.keywords)
