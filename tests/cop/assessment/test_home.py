"""The start page (/assessment/): the plain-words introduction for everyone, a member's
organizations with their latest result and the start or continue button, and for a
country's focal point and researchers the organizations of their countries."""

import datetime

import pytest
from django.urls import reverse

from accounts.constants import Role
from cop.assessment import services
from cop.assessment.models import Assessment
from cop.assessment.questionnaire import FEATURE_NAMES
from tests.accounts.factories import UserFactory, focal_point, site_admin

from .factories import OrganizationFactory, assessed, mapped

pytestmark = pytest.mark.django_db

URL = reverse("assessment")


def html(response):
    return response.content.decode()


def test_everyone_reads_what_the_tool_does_in_plain_words(client):
    response = client.get(URL)

    page = html(response)
    assert response.status_code == 200
    for name in FEATURE_NAMES.values():
        assert f"<li>{name}</li>" in page
    assert "<dt>SSEOE</dt>" in page
    assert "<dt>PHO</dt>" in page
    assert "Outside the SSE as mapped" in page
    assert f'href="{reverse("tapestry")}"' in page
    assert 'href="/accounts/login/?next=/assessment/"' in page
    assert "Log in to assess your organization" in page
    assert "Your organizations" not in page


def test_a_member_sees_its_organizations_with_their_latest_result_and_buttons(client):
    user = UserFactory(time_zone="Asia/Tokyo")
    assessed_org = OrganizationFactory(name="Assessed Cooperative", members=[user])
    draft_org = OrganizationFactory(name="Drafting Cooperative", members=[user])
    OrganizationFactory(name="Fresh Cooperative", members=[user], country="KH")
    result = assessed(assessed_org, by=user, met=["social_problem", "productive"])
    # Late evening in UTC is the next morning in Tokyo: the date is the reader's.
    Assessment.objects.filter(pk=result.pk).update(
        submitted_at=datetime.datetime(2025, 3, 1, 20, 0, tzinfo=datetime.UTC)
    )
    services.start_assessment(user, draft_org)
    OrganizationFactory(name="Somebody Else's Cooperative", members=[UserFactory()])
    client.force_login(user)

    page = html(client.get(URL))

    assert [org.name for org in client.get(URL).context["mine"]] == [
        "Assessed Cooperative",
        "Drafting Cooperative",
        "Fresh Cooperative",
    ]
    assert "Somebody Else" not in page
    assert f'href="{reverse("assessment_result", args=[result.pk])}"' in page
    assert "Partial hybrid organization (PHO)" in page
    assert "2 Mar 2025" in page
    assert page.count("Continue the assessment") == 1
    assert page.count("Start an assessment") == 2
    assert f'action="{reverse("assessment_start", args=[draft_org.pk])}"' in page
    assert "Cambodia" in page
    assert f'href="{reverse("assessment_org_create")}"' in page
    assert "Organizations in your countries" not in page
    assert reverse("assessment_org_import") not in page


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.NATIONAL_RESEARCHER])
def test_country_staff_see_the_mapped_and_shared_organizations_of_their_countries(client, role):
    user = UserFactory(roles=[role], scopes=[(role, "TH")])
    mapped(name="Mapped Thai Group", country="TH")
    OrganizationFactory(name="Shared Thai Cooperative", share_with_country=True)
    OrganizationFactory(name="Private Thai Cooperative", members=[UserFactory()])
    mapped(name="Mapped Cambodian Group", country="KH")
    OrganizationFactory(name="Own Cooperative", members=[user])
    client.force_login(user)

    response = client.get(URL)

    page = html(response)
    assert [org.name for org in response.context["page_obj"].object_list] == [
        "Mapped Thai Group",
        "Shared Thai Cooperative",
    ]
    assert "Private Thai Cooperative" not in page
    assert "Mapped Cambodian Group" not in page
    assert [org.name for org in response.context["mine"]] == ["Own Cooperative"]
    assert f'href="{reverse("assessment_org_record")}"' in page
    assert f'href="{reverse("assessment_org_import")}"' in page
    # The mapped one they may assess; the shared one they only read.
    assert page.count("Start an assessment") == 2  # their own, and the mapped one


def test_the_country_list_is_paginated_by_25(client):
    for n in range(30):
        mapped(name=f"Group {n:02}", country="KH")
    client.force_login(focal_point("KH"))

    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(first.context["page_obj"].object_list) == 25
    assert [org.name for org in second.context["page_obj"].object_list] == [
        f"Group {n}" for n in range(25, 30)
    ]
    assert "30 organizations" in html(first)
    assert 'href="?page=2"' in html(first)
    assert client.get(URL, {"page": "nonsense"}).status_code == 200


def test_a_site_administrator_sees_every_country(client):
    mapped(name="Mapped in Japan", country="JP")
    mapped(name="Mapped in Kyrgyzstan", country="KG")
    client.force_login(site_admin())

    names = [org.name for org in client.get(URL).context["page_obj"].object_list]

    assert names == ["Mapped in Japan", "Mapped in Kyrgyzstan"]  # by country code, then name
