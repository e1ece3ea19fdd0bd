"""A submitted assessment's result, its print page and its PDF: who may see them (members
and allowed staff always; anyone for a published organization's latest result; nobody
else, 404), what a draft does, what the page says (the classification with its reason and
the sub-conditions met, each feature's score and band, the chart and the table with the
same numbers, guidance on the weak features only) and the answers, never to the public."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from cop.assessment import services
from cop.assessment.classification import SubCondition
from cop.assessment.models import Assessment, Organization
from tests.accounts.factories import UserFactory, focal_point, site_admin
from tests.courses.factories import (
    CoursePageFactory,
    FeatureFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.courses.workshops.factories import WorkshopFactory

from .factories import OrganizationFactory, assessed, mapped, questionnaire

pytestmark = pytest.mark.django_db

SSEOE = [SubCondition.SOCIAL_PROBLEM, SubCondition.SERVICE, SubCondition.FREE_ESTABLISHMENT]
PHO = [SubCondition.PUBLIC_INTEREST, SubCondition.PRODUCTIVE]
# Feature 1 missing (0%), 5 weak (25%), 7 partly (50%), the others practised (100%).
ANSWERS = {1: [0, 0], 5: [1, 0], 7: [1, 1]}
QUESTION = "Feature 2, question 1?"  # a question's text: only with the answers


def main(response):
    """The page's main content (the header names the reader)."""
    return response.content.decode().split('<main id="main"', 1)[1]


def url(assessment, name="assessment_result"):
    return reverse(name, args=[assessment.pk])


def publish(org):
    Organization.objects.filter(pk=org.pk).update(publish_results=True)


@pytest.fixture
def member():
    return UserFactory(name="Malee Member", time_zone="Asia/Bangkok")


@pytest.fixture
def org(member):
    questionnaire()
    return OrganizationFactory(name="Chiang Mai Weavers", admins=[member])


@pytest.fixture
def result(org, member):
    return assessed(org, by=member, answers=ANSWERS, met=SSEOE)


# --- Who sees what ------------------------------------------------------------------------


def test_a_member_sees_the_result_with_the_answers(client, member, result):
    client.force_login(member)

    response = client.get(url(result))

    assert response.status_code == 200
    page = main(response)
    assert "Self-assessment of Chiang Mai Weavers" in page
    assert "SSE organization or enterprise (SSEOE)" in page
    assert "It meets at least one condition under each of the three dimensions." in page
    assert QUESTION in page
    assert response.context["report"].show_answers


@pytest.mark.parametrize("name", ["assessment_result", "assessment_print", "assessment_pdf"])
def test_the_public_sees_a_published_organizations_latest_result_without_answers(
    client, org, result, name
):
    publish(org)

    response = client.get(url(result, name))

    assert response.status_code == 200
    if name != "assessment_pdf":
        assert "Chiang Mai Weavers" in response.content.decode()
        assert QUESTION not in response.content.decode()
        assert not response.context["report"].show_answers


@pytest.mark.parametrize("name", ["assessment_result", "assessment_print", "assessment_pdf"])
def test_an_unpublished_result_is_a_404_to_the_public_and_to_strangers(client, result, name):
    assert client.get(url(result, name)).status_code == 404

    client.force_login(UserFactory())
    assert client.get(url(result, name)).status_code == 404


@pytest.mark.parametrize("name", ["assessment_result", "assessment_print", "assessment_pdf"])
def test_an_older_result_of_a_published_organization_stays_private(
    client, org, member, result, name
):
    newer = assessed(org, by=member, met=PHO)
    publish(org)

    assert client.get(url(newer, name)).status_code == 200
    assert client.get(url(result, name)).status_code == 404
    client.force_login(member)
    assert client.get(url(result, name)).status_code == 200


def test_a_signed_in_stranger_sees_the_published_result_without_answers(client, org, result):
    publish(org)
    client.force_login(UserFactory())

    response = client.get(url(result))

    assert response.status_code == 200
    assert QUESTION not in main(response)
    # Neither the organization's page nor its history is offered to them.
    assert reverse("assessment_org", args=[org.pk]) not in main(response)
    assert reverse("assessment_org_history", args=[org.pk]) not in main(response)
    assert reverse("tapestry") in main(response)


def test_the_countrys_focal_point_sees_the_answers_only_if_the_organization_shares_them(
    client, org, result
):
    client.force_login(focal_point("TH"))
    assert client.get(url(result)).status_code == 404

    Organization.objects.filter(pk=org.pk).update(share_with_country=True)
    response = client.get(url(result))

    assert response.status_code == 200
    assert QUESTION in main(response)


def test_a_national_researcher_sees_what_they_recorded_in_their_country_and_no_other(client):
    questionnaire()
    researcher = UserFactory(
        roles=[Role.NATIONAL_RESEARCHER], scopes=[(Role.NATIONAL_RESEARCHER, "KH")]
    )
    recorded = mapped("KH", name="Takeo Women's Savings Group")
    result = assessed(recorded, by=researcher, met=PHO)
    client.force_login(researcher)

    response = client.get(url(result))

    assert response.status_code == 200
    assert "Partial hybrid organization (PHO)" in main(response)
    assert QUESTION in main(response)
    client.force_login(focal_point("LA"))
    assert client.get(url(result)).status_code == 404


def test_a_site_administrator_sees_every_result_with_its_answers(client, result):
    client.force_login(site_admin())

    response = client.get(url(result))

    assert response.status_code == 200
    assert QUESTION in main(response)


def test_an_unknown_assessment_is_a_404(client, member):
    client.force_login(member)

    assert client.get("/assessment/999999/").status_code == 404
    assert client.get("/assessment/999999.pdf").status_code == 404


@pytest.mark.parametrize("name", ["assessment_result", "assessment_print", "assessment_pdf"])
def test_a_post_is_refused(client, member, result, name):
    client.force_login(member)

    assert client.post(url(result, name)).status_code == 405


# --- A draft --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["assessment_result", "assessment_print", "assessment_pdf"])
def test_a_draft_sends_who_may_assess_it_to_its_review_and_is_a_404_to_others(
    client, org, member, name
):
    draft = services.start_assessment(member, org)
    publish(org)

    client.force_login(member)
    response = client.get(url(draft, name))
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment_review", args=[draft.pk])

    client.force_login(UserFactory())
    assert client.get(url(draft, name)).status_code == 404
    client.logout()
    assert client.get(url(draft, name)).status_code == 404


def test_a_draft_is_a_404_to_staff_who_see_the_organization_but_may_not_assess_it(
    client, org, member
):
    Organization.objects.filter(pk=org.pk).update(share_with_country=True)
    draft = services.start_assessment(member, org)
    client.force_login(focal_point("TH"))

    assert client.get(url(draft)).status_code == 404


# --- What the page says ---------------------------------------------------------------------


def test_the_page_shows_the_classification_reason_and_the_conditions_met_per_dimension(
    client, org, member
):
    result = assessed(org, by=member, met=PHO)
    client.force_login(member)

    page = main(client.get(url(result)))

    assert "Partial hybrid organization (PHO)" in page
    assert (
        "It meets conditions under exactly two dimensions (social, economic), none under "
        "democratic." in page
    )
    dimensions = re.findall(r'<li class="dimension" data-met="(\w+)">\s*<h3>(.*?)</h3>', page)
    assert dimensions == [
        ("yes", "Social: met"),
        ("yes", "Economic: met"),
        ("no", "Democratic: not met"),
    ]
    conditions = re.findall(r'<li class="condition" data-met="(\w+)">', page)
    assert conditions == ["no", "yes", "yes", "no", "no", "no"]


def test_each_feature_has_its_score_band_and_meaning_in_the_table_and_the_chart(
    client, member, result
):
    client.force_login(member)

    page = main(client.get(url(result)))

    table = page.split('<table class="score-table">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'<th scope="row">(\d)\. .*?</th>\s*<td class="num">(\d+)%</td>\s*'
        r'<td><span class="band" data-band="(\w+)">',
        table,
    )
    assert rows == [
        ("1", "0", "missing"),
        ("2", "100", "practised"),
        ("3", "100", "practised"),
        ("4", "100", "practised"),
        ("5", "25", "weak"),
        ("6", "100", "practised"),
        ("7", "50", "partly"),
    ]
    assert "None of the answers show this feature in practice yet." in table
    assert "<caption>Scores of Chiang Mai Weavers on the seven features of the SSE</caption>" in (
        table
    )
    chart = page.split('<svg xmlns="http://www.w3.org/2000/svg"', 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in chart
    assert re.findall(r'<tspan font-weight="bold">(\d+)%</tspan>', chart) == [
        "0",
        "100",
        "100",
        "100",
        "25",
        "100",
        "50",
    ]


def test_guidance_is_given_for_the_weak_and_missing_features_only(client, member, result):
    for n in range(1, 8):
        FeatureFactory(number=n, how_to_adopt=f"How to adopt feature {n}.")
    module = ModulePageFactory(parent=CoursePageFactory(), slug="features")
    lesson = LessonPageFactory(parent=module, title="Democratic governance", teaches_feature=5)
    workshop = WorkshopFactory(title="Running a general assembly")
    workshop.features.set([FeatureFactory._meta.model.objects.get(number=5)])
    client.force_login(member)

    response = client.get(url(result))

    page = main(response)
    guidance = page.split('<section class="result-guidance"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<h3 id="guidance-(\d)">', guidance) == ["1", "5"]
    assert "How to adopt feature 1." in guidance
    assert "How to adopt feature 5." in guidance
    assert "How to adopt feature 7." not in page  # partly practised: no guidance
    assert "How to adopt feature 2." not in page
    assert f'<a href="{lesson.url}">Democratic governance</a>' in guidance
    assert f'<a href="/workshops/{workshop.pk}/">Running a general assembly</a>' in guidance


def test_a_result_with_no_weak_feature_has_no_guidance_section(client, org, member):
    result = assessed(org, by=member, met=SSEOE)
    client.force_login(member)

    page = main(client.get(url(result)))

    assert "result-guidance" not in page


def test_times_are_shown_in_the_readers_time_zone(client, org, member, result):
    Assessment.objects.filter(pk=result.pk).update(
        submitted_at=datetime(2031, 3, 4, 23, 30, tzinfo=UTC)
    )
    start = datetime(2031, 3, 10, 2, 0, tzinfo=UTC)
    FeatureFactory(number=1)
    WorkshopFactory(title="Economic activity clinic", sessions__start=start).features.set(
        FeatureFactory._meta.model.objects.filter(number=1)
    )
    client.force_login(member)  # Asia/Bangkok, UTC+7

    page = main(client.get(url(result)))

    assert '<time datetime="2031-03-04T23:30:00Z" data-time="datetime">5 Mar 2031, 06:30<' in page
    assert '<time datetime="2031-03-10T02:00:00Z" data-time="datetime">10 Mar 2031, 09:00<' in page
    assert "(Asia/Bangkok)" in page

    tokyo = UserFactory(time_zone="Asia/Tokyo")
    org.memberships.create(user=tokyo)
    client.force_login(tokyo)
    assert ">5 Mar 2031, 08:30</time>" in main(client.get(url(result)))


def test_the_organizations_name_is_escaped_everywhere(client, org, member):
    Organization.objects.filter(pk=org.pk).update(name='<script>alert("x")</script> & Co')
    result = assessed(Organization.objects.get(pk=org.pk), by=member, answers=ANSWERS)
    client.force_login(member)

    page = main(client.get(url(result)))

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page


def test_the_page_links_to_print_pdf_history_organization_and_tapestry(client, org, member, result):
    client.force_login(member)

    page = main(client.get(url(result)))

    for link in (
        url(result, "assessment_print"),
        url(result, "assessment_pdf"),
        reverse("assessment_org_history", args=[org.pk]),
        reverse("assessment_org", args=[org.pk]),
        reverse("tapestry"),
    ):
        assert f'href="{link}"' in page


def test_the_print_page_has_the_same_content_and_no_site_navigation(client, member, result):
    client.force_login(member)

    response = client.get(url(result, "assessment_print"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' not in html
    assert 'class="main-nav"' not in html
    assert "SSE organization or enterprise (SSEOE)" in html
    assert '<table class="score-table">' in html
    assert QUESTION in html
    assert f"http://testserver{url(result)}" in html


def test_the_thai_page_speaks_thai(client, member, result):
    client.force_login(member)

    page = client.get(f"/th{url(result)}").content.decode()

    assert '<html lang="th"' in page
    assert "ประเทศ" in page  # "Country"
    assert "คะแนน" in page  # "Score"


def test_a_draft_of_an_organization_never_assessed_before_does_not_show_a_result(client, org):
    draft = services.start_assessment(org.memberships.get().user, org)
    Organization.objects.filter(pk=org.pk).update(publish_results=True)
    Assessment.objects.filter(pk=draft.pk).update(started_at=timezone.now() - timedelta(days=1))

    assert client.get(url(draft)).status_code == 404
