"""Evidence over HTTP: who may upload to what (404 for anyone else, whatever the form
says), what a refused file is answered with, the locked quarter, and how a file is read
back: only through the view that checks permission, with headers that keep a browser from
running it; never from a /media/ or /static/ address."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.constants import Role
from cop.activities import services
from cop.activities.constants import ReportStatus
from cop.activities.evidence import check
from cop.activities.models import Evidence
from cop.activities.views import evidence as evidence_views
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory, IndicatorFactory, ReportFactory, UpdateFactory, ValueFactory
from .test_evidence import SCRIPT, bare, docx, exif_with, image, pdf, png

pytestmark = pytest.mark.django_db


def add_url(activity):
    return reverse("activity_evidence_add", args=[activity.pk])


def a_file(data, name="evidence.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def thai_focal():
    return focal_point("TH")


@pytest.fixture
def activity(thai_focal):
    return ActivityFactory(country="TH")


@pytest.fixture
def update(activity):
    return UpdateFactory(activity=activity)


def post(client, activity, data, name="minutes.pdf", **target):
    return client.post(add_url(activity), {"file": a_file(data, name), **target})


def stored(evidence_storage, row):
    return (Path(evidence_storage) / row.file.name).read_bytes()


# --- Upload ----------------------------------------------------------------------------------
def test_the_focal_point_attaches_a_pdf_to_an_update(client, thai_focal, activity, update):
    client.force_login(thai_focal)

    response = post(client, activity, pdf(), update=update.pk)

    assert response.status_code == 302
    assert response["Location"] == f"{activity.get_absolute_url()}#update-{update.pk}"
    row = Evidence.objects.get()
    assert (row.activity, row.update, row.value) == (activity, update, None)
    assert (row.name, row.extension, row.content_type) == ("minutes.pdf", ".pdf", "application/pdf")
    assert row.uploaded_by == thai_focal
    assert row.size == len(pdf())


def test_the_stored_file_has_a_random_name_in_the_evidence_folder(
    client, thai_focal, activity, update, evidence_storage
):
    client.force_login(thai_focal)

    post(client, activity, pdf(), name="../../../etc/cron.d/job.pdf", update=update.pk)

    row = Evidence.objects.get()
    assert row.file.name.startswith(f"{activity.pk}/")
    assert row.file.name.endswith(".pdf")
    assert "job" not in row.file.name
    assert ".." not in row.file.name
    assert stored(evidence_storage, row) == pdf()
    assert row.name == "job.pdf"


def test_an_owner_attaches_a_photo_to_a_value_and_it_is_stored_re_encoded(client, evidence_storage):
    owner = UserFactory()
    activity = ActivityFactory(country="TH", owners=[owner])
    value = ValueFactory(indicator=IndicatorFactory(activity=activity))
    photo = image("JPEG", exif=exif_with(SCRIPT), comment=SCRIPT.encode())
    client.force_login(owner)

    response = client.post(
        add_url(activity),
        {"file": a_file(photo, "IMG_0001.JPG", "image/jpeg"), "value": value.pk},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#indicator-{value.indicator_id}")
    row = Evidence.objects.get()
    assert row.value == value
    data = stored(evidence_storage, row)
    assert b"script" not in data
    assert bare(data) == {}
    assert row.sha256 != ""
    assert row.size == len(data)


def test_a_focal_point_of_another_country_cannot_upload(client, activity, update):
    client.force_login(focal_point("KH"))

    response = post(client, activity, pdf(), update=update.pk)

    assert response.status_code == 404
    assert not Evidence.objects.exists()


def test_a_member_who_only_reads_cannot_upload(client, activity, update):
    client.force_login(UserFactory())

    assert post(client, activity, pdf(), update=update.pk).status_code == 404
    assert not Evidence.objects.exists()


def test_anonymous_uploads_go_to_the_login_page(client, activity, update):
    response = post(client, activity, pdf(), update=update.pk)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Evidence.objects.exists()


def test_an_upload_is_a_post(client, thai_focal, activity):
    client.force_login(thai_focal)

    assert client.get(add_url(activity)).status_code == 405


def test_an_update_or_value_of_another_activity_is_not_found(client, thai_focal, activity):
    elsewhere = ActivityFactory(country="TH")
    their_update = UpdateFactory(activity=elsewhere)
    their_value = ValueFactory(indicator=IndicatorFactory(activity=elsewhere))
    client.force_login(thai_focal)

    assert post(client, activity, pdf(), update=their_update.pk).status_code == 404
    assert post(client, activity, pdf(), value=their_value.pk).status_code == 404
    assert post(client, activity, pdf(), update="9" * 30).status_code == 404
    assert post(client, activity, pdf(), update="²").status_code == 404
    assert not Evidence.objects.exists()


def test_a_file_must_go_to_one_update_or_one_value(client, thai_focal, activity, update):
    value = ValueFactory(indicator=IndicatorFactory(activity=activity))
    client.force_login(thai_focal)

    neither = post(client, activity, pdf())
    both = post(client, activity, pdf(), update=update.pk, value=value.pk)

    assert neither.status_code == both.status_code == 400
    assert "one update or one value" in neither.content.decode()
    assert not Evidence.objects.exists()


def test_a_missing_file_is_answered_with_the_form_again(client, thai_focal, activity, update):
    client.force_login(thai_focal)

    response = client.post(add_url(activity), {"update": update.pk})

    assert response.status_code == 400
    assert 'name="file"' in response.content.decode()


@pytest.mark.parametrize(
    ("data", "name", "said"),
    [
        (b"<html><script>alert(1)</script></html>", "minutes.pdf", "not one we accept"),
        (b"MZ\x90\x00" + b"\x00" * 60, "minutes.pdf", "not one we accept"),
        (docx(extra=[("word/vbaProject.bin", b"macro")]), "minutes.docx", "macros"),
    ],
    ids=["html", "exe", "macros"],
)
def test_a_refused_file_is_answered_400_with_the_reason_and_the_form(
    client, thai_focal, activity, update, data, name, said
):
    client.force_login(thai_focal)

    response = post(client, activity, data, name=name, update=update.pk)

    assert response.status_code == 400
    page = response.content.decode()
    assert said in page
    assert f'name="update" value="{update.pk}"' in page
    assert "<script>alert(1)" not in page
    assert not Evidence.objects.exists()


def test_an_oversized_file_is_refused_with_the_limit(client, thai_focal, activity, update):
    client.force_login(thai_focal)
    data = b"%PDF-1.4\n" + b"0" * django_settings.EVIDENCE_MAX_BYTES

    response = post(client, activity, data, update=update.pk)

    assert response.status_code == 400
    assert "10.0\xa0MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_on_a_value_of_a_locked_quarter_is_refused_409(client, thai_focal, activity):
    value = ValueFactory(indicator=IndicatorFactory(activity=activity))
    ReportFactory(country="TH", status=ReportStatus.SUBMITTED)
    client.force_login(thai_focal)

    response = post(client, activity, pdf(), value=value.pk)

    assert response.status_code == 409
    assert "locked" in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_on_an_update_is_taken_while_the_quarter_is_locked(
    client, thai_focal, activity, update
):
    ReportFactory(country="TH", status=ReportStatus.VALIDATED)
    client.force_login(thai_focal)

    assert post(client, activity, pdf(), update=update.pk).status_code == 302


def test_uploads_are_rate_limited(client, thai_focal, activity, update, monkeypatch):
    monkeypatch.setattr(evidence_views, "UPLOADS_PER_WINDOW", 2)
    client.force_login(thai_focal)

    codes = [post(client, activity, pdf(), update=update.pk).status_code for _ in range(3)]

    assert codes == [302, 302, 429]
    assert Evidence.objects.count() == 2


# --- Download --------------------------------------------------------------------------------
def attach(activity, data, name, by=None):
    """A file attached to a new update of `activity` (by its country's focal point)."""
    by = by or focal_point(activity.country)
    clean = check(a_file(data, name))
    return services.attach_evidence(by, activity, clean, update=UpdateFactory(activity=activity))


def test_anonymous_readers_go_to_the_login_page(client, activity):
    row = attach(activity, pdf(), "minutes.pdf")

    response = client.get(row.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_any_member_reads_a_published_activitys_evidence_with_safe_headers(client, activity):
    row = attach(activity, pdf(), "minutes.pdf")
    client.force_login(focal_point("KH"))  # another country's member: members read all

    response = client.get(row.get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "private" in response["Cache-Control"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_office_documents_and_pdfs_are_downloaded_never_shown(client, activity):
    row = attach(activity, docx(), "plan.docx")
    client.force_login(UserFactory())

    response = client.get(row.get_absolute_url())

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="plan.docx"'
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_images_show_inline_and_download_on_request(client, activity):
    row = attach(activity, png(), "chart.png")
    client.force_login(UserFactory())

    shown = client.get(row.get_absolute_url())
    saved = client.get(row.get_absolute_url(), {"download": "1"})

    assert shown["Content-Type"] == "image/png"
    assert shown["Content-Disposition"] == 'inline; filename="chart.png"'
    assert saved["Content-Disposition"] == 'attachment; filename="chart.png"'


def test_a_non_ascii_name_is_sent_as_rfc_5987(client, activity):
    row = attach(activity, pdf(), 'รายงาน "Q4".pdf')
    client.force_login(UserFactory())

    response = client.get(row.get_absolute_url())

    assert row.name == "รายงาน _Q4_.pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''"
        "%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99%20_Q4_.pdf"
    )


def test_a_drafts_evidence_is_not_found_for_those_who_do_not_edit_it(client, thai_focal):
    draft = ActivityFactory(country="TH", is_draft=True)
    row = attach(draft, pdf(), "minutes.pdf", by=thai_focal)

    client.force_login(UserFactory())
    assert client.get(row.get_absolute_url()).status_code == 404
    client.force_login(focal_point("KH"))
    assert client.get(row.get_absolute_url()).status_code == 404
    client.force_login(thai_focal)
    assert client.get(row.get_absolute_url()).status_code == 200


def test_an_evidence_id_under_another_activity_is_not_found(client, activity):
    row = attach(activity, pdf(), "minutes.pdf")
    other = ActivityFactory(country="TH")
    client.force_login(UserFactory())

    response = client.get(reverse("activity_evidence", args=[other.pk, row.pk]))

    assert response.status_code == 404


def test_a_file_missing_from_the_disk_is_not_found(client, activity, evidence_storage):
    row = attach(activity, pdf(), "minutes.pdf")
    (Path(evidence_storage) / row.file.name).unlink()
    client.force_login(UserFactory())

    assert client.get(row.get_absolute_url()).status_code == 404


def test_a_reader_with_the_file_already_gets_304(client, activity):
    row = attach(activity, pdf(), "minutes.pdf")
    client.force_login(UserFactory())

    first = client.get(row.get_absolute_url())
    again = client.get(row.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again["Content-Security-Policy"] == "sandbox; default-src 'none'"


# --- Where the files are: no address serves them but the view -----------------------------
def test_evidence_lives_outside_the_media_and_static_roots():
    import config.settings as configured  # the project's settings, as deployed

    private = Path(configured.PRIVATE_MEDIA_ROOT).resolve()
    public = [configured.MEDIA_ROOT, configured.STATIC_ROOT, *configured.STATICFILES_DIRS]
    for root in (Path(p).resolve() for p in public):
        assert not private.is_relative_to(root)
        assert not root.is_relative_to(private)
    options = configured.STORAGES["evidence"]["OPTIONS"]
    assert Path(options["location"]).resolve() == private


def test_no_media_or_static_address_serves_an_evidence_file(
    client, activity, evidence_storage, settings
):
    row = attach(activity, pdf(), "minutes.pdf")
    client.force_login(UserFactory())
    private = Path(evidence_storage)
    for public in ("MEDIA_ROOT", "STATIC_ROOT"):
        assert not private.resolve().is_relative_to(Path(getattr(settings, public)).resolve())

    for address in (
        f"/media/{row.file.name}",
        f"/static/{row.file.name}",
        f"/media/../{private.name}/{row.file.name}",
        f"/media/%2e%2e/{private.name}/{row.file.name}",
        f"/{row.file.name}",
    ):
        response = client.get(address)
        assert response.status_code in (400, 404), address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert pdf() not in body, address


def test_the_upload_url_never_names_the_file_on_disk(client, thai_focal, activity, update):
    client.force_login(thai_focal)

    post(client, activity, pdf(), update=update.pk)

    row = Evidence.objects.get()
    assert row.get_absolute_url() == reverse("activity_evidence", args=[activity.pk, row.pk])
    assert row.file.name not in row.get_absolute_url()


def test_a_regional_activitys_evidence_is_uploaded_by_a_programme_officer(client):
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])
    regional = ActivityFactory(country="")
    update = UpdateFactory(activity=regional)
    client.force_login(officer)

    assert post(client, regional, pdf(), update=update.pk).status_code == 302
    client.force_login(focal_point("TH"))
    assert post(client, regional, pdf(), update=update.pk).status_code == 404


def test_an_evidence_file_has_no_url_of_its_own(activity):
    row = attach(activity, pdf(), "minutes.pdf")

    with pytest.raises(ValueError, match="no URL"):
        row.file.url  # noqa: B018 - the property is what is tested
    assert row.get_absolute_url() == f"/activities/{activity.pk}/evidence/{row.pk}/"
