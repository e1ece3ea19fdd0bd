"""An organization's history of results: every submitted assessment, newest first, in the
reader's time zone, with who submitted it, its classification, its seven scores and the
change of each since the assessment before; for those who may see the organization only,
in the same number of queries however long the history."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from accounts.constants import Role
from cop.assessment import services
from cop.assessment.classification import SubCondition
from cop.assessment.models import Assessment
from cop.assessment.views.history import Change
from tests.accounts.factories import UserFactory, focal_point

from .factories import OrganizationFactory, assessed, mapped, questionnaire

pytestmark = pytest.mark.django_db

SSEOE = [SubCondition.SOCIAL_PROBLEM, SubCondition.SERVICE, SubCondition.FREE_ESTABLISHMENT]


def html(response):
    """The page's main content (the header names the reader)."""
    return response.content.decode().split('<main id="main"', 1)[1]


def url(org):
    return reverse("assessment_org_history", args=[org.pk])


def submitted_on(assessment, when):
    Assessment.objects.filter(pk=assessment.pk).update(submitted_at=when)


@pytest.fixture
def member():
    return UserFactory(name="Malee Member", time_zone="Asia/Bangkok")


@pytest.fixture
def org(member):
    questionnaire()
    return OrganizationFactory(admins=[member])


def cells(page):
    """The change cells of the page, in order: [(direction, text)]."""
    return re.findall(r'<td class="score-change" data-change="(\w+)">(.*?)</td>', page)


def test_the_history_lists_submitted_assessments_newest_first_with_their_changes(
    client, member, org
):
    colleague = UserFactory(name="Somchai Colleague")
    org.memberships.create(user=colleague)
    first = assessed(org, by=member, answers={1: [0, 1], 2: [2, 2]})  # 25, 100
    second = assessed(org, by=colleague, answers={1: [1, 2], 2: [1, 1]}, met=SSEOE)  # 75, 50
    services.start_assessment(member, org)  # a draft: not in the history
    submitted_on(first, datetime(2025, 3, 1, 23, 30, tzinfo=UTC))
    submitted_on(second, datetime(2026, 1, 15, 2, 0, tzinfo=UTC))
    client.force_login(member)

    response = client.get(url(org))

    page = html(response)
    assert response.status_code == 200
    assert [a.pk for a, _features in response.context["rows"]] == [second.pk, first.pk]
    assert page.index("Somchai Colleague") < page.index("Malee Member")
    assert 'datetime="2026-01-15T02:00:00Z" data-time="datetime">15 Jan 2026, 09:00<' in page
    assert 'datetime="2025-03-01T23:30:00Z" data-time="datetime">2 Mar 2025, 06:30<' in page
    assert "SSE organization or enterprise (SSEOE)" in page
    assert "Outside the SSE as mapped" in page
    changes = cells(page)
    assert changes[:7] == [
        ("up", "+50 (up)"),
        ("down", "-50 (down)"),
        *[("same", "0 (no change)")] * 5,
    ]
    assert changes[7:] == [("first", '<span class="muted">first result</span>')] * 7
    assert "75% <span" in page
    assert f'href="{reverse("assessment_result", args=[second.pk])}"' in page
    assert f'href="{reverse("assessment_result", args=[first.pk])}"' in page
    assert ">Continue the assessment in progress</button>" in page


def test_the_time_is_shown_in_the_readers_own_zone(client, member, org):
    done = assessed(org, by=member)
    submitted_on(done, datetime(2025, 3, 1, 23, 30, tzinfo=UTC))
    reader = UserFactory(time_zone="Asia/Ulaanbaatar")
    org.memberships.create(user=reader)
    client.force_login(reader)

    page = html(client.get(url(org)))

    assert 'datetime="2025-03-01T23:30:00Z" data-time="datetime">2 Mar 2025, 07:30<' in page


def test_an_organization_with_no_submission_yet_says_so(client, member, org):
    services.start_assessment(member, org)
    client.force_login(member)

    page = html(client.get(url(org)))

    assert "No assessment of this organization has been submitted yet." in page
    assert "Continue the assessment in progress" in page


def test_after_a_submission_the_button_starts_a_new_assessment(client, member, org):
    assessed(org, by=member)
    client.force_login(member)

    page = html(client.get(url(org)))

    assert f'action="{reverse("assessment_start", args=[org.pk])}"' in page
    assert ">Start a new assessment</button>" in page


def test_a_change_is_a_signed_number_with_its_words():
    before = Change(None)
    assert (before.direction, before.number, str(before.words)) == ("first", "", "first result")
    assert (Change(25).number, str(Change(25).words)) == ("+25", "up")
    assert (Change(-3).number, str(Change(-3).words)) == ("-3", "down")
    assert (Change(0).number, str(Change(0).words)) == ("0", "no change")


def test_a_feature_not_scored_before_is_compared_from_its_first_score(client, member, org):
    first = assessed(org, by=member, answers={7: [0, 0]})
    second = assessed(org, by=member, answers={7: [1, 1]})
    third = assessed(org, by=member, answers={7: [2, 2]})
    first.scores.filter(feature=7).delete()  # as if the questionnaire had no such question
    client.force_login(member)

    rows = dict(client.get(url(org)).context["rows"])

    changes = {a.pk: features[6].change.delta for a, features in rows.items()}
    assert changes == {third.pk: 50, second.pk: None, first.pk: None}
    assert rows[first][6].score is None


def test_strangers_and_staff_of_a_non_sharing_organization_get_404(client, member, org):
    assessed(org, by=member)
    for person in (UserFactory(), focal_point("TH"), focal_point("KH")):
        client.force_login(person)
        assert client.get(url(org)).status_code == 404
    client.force_login(member)
    assert client.get(reverse("assessment_org_history", args=[987654])).status_code == 404


def test_anonymous_readers_are_sent_to_log_in(client, member, org):
    response = client.get(url(org))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_country_staff_see_a_sharing_organizations_history_without_the_button(client, member, org):
    assessed(org, by=member)
    org.share_with_country = True
    org.save()
    client.force_login(focal_point("TH"))

    page = html(client.get(url(org)))

    assert "Outside the SSE as mapped" in page
    assert "Start a new assessment" not in page


def test_researchers_see_and_assess_their_countrys_mapped_organizations(client):
    questionnaire()
    found = mapped("KH")
    researcher = UserFactory(
        roles=[Role.NATIONAL_RESEARCHER], scopes=[(Role.NATIONAL_RESEARCHER, "KH")]
    )
    assessed(found, by=researcher, met=SSEOE)
    client.force_login(researcher)

    page = html(client.get(url(found)))

    assert "SSE organization or enterprise (SSEOE)" in page
    assert "Start a new assessment" in page


# Session, user, roles; the organization; the assessments with who submitted them, their
# scores; the reader's memberships; whether a draft is in progress; the site.
HISTORY_QUERIES = 8


@pytest.mark.parametrize("count", [1, 25])
def test_the_history_makes_the_same_queries_however_long(
    client, django_assert_num_queries, member, org, count
):
    for n in range(count):
        assessed(org, by=member, answers={3: [n % 3, 2]})
    client.force_login(member)
    client.get(url(org))

    with django_assert_num_queries(HISTORY_QUERIES):
        response = client.get(url(org))

    assert len(response.context["rows"]) == count
