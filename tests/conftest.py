"""Fixtures for the whole suite.

The test database is seeded once per session with `seed_demo` (the demo accounts, the
home and country pages, their Thai translations); each test runs in a transaction that is
rolled back. Browser journeys flush the database, so they run last.
"""

import json
import os
import shutil

import pytest
from asgiref.sync import sync_to_async
from channels.layers import channel_layers
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections

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
    """The migrated test database, seeded once. Returns what the migrations alone made,
    serialised, for tests that flush the database (`seeded_database` restores it)."""
    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
        seed()
    # Content types first: saving other rows may look one up, and create it if missing.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def seed():
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def migrated_database(transactional_db, django_db_setup):
    """For transactional tests: what the migrations made, committed.

    A transactional test flushes every table when it ends, including the rows the
    migrations made (the Wagtail root page, the locales, the role groups): put those back
    from the snapshot when they are gone.
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not Page.objects.exists():
        # The flush re-created content types and permissions (post_migrate), maybe with
        # other ids than the snapshot's: use the snapshot's.
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(django_db_setup)


@pytest.fixture
def seeded_database(migrated_database):
    """For transactional tests (browser journeys): the seeded demo, committed."""
    seed()


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    # MD5 for speed; PBKDF2 still checks the demo accounts seeded before this fixture ran.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
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
    # A fresh channel layer for the next test: each async test runs on an event loop of its
    # own, and channels_redis binds its receive lock to the loop that first used it (a
    # consumer still receiving when its test ended left it locked on a dead loop).
    channel_layers.backends = {}


@pytest.fixture
async def close_sync_thread_connections():
    """For async tests: close the DB connections opened in asgiref's sync thread.

    Database work of async code runs in that thread (sync_to_async), on a connection the
    test's own teardown never sees; left open, it keeps the test database from being
    dropped on PostgreSQL.
    """
    yield
    from core.live import settle  # inline: app modules load once Django is set up

    await settle()  # a presence announcement still due would open a connection after us
    await sync_to_async(connections.close_all)()


def pytest_collection_modifyitems(items):
    """Transactional tests flush the database when they end: run them after the others,
    and the browser journeys last."""

    def transactional(item):
        marker = item.get_closest_marker("django_db")
        return bool(
            marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
        )

    items.sort(key=lambda item: ("e2e" in item.keywords, transactional(item)))
