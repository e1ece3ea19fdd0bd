"""Attendance certificates: verified at the same public URLs as course certificates
(/certificates/<code>/ and .pdf), the PDF in every script, and listed on /learn/."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from accounts.constants import Role
from courses.models import Certificate
from courses.workshops import attendance
from courses.workshops.constants import AttendanceStatus as A
from courses.workshops.models import AttendanceCertificate
from tests.courses.test_pdf import embedded_fonts, extracted_lines
from tests.factories import UserFactory

from .factories import RegistrationFactory, SessionFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

BANGKOK = ZoneInfo("Asia/Bangkok")


def certified(name, title="Cooperative governance in practice"):
    """A participant called `name` who attended both days (3-4 March 2027) of `title`."""
    trainer = UserFactory(roles=[Role.TRAINER])
    workshop = WorkshopFactory(trainers=[trainer], sessions=0, title=title)
    for day in (3, 4):
        start = datetime(2027, 3, day, 9, 0, tzinfo=BANGKOK)
        SessionFactory(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=6))
    registration = RegistrationFactory(workshop=workshop, user=UserFactory(name=name))
    for session in workshop.sessions.all():
        attendance.mark_roster(
            session, {registration.pk: A.PRESENT}, by=trainer, now=session.ends_at
        )
    return AttendanceCertificate.objects.get(registration=registration)


def test_the_public_page_verifies_an_attendance_certificate(client):
    certificate = certified("Ana Lim")

    response = client.get(f"/certificates/{certificate.code}/")  # anonymous

    html = response.content.decode()
    assert response.status_code == 200
    assert "Verified certificate of attendance" in html
    assert "Ana Lim" in html
    assert "Cooperative governance in practice" in html
    assert "held on 3\u20134 March 2027" in html
    assert f"/certificates/{certificate.code}.pdf" in html


def test_course_certificates_are_still_found_first_and_unknown_codes_are_404(client):
    person = UserFactory(name="Course Person")
    course = Certificate.objects.create(
        user=person, course_key="00000000-0000-0000-0000-000000000001", name=person.name,
        course_title="Understanding the SSE",
    )  # fmt: skip
    html = client.get(f"/certificates/{course.code}/").content.decode()
    assert "completed the course" in html
    assert "attended" not in html

    assert client.get("/certificates/NOSUCHCODE12345/").status_code == 404
    assert client.get("/certificates/NOSUCHCODE12345.pdf").status_code == 404


@pytest.mark.parametrize(
    ("name", "script_font"),
    [("สมชาย ใจดี", "NotoSansThai"), ("សុខ ដារ៉ា", "NotoSansKhmer")],
)
def test_the_pdf_says_attended_with_the_name_in_its_own_script(client, name, script_font):
    certificate = certified(name, title="ការបណ្តុះបណ្តាល SSE")

    response = client.get(f"/certificates/{certificate.code}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    lines = extracted_lines(reader)
    assert name in lines
    assert "Certificate of attendance" in lines
    assert "attended the workshop" in lines
    assert "held on 3\u20134 March 2027" in lines
    assert f"Certificate code: {certificate.code}" in lines
    assert any(line.startswith("Verify at http") and certificate.code in line for line in lines)
    fonts = embedded_fonts(reader)
    assert all(fonts.values()), fonts
    assert any(font.split("+")[-1] == f"{script_font}Bold" for font in fonts), fonts


def test_my_learning_lists_my_attendance_certificates(client):
    certificate = certified("Ana Lim")
    client.force_login(certificate.registration.user)

    html = client.get("/learn/").content.decode()

    assert "Workshops attended" in html
    assert f'href="/certificates/{certificate.code}/"' in html
    assert f'href="/certificates/{certificate.code}.pdf"' in html
    client.force_login(UserFactory())
    assert certificate.code not in client.get("/learn/").content.decode()
