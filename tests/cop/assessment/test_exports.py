"""/assessment/tapestry.csv: what the tapestry lists under the same filters, every page
of it, published organizations only, read back as a spreadsheet would read it, with no
cell it would run."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from cop.assessment import exports, services
from cop.assessment.classification import SubCondition
from cop.assessment.constants import Answer, Formality, OrgType
from cop.assessment.models import Assessment
from cop.assessment.views import tapestry as views
from core.tables import CSV_CONTENT_TYPE
from tests.accounts.factories import UserFactory

from .factories import OrganizationFactory, assessed, questionnaire

pytestmark = pytest.mark.django_db

CSV = reverse("tapestry_export")
HEADER = [
    "Name",
    "Country",
    "Type",
    "Formal or informal",
    "Year founded",
    "Members",
    "Classification",
    "Date assessed",
    "Feature 1: Economic activity (score, %)",
    "Feature 2: Collective and/or general interest (score, %)",
    "Feature 3: Voluntary cooperation (score, %)",
    "Feature 4: Mutual aid (score, %)",
    "Feature 5: Democratic and/or participatory governance (score, %)",
    "Feature 6: Autonomy and independence (score, %)",
    "Feature 7: Primacy of people and social purpose over capital (score, %)",
]
PHO = [SubCondition.PUBLIC_INTEREST, SubCondition.SERVICE]
NO, PARTLY, YES = Answer.NO, Answer.PARTLY, Answer.YES


@pytest.fixture(autouse=True)
def questions():
    return questionnaire()


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == CSV_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="sse-tapestry-')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def organization(name, *, publish=True, answers=None, met=(), submitted=None, **fields):
    admin = UserFactory()
    org = OrganizationFactory(name=name, admins=[admin], **fields)
    assessment = assessed(org, by=admin, answers=answers, met=met)
    if submitted:
        Assessment.objects.filter(pk=assessment.pk).update(submitted_at=submitted)
    if publish:
        services.set_sharing(admin, org, publish_results=True, share_with_country=False)
    return org


def test_the_export_holds_every_field_and_the_score_of_each_feature(client):
    organization(
        "Hue Handicraft Cooperative",
        country="VN",
        org_type=OrgType.COOPERATIVE,
        formality=Formality.INFORMAL,
        year_founded=1998,
        members_count=45,
        answers={1: [YES, PARTLY], 5: [NO, NO], 7: [PARTLY, NO]},
        met=PHO,
        submitted=datetime(2026, 4, 30, 18, 0, tzinfo=UTC),
    )

    rows = csv_rows(client.get(CSV))

    assert rows == [
        HEADER,
        [
            "Hue Handicraft Cooperative",
            "Viet Nam",
            "Cooperative",
            "Informal (not registered)",
            "1998",
            "45",
            "Partial hybrid organization (PHO)",
            "2026-04-30",
            "75",
            "100",
            "100",
            "100",
            "0",
            "100",
            "25",
        ],
    ]


def test_the_date_assessed_is_the_readers_day(client):
    organization("Evening Cooperative", submitted=datetime(2026, 4, 30, 18, 0, tzinfo=UTC))
    client.force_login(UserFactory(time_zone="Asia/Bangkok"))

    [_header, row] = csv_rows(client.get(CSV))

    assert row[7] == "2026-05-01"


def test_unknown_year_and_members_are_empty_cells(client):
    organization("Informal Savings Group", year_founded=None, members_count=None)

    [_header, row] = csv_rows(client.get(CSV))

    assert row[4:6] == ["", ""]


def test_the_export_is_what_the_filters_list_every_page_published_only(client):
    organization("Bangkok Housing Cooperative")
    organization("Chiang Mai Unpublished Cooperative", publish=False)
    organization("Seoul Coffee Cooperative", country="KR")
    organization("Lampang Mutual", org_type=OrgType.MUTUAL)

    everything = csv_rows(client.get(CSV))
    thai_cooperatives = csv_rows(client.get(CSV, {"country": "TH", "org_type": "cooperative"}))

    assert [row[0] for row in everything[1:]] == [
        "Bangkok Housing Cooperative",
        "Lampang Mutual",
        "Seoul Coffee Cooperative",
    ]
    assert [row[0] for row in thai_cooperatives[1:]] == ["Bangkok Housing Cooperative"]
    assert "Unpublished" not in client.get(CSV, {"q": "Unpublished"}).content.decode()


def test_more_than_one_page_is_exported(client):
    from .tapestry_data import bulk_assessed

    bulk_assessed(40)  # 30 published: two pages of the tapestry

    rows = csv_rows(client.get(CSV))

    assert len(rows) == 1 + 30


def test_a_cell_a_spreadsheet_would_run_is_shown_as_written(client):
    organization('=HYPERLINK("http://evil.example","Click")', legal_form="x")
    organization("@SUM(1+1)")

    rows = csv_rows(client.get(CSV))

    assert sorted(row[0] for row in rows[1:]) == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "'@SUM(1+1)",
    ]


def test_bad_filters_refuse_the_export_with_the_page_and_a_400(client):
    organization("Bangkok Housing Cooperative")

    response = client.get(CSV, {"country": "XX"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Correct the filters to export." in html
    assert 'id="id_country_error"' in html


def test_more_rows_than_an_export_holds_are_refused_with_a_note(client, monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 2)
    for n in range(3):
        organization(f"Cooperative {n}")

    response = client.get(CSV)

    assert response.status_code == 400
    assert "An export holds at most 2 organizations" in response.content.decode()
    assert client.get(CSV, {"q": "Cooperative 1"}).status_code == 200


def test_exports_are_rate_limited_per_reader(client):
    organization("Bangkok Housing Cooperative")
    for _ in range(views.EXPORTS_PER_WINDOW):
        assert client.get(CSV).status_code == 200

    assert client.get(CSV).status_code == 429  # this address, anonymous
    client.force_login(UserFactory())
    assert client.get(CSV).status_code == 200  # a member counts apart
