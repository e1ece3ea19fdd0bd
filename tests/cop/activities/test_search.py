"""Follow-up activities in the site search (their provider in core.registry): signed-in
members find the published ones by every word; a draft only its editors; anonymous
readers none."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities():
    ActivityFactory(title="Validation of the cooperative study", lead_organization="CLT")
    ActivityFactory(country="KH", title="Policy dialogue", description="Cooperative law.")
    ActivityFactory(title="Cooperative draft plan", is_draft=True)
    ActivityFactory(title="Awareness raising")


def titles(client, query):
    response = client.get(reverse("search"), {"q": query, "in": "activities"})
    return sorted(result.title for result in response.context["results"])


@pytest.mark.usefixtures("activities")
def test_members_find_published_activities_by_every_word(client):
    client.force_login(UserFactory())

    assert titles(client, "cooperative") == [
        "Policy dialogue",
        "Validation of the cooperative study",
    ]
    assert titles(client, "cooperative clt") == ["Validation of the cooperative study"]


@pytest.mark.usefixtures("activities")
def test_a_draft_is_found_by_its_editors_only(client):
    client.force_login(focal_point("KH"))
    assert "Cooperative draft plan" not in titles(client, "cooperative")

    client.force_login(focal_point("TH"))
    assert "Cooperative draft plan" in titles(client, "cooperative")


@pytest.mark.usefixtures("activities")
def test_anonymous_readers_find_no_activity(client):
    assert titles(client, "cooperative") == []
    preview = client.get(reverse("search"), {"q": "cooperative"}).content.decode()
    assert "Validation of the cooperative study" not in preview
