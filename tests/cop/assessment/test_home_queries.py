"""The start page makes the same exact number of queries with a few organizations as with
hundreds (bulk-created, so the large case stays fast): for anonymous readers, for a
member of many organizations, and for a focal point over its countries' pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cop.assessment.classification import Classification
from cop.assessment.constants import MemberRole, OrgType, Source
from cop.assessment.models import Assessment, Membership, Organization
from tests.accounts.factories import UserFactory, focal_point

pytestmark = pytest.mark.django_db

URL = reverse("assessment")

# What every page reads for an anonymous reader: the Wagtail site (the shell's caches
# warm: the header's count of unread notifications among them). What a signed-in page
# reads: the user and the site (the session is read through the cache).
ANONYMOUS = 1
SHELL = 2
# The member's organizations, each with its latest result and whether a draft exists
# (one query); the reader's role groups (is it a focal point or researcher?).
MINE = 1
ROLES = 1
# A focal point's scopes, its memberships (for the start buttons), the count and the page
# of its countries' organizations.
COUNTRY = 4

TYPES = list(OrgType.values)
KINDS = list(Classification.values)


def many_organizations(count, *, country="TH", source=Source.MAPPING, members=()):
    """`count` organizations, each with a submitted assessment as its latest result and
    every third with a draft too; `members` members of each."""
    orgs = Organization.objects.bulk_create(
        Organization(
            name=f"Organization {n:05}",
            country=country,
            org_type=TYPES[n % len(TYPES)],
            source=source,
        )
        for n in range(count)
    )
    now = timezone.now()
    Assessment.objects.bulk_create(
        Assessment(
            organization=org,
            submitted_at=now,
            classification=KINDS[n % len(KINDS)],
        )
        for n, org in enumerate(orgs)
    )
    Assessment.objects.bulk_create(
        Assessment(organization=org) for n, org in enumerate(orgs) if n % 3 == 0
    )
    latest = dict(
        Assessment.objects.filter(organization__in=orgs, submitted_at__isnull=False).values_list(
            "organization_id", "pk"
        )
    )
    for org in orgs:
        org.latest_assessment_id = latest[org.pk]
    Organization.objects.bulk_update(orgs, ["latest_assessment"])
    Membership.objects.bulk_create(
        Membership(organization=org, user=user, role=MemberRole.ADMIN)
        for org in orgs
        for user in members
    )
    return orgs


@pytest.mark.parametrize("count", [2, 60])
def test_an_anonymous_reader_and_a_member_cost_the_same_at_any_size(
    client, django_assert_num_queries, count
):
    member = UserFactory()
    many_organizations(count, source=Source.SELF, members=[member])
    client.get(URL)  # warm the shell's caches (the site, menus)

    with django_assert_num_queries(ANONYMOUS):
        assert client.get(URL).status_code == 200

    client.force_login(member)
    client.get(URL)
    with django_assert_num_queries(SHELL + MINE + ROLES):
        response = client.get(URL)
    assert len(response.context["mine"]) == count
    assert html_count(response, "Continue the assessment") == (count + 2) // 3


@pytest.mark.parametrize("count", [3, 300])
def test_a_focal_points_page_costs_the_same_at_any_size(client, django_assert_num_queries, count):
    focal = focal_point("TH")
    many_organizations(count)
    many_organizations(2, source=Source.SELF, members=[focal])
    client.force_login(focal)
    client.get(URL)

    with django_assert_num_queries(SHELL + MINE + ROLES + COUNTRY):
        response = client.get(URL)
    assert response.context["page_obj"].paginator.count == count
    assert len(response.context["mine"]) == 2

    with django_assert_num_queries(SHELL + MINE + ROLES + COUNTRY):
        response = client.get(URL, {"page": 2})
    assert response.status_code == 200


def html_count(response, text):
    return response.content.decode().count(text)
