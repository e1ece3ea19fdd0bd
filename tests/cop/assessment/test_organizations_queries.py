"""An organization's page makes the same exact number of queries with a few members,
invitations and earlier assessments as with many (bulk-created)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from cop.assessment.classification import Classification
from cop.assessment.constants import MemberRole
from cop.assessment.models import Assessment, Invitation, Membership
from tests.accounts.factories import UserFactory, focal_point

from .factories import OrganizationFactory, mapped

pytestmark = pytest.mark.django_db

# The user and the site (the session is read through the cache; the shell's caches warm).
SHELL = 2
# The organization (through the reader's visible set), the reader's memberships and
# role groups, the latest result, the members with their accounts, whether a draft
# exists.
PAGE = 6
# For an editor: the pending invitations with who sent them.
EDITOR = 1
# A focal point's scopes.
SCOPES = 1


def fill(org, size):
    """`size` members and pending invitations, and `size` submitted assessments (the
    last one the latest result), plus a draft."""
    users = UserFactory.create_batch(size) if size <= 5 else bulk_users(size)
    Membership.objects.bulk_create(
        Membership(organization=org, user=user, role=MemberRole.MEMBER) for user in users
    )
    expires = timezone.now() + timedelta(days=7)
    Invitation.objects.bulk_create(
        Invitation(organization=org, email=f"invited{n}@example.net", expires_at=expires)
        for n in range(size)
    )
    now = timezone.now()
    results = Assessment.objects.bulk_create(
        Assessment(
            organization=org,
            submitted_at=now - timedelta(days=size - n),
            classification=Classification.PHO,
        )
        for n in range(size)
    )
    Assessment.objects.create(organization=org)
    org.latest_assessment = results[-1]
    org.save(update_fields=["latest_assessment"])


def bulk_users(count):
    model = get_user_model()
    return model.objects.bulk_create(
        model(email=f"bulk{n}@example.net", name=f"Bulk {n}", handle=f"bulk-{n}")
        for n in range(count)
    )


@pytest.mark.parametrize("size", [2, 80])
def test_the_administrators_page_costs_the_same_at_any_size(
    client, django_assert_num_queries, size
):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])
    fill(org, size)
    client.force_login(admin)
    url = reverse("assessment_org", args=[org.pk])
    client.get(url)

    with django_assert_num_queries(SHELL + PAGE + EDITOR):
        response = client.get(url)

    assert len(response.context["members"]) == size + 1
    assert len(response.context["invitations"]) == size
    assert response.context["has_draft"]


@pytest.mark.parametrize("size", [2, 80])
def test_a_focal_points_page_of_a_mapped_organization_costs_the_same(
    client, django_assert_num_queries, size
):
    focal = focal_point("TH")
    org = mapped(country="TH")
    fill(org, size)
    client.force_login(focal)
    url = reverse("assessment_org", args=[org.pk])
    client.get(url)

    with django_assert_num_queries(SHELL + PAGE + SCOPES + EDITOR):
        response = client.get(url)

    assert response.context["may_edit"]
    assert len(response.context["invitations"]) == size
