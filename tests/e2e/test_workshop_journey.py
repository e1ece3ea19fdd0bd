"""A trainer schedules a workshop with one seat; the learner takes it, learner2 joins the
waiting list; the learner cancels and learner2 is promoted and e-mailed; the trainer
marks attendance on the roster, and learner2's attendance certificate verifies."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from courses.workshops.constants import RegistrationStatus
from courses.workshops.models import AttendanceCertificate, Registration, Workshop
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Cooperative by-laws clinic"
BANGKOK = ZoneInfo("Asia/Bangkok")


def local(moment):
    return moment.astimezone(BANGKOK).strftime("%Y-%m-%dT%H:%M")


def test_one_seat_waiting_list_promotion_attendance_and_certificate(chromium, asgi_server):
    contexts = [chromium.new_context(base_url=asgi_server, locale="en-US") for _ in range(3)]
    trainer, learner, learner2 = (context.new_page() for context in contexts)
    for page in (trainer, learner, learner2):
        page.set_default_timeout(15_000)
    log_in(trainer, "trainer@example.org")
    log_in(learner, "learner@example.org")
    log_in(learner2, "learner2@example.org")

    # The trainer schedules it: one seat, a session starting in ten minutes, in Bangkok.
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=10)
    trainer.goto("/workshops/manage/new/")
    about = trainer.get_by_role("group", name="About the workshop")
    about.get_by_label("Title").fill(TITLE)
    about.get_by_label("Description").fill("Bring your **draft by-laws**.")
    about.get_by_label("Country").select_option("TH")
    about.get_by_label("English").check()
    trainer.get_by_label("Time zone").select_option("Asia/Bangkok")
    trainer.get_by_label("Mode").select_option("in_person")
    trainer.get_by_label("Venue").fill("Chiang Mai Cooperative College")
    trainer.get_by_label("Starts").first.fill(local(starts))
    trainer.get_by_label("Ends").first.fill(local(starts + timedelta(hours=2)))
    trainer.get_by_label("Seats:", exact=True).fill("1")
    trainer.get_by_label("Cancellation cut-off (hours)").fill("0")
    trainer.get_by_role("button", name="Save as draft").click()
    trainer.get_by_role("button", name="Publish").click()
    workshop = Workshop.objects.get(title=TITLE)
    assert workshop.is_published
    assert list(workshop.sessions.values_list("starts_at", flat=True)) == [starts]

    # The learner takes the seat; learner2 joins the waiting list.
    learner.goto(f"/workshops/{workshop.pk}/")
    learner.get_by_role("button", name="Register").click()
    learner.get_by_text("You are registered: your seat is confirmed.").wait_for()
    learner2.goto(f"/workshops/{workshop.pk}/")
    learner2.get_by_role("button", name="Join the waiting list").click()
    learner2.get_by_text("You are on the waiting list, number 1.").wait_for()

    # The learner cancels: learner2 is promoted, and told by e-mail with the calendar.
    mail.outbox.clear()
    learner.get_by_role("button", name="Cancel my registration").click()
    learner.get_by_text("You cancelled your registration.").wait_for()
    promoted = Registration.objects.get(workshop=workshop, user__email="learner2@example.org")
    assert promoted.status == RegistrationStatus.CONFIRMED
    to_learner2 = [m for m in mail.outbox if m.to == ["learner2@example.org"]]
    assert len(to_learner2) == 1
    assert "Content-Type: text/calendar" in to_learner2[0].message().as_string()
    learner2.reload()
    learner2.get_by_text("You are registered: your seat is confirmed.").wait_for()

    # The trainer marks learner2 present on the roster: attending every session issues
    # the attendance certificate.
    session = workshop.sessions.get()
    trainer.goto(f"/workshops/manage/{workshop.pk}/sessions/{session.pk}/attendance/")
    trainer.get_by_label("Present").check()
    trainer.get_by_role("button", name="Save attendance").click()
    trainer.get_by_text("1 of 1 participant present").wait_for()
    certificate = AttendanceCertificate.objects.get(registration=promoted)

    # Anyone with the code verifies it.
    verifier = contexts[0].browser.new_context(base_url=asgi_server, locale="en-US").new_page()
    verifier.goto(f"/certificates/{certificate.code}/")
    verifier.get_by_text(TITLE).first.wait_for()
    verifier.get_by_text(certificate.name).first.wait_for()
    pdf = verifier.request.get(f"/certificates/{certificate.code}.pdf")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    for context in contexts:
        context.close()
