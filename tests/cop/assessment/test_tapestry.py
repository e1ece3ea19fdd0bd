"""/assessment/tapestry/: the published organizations (and only they) by country and
type with the features they practise; the aggregates per country over every assessed
organization, "Too few to show" below three; the filters and their bad values."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from cop.assessment import services
from cop.assessment.classification import Classification, SubCondition
from cop.assessment.constants import Answer, OrgType
from cop.assessment.models import Assessment
from tests.accounts.factories import UserFactory

from .factories import OrganizationFactory, assessed, questionnaire

pytestmark = pytest.mark.django_db

URL = reverse("tapestry")
SSEOE = [SubCondition.SOCIAL_PROBLEM, SubCondition.PRODUCTIVE, SubCondition.DEMOCRATIC_GOVERNANCE]
PHO = [SubCondition.SOCIAL_PROBLEM, SubCondition.PRODUCTIVE]
OUTSIDE = [SubCondition.SERVICE]
NO, PARTLY, YES = Answer.NO, Answer.PARTLY, Answer.YES


@pytest.fixture(autouse=True)
def questions():
    return questionnaire()


def assessed_org(
    name, *, country="TH", org_type=OrgType.COOPERATIVE, met=SSEOE, answers=None, publish=True
):
    """An organization its administrator assessed (every feature practised unless
    `answers` say otherwise) and, with `publish`, published."""
    admin = UserFactory()
    org = OrganizationFactory(name=name, country=country, org_type=org_type, admins=[admin])
    assessed(org, by=admin, answers=answers, met=met)
    if publish:
        services.set_sharing(admin, org, publish_results=True, share_with_country=False)
    org.refresh_from_db()
    org.admin = admin
    return org


def group(response, code):
    return next(g for g in response.context["groups"] if g.code == code)


def row_html(html, code):
    """The aggregates' table row of `code` ("region" for the region)."""
    return re.search(rf'<tr data-country="{code}".*?</tr>', html, re.DOTALL).group(0)


def names(response):
    return [org.name for org in response.context["page_obj"].object_list]


def test_published_organizations_are_listed_with_their_features_and_result_link(client):
    org = assessed_org(
        "Khon Kaen Weavers",
        org_type=OrgType.SOCIAL_ENTERPRISE,
        answers={5: [NO, NO], 3: [PARTLY, NO]},
    )

    response = client.get(URL)

    assert response.status_code == 200
    [card] = response.context["page_obj"].object_list
    assert [str(f) for f in card.practised] == [
        "1. Economic activity",
        "2. Collective and/or general interest",
        "4. Mutual aid",
        "6. Autonomy and independence",
        "7. Primacy of people and social purpose over capital",
    ]
    assert [str(f) for f in card.needs_work] == [
        "3. Voluntary cooperation",
        "5. Democratic and/or participatory governance",
    ]
    html = response.content.decode()
    result = reverse("assessment_result", args=[org.latest_assessment_id])
    assert f'<a href="{result}">Khon Kaen Weavers</a>' in html
    assert "Thailand · Social enterprise" in html
    assert "SSE organization or enterprise (SSEOE)" in html


def test_the_list_is_ordered_by_country_in_programme_order_then_name(client):
    assessed_org("Zebu Herders", country="KH")
    assessed_org("Bago Weavers", country="TH")
    assessed_org("Aral Savings", country="TH")
    assessed_org("Andes Coffee", country="KR")

    assert names(client.get(URL)) == [
        "Zebu Herders",
        "Aral Savings",
        "Bago Weavers",
        "Andes Coffee",
    ]


def test_an_unpublished_organization_is_never_named_even_alone_in_its_country_and_type(client):
    assessed_org("Gobi Secret Herders", country="MN", org_type=OrgType.MUTUAL, publish=False)
    assessed_org("Chiang Mai Growers")
    member = UserFactory()

    for reader in (None, member):
        if reader:
            client.force_login(reader)
        for query in (
            {},
            {"country": "MN"},
            {"org_type": OrgType.MUTUAL},
            {"country": "MN", "org_type": OrgType.MUTUAL},
            {"q": "Herders"},
        ):
            html = client.get(URL, query).content.decode()
            assert "Gobi Secret" not in html
        csv = client.get(reverse("tapestry_export"), {"country": "MN"}).content.decode()
        assert "Gobi" not in csv
        found = client.get(reverse("search"), {"q": "Gobi herders"}).content.decode()
        assert "Gobi Secret Herders" not in found


def test_an_organization_that_has_not_published_yet_is_listed_once_it_does(client):
    org = assessed_org("Isan Rice Bank", publish=False)
    assert names(client.get(URL)) == []

    services.set_sharing(org.admin, org, publish_results=True, share_with_country=False)

    assert names(client.get(URL)) == ["Isan Rice Bank"]


def test_an_organization_without_a_submitted_result_is_neither_listed_nor_counted(client):
    admin = UserFactory()
    org = OrganizationFactory(name="Draft Only Cooperative", admins=[admin])
    services.set_sharing(admin, org, publish_results=True, share_with_country=False)
    services.start_assessment(admin, org)
    for n in range(3):
        assessed_org(f"Counted {n}")

    response = client.get(URL)

    assert "Draft Only Cooperative" not in response.content.decode()
    assert group(response, "TH").assessed == 3


def test_aggregates_count_every_assessed_organization_published_or_not(client):
    assessed_org("Published SSEOE", answers={5: [NO, NO]})
    assessed_org("Unpublished SSEOE", answers={5: [PARTLY, NO], 3: [NO, PARTLY]}, publish=False)
    assessed_org("Unpublished PHO", met=PHO, answers={5: [NO, NO]}, publish=False)
    assessed_org("Unpublished outside", met=OUTSIDE, answers={2: [PARTLY, PARTLY]}, publish=False)

    response = client.get(URL)

    thailand = group(response, "TH")
    assert thailand.shown
    assert thailand.assessed == 4
    assert thailand.classified == [
        (Classification.SSEOE, "SSE organization or enterprise (SSEOE)", 2),
        (Classification.PHO, "Partial hybrid organization (PHO)", 1),
        (Classification.OUTSIDE, "Outside the SSE as mapped", 1),
    ]
    # Feature 5 weak or missing in three (the democratic deficit), feature 3 in one;
    # feature 2 at 50 % is "partly", not weak.
    assert [(f.number, f.count) for f in thailand.missing] == [(5, 3), (3, 1)]
    html = row_html(response.content.decode(), "TH")
    assert "5. Democratic and/or participatory governance" in html
    assert "(3 organizations)" in html
    assert names(response) == ["Published SSEOE"]


def test_only_the_latest_result_counts(client):
    org = assessed_org("Changed Cooperative", answers={5: [NO, NO]})
    assessed(org, by=org.admin, met=PHO)  # later: PHO, feature 5 practised
    assessed_org("Second", met=PHO)
    assessed_org("Third", met=PHO)

    response = client.get(URL)

    thailand = group(response, "TH")
    assert thailand.assessed == 3
    assert [count for _code, _label, count in thailand.classified] == [0, 3, 0]
    assert thailand.missing == []
    assert "None" in row_html(response.content.decode(), "TH")


def test_a_country_of_fewer_than_three_shows_too_few_to_show_and_no_figure(client):
    assessed_org("Phnom Penh Savers", country="KH", met=PHO, answers={5: [NO, NO]})
    assessed_org("Siem Reap Weavers", country="KH", publish=False)

    response = client.get(URL)

    cambodia = group(response, "KH")
    assert not cambodia.shown
    assert (cambodia.assessed, cambodia.classified, cambodia.missing) == (None, [], [])
    row = row_html(response.content.decode(), "KH")
    assert "Too few to show" in row
    assert re.sub(r"<[^>]*>|\s+", " ", row).split() == ["Cambodia", "Too", "few", "to", "show"]
    # Every other country, with none, is too few as well: zero is not told apart.
    assert "Too few to show" in row_html(response.content.decode(), "LA")


def test_at_exactly_three_a_country_shows_its_figures(client):
    assessed_org("One", country="KH", publish=False)
    assessed_org("Two", country="KH", publish=False)
    assert not group(client.get(URL), "KH").shown

    assessed_org("Three", country="KH", met=OUTSIDE, publish=False)

    response = client.get(URL)
    cambodia = group(response, "KH")
    assert cambodia.shown
    assert cambodia.assessed == 3
    assert [count for _code, _label, count in cambodia.classified] == [2, 0, 1]
    row = row_html(response.content.decode(), "KH")
    assert "Too few to show" not in row
    assert '<td class="num">3</td>' in row


def test_the_region_adds_up_the_countries_shown_so_a_small_one_cannot_be_worked_out(client):
    for n in range(3):
        assessed_org(f"Thai {n}", answers={5: [NO, NO]})
    for n in range(4):
        assessed_org(f"Korean {n}", country="KR", met=PHO)
    assessed_org("Lone Lao", country="LA", met=OUTSIDE, answers={5: [NO, NO]})
    assessed_org("Another Lao", country="LA", met=OUTSIDE, publish=False)

    response = client.get(URL)

    region = response.context["region"]
    assert region.shown
    assert region.assessed == 7  # Thailand and Korea; Lao PDR's two left out
    assert [count for _code, _label, count in region.classified] == [3, 4, 0]
    assert [(f.number, f.count) for f in region.missing] == [(5, 3)]
    assert "The region (countries shown)" in row_html(response.content.decode(), "region")


def test_a_region_with_no_country_shown_is_too_few_to_show(client):
    assessed_org("Alone", country="JP")

    region = client.get(URL).context["region"]

    assert not region.shown
    assert region.assessed is None


def test_the_aggregates_follow_the_country_and_type_filters_only(client):
    for n in range(3):
        assessed_org(f"Thai cooperative {n}")
    assessed_org("Thai mutual", org_type=OrgType.MUTUAL, met=PHO)
    for n in range(3):
        assessed_org(f"Korean cooperative {n}", country="KR", met=PHO)

    by_country = client.get(URL, {"country": "TH"})
    by_type = client.get(URL, {"org_type": OrgType.MUTUAL})
    by_class = client.get(URL, {"classification": Classification.PHO})

    assert [g.code for g in by_country.context["groups"]] == ["TH"]
    assert by_country.context["region"] is None
    assert group(by_country, "TH").assessed == 4
    assert not group(by_type, "TH").shown  # one mutual
    assert by_type.context["region"].shown is False
    # A classification narrows the list, not the aggregates.
    assert group(by_class, "TH").assessed == 4
    assert group(by_class, "KR").assessed == 3
    assert names(by_class) == [
        "Thai mutual",
        "Korean cooperative 0",
        "Korean cooperative 1",
        "Korean cooperative 2",
    ]


def test_the_filters_narrow_the_list(client):
    assessed_org("Bangkok Housing Cooperative")
    assessed_org(
        "Hanoi Care Mutual", country="VN", org_type=OrgType.MUTUAL, met=PHO, answers={5: [NO, NO]}
    )
    assessed_org("Manila Credit Union", country="PH", met=OUTSIDE, answers={1: [PARTLY, NO]})

    assert names(client.get(URL, {"country": "VN"})) == ["Hanoi Care Mutual"]
    assert names(client.get(URL, {"org_type": OrgType.COOPERATIVE})) == [
        "Bangkok Housing Cooperative",
        "Manila Credit Union",
    ]
    assert names(client.get(URL, {"classification": Classification.OUTSIDE})) == [
        "Manila Credit Union"
    ]
    assert names(client.get(URL, {"feature": "5"})) == [
        "Bangkok Housing Cooperative",
        "Manila Credit Union",
    ]
    assert names(client.get(URL, {"feature": "1"})) == [
        "Bangkok Housing Cooperative",
        "Hanoi Care Mutual",
    ]
    assert names(client.get(URL, {"q": "cooperative housing"})) == ["Bangkok Housing Cooperative"]
    assert names(client.get(URL, {"q": "  CARE  "})) == ["Hanoi Care Mutual"]
    assert names(client.get(URL, {"q": "cooperative manila"})) == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"country": "regional"}, "country"),
        ({"org_type": "church"}, "org_type"),
        ({"classification": "sse"}, "classification"),
        ({"feature": "8"}, "feature"),
        ({"feature": "0"}, "feature"),
        ({"feature": "five"}, "feature"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_a_bad_filter_value_is_left_out_with_its_error_and_a_400(client, query, field):
    assessed_org("Bangkok Housing Cooperative")
    assessed_org("Seoul Coffee Cooperative", country="KR")

    response = client.get(URL, {**query, "org_type": query.get("org_type", OrgType.COOPERATIVE)})

    assert response.status_code == 400
    assert field in response.context["filter"].form.errors
    html = response.content.decode()
    assert "Some filters could not be used and were left out" in html
    assert f'id="id_{field}_error"' in html
    assert names(response) == ["Bangkok Housing Cooperative", "Seoul Coffee Cooperative"]


def test_odd_page_numbers_show_a_page_and_25_a_page(client):
    from .tapestry_data import bulk_assessed

    bulk_assessed(40)  # 30 of them published

    first = client.get(URL, {"page": "x"})
    last = client.get(URL, {"page": "99"})
    second = client.get(URL, {"page": "2"})

    assert first.status_code == last.status_code == 200
    assert len(names(first)) == 25
    assert names(last) == names(second)
    assert len(names(second)) == 5
    assert "Page 2 of 2" in second.content.decode()


def test_the_date_assessed_is_shown_in_the_readers_time_zone(client):
    org = assessed_org("Late Night Cooperative")
    Assessment.objects.filter(pk=org.latest_assessment_id).update(
        submitted_at=datetime(2026, 3, 1, 20, 30, tzinfo=UTC)
    )

    anonymous = client.get(URL).content.decode()
    client.force_login(UserFactory(time_zone="Asia/Bangkok"))
    in_bangkok = client.get(URL).content.decode()

    assert "1 Mar 2026" in anonymous
    assert "2 Mar 2026" in in_bangkok


def test_the_tapestry_refuses_anything_but_get(client):
    assert client.post(URL).status_code == 405


def test_the_tapestry_speaks_the_readers_language(client):
    assessed_org("Chiang Rai Tea Cooperative")

    response = client.get("/th/assessment/tapestry/")

    assert response.status_code == 200
    assert response.context["LANGUAGE_CODE"] == "th"
    assert "Chiang Rai Tea Cooperative" in response.content.decode()
