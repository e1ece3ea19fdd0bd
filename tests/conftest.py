"""Fixtures for the whole suite.

The test database holds what the migrations made (the Wagtail root page, the locales, the
role groups) and nothing else: each test builds the rows it needs with the factories in
tests/<app>/factories.py, inside a transaction that is rolled back.

Tests whose subject is the demo seed itself (`manage.py seed_demo`: its accounts, its
curriculum, the browser journeys that log in as its accounts) ask for it by name:

- `demo_db`: the demo seed, committed once, under each test's rolled-back transaction;
- `demo_transactional_db` (alias `seeded_database`): the demo seed, committed, for
  transactional tests (browser journeys, worker processes).

Seeding takes about 40 s, so it runs once per session: the tests that use it run after
the others (`pytest_collection_modifyitems`), the seed's rows are serialised right after
seeding, and a transactional test's flush is undone from that snapshot, not by seeding
again. Transactional tests run after the non-transactional ones of their group, the
browser journeys last.
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
from django.utils import translation

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"

# What the committed test database holds between tests: what the migrations made, that
# and the demo seed, or nothing (a transactional test flushed it). Non-transactional
# tests roll back, so only seeding and transactional tests change it.
MIGRATED, DEMO, EMPTY = "migrated", "demo", "empty"
_database = {"state": MIGRATED, "demo_rows": None}

DEMO_FIXTURES = {"demo_db", "demo_transactional_db", "seeded_database"}
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


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
    """The migrated test database. Returns what the migrations made, serialised, for
    tests that flush the database (`migrated_database` restores it)."""
    with django_db_blocker.unblock():
        return _serialised_rows()


def _serialised_rows():
    rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: saving other rows may look one up, and create it if missing.
    # Locale synchronisations last: saving one synchronises the page trees at once, which
    # needs the locales and finds every page already there.
    order = {"contenttypes.contenttype": 0, "wagtail_localize.localesynchronization": 2}
    rows.sort(key=lambda row: order.get(row["model"], 1))
    return json.dumps(rows)


def seed():
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def _flush():
    call_command("flush", interactive=False, verbosity=0)


def _load(rows):
    """Put serialised rows back into a flushed database."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    # The flush re-created content types and permissions (post_migrate), maybe with other
    # ids than the snapshot's: use the snapshot's.
    Permission.objects.all().delete()
    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(rows)
    ContentType.objects.clear_cache()


def _make_migrated(migrated_rows):
    if _database["state"] == MIGRATED:
        return
    if _database["state"] == DEMO:
        _flush()
    _load(migrated_rows)
    _database["state"] = MIGRATED


def _make_demo(migrated_rows):
    """The demo seed, committed: seeded the first time, loaded from its snapshot after."""
    if _database["state"] == DEMO:
        return
    if _database["demo_rows"] is None:
        _make_migrated(migrated_rows)
        seed()
        _database["demo_rows"] = _serialised_rows()
    else:
        if _database["state"] == MIGRATED:
            _flush()
        _load(_database["demo_rows"])
    _database["state"] = DEMO


@pytest.fixture
def migrated_database(transactional_db, django_db_setup):
    """For transactional tests: what the migrations made, committed.

    A transactional test flushes every table when it ends, including the rows the
    migrations made (the Wagtail root page, the locales, the role groups): put those back
    from the snapshot when they are gone (or the demo seed is there instead).
    """
    _make_migrated(django_db_setup)


@pytest.fixture(scope="module")
def _demo_committed(django_db_setup, django_db_blocker):
    # Module scope, so that it runs before the test's own transaction begins (pytest sets
    # up wider-scoped fixtures first); it only checks the state once the seed is there.
    with django_db_blocker.unblock():
        _make_demo(django_db_setup)


@pytest.fixture
def demo_db(_demo_committed, db):
    """For tests about the demo seed: the seeded demo (its accounts, pages, curriculum,
    spaces and forum), committed once; each test's changes are rolled back."""


@pytest.fixture
def demo_transactional_db(transactional_db, django_db_setup):
    """For transactional tests about the demo (browser journeys, worker processes): the
    seeded demo, committed."""
    _make_demo(django_db_setup)


seeded_database = demo_transactional_db  # the name older tests use


def _uses_demo(item):
    return bool(DEMO_FIXTURES & set(getattr(item, "fixturenames", ())))


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        or TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(autouse=True)
def _fast_and_isolated(request, settings):
    if (
        _database["state"] == DEMO
        and not _uses_demo(request.node)
        and not _transactional(request.node)
        and (request.node.get_closest_marker("django_db") or "db" in request.fixturenames)
    ):
        pytest.fail(
            "The demo seed is committed, and this test builds its own data: run the tests "
            "in the order tests/conftest.py sorts them (no random order plugin)."
        )
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
    # A language a request activated (the Thai pages) must not leak into the next test's
    # reverse() and rendering.
    translation.deactivate()
    if _transactional(request.node):
        _database["state"] = EMPTY  # its flush comes next


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
    """Order: the tests that build their own data, then the transactional ones (each
    flushes the database when it ends); then the tests about the demo seed (seeded once,
    committed), those under a rolled-back transaction first; the browser journeys last."""
    items.sort(key=lambda item: ("e2e" in item.keywords, _uses_demo(item), _transactional(item)))
