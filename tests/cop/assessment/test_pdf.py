"""The result as a PDF: the organization's name in its own script as real text with the
fonts embedded, the labels in the reader's language (/th/ speaks Thai), a safe file name,
the answers only for those who may see them, and a rate limit."""

import io
import unicodedata

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cop.assessment.models import Organization
from cop.assessment.views.result import PDFS_PER_WINDOW
from core.pdf import installed_cjk_fonts
from tests.accounts.factories import UserFactory
from tests.conftest import need
from tests.courses.factories import FeatureFactory

from .factories import OrganizationFactory, assessed, questionnaire

pytestmark = pytest.mark.django_db

ANSWERS = {1: [0, 0], 5: [1, 0]}


@pytest.fixture
def member():
    return UserFactory(time_zone="Asia/Bangkok")


def result_of(member, name, country="TH"):
    questionnaire()
    org = OrganizationFactory(name=name, country=country, admins=[member])
    return assessed(org, by=member, answers=ANSWERS)


def pdf_of(client, assessment, prefix=""):
    response = client.get(f"{prefix}{reverse('assessment_pdf', args=[assessment.pk])}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content)), response


def lines(reader):
    """Every page's lines as pypdf extracts them, whitespace collapsed, without the raw
    glyph codes pypdf prints for a shaped cluster's unmapped second glyph (see
    tests/courses/test_pdf.py, extracted_lines): any control character, even one that
    looks like a line break (the Khmer vowel sign ែ gives a form feed)."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = "".join(c for c in text if c in " \n" or unicodedata.category(c) != "Cc")
    return [" ".join(line.split()) for line in text.splitlines()]


def all_fonts(reader):
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                fonts[str(font["/BaseFont"]).split("+")[-1]] = any(
                    key in descriptor for key in ("/FontFile2", "/FontFile3")
                )
    return fonts


@pytest.mark.parametrize(
    ("name", "country", "script_font"),
    [
        ("สหกรณ์ออมทรัพย์บ้านสันทราย", "TH", "NotoSansThaiBold"),
        ("សហគមន៍កសិកម្មតាកែវ", "KH", "NotoSansKhmerBold"),
        ("ກຸ່ມແມ່ຍິງບ້ານນາ", "LA", "NotoSansLaoBold"),
        ("Хоршоо Малчдын Нэгдэл", "MN", "NotoSansBold"),
        ("Hợp tác xã Nông nghiệp Tân Lập", "VN", "NotoSansBold"),
    ],
)
def test_the_organizations_name_is_real_text_in_its_own_script_with_fonts_embedded(
    client, member, name, country, script_font
):
    result = result_of(member, name, country)
    client.force_login(member)

    reader, _response = pdf_of(client, result)

    assert name in lines(reader)
    fonts = all_fonts(reader)
    assert fonts
    assert all(fonts.values()), f"fonts not embedded: {fonts}"
    assert script_font in fonts, fonts
    assert reader.metadata.title == f"Self-assessment of {name}"


def test_the_pdf_has_the_classification_the_scores_and_the_guidance(client, member):
    FeatureFactory(number=1, how_to_adopt="Sell what members make, together.")
    result = result_of(member, "Weavers")
    client.force_login(member)

    reader, _response = pdf_of(client, result)

    text = lines(reader)
    assert "Outside the SSE as mapped" in text
    assert "It meets no condition under any of the three dimensions." in text
    assert "1. Economic activity: 0% · Missing" in text
    assert "5. Democratic and/or participatory governance: 25% · Weak" in text
    assert "2. Collective and/or general interest: 100% · Practised" in text
    assert "Sell what members make, together." in text
    assert f"Online: http://testserver/assessment/{result.pk}/" in text
    assert "Feature 2, question 1? — Yes" in text  # the member sees the answers


def test_the_public_pdf_of_a_published_result_has_no_answers(client, member):
    result = result_of(member, "Weavers")
    Organization.objects.filter(pk=result.organization_id).update(publish_results=True)

    reader, _response = pdf_of(client, result)

    text = "\n".join(lines(reader))
    assert "1. Economic activity: 0% · Missing" in text
    assert "Feature 2, question 1?" not in text
    assert "The answers" not in text


def test_the_thai_pdf_has_thai_labels(client, member):
    result = result_of(member, "Weavers")
    client.force_login(member)

    reader, _response = pdf_of(client, result, prefix="/th")

    text = "\n".join(lines(reader))
    assert "ประเทศ: ไทย" in text  # "Country: Thailand"
    assert "ประเภท:" in text  # "Type"
    assert "ส่งแล้ว:" in text  # "Submitted"
    assert reader.trailer["/Root"]["/Lang"] == "th"
    assert "NotoSansThai" in all_fonts(reader)


def test_the_file_name_is_safe_whatever_the_name(client, member):
    result = result_of(member, 'สหกรณ์ "Ban" <Na>/..\\;')
    client.force_login(member)

    _reader, response = pdf_of(client, result)

    day = f"{result.submitted_at:%Y-%m-%d}"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('inline; filename="sse-assessment-')
    filename = disposition.split('filename="', 1)[1].rstrip('"')
    assert filename.endswith(f"-{day}.pdf")
    assert all(c.isascii() and (c.isalnum() or c in "-.") for c in filename), filename
    assert "ban-na" in filename


@pytest.mark.parametrize(
    ("name", "country"),
    [("北京市农民专业合作社", "CN"), ("生活協同組合", "JP"), ("사회적협동조합 서울", "KR")],
)
def test_a_cjk_name_is_drawn_with_the_installed_cjk_font(client, member, name, country):
    need(installed_cjk_fonts(), "Debian's fonts-noto-cjk is not installed")
    result = result_of(member, name, country)
    client.force_login(member)

    reader, _response = pdf_of(client, result)

    assert name in lines(reader)
    fonts = all_fonts(reader)
    assert all(fonts.values()), fonts
    assert any(font.startswith("NotoSansCJK") for font in fonts), fonts


def test_too_many_pdfs_in_a_while_are_refused(client, member):
    result = result_of(member, "Weavers")
    client.force_login(member)
    path = reverse("assessment_pdf", args=[result.pk])
    for _n in range(PDFS_PER_WINDOW):
        assert client.get(path).status_code == 200

    assert client.get(path).status_code == 429
    # The page itself is still there.
    assert client.get(reverse("assessment_result", args=[result.pk])).status_code == 200
