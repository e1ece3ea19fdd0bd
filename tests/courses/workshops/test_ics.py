"""Calendars: a workshop's .ics (one VEVENT per session, UID and SEQUENCE from the
session, times with the workshop's TZID and its VTIMEZONE, right in every zone) and the
member's secret feed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from courses.workshops.constants import Mode, RegistrationStatus, Status
from courses.workshops.models import CalendarFeed, Session
from tests.factories import UserFactory

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/secret"


def parsed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return calendar.walk("VEVENT")


def public_ics(client, workshop):
    return parsed(client.get(reverse("workshop_ics", args=[workshop.pk])))


@pytest.mark.parametrize(
    ("zone", "start_utc", "local"),
    [
        ("Asia/Bangkok", datetime(2030, 3, 5, 2, 0, tzinfo=UTC), "20300305T090000"),
        ("Asia/Tokyo", datetime(2030, 3, 5, 0, 30, tzinfo=UTC), "20300305T093000"),
        ("Asia/Bishkek", datetime(2030, 3, 4, 21, 0, tzinfo=UTC), "20300305T030000"),
        # Sydney: daylight saving time in March (+11), standard time in July (+10).
        ("Australia/Sydney", datetime(2030, 3, 4, 22, 0, tzinfo=UTC), "20300305T090000"),
        ("Australia/Sydney", datetime(2030, 7, 4, 23, 0, tzinfo=UTC), "20300705T090000"),
    ],
)
def test_times_carry_the_workshops_zone(client, zone, start_utc, local):
    workshop = WorkshopFactory(time_zone=zone, sessions__start=start_utc)

    calendar = public_ics(client, workshop)
    (event,) = events(calendar)

    assert event["DTSTART"].params["TZID"] == zone
    assert event["DTSTART"].to_ical().decode() == local
    assert event.decoded("DTSTART").astimezone(UTC) == start_utc
    assert event.decoded("DTEND").astimezone(UTC) == start_utc + timedelta(hours=3)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [zone]


def test_one_event_per_session_with_uid_sequence_location_url(client):
    workshop = WorkshopFactory(sessions=3)
    sessions = list(workshop.sessions.order_by("starts_at"))
    Session.objects.filter(pk=sessions[1].pk).update(sequence=4)

    found = events(public_ics(client, workshop))

    assert [str(e["UID"]) for e in found] == [str(s.uid) for s in sessions]
    assert [int(e["SEQUENCE"]) for e in found] == [0, 4, 0]
    assert {str(e["LOCATION"]) for e in found} == {"Chiang Mai Cooperative College"}
    assert {str(e["STATUS"]) for e in found} == {"CONFIRMED"}
    assert str(found[0]["URL"]).endswith(f"/workshops/{workshop.pk}/")


def test_a_cancelled_workshop_is_cancelled_in_the_calendar(client):
    workshop = WorkshopFactory(status=Status.CANCELLED)

    assert {str(e["STATUS"]) for e in events(public_ics(client, workshop))} == {"CANCELLED"}


def test_public_ics_has_no_joining_link_drafts_are_404(client):
    workshop = WorkshopFactory(mode=Mode.ONLINE, joining_link=LINK, venue="")
    assert LINK not in client.get(reverse("workshop_ics", args=[workshop.pk])).content.decode()
    draft = WorkshopFactory(status=Status.DRAFT)
    assert client.get(reverse("workshop_ics", args=[draft.pk])).status_code == 404


# --- The personal feed --------------------------------------------------------------------


def test_feed_settings_need_login_show_the_url_and_rotate(client):
    url = reverse("workshop_feed_settings")
    assert client.get(url).status_code == 302
    member = UserFactory()
    client.force_login(member)

    page = client.get(url)
    token = CalendarFeed.objects.get(user=member).token
    assert page.status_code == 200
    assert f"/workshops/calendar/{token}.ics" in page.text
    assert "webcal://" in page.text

    assert client.post(url).status_code == 302
    new = CalendarFeed.objects.get(user=member).token
    assert new != token
    assert client.get(reverse("workshop_feed", args=[token])).status_code == 404
    assert client.get(reverse("workshop_feed", args=[new])).status_code == 200


def test_feed_lists_confirmed_and_waiting_with_the_link_only_for_confirmed(client):
    member = UserFactory()
    feed = CalendarFeed.objects.create(user=member)
    going = WorkshopFactory(title="Going", mode=Mode.HYBRID, joining_link=LINK + "/going")
    waiting = WorkshopFactory(title="Waiting", mode=Mode.ONLINE, joining_link=LINK + "/wait")
    cancelled = WorkshopFactory(title="Cancelled me")
    RegistrationFactory(workshop=going, user=member)
    RegistrationFactory(workshop=waiting, user=member, status=RegistrationStatus.WAITING)
    RegistrationFactory(workshop=cancelled, user=member, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(workshop=WorkshopFactory(title="Someone else's"))

    response = client.get(reverse("workshop_feed", args=[feed.token]))  # no login
    found = {str(e["SUMMARY"]): e for e in events(parsed(response))}

    assert set(found) == {"Going", "Waiting"}
    assert str(found["Going"]["STATUS"]) == "CONFIRMED"
    assert str(found["Waiting"]["STATUS"]) == "TENTATIVE"
    text = response.content.decode()
    assert LINK + "/going" in text.replace("\r\n ", "")
    assert LINK + "/wait" not in text.replace("\r\n ", "")
    assert response["Cache-Control"] == "private, no-cache"


def test_unknown_feed_token_is_404(client):
    assert client.get(reverse("workshop_feed", args=["not-a-token"])).status_code == 404
