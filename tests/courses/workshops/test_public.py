"""/workshops/ (the list: upcoming then past, filters, cards) and /workshops/<id>/ (the
detail: times in two zones, the reader's status and button, the joining link only for
confirmed participants, drafts only for their managers)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from courses.workshops.constants import Kind, Mode, RegistrationStatus, Status
from courses.workshops.models import Session
from tests.factories import UserFactory

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/sse-secret-room"


def titles(response):
    return [w.title for w in response.context["page_obj"].object_list]


def soon(days, hour=2):
    """A moment `days` from now, at `hour`:00 UTC."""
    day = (timezone.now() + timedelta(days=days)).date()
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


# --- The list -----------------------------------------------------------------------------


def test_upcoming_soonest_first_and_past_kept_on_their_tab(client):
    later = WorkshopFactory(title="Later", sessions__start=soon(20))
    sooner = WorkshopFactory(title="Sooner", sessions__start=soon(3))
    past = WorkshopFactory(title="Last year", sessions__start=soon(-30))
    WorkshopFactory(title="A draft", status=Status.DRAFT)

    upcoming = client.get(reverse("workshops"))
    assert upcoming.status_code == 200
    assert titles(upcoming) == [sooner.title, later.title]

    older = client.get(reverse("workshops"), {"when": "past"})
    assert titles(older) == [past.title]
    assert "Past workshops" in older.text


def test_a_cancelled_workshop_stays_listed_and_marked(client):
    WorkshopFactory(title="Called off", status=Status.CANCELLED)

    response = client.get(reverse("workshops"))

    assert titles(response) == ["Called off"]
    assert "Cancelled" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "KH"}, ["Phnom Penh"]),
        ({"country": "regional"}, ["Regional webinar"]),
        ({"language": "km"}, ["Phnom Penh"]),
        ({"mode": Mode.ONLINE}, ["Regional webinar"]),
        ({"kind": Kind.VALIDATION}, ["Phnom Penh"]),
        ({"country": "TH", "mode": Mode.IN_PERSON}, ["Bangkok"]),
    ],
)
def test_filters(client, query, expected):
    WorkshopFactory(title="Bangkok", country="TH", languages=["th"])
    WorkshopFactory(
        title="Phnom Penh",
        country="KH",
        time_zone="Asia/Phnom_Penh",
        kind=Kind.VALIDATION,
        languages=["km", "en"],
    )
    WorkshopFactory(title="Regional webinar", country="", mode=Mode.ONLINE, languages=["en"])

    response = client.get(reverse("workshops"), query)

    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)


def test_month_filter_counts_any_session_in_the_month(client):
    start = timezone.now() + timedelta(days=40)
    month = start.strftime("%Y-%m")
    WorkshopFactory(title="In it", sessions__start=start)
    WorkshopFactory(title="Not in it", sessions__start=start + timedelta(days=62))

    response = client.get(reverse("workshops"), {"month": month})

    assert titles(response) == ["In it"]


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"language": "klingon"},
        {"mode": "teleport"},
        {"kind": "<script>"},
        {"month": "2027-13"},
        {"month": "March"},
        {"month": "99999-01"},
        {"page": "last-but-one"},
    ],
)
def test_bad_filter_values_are_reported_never_a_500(client, query):
    WorkshopFactory(title="Still shown")

    response = client.get(reverse("workshops"), query)

    if "page" in query:
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert "could not be used" in response.text
        assert "<script>" not in response.text
    assert titles(response) == ["Still shown"]


def test_paginated(client):
    for n in range(23):
        WorkshopFactory(title=f"W{n:02}", sessions__start=soon(2 + n))

    first = client.get(reverse("workshops"))
    second = client.get(reverse("workshops"), {"page": 2})

    assert len(titles(first)) == 20
    assert titles(second) == ["W20", "W21", "W22"]
    assert 'rel="next"' in first.text


def test_card_shows_the_readers_time_beside_the_workshops(client):
    start = soon(5, hour=2)  # 09:00 in Bangkok, 11:00 in Tokyo
    WorkshopFactory(title="Two zones", sessions__start=start)
    client.force_login(UserFactory(time_zone="Asia/Tokyo"))

    response = client.get(reverse("workshops"))

    assert "11:00 (your time)" in response.text
    assert "09:00 Asia/Bangkok" in response.text


def test_anonymous_reader_sees_utc_beside_the_workshops_time(client):
    WorkshopFactory(title="Two zones", sessions__start=soon(5, hour=2))

    response = client.get(reverse("workshops"))

    assert '02:00 <span class="muted">UTC</span>' in response.text
    assert "09:00 Asia/Bangkok" in response.text


def test_card_seats_full_and_closed(client):
    open_one = WorkshopFactory(title="Open", capacity=3)
    RegistrationFactory(workshop=open_one)
    full = WorkshopFactory(title="Full", capacity=1)
    RegistrationFactory(workshop=full)
    WorkshopFactory(title="Closed", registration_closes=timezone.now() - timedelta(hours=1))

    text = client.get(reverse("workshops")).text

    assert "2 seats left" in text
    assert "Full - waiting list" in text
    assert "Registration closed" in text


# --- The detail ---------------------------------------------------------------------------


def detail(client, workshop):
    return client.get(reverse("workshop", args=[workshop.pk]))


def test_detail_shows_description_sessions_venue_trainers(client):
    trainer = UserFactory(name="Somchai Trainer", roles=[Role.TRAINER])
    workshop = WorkshopFactory(
        trainers=[trainer],
        sessions=2,
        sessions__start=soon(4, hour=2),
        description_html="<p>The <strong>seven</strong> features.</p>",
    )
    Session.objects.filter(workshop=workshop).update(title="")
    client.force_login(UserFactory(time_zone="Asia/Bishkek"))

    response = detail(client, workshop)

    assert response.status_code == 200
    assert "<p>The <strong>seven</strong> features.</p>" in response.text
    assert "Somchai Trainer" in response.text
    assert "Chiang Mai Cooperative College" in response.text
    # 02:00-05:00 UTC is 08:00-11:00 in Bishkek (+6), 09:00-12:00 in Bangkok (+7).
    assert response.text.count("08:00\N{EN DASH}11:00 (your time)") == 2
    assert response.text.count("09:00\N{EN DASH}12:00 Asia/Bangkok") == 2


def test_joining_link_only_for_confirmed_participants(client):
    workshop = WorkshopFactory(mode=Mode.ONLINE, joining_link=LINK, venue="")
    assert LINK not in detail(client, workshop).text  # anonymous
    for status in (
        RegistrationStatus.WAITING,
        RegistrationStatus.PENDING,
        RegistrationStatus.CANCELLED,
        RegistrationStatus.REJECTED,
    ):
        registration = RegistrationFactory(workshop=workshop, status=status)
        client.force_login(registration.user)
        assert LINK not in detail(client, workshop).text, status
    client.force_login(UserFactory())
    assert LINK not in detail(client, workshop).text  # a member not registered

    confirmed = RegistrationFactory(workshop=workshop)
    client.force_login(confirmed.user)
    assert LINK in detail(client, workshop).text


def test_the_public_ics_never_carries_the_joining_link(client):
    workshop = WorkshopFactory(mode=Mode.HYBRID, joining_link=LINK)
    confirmed = RegistrationFactory(workshop=workshop)
    client.force_login(confirmed.user)

    response = client.get(reverse("workshop_ics", args=[workshop.pk]))

    assert LINK not in response.content.decode()


def test_status_and_buttons(client):
    workshop = WorkshopFactory(capacity=1)
    assert "Log in to register" in detail(client, workshop).text

    member = UserFactory()
    client.force_login(member)
    text = detail(client, workshop).text
    assert reverse("workshop_register", args=[workshop.pk]) in text
    assert ">Register<" in text

    RegistrationFactory(workshop=workshop)  # someone takes the one seat
    text = detail(client, workshop).text
    assert "Join the waiting list" in text

    first = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)
    mine = RegistrationFactory(workshop=workshop, user=member, status=RegistrationStatus.WAITING)
    assert first.queued_at <= mine.queued_at
    text = detail(client, workshop).text
    assert "waiting list, number 2" in text
    assert reverse("workshop_cancel_registration", args=[workshop.pk]) in text

    mine.status = RegistrationStatus.PENDING
    mine.save()
    assert "waiting for approval" in detail(client, workshop).text


def test_after_the_cut_off_a_note_instead_of_the_cancel_button(client):
    workshop = WorkshopFactory(
        sessions__start=timezone.now() + timedelta(hours=10), cancellation_cutoff_hours=24
    )
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(registration.user)

    text = detail(client, workshop).text

    assert "You are registered" in text
    assert reverse("workshop_cancel_registration", args=[workshop.pk]) not in text
    assert "tell the trainer" in text


def test_drafts_are_404_but_to_their_managers(client):
    trainer = UserFactory(roles=[Role.TRAINER])
    draft = WorkshopFactory(status=Status.DRAFT, trainers=[trainer])

    assert detail(client, draft).status_code == 404
    client.force_login(UserFactory(roles=[Role.TRAINER]))  # another trainer
    assert detail(client, draft).status_code == 404
    assert client.get(reverse("workshop_ics", args=[draft.pk])).status_code == 404
    client.force_login(trainer)
    response = detail(client, draft)
    assert response.status_code == 200
    assert "Manage this workshop" in response.text


def test_unknown_workshop_is_404(client):
    assert client.get("/workshops/999999/").status_code == 404


def test_a_confirmed_participant_is_offered_check_in_while_a_session_is_on_and_feedback_after(
    client,
):
    now = timezone.now()
    on = WorkshopFactory(sessions__start=now - timedelta(minutes=10))
    over = WorkshopFactory(sessions__start=now - timedelta(days=1))
    ahead = WorkshopFactory()
    person = UserFactory()
    for workshop in (on, over, ahead):
        RegistrationFactory(workshop=workshop, user=person)
    client.force_login(person)

    pages = {
        name: client.get(reverse("workshop", args=[w.pk])).content.decode()
        for name, w in (("on", on), ("over", over), ("ahead", ahead))
    }

    check_in, feedback = "Check in to this session", "Give your feedback"
    assert (check_in in pages["on"], feedback in pages["on"]) == (True, False)
    assert (check_in in pages["over"], feedback in pages["over"]) == (False, True)
    assert (check_in in pages["ahead"], feedback in pages["ahead"]) == (False, False)
