"""Translating pages in a test as the seed does (core.seeding.translate_all).

wagtail-localize publishes a translation when its transaction commits. The seed runs in
autocommit, so each is published right after it is made; inside a test's transaction the
publishing would wait for the test's end, and a translated page published then (from the
instance saved before its children were added) would write back stale tree counters, as
home.seed warns. `translating` commits after each object, as the seed does.
"""

import pytest

import core.seeding


@pytest.fixture
def translating(monkeypatch, django_capture_on_commit_callbacks):
    """translating(objects, translations): core.seeding.translate_all, each object's
    translations published at once. Returns the number of translations made or updated."""
    translate = core.seeding.translate

    def committed(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return translate(*args, **kwargs)

    monkeypatch.setattr(core.seeding, "translate", committed)
    return core.seeding.translate_all
