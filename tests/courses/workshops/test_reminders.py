"""The day-before reminder: sessions starting within WORKSHOP_REMINDER_HOURS are
reminded once (claimed with SKIP LOCKED, marked before sending), to confirmed
participants only; not further ahead, not for cancelled workshops."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from courses.workshops import emails, tasks
from courses.workshops.constants import Mode, RegistrationStatus, Status
from courses.workshops.models import Session
from tests.conftest import need

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/secret"


def in_hours(hours):
    return timezone.now() + timedelta(hours=hours)


def run_command():
    call_command("send_workshop_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_session_20_hours_ahead_is_reminded_once_even_if_the_command_runs_twice():
    workshop = WorkshopFactory(sessions__start=in_hours(20), mode=Mode.HYBRID, joining_link=LINK)
    confirmed = RegistrationFactory(workshop=workshop)
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.CANCELLED)

    run_command()
    run_command()

    (message,) = mail.outbox
    assert message.to == [confirmed.user.email]
    assert message.subject == f"[SSE Asia] Reminder: {workshop.title}"
    assert LINK in message.body
    assert "Chiang Mai Cooperative College" in message.body
    assert Session.objects.get(workshop=workshop).reminded_at is not None


def test_a_session_30_hours_ahead_is_not_reminded_yet():
    workshop = WorkshopFactory(sessions__start=in_hours(30))
    RegistrationFactory(workshop=workshop)

    assert tasks.send_due_reminders() == 0
    assert mail.outbox == []
    assert Session.objects.get(workshop=workshop).reminded_at is None


def test_a_cancelled_workshop_is_not_reminded():
    workshop = WorkshopFactory(sessions__start=in_hours(20), status=Status.CANCELLED)
    RegistrationFactory(workshop=workshop)

    run_command()

    assert mail.outbox == []


def test_a_started_session_is_not_reminded():
    workshop = WorkshopFactory(sessions__start=in_hours(-1))
    RegistrationFactory(workshop=workshop)

    assert tasks.send_due_reminders() == 0


def test_each_session_of_a_multi_day_workshop_is_reminded_on_its_own_day():
    workshop = WorkshopFactory(sessions=2, sessions__start=in_hours(20))
    RegistrationFactory(workshop=workshop)
    first, second = workshop.sessions.order_by("starts_at")

    assert tasks.send_due_reminders() == 1
    assert tasks.send_due_reminders(now=timezone.now() + timedelta(hours=24)) == 1
    assert tasks.send_due_reminders(now=timezone.now() + timedelta(hours=24)) == 0
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.reminded_at is not None
    assert second.reminded_at is not None


def test_the_window_is_a_setting(settings):
    settings.WORKSHOP_REMINDER_HOURS = 48
    workshop = WorkshopFactory(sessions__start=in_hours(30))
    RegistrationFactory(workshop=workshop)

    assert tasks.send_due_reminders() == 1


def test_a_session_claimed_by_another_run_is_skipped(monkeypatch):
    """What SKIP LOCKED gives: a run that finds the session already reminded (another
    run committed first) sends nothing."""
    workshop = WorkshopFactory(sessions__start=in_hours(20))
    RegistrationFactory(workshop=workshop)
    session = workshop.sessions.get()
    real = tasks._remind

    def other_run_first(session_id, now):
        Session.objects.filter(pk=session_id).update(reminded_at=now)
        return real(session_id, now)

    monkeypatch.setattr(tasks, "_remind", other_run_first)

    assert tasks.send_due_reminders() == 0
    assert mail.outbox == []
    session.refresh_from_db()
    assert session.reminded_at is not None


def test_the_task_and_the_enqueue_option():
    workshop = WorkshopFactory(sessions__start=in_hours(20))
    RegistrationFactory(workshop=workshop)

    call_command("send_workshop_reminders", "--enqueue", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1  # the immediate backend ran it


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database")
def test_two_runs_at_once_send_one_reminder(monkeypatch):
    """Two runs on their own PostgreSQL connections: while the first holds the session's
    row (claimed, sending), the second skips it (SKIP LOCKED); one e-mail in all."""
    need(connection.vendor == "postgresql", "row locks need PostgreSQL (set DATABASE_URL)")
    workshop = WorkshopFactory(sessions__start=in_hours(20))
    RegistrationFactory(workshop=workshop)
    real = emails.session_reminders
    claimed, release = threading.Event(), threading.Event()

    def slow(*args, **kwargs):
        claimed.set()
        release.wait(timeout=10)
        return real(*args, **kwargs)

    monkeypatch.setattr(emails, "session_reminders", slow)
    sent = {}

    def first_run():
        try:
            sent["first"] = tasks.send_due_reminders()
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_run)
    thread.start()
    assert claimed.wait(timeout=10)
    started = time.monotonic()
    sent["second"] = tasks.send_due_reminders()  # while the first holds the row
    waited = time.monotonic() - started
    release.set()
    thread.join(timeout=10)

    assert sent == {"first": 1, "second": 0}
    assert waited < 5  # skipped the locked row, did not wait for it
    assert len(mail.outbox) == 1
    assert Session.objects.get(workshop=workshop).reminded_at is not None
