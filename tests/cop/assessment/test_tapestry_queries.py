"""The tapestry, its CSV export and the organizations' search make a constant number of
queries: the same exact count with 5,000 organizations (and 35,000 feature scores) as
with 50 (bulk-created, so the large case stays fast)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from cop.assessment import search
from cop.assessment.classification import Classification
from tests.accounts.factories import UserFactory

from .tapestry_data import bulk_assessed

pytestmark = pytest.mark.django_db

URL = reverse("tapestry")
CSV = reverse("tapestry_export")

# The list: its count, its page (with each latest result), the page's feature scores.
LIST = 3
# The aggregates: classifications by country, weak or missing features by country (two
# GROUP BY queries).
AGGREGATES = 2
# base.html's shell: the Wagtail site (its caches warm).
SHELL = 1
ANONYMOUS = SHELL + LIST + AGGREGATES
# A signed-in reader: the user besides (the session is read through the cache).
SIGNED_IN = 1 + ANONYMOUS
# The export: the rows (with their latest result) and their scores.
EXPORT = 2
# The search: the organizations (the reader's roles are read once a request).
SEARCH = 1


def published(count):
    return sum(1 for n in range(count) if n % 4 != 1)  # tapestry_data publishes these


@pytest.fixture(params=[50, 5000], ids=["50 organizations", "5,000 organizations"])
def organizations(request):
    return bulk_assessed(request.param)


def test_the_tapestry_its_export_and_search_make_the_same_queries_at_any_size(
    client, django_assert_num_queries, organizations
):
    """One test for the three, so the 5,000 organizations are made once."""
    count = len(organizations)
    client.get(URL)  # warm the shell's caches (the site, menus)

    with django_assert_num_queries(ANONYMOUS):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == published(count)
    assert len(response.context["page_obj"].object_list) == 25
    assert response.context["region"].assessed == count

    with django_assert_num_queries(ANONYMOUS):
        response = client.get(
            URL,
            {
                "country": "KH",
                "classification": Classification.SSEOE,
                "feature": "2",
                "q": "bulk",
                "page": 2,
            },
        )
    assert response.status_code == 200
    assert response.context["page_obj"].object_list  # page 2, or the last page

    with django_assert_num_queries(EXPORT):
        response = client.get(CSV)
    assert response.status_code == 200
    assert response.content.decode().count("\n") == 1 + published(count)

    with django_assert_num_queries(EXPORT):
        response = client.get(CSV, {"country": "TH", "feature": "5"})
    assert response.status_code == 200

    reader = UserFactory()
    client.force_login(reader)
    client.get(URL)
    with django_assert_num_queries(SIGNED_IN):
        response = client.get(URL, {"org_type": "association", "page": "last"})
    assert response.status_code == 200
    assert response.context["page_obj"].object_list

    request = RequestFactory().get("/search/")
    request.user = reader
    request.user.role_names  # noqa: B018 - the reader's roles, read once a request
    with django_assert_num_queries(SEARCH):
        found = list(search.search(request, "bulk organization 0000")[:10])
    # 00000 to 00009 but 00001, 00005 and 00009, which do not publish.
    assert [org.name[-2:] for org in found] == ["00", "02", "03", "04", "06", "07", "08"]
