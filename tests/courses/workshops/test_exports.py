"""The participants' export: CSV (UTF-8 with a BOM) and XLSX, with the formula guard."""

import csv
import io
from datetime import UTC, datetime

import openpyxl
import pytest
from django.urls import reverse

from accounts.constants import Role
from core.tables import safe_cell
from courses.workshops.constants import AttendanceStatus, CheckIn, RegistrationStatus
from courses.workshops.models import Attendance, Registration
from tests.courses.workshops.factories import RegistrationFactory, WorkshopFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Somchai", "ស្រីមុំ", "", " =not first", 3, None])
def test_other_values_are_left_alone(value):
    assert safe_cell(value) == value


@pytest.fixture
def trainer():
    return UserFactory(roles=[Role.TRAINER])


@pytest.fixture
def workshop(trainer):
    start = datetime(2031, 3, 4, 2, 0, tzinfo=UTC)  # 09:00 in Bangkok
    return WorkshopFactory(trainers=[trainer], sessions=2, sessions__start=start)


@pytest.fixture
def registrations(workshop):
    """A confirmed participant with a hostile name who came to the first session only,
    and one on the waiting list."""
    hostile = RegistrationFactory(
        workshop=workshop,
        user=UserFactory(name="=cmd|' /C calc'!A0", email="h@example.net", organization="@evil"),
    )
    Registration.objects.filter(pk=hostile.pk).update(
        registered_at=datetime(2026, 1, 10, 3, 30, tzinfo=UTC)
    )
    first, second = workshop.sessions.order_by("starts_at")
    Attendance.objects.create(
        session=first,
        registration=hostile,
        status=AttendanceStatus.PRESENT,
        method=CheckIn.ROSTER,
    )
    Attendance.objects.create(
        session=second,
        registration=hostile,
        status=AttendanceStatus.ABSENT,
        method=CheckIn.ROSTER,
    )
    waiting = RegistrationFactory(
        workshop=workshop,
        user=UserFactory(name="สมศรี", email="w@example.net", organization="Thai Co-op"),
        status=RegistrationStatus.WAITING,
    )
    return hostile, waiting


def test_the_csv_has_a_bom_every_participant_and_no_runnable_cell(
    client, trainer, workshop, registrations
):
    client.force_login(trainer)

    response = client.get(reverse("workshop_export", args=[workshop.pk, "csv"]))

    body = response.content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="workshop-{workshop.pk}-participants.csv"'
    )
    assert body.startswith("\ufeff")
    assert rows[0][:9] == [
        "Name",
        "E-mail",
        "Organization",
        "Country",
        "Constituency",
        "Gender",
        "Status",
        "Waiting position",
        "Registered at (Asia/Bangkok)",
    ]
    assert rows[0][9:] == ["Attendance: 2031-03-04 09:00", "Attendance: 2031-03-05 09:00"]
    assert rows[1] == [
        "'=cmd|' /C calc'!A0",
        "h@example.net",
        "'@evil",
        "TH",
        "Cooperative or SSE organization",
        "",
        "Confirmed",
        "",
        "2026-01-10 10:30",
        "Present",
        "Absent",
    ]
    assert rows[2][:8] == [
        "สมศรี",
        "w@example.net",
        "Thai Co-op",
        "TH",
        "Cooperative or SSE organization",
        "",
        "On the waiting list",
        "1",
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_xlsx_reads_back_with_every_cell_neutralised(client, trainer, workshop, registrations):
    client.force_login(trainer)

    response = client.get(reverse("workshop_export", args=[workshop.pk, "xlsx"]))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert rows[1][:3] == ["'=cmd|' /C calc'!A0", "h@example.net", "'@evil"]
    assert rows[1][9:] == ["Present", "Absent"]
    assert rows[2][0] == "สมศรี"
    assert rows[2][7] == 1
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), (
        "no cell is a formula"
    )


def test_an_unknown_format_is_404(client, trainer, workshop):
    client.force_login(trainer)

    assert client.get(f"/workshops/manage/{workshop.pk}/participants.pdf").status_code == 404


def test_another_trainer_cannot_export(client, workshop, registrations):
    client.force_login(UserFactory(roles=[Role.TRAINER]))

    assert client.get(reverse("workshop_export", args=[workshop.pk, "csv"])).status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_the_export_makes_the_same_number_of_queries(
    client, django_assert_num_queries, trainer, workshop, count
):
    RegistrationFactory.create_batch(count, workshop=workshop)
    client.force_login(trainer)

    # session, user, the workshop, the user's roles, whether they run it, the sessions,
    # the registrations with their members, their attendance.
    with django_assert_num_queries(7):
        response = client.get(reverse("workshop_export", args=[workshop.pk, "xlsx"]))

    assert response.status_code == 200
