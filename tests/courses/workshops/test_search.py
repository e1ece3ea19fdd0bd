"""Workshops in the site search (their provider in core.registry): published and
cancelled ones with every word in the title or description, never a draft."""

import pytest
from django.urls import reverse

from courses.workshops.constants import Status

from .factories import WorkshopFactory

pytestmark = pytest.mark.django_db

QUERIES = 3


def test_the_site_search_finds_workshops_by_every_word_never_a_draft(client):
    WorkshopFactory(title="Mutual insurance for fisherfolk", description="Risk pooling.")
    WorkshopFactory(title="Cooperative by-laws", description="Mutual aid in practice.")
    WorkshopFactory(title="Mutual draft", status=Status.DRAFT)
    WorkshopFactory(title="Insurance cancelled mutual", status=Status.CANCELLED)

    tab = client.get(reverse("search"), {"q": "mutual insurance", "in": "workshops"})
    preview = client.get(reverse("search"), {"q": "mutual"}).content.decode()

    assert sorted(w.title for w in tab.context["results"]) == [
        "Insurance cancelled mutual",
        "Mutual insurance for fisherfolk",
    ]
    assert "Cooperative by-laws" in preview
    assert "Mutual draft" not in preview
    assert "(your time)" not in preview  # an anonymous reader's zone is named instead


@pytest.mark.parametrize("batch", [2, 12])
def test_a_workshop_search_makes_the_same_queries_with_few_or_many_results(
    client, django_assert_num_queries, batch
):
    WorkshopFactory.create_batch(batch, title="Solidarity finance clinic")
    client.get(reverse("search"), {"q": "solidarity", "in": "workshops"})  # warm the shell

    # The site (the menu is cached), then the count and the page of workshops.
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("search"), {"q": "solidarity", "in": "workshops"})

    assert response.context["results"].paginator.count == batch
