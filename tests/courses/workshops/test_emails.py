"""E-mails to registrants: one per recipient on one connection, a subject and body per
event, in the recipient's language and time zone, with the .ics attached (REQUEST, or
CANCEL for a cancellation)."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from courses.workshops import emails, services
from courses.workshops.constants import Mode, RegistrationStatus
from tests.factories import UserFactory

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/secret"


def calendar_of(message):
    (part,) = message.attachments
    assert part.get_content_type() == "text/calendar"
    return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))


@pytest.mark.parametrize("event", emails.EVENTS)
def test_every_event_has_a_subject_body_and_calendar(event):
    registration = RegistrationFactory()

    assert emails.registrations_changed(event, [registration.pk]) == 1

    (message,) = mail.outbox
    assert message.to == [registration.user.email]
    assert registration.workshop.title in message.subject
    assert message.subject.startswith("[SSE Asia] ")
    assert registration.workshop.title in message.body
    assert f"/workshops/{registration.workshop.pk}/" in message.body
    method, calendar = calendar_of(message)
    assert method == ("CANCEL" if event in emails.CANCELLING else "REQUEST")
    assert calendar["METHOD"] == method
    assert len(calendar.walk("VEVENT")) == 1


def test_promotion_emails_the_promoted_member_with_the_ics(django_capture_on_commit_callbacks):
    workshop = WorkshopFactory(capacity=1, mode=Mode.HYBRID, joining_link=LINK)
    seated = RegistrationFactory(workshop=workshop)
    waiting = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(seated, by=seated.user)

    (message,) = mail.outbox
    assert message.to == [waiting.user.email]
    assert message.subject == f"[SSE Asia] A seat is yours: {workshop.title}"
    assert "it is yours" in message.body
    assert LINK in message.body  # now confirmed: the joining link
    method, calendar = calendar_of(message)
    assert method == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == str(workshop.sessions.get().uid)
    assert str(event["STATUS"]) == "CONFIRMED"


def test_a_waiting_member_gets_no_joining_link():
    workshop = WorkshopFactory(mode=Mode.ONLINE, joining_link=LINK, venue="")
    waiting = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)

    emails.registrations_changed("waiting", [waiting.pk])

    (message,) = mail.outbox
    assert LINK not in message.body
    assert LINK not in message.attachments[0].get_payload(decode=True).decode()


def test_times_in_the_recipients_zone_with_the_workshops_beside():
    workshop = WorkshopFactory(sessions__start=datetime(2030, 3, 5, 2, 0, tzinfo=UTC))
    tokyo = RegistrationFactory(workshop=workshop, user=UserFactory(time_zone="Asia/Tokyo"))

    emails.registrations_changed("confirmed", [tokyo.pk])

    body = mail.outbox[0].body
    assert (
        "Tue 5 Mar 2030, 11:00\N{EN DASH}14:00 (your time) · 09:00\N{EN DASH}12:00 Asia/Bangkok"
    ) in body


def test_several_recipients_one_message_each_on_one_connection(monkeypatch):
    workshop = WorkshopFactory()
    registrations = [RegistrationFactory(workshop=workshop) for _ in range(3)]
    opened = []
    real = emails.get_connection

    def counting(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(emails, "get_connection", counting)

    sent = emails.registrations_changed("workshop_changed", [r.pk for r in registrations])

    assert sent == 3
    assert len(opened) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in registrations)


def test_the_recipients_language_is_used(monkeypatch):
    """The Thai catalogue is translated by the lead at the end; meanwhile this checks
    that the message is built with translation.override(the member's language)."""
    seen = []
    real = emails.render_to_string

    def spy(*args, **kwargs):
        seen.append(translation.get_language())
        return real(*args, **kwargs)

    monkeypatch.setattr(emails, "render_to_string", spy)
    thai = RegistrationFactory(user=UserFactory(language="th"))
    english = RegistrationFactory(user=UserFactory(language="en"))

    emails.registrations_changed("confirmed", [thai.pk, english.pk])

    assert seen == ["th", "en"]
    assert translation.get_language() == "en"  # restored


def test_a_session_across_midnight_shows_both_dates():
    workshop = WorkshopFactory(
        time_zone="Asia/Bishkek", sessions__start=datetime(2030, 3, 4, 16, 0, tzinfo=UTC)
    )
    london = RegistrationFactory(workshop=workshop, user=UserFactory(time_zone="Europe/London"))

    emails.registrations_changed("confirmed", [london.pk])

    # 16:00-19:00 in London; 22:00 on the 4th to 01:00 on the 5th in Bishkek.
    assert (
        "Mon 4 Mar 2030, 16:00\N{EN DASH}19:00 (your time) · "
        "Mon 4 Mar 2030, 22:00 \N{EN DASH} Tue 5 Mar 2030, 01:00 Asia/Bishkek"
    ) in mail.outbox[0].body
