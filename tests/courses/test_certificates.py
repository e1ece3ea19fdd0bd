import io

import pytest
from pypdf import PdfReader

from courses import services
from courses.models import Certificate
from tests.accounts.factories import UserFactory
from tests.courses.test_progress import finish

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(course):
    _, certificate = finish(UserFactory(name="សុខ ដារ៉ា"), course)
    return certificate


def test_anyone_can_verify_a_certificate_by_its_code(client, certificate, course):
    html = client.get(f"/certificates/{certificate.code}/").content.decode()

    assert "សុខ ដារ៉ា" in html
    assert course.title in html
    assert certificate.issued_at.strftime("%-d %b %Y") in html  # the UTC day, anonymously


def test_an_unknown_code_is_404(client):
    assert client.get("/certificates/AAAAAAAAAAAAAAAA/").status_code == 404
    assert client.get("/certificates/AAAAAAAAAAAAAAAA.pdf").status_code == 404


def test_the_pdf_names_the_learner_the_course_and_the_code(client, certificate, course):
    response = client.get(f"/certificates/{certificate.code}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert course.title in text
    assert certificate.code in text
    assert f"http://testserver/certificates/{certificate.code}/" in text


def test_codes_are_unguessable_and_unique(course):
    codes = {services.issue_certificate(UserFactory(), course).code for _ in range(20)}

    assert len(codes) == 20
    assert all(len(code) == 16 and code.isalnum() for code in codes)
    assert Certificate.objects.count() == 20
