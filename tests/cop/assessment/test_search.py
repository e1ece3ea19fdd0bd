"""Organizations in the site search (their provider in core.registry): found by every
word of the name among those the reader may see, or that publish their results; a
visible one links to its page, a published-only one to its latest result; never an
unpublished organization the reader may not see."""

import pytest
from django.urls import reverse

from cop.assessment import services
from cop.assessment.constants import OrgType
from tests.accounts.factories import UserFactory, focal_point, site_admin

from .factories import OrganizationFactory, assessed, mapped, questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizations():
    """A published cooperative, an unpublished one with its member, a mapped Cambodian
    one, and a published one with no result yet."""
    questionnaire()
    admin, member = UserFactory(), UserFactory()
    published = OrganizationFactory(name="Lotus Weavers Cooperative", admins=[admin])
    assessed(published, by=admin)
    services.set_sharing(admin, published, publish_results=True, share_with_country=False)
    private = OrganizationFactory(
        name="Lotus Secret Cooperative", members=[member], org_type=OrgType.MUTUAL
    )
    assessed(private, by=member)
    cambodian = mapped("KH", name="Mekong Lotus Fishers")
    no_result = OrganizationFactory(name="Lotus Unassessed Cooperative", admins=[admin])
    del admin._sse_memberships  # read for the first organization, before this one
    services.set_sharing(admin, no_result, publish_results=True, share_with_country=False)
    published.refresh_from_db()
    return {
        "published": published,
        "private": private,
        "cambodian": cambodian,
        "member": member,
        "admin": admin,
    }


def found(client, query):
    response = client.get(reverse("search"), {"q": query, "in": "assessment"})
    assert response.status_code == 200
    return response, sorted(org.name for org in response.context["results"])


def test_anonymous_readers_find_published_organizations_by_every_word(client, organizations):
    response, names = found(client, "lotus cooperative")

    assert names == ["Lotus Weavers Cooperative"]
    result = reverse("assessment_result", args=[organizations["published"].latest_assessment_id])
    assert f'<a href="{result}">Lotus Weavers Cooperative</a>' in response.content.decode()
    assert found(client, "lotus weavers mekong")[1] == []


def test_an_unpublished_organization_is_found_by_those_who_may_see_it_only(client, organizations):
    private_page = reverse("assessment_org", args=[organizations["private"].pk])

    for outsider in (None, UserFactory(), focal_point("TH")):
        if outsider:
            client.force_login(outsider)
        response, names = found(client, "secret")
        assert names == []
        assert "Lotus Secret Cooperative" not in response.content.decode()
        preview = client.get(reverse("search"), {"q": "lotus secret"}).content.decode()
        assert "Lotus Secret Cooperative" not in preview

    client.force_login(organizations["member"])
    response, names = found(client, "secret")
    assert names == ["Lotus Secret Cooperative"]
    assert f'<a href="{private_page}">Lotus Secret Cooperative</a>' in response.content.decode()


def test_a_countrys_focal_point_finds_its_mapped_organizations(client, organizations):
    cambodian_page = reverse("assessment_org", args=[organizations["cambodian"].pk])
    client.force_login(focal_point("KH"))

    response, names = found(client, "lotus")

    assert names == ["Lotus Weavers Cooperative", "Mekong Lotus Fishers"]
    assert f'<a href="{cambodian_page}">Mekong Lotus Fishers</a>' in response.content.decode()
    client.force_login(focal_point("LA"))
    assert found(client, "mekong")[1] == []


def test_a_member_of_a_published_organization_is_linked_to_its_page(client, organizations):
    client.force_login(organizations["admin"])

    response, names = found(client, "weavers")
    assert names == ["Lotus Weavers Cooperative"]

    page = reverse("assessment_org", args=[organizations["published"].pk])
    assert f'<a href="{page}">Lotus Weavers Cooperative</a>' in response.content.decode()
    # Its own organization with no result yet is found (it sees it), not as published.
    assert found(client, "unassessed")[1] == ["Lotus Unassessed Cooperative"]


def test_site_administrators_find_every_organization(client, organizations):
    client.force_login(site_admin())

    assert found(client, "lotus")[1] == [
        "Lotus Secret Cooperative",
        "Lotus Unassessed Cooperative",
        "Lotus Weavers Cooperative",
        "Mekong Lotus Fishers",
    ]


def test_a_query_of_spaces_finds_nothing(rf, organizations):
    from cop.assessment.search import search

    request = rf.get("/search/")
    request.user = organizations["member"]

    assert list(search(request, "   ")) == []
