import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.usefixtures("demo_db")
def test_seed_demo_twice_changes_nothing():
    # The database is seeded once already (demo_db); run the command twice more.
    call_command("seed_demo", "--force", stdout=None)
    before = row_counts()
    call_command("seed_demo", "--force")
    after = row_counts()

    assert after == before
    assert before["accounts.User"] == 9  # the demo accounts (README)
    # Twelve countries in every language: translated where a file says so, else aliased.
    assert before["home.CountryPage"] == 12 * len(settings.LANGUAGES)


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
