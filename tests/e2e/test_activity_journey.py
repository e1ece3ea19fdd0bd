"""Thailand's focal point adds a follow-up activity, gives it an indicator, reports the
quarter's value with a photo as evidence and submits the quarter; the programme officer
validates it; a member watching the regional overview and the activity's page in another
browser sees both change live, without reloading, and the validated quarter is locked."""

import io

import pytest
from PIL import Image

from cop.activities.constants import ReportStatus
from cop.activities.models import Activity, Evidence, IndicatorValue, Report
from cop.activities.periods import Period
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Provincial dialogue on the SSE promotion bill"


@pytest.fixture(autouse=True)
def _evidence_in_tmp(settings, tmp_path, monkeypatch):
    from cop.activities.storage import PrivateStorage

    options = {"location": tmp_path / "evidence", "base_url": None}
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "cop.activities.storage.PrivateStorage", "OPTIONS": options},
    }
    monkeypatch.setattr(Evidence._meta.get_field("file"), "storage", PrivateStorage(**options))


def photo():
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def thai_cell(page, column):
    """The Thai row of the board's country-by-status table: the count in `column` (0:
    planned, 1: in progress, ...)."""
    return page.locator('#activity-board tr[data-country="TH"] td').nth(column)


def wait_for_count(page, column, expected):
    page.wait_for_function(
        """([column, expected]) => {
            const cells = document.querySelectorAll('#activity-board tr[data-country="TH"] td');
            return cells[column] && cells[column].textContent.trim() === String(expected);
        }""",
        arg=[column, expected],
        timeout=15_000,
    )


def test_a_quarter_reported_with_evidence_validated_and_seen_live(chromium, asgi_server):
    contexts = [chromium.new_context(base_url=asgi_server, locale="en-US") for _ in range(3)]
    focal, officer, watcher = (context.new_page() for context in contexts)
    for page in (focal, officer, watcher):
        page.set_default_timeout(15_000)
    log_in(focal, "focal.th@example.org")
    log_in(officer, "officer@example.org")
    log_in(watcher, "learner2@example.org")  # a member in Viet Nam: members read all

    # The member opens the regional overview; its live connection opens.
    watcher.goto("/activities/")
    watcher.locator('[data-live-activities][data-live="open"]').wait_for()
    planned = int(thai_cell(watcher, 0).inner_text())
    in_progress = int(thai_cell(watcher, 1).inner_text())

    # The Thai focal point adds an activity: the country is theirs, not a field.
    focal.goto("/activities/new/")
    assert focal.get_by_label("Country").count() == 0
    focal.get_by_label("Type").select_option("policy_dialogue")
    focal.get_by_label("Title").fill(TITLE)
    focal.get_by_label("Description").fill("Hear the **provinces** on the draft bill.")
    focal.get_by_label("Lead organization").fill("Ministry of Labour")
    focal.get_by_role("button", name="Add the activity").click()
    focal.get_by_role("heading", name=TITLE).wait_for()
    activity = Activity.objects.get(title=TITLE)
    assert activity.country == "TH"

    # The overview, open elsewhere, counts it without a reload.
    wait_for_count(watcher, 0, planned + 1)
    watcher.get_by_role("link", name=TITLE).first.wait_for()

    # The member also opens the activity's page, in a second tab.
    reader = contexts[2].new_page()
    reader.set_default_timeout(15_000)
    reader.goto(activity.get_absolute_url())
    reader.locator('[data-live-activity][data-live="open"]').wait_for()

    # An update moves it to "in progress": on the overview and the open page, live.
    focal.get_by_label("What happened").fill("The first provincial hearing took place.")
    focal.get_by_label("New status").select_option("in_progress")
    focal.get_by_role("button", name="Post the update").click()
    focal.locator("#activity-status").filter(has_text="In progress").wait_for()
    wait_for_count(watcher, 1, in_progress + 1)
    wait_for_count(watcher, 0, planned)
    reader.locator("#activity-status").filter(has_text="In progress").wait_for()
    reader.locator("#activity-timeline li").filter(
        has_text="The first provincial hearing took place."
    ).wait_for()

    # An indicator with a target, and this quarter's value with a photo as evidence.
    focal.get_by_role("link", name="Add an indicator").click()
    focal.get_by_label("Indicator").fill("Provincial officials consulted")
    focal.get_by_label("Unit").fill("people")
    focal.get_by_label("Target").fill("40")
    focal.get_by_role("button", name="Save the indicator").click()
    focal.get_by_role("link", name="Enter values").click()
    period = Period.current()
    quarter = focal.locator(f'[aria-labelledby="quarter-{period}-heading"]')
    quarter.get_by_label("Total (people)").fill("12")
    quarter.get_by_role("button", name=f"Save {period.label}").click()
    value = IndicatorValue.objects.get(indicator__activity=activity)
    assert (value.value, value.period) == (12, period)
    focal.get_by_label("Attach evidence to this value").set_input_files(
        {"name": "hearing.jpg", "mimeType": "image/jpeg", "buffer": photo()}
    )
    focal.get_by_role("button", name="Upload").click()
    evidence = Evidence.objects.get(value=value)
    assert evidence.content_type == "image/jpeg"

    # The quarter goes to the regional reviewer, who validates it.
    report_url = f"/activities/reports/thailand/{period}/"
    focal.goto(report_url)
    focal.get_by_role("button", name="Submit for validation").click()
    report = Report.objects.get(country="TH", year=period.year, quarter=period.quarter)
    assert report.status == ReportStatus.SUBMITTED
    officer.goto(report_url)
    officer.get_by_label("Validate: the quarter is locked for good").check()
    officer.get_by_role("button", name="Send the decision").click()
    report.refresh_from_db()
    assert (report.status, report.reviewed_by.email) == (
        ReportStatus.VALIDATED,
        "officer@example.org",
    )

    # The validated quarter is locked: the value cannot change any more.
    focal.goto(f"/activities/{activity.pk}/indicators/{value.indicator_id}/values/")
    quarter = focal.locator(f'[aria-labelledby="quarter-{period}-heading"]')
    quarter.get_by_text("Locked").first.wait_for()
    assert quarter.get_by_role("button", name=f"Save {period.label}").count() == 0

    # The evidence is served to a member, re-encoded, never from a public folder.
    response = watcher.request.get(evidence.get_absolute_url())
    assert response.status == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["x-content-type-options"] == "nosniff"

    for context in contexts:
        context.close()
