"""/activities/export.csv and .xlsx: exactly what the same filters list (every page),
read back as a spreadsheet would read them, with no cell it would run and never a row
the reader may not see."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse

from accounts.constants import Constituency
from cop.activities import exports
from cop.activities.constants import Kind, Status
from core.tables import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory, IndicatorFactory

pytestmark = pytest.mark.django_db

CSV = reverse("activities_export", args=["csv"])
XLSX = reverse("activities_export", args=["xlsx"])
HEADER = [
    "ID",
    "Country",
    "Type",
    "Title",
    "Status",
    "Planned start",
    "Planned end",
    "Actual start",
    "Actual end",
    "Lead organization",
    "Constituencies involved",
    "Owners",
    "Indicators",
    "Address",
]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture
def hostile():
    """A Thai activity with everything filled in, whose text a spreadsheet would run."""
    activity = ActivityFactory(
        country="TH",
        kind=Kind.POLICY_DIALOGUE,
        title='=HYPERLINK("http://evil.example","Open")',
        status=Status.IN_PROGRESS,
        planned_start=date(2026, 10, 1),
        planned_end=date(2026, 12, 15),
        actual_start=date(2026, 10, 20),
        lead_organization="+cmd|' /C calc'!A0",
        owners=[UserFactory(name="@Somchai"), UserFactory(name="Anong")],
        indicators=2,
    )
    activity.constituency_list = [Constituency.WORKERS, Constituency.GOVERNMENT]
    activity.save()
    return activity


def test_the_csv_holds_every_column_with_no_runnable_cell(client, hostile):
    client.force_login(UserFactory())

    response = client.get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"] == CSV_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="follow-up-activities-')
    header, row = csv_rows(response)
    assert header == HEADER
    assert row == [
        str(hostile.pk),
        "Thailand",
        "Policy dialogue",
        '\'=HYPERLINK("http://evil.example","Open")',
        "In progress",
        "2026-10-01",
        "2026-12-15",
        "2026-10-20",
        "",
        "'+cmd|' /C calc'!A0",
        "Government; Workers' organization",
        "'@Somchai; Anong",
        "2",
        f"{settings.SITE_URL}/activities/{hostile.pk}/",
    ]


def test_the_xlsx_holds_the_same_cells(client, hostile):
    client.force_login(UserFactory())

    response = client.get(XLSX)

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    header, row = xlsx_rows(response)
    assert header == HEADER
    assert row[0] == hostile.pk
    assert row[3] == '\'=HYPERLINK("http://evil.example","Open")'
    assert row[5:9] == ["2026-10-01", "2026-12-15", "2026-10-20", None]
    assert row[9] == "'+cmd|' /C calc'!A0"
    assert row[11] == "'@Somchai; Anong"
    assert row[12] == 2


def test_no_cell_of_the_xlsx_is_a_formula(client, hostile):
    client.force_login(UserFactory())
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(XLSX).content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_export_is_what_the_filters_show_across_every_page(client):
    for n in range(30):
        ActivityFactory(country="KH", title=f"Khmer {n}", status=Status.PLANNED)
    ActivityFactory(country="KH", title="Khmer done", status=Status.COMPLETED)
    ActivityFactory(country="TH", title="Thai")
    client.force_login(UserFactory())

    _header, *rows = csv_rows(client.get(CSV, {"country": "KH", "status": "planned", "page": 2}))

    assert sorted(row[3] for row in rows) == sorted(f"Khmer {n}" for n in range(30))


def test_a_member_exports_no_draft(client):
    ActivityFactory(country="TH", title="Thai published")
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    client.force_login(UserFactory())

    _header, *rows = csv_rows(client.get(CSV))

    assert [row[3] for row in rows] == ["Thai published"]
    assert client.get(CSV, {"drafts": "1"}).status_code == 404


def test_a_focal_point_exports_its_countrys_drafts_and_never_anothers(client):
    ActivityFactory(country="KH", title="Khmer draft", is_draft=True)
    ActivityFactory(country="TH", title="Thai draft", is_draft=True)
    client.force_login(focal_point("KH"))

    _header, *rows = csv_rows(client.get(CSV, {"drafts": "1"}))

    assert [row[3] for row in rows] == ["Khmer draft"]
    assert client.get(CSV, {"drafts": "1", "country": "TH"}).status_code == 404
    assert client.get(XLSX, {"drafts": "1", "country": "TH"}).status_code == 404
    _header, *published = csv_rows(client.get(CSV, {"country": "TH"}))
    assert published == []


def test_anonymous_readers_are_sent_to_log_in(client):
    response = client.get(CSV)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_format_is_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("activities_export", args=["pdf"])).status_code == 404
    assert client.get("/activities/export.CSV").status_code == 404


def test_bad_filters_export_nothing_and_say_why(client):
    ActivityFactory(title="Thai")
    client.force_login(UserFactory())

    response = client.get(CSV, {"status": "finished"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert b"Correct the filters to export." in response.content
    assert list(response.context["filter"].form.errors) == ["status"]


def test_more_rows_than_an_export_holds_are_refused_with_a_note(client, monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 3)
    for n in range(4):
        ActivityFactory(title=f"Thai {n}")
    client.force_login(UserFactory())

    response = client.get(CSV)

    assert response.status_code == 400
    assert b"An export holds at most 3 activities: narrow the filters" in response.content
    _header, *rows = csv_rows(client.get(CSV, {"q": "Thai 1"}))
    assert len(rows) == 1


def test_the_indicator_count_is_per_activity(client):
    one = ActivityFactory(title="One")
    IndicatorFactory(activity=one)
    ActivityFactory(title="None")
    client.force_login(UserFactory())

    _header, *rows = csv_rows(client.get(CSV))

    assert sorted((row[3], row[12]) for row in rows) == [("None", "0"), ("One", "1")]
