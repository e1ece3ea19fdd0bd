"""The filters of /activities/: each one narrows the list (and the export) to what it
names, and a value the form does not accept answers 400 with the field's error."""

from datetime import date

import pytest

from accounts.constants import Constituency
from cop.activities.constants import Kind, Status
from cop.activities.filters import overlapping
from cop.activities.models import Activity
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db

URL = "/activities/"


@pytest.fixture
def member(client):
    client.force_login(UserFactory())
    return client


def listed(client, **query):
    response = client.get(URL, query)
    assert response.status_code == 200, response.context["filter"].form.errors
    return sorted(a.title for a in response.context["page_obj"].object_list)


def with_constituencies(codes, **fields):
    activity = ActivityFactory(**fields)
    activity.constituency_list = codes
    activity.save()
    return activity


def test_country_takes_an_iso_code_or_regional(member):
    ActivityFactory(country="TH", title="Thai")
    ActivityFactory(country="KH", title="Khmer")
    ActivityFactory(country="", title="Regional")

    assert listed(member, country="TH") == ["Thai"]
    assert listed(member, country="regional") == ["Regional"]
    assert listed(member) == ["Khmer", "Regional", "Thai"]


def test_status_and_type(member):
    ActivityFactory(title="Dialogue planned", kind=Kind.POLICY_DIALOGUE, status=Status.PLANNED)
    ActivityFactory(title="Dialogue done", kind=Kind.POLICY_DIALOGUE, status=Status.COMPLETED)
    ActivityFactory(title="Review done", kind=Kind.LEGAL_REVIEW, status=Status.COMPLETED)

    assert listed(member, status="completed") == ["Dialogue done", "Review done"]
    assert listed(member, kind="policy_dialogue") == ["Dialogue done", "Dialogue planned"]
    assert listed(member, kind="policy_dialogue", status="completed") == ["Dialogue done"]


def test_constituency_matches_one_code_among_several(member):
    with_constituencies([Constituency.GOVERNMENT, Constituency.WORKERS], title="Tripartite")
    with_constituencies([Constituency.SSE], title="Cooperatives")
    # "workers" must not match inside another code, nor an empty list.
    ActivityFactory(title="None named")

    assert listed(member, constituency="workers") == ["Tripartite"]
    assert listed(member, constituency="sse") == ["Cooperatives"]
    assert listed(member, constituency="employers") == []


def test_words_must_all_appear_in_the_title_the_description_or_the_lead(member):
    ActivityFactory(title="Cooperative law review", description="", lead_organization="")
    ActivityFactory(
        title="Dialogue",
        description="On the cooperative *law*",
        lead_organization="Ministry of Labour",
    )
    ActivityFactory(title="Awareness", description="", lead_organization="Cooperative League")

    assert listed(member, q="cooperative") == ["Awareness", "Cooperative law review", "Dialogue"]
    assert listed(member, q="COOPERATIVE law") == ["Cooperative law review", "Dialogue"]
    assert listed(member, q="law labour") == ["Dialogue"]
    assert listed(member, q="   ") == ["Awareness", "Cooperative law review", "Dialogue"]


def test_words_in_thai_are_found(member):
    ActivityFactory(title="ประชุมคณะกรรมการที่ปรึกษา")
    assert listed(member, q="คณะกรรมการ") == ["ประชุมคณะกรรมการที่ปรึกษา"]


def test_period_keeps_activities_whose_planned_or_actual_dates_overlap_the_quarter(member):
    ActivityFactory(
        title="Planned across", planned_start=date(2025, 12, 1), planned_end=date(2026, 2, 1)
    )
    ActivityFactory(title="Planned one day", planned_start=date(2026, 3, 31))
    ActivityFactory(
        title="Planned before", planned_start=date(2025, 11, 1), planned_end=date(2025, 12, 31)
    )
    ActivityFactory(
        title="Slipped in",
        planned_start=date(2025, 10, 1),
        planned_end=date(2025, 10, 2),
        actual_start=date(2026, 1, 15),
        actual_end=date(2026, 1, 16),
    )
    ActivityFactory(title="Still going on", actual_start=date(2025, 6, 1))
    ActivityFactory(title="Undated")

    assert listed(member, period="2026-Q1") == [
        "Planned across",
        "Planned one day",
        "Slipped in",
        "Still going on",
    ]
    assert listed(member, period="2026-q1") == listed(member, period="2026-Q1")


def test_an_activity_going_on_is_not_in_a_quarter_still_to_come():
    ActivityFactory(title="Going on", actual_start=date(2026, 1, 1))
    later = Period(2026, 4)
    today = date(2026, 11, 2)

    assert not Activity.objects.filter(overlapping(later.next(), today=today)).exists()
    assert Activity.objects.filter(overlapping(later, today=today)).exists()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"country": "ZZ"}, "country", "Select a valid choice"),
        ({"status": "finished"}, "status", "Select a valid choice"),
        ({"kind": "party"}, "kind", "Select a valid choice"),
        ({"constituency": "workers,"}, "constituency", "Select a valid choice"),
        ({"period": "2026-Q5"}, "period", "A period is written like 2026-Q4."),
        ({"period": "1999-Q1"}, "period", "A period is written like 2026-Q4."),
        ({"period": "next quarter"}, "period", "A period is written like 2026-Q4."),
        ({"q": "x" * 201}, "q", "at most 200 characters"),
    ],
)
def test_a_bad_value_answers_400_with_the_fields_error(member, query, field, message):
    ActivityFactory(title="Thai")

    response = member.get(URL, query)

    assert response.status_code == 400
    errors = response.context["filter"].form.errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert message.encode() in response.content.replace(b"&#x27;", b"'")
    # The bad filter is left out: the rest of the page is still there.
    assert [a.title for a in response.context["page_obj"].object_list] == ["Thai"]


def test_a_bad_drafts_value_from_a_manager_is_a_400(client):
    client.force_login(focal_point("TH"))
    response = client.get(URL, {"drafts": "yes"})
    assert response.status_code == 400
    assert list(response.context["filter"].form.errors) == ["drafts"]


def test_the_form_offers_drafts_only_to_managers(client):
    client.force_login(UserFactory())
    assert "drafts" not in client.get(URL).context["filter"].form.fields
    client.force_login(focal_point("TH"))
    assert "drafts" in client.get(URL).context["filter"].form.fields
