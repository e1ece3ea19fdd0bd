"""The workshop form over HTTP: creating and editing a workshop with its sessions,
languages, quotas and co-trainers; bad input is a form error and saves nothing."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from accounts.constants import Role
from courses.workshops.constants import RegistrationStatus, Status
from courses.workshops.models import Quota, Registration, Session, Workshop
from tests.courses.factories import CoursePageFactory
from tests.courses.workshops.factories import RegistrationFactory, WorkshopFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BANGKOK = ZoneInfo("Asia/Bangkok")


def workshop_data(sessions=(("Day 1", "2031-03-04T09:00", "2031-03-04T12:00"),), **fields):
    """POST data for a new workshop: an in-person training in Thailand with `sessions`
    (title, start, end as local times)."""
    data = {
        "title": "Cooperative bookkeeping",
        "description": "**Two days** of practice.",
        "kind": "training",
        "country": "TH",
        "languages": ["en", "th"],
        "time_zone": "Asia/Bangkok",
        "mode": "in_person",
        "venue": "Chiang Mai Cooperative College",
        "joining_link": "",
        "capacity": "20",
        "registration_opens": "",
        "registration_closes": "",
        "cancellation_cutoff_hours": "24",
        "prerequisite_course": "",
        "course": "",
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "1",
        "sessions-MAX_NUM_FORMS": "60",
    }
    for n, (title, starts, ends) in enumerate(sessions):
        data.update(
            {
                f"sessions-{n}-title": title,
                f"sessions-{n}-starts_at": starts,
                f"sessions-{n}-ends_at": ends,
            }
        )
    data.update(fields)
    return data


def edit_data(workshop, **fields):
    """POST data that resubmits `workshop` as it is stored (times as local times)."""
    zone = ZoneInfo(workshop.time_zone)
    sessions = list(workshop.sessions.order_by("starts_at", "id"))
    quotas = {q.constituency: q.seats for q in workshop.quotas.all()}
    data = {
        "title": workshop.title,
        "description": workshop.description,
        "kind": workshop.kind,
        "country": workshop.country,
        "languages": [row.language for row in workshop.languages.all()],
        "time_zone": workshop.time_zone,
        "mode": workshop.mode,
        "venue": workshop.venue,
        "joining_link": workshop.joining_link,
        "capacity": str(workshop.capacity),
        "registration_opens": "",
        "registration_closes": "",
        "cancellation_cutoff_hours": str(workshop.cancellation_cutoff_hours),
        "prerequisite_course": "",
        "course": "",
        "co_trainers": [
            str(t.pk) for t in workshop.trainers.all() if t.pk != workshop.created_by_id
        ],
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": str(len(sessions)),
        "sessions-MIN_NUM_FORMS": "1",
        "sessions-MAX_NUM_FORMS": "60",
        **{f"quota_{constituency}": str(seats) for constituency, seats in quotas.items()},
    }
    for n, session in enumerate(sessions):
        data.update(
            {
                f"sessions-{n}-id": str(session.pk),
                f"sessions-{n}-title": session.title,
                f"sessions-{n}-starts_at": f"{session.starts_at.astimezone(zone):%Y-%m-%dT%H:%M}",
                f"sessions-{n}-ends_at": f"{session.ends_at.astimezone(zone):%Y-%m-%dT%H:%M}",
            }
        )
    data.update(fields)
    return data


@pytest.fixture
def trainer(client):
    user = UserFactory(name="Somchai Trainer", roles=[Role.TRAINER])
    client.force_login(user)
    return user


def test_a_trainer_creates_a_draft_workshop_with_times_stored_in_utc(client, trainer):
    co_trainer = UserFactory(name="Dara Co", roles=[Role.TRAINER])
    course = CoursePageFactory()
    data = workshop_data(
        sessions=(
            ("Day 1", "2031-03-04T09:00", "2031-03-04T12:00"),
            ("Day 2", "2031-03-05T13:30", "2031-03-05T17:00"),
        ),
        co_trainers=[str(co_trainer.pk)],
        quota_government="5",
        quota_workers="5",
        course=str(course.pk),
        registration_opens="2031-02-01T08:00",
        registration_closes="2031-03-01T18:00",
    )

    response = client.post(reverse("workshop_create"), data)

    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workshop_manage", args=[workshop.pk])
    assert workshop.status == Status.DRAFT
    assert workshop.created_by == trainer
    assert set(workshop.trainers.all()) == {trainer, co_trainer}
    assert workshop.description_html == "<p><strong>Two days</strong> of practice.</p>\n"
    assert workshop.course == course
    assert sorted(workshop.languages.values_list("language", flat=True)) == ["en", "th"]
    assert dict(workshop.quotas.values_list("constituency", "seats")) == {
        "government": 5,
        "workers": 5,
    }
    assert workshop.registration_opens == datetime(2031, 2, 1, 1, 0, tzinfo=UTC)
    assert workshop.registration_closes == datetime(2031, 3, 1, 11, 0, tzinfo=UTC)
    assert [(s.title, s.starts_at, s.ends_at) for s in workshop.sessions.order_by("starts_at")] == [
        ("Day 1", datetime(2031, 3, 4, 2, 0, tzinfo=UTC), datetime(2031, 3, 4, 5, 0, tzinfo=UTC)),
        ("Day 2", datetime(2031, 3, 5, 6, 30, tzinfo=UTC), datetime(2031, 3, 5, 10, 0, tzinfo=UTC)),
    ]


def test_the_same_wall_clock_time_in_tokyo_is_stored_two_hours_earlier(client, trainer):
    data = workshop_data(time_zone="Asia/Tokyo", country="JP")

    client.post(reverse("workshop_create"), data)

    session = Session.objects.get()
    assert session.starts_at == datetime(2031, 3, 4, 0, 0, tzinfo=UTC)


def test_the_edit_form_shows_the_sessions_in_the_workshops_own_zone(client, trainer):
    start = datetime(2031, 3, 4, 2, 0, tzinfo=UTC)  # 09:00 in Bangkok
    workshop = WorkshopFactory(trainers=[trainer], sessions__start=start)

    page = client.get(reverse("workshop_edit", args=[workshop.pk])).content.decode()

    assert 'value="2031-03-04T09:00"' in page
    assert 'value="2031-03-04T12:00"' in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"sessions-0-ends_at": "2031-03-04T08:00"},
            "ends_at",
            "A session must end after it starts.",
        ),
        ({"capacity": "-3"}, "capacity", "Ensure this value is greater than or equal to 1."),
        ({"capacity": "0"}, "capacity", "Ensure this value is greater than or equal to 1."),
        (
            {"capacity": "99999999999"},
            "capacity",
            "Ensure this value is less than or equal to 10000.",
        ),
        (
            {"quota_government": "99999999999"},
            "quota_government",
            "Ensure this value is less than or equal to 10000.",
        ),
        ({"quota_sse": "-1"}, "quota_sse", "Ensure this value is greater than or equal to 0."),
        (
            {"cancellation_cutoff_hours": "-5"},
            "cancellation_cutoff_hours",
            "Ensure this value is greater than or equal to 0.",
        ),
        (
            {"time_zone": "Mars/Olympus_Mons"},
            "time_zone",
            "“Mars/Olympus_Mons” is not a known time zone.",
        ),
        (
            {"quota_government": "15", "quota_sse": "10"},
            None,
            "The quotas add up to 25 seats, more than the 20 seats.",
        ),
        (
            {"registration_opens": "2031-02-10T08:00", "registration_closes": "2031-02-01T08:00"},
            "registration_closes",
            "Registration must close after it opens.",
        ),
        ({"title": "\u200b\u200d\ufeff "}, "title", "This field is required."),
        ({"description": "\u2060"}, "description", "This field is required."),
        ({"mode": "online"}, "joining_link", "An online or hybrid workshop needs a joining link."),
        (
            {"mode": "hybrid", "venue": ""},
            "venue",
            "An in-person or hybrid workshop needs a venue.",
        ),
        ({"languages": []}, "languages", "Choose at least one language."),
        ({"country": "ZZ"}, "country", "Select a valid choice. ZZ is not one of the available"),
        ({"sessions-0-starts_at": "tomorrow"}, "starts_at", "Enter a valid date/time."),
    ],
)
def test_bad_input_is_a_form_error_and_saves_nothing(client, trainer, fields, field, message):
    response = client.post(reverse("workshop_create"), workshop_data(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Nothing is saved yet" in response.content.decode()
    assert not Workshop.objects.exists()
    assert not Session.objects.exists()
    if field in ("ends_at", "starts_at"):
        assert response.context["formset"].forms[0].errors[field]
    elif field:
        assert response.context["form"].errors[field]


def test_a_workshop_needs_at_least_one_session(client, trainer):
    data = workshop_data(sessions=(("", "", ""),))

    response = client.post(reverse("workshop_create"), data)

    assert response.status_code == 200
    assert not Workshop.objects.exists()


def test_empty_extra_session_rows_are_skipped(client, trainer):
    data = workshop_data(sessions=(("Day 1", "2031-03-04T09:00", "2031-03-04T12:00"), ("", "", "")))

    response = client.post(reverse("workshop_create"), data)

    assert response.status_code == 302
    assert Session.objects.count() == 1


def test_co_trainers_are_chosen_among_trainers_only(client, trainer):
    learner = UserFactory()

    response = client.post(reverse("workshop_create"), workshop_data(co_trainers=[learner.pk]))

    assert response.status_code == 200
    assert response.context["form"].errors["co_trainers"]
    assert not Workshop.objects.exists()


def test_a_learner_may_not_open_the_form(client):
    client.force_login(UserFactory())

    assert client.get(reverse("workshop_create")).status_code == 403
    assert client.post(reverse("workshop_create"), workshop_data()).status_code == 403
    assert not Workshop.objects.exists()


def test_moving_a_session_tells_every_active_registrant_and_bumps_its_sequence(
    client, trainer, django_capture_on_commit_callbacks
):
    start = datetime(2031, 3, 4, 2, 0, tzinfo=UTC)
    workshop = WorkshopFactory(trainers=[trainer], sessions=2, sessions__start=start)
    first, second = workshop.sessions.order_by("starts_at")
    confirmed = RegistrationFactory(workshop=workshop, user=UserFactory(email="a@example.net"))
    RegistrationFactory(
        workshop=workshop,
        user=UserFactory(email="w@example.net"),
        status=RegistrationStatus.WAITING,
    )
    RegistrationFactory(
        workshop=workshop,
        user=UserFactory(email="gone@example.net"),
        status=RegistrationStatus.CANCELLED,
    )
    data = edit_data(workshop, **{"sessions-0-starts_at": "2031-03-04T10:00"})

    with django_capture_on_commit_callbacks(execute=True):
        with_mail = client.post(reverse("workshop_edit", args=[workshop.pk]), data)

    first.refresh_from_db()
    second.refresh_from_db()
    assert with_mail.status_code == 302
    assert first.starts_at == datetime(2031, 3, 4, 3, 0, tzinfo=UTC)
    assert (first.sequence, second.sequence) == (1, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.net", "w@example.net"]
    assert confirmed.user.email in {m.to[0] for m in mail.outbox}


def test_saving_without_changing_a_time_tells_nobody(
    client, trainer, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory(trainers=[trainer])
    RegistrationFactory(workshop=workshop)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, title="Renamed")
        )

    workshop.refresh_from_db()
    assert response.status_code == 302
    assert workshop.title == "Renamed"
    assert mail.outbox == []
    assert workshop.sessions.get().sequence == 0


def test_adding_and_removing_sessions_tells_registrants(
    client, trainer, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory(trainers=[trainer], sessions=2)
    RegistrationFactory(workshop=workshop, user=UserFactory(email="p@example.net"))
    data = edit_data(workshop, **{"sessions-1-DELETE": "on"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workshop_edit", args=[workshop.pk]), data)

    assert response.status_code == 302
    assert workshop.sessions.count() == 1
    assert [m.to for m in mail.outbox] == [["p@example.net"]]


def test_adding_a_session_tells_registrants(client, trainer, django_capture_on_commit_callbacks):
    workshop = WorkshopFactory(trainers=[trainer])
    RegistrationFactory(workshop=workshop, user=UserFactory(email="p@example.net"))
    data = edit_data(
        workshop,
        **{
            "sessions-TOTAL_FORMS": "2",
            "sessions-1-title": "Follow-up",
            "sessions-1-starts_at": "2031-04-01T09:00",
            "sessions-1-ends_at": "2031-04-01T11:00",
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workshop_edit", args=[workshop.pk]), data)

    assert response.status_code == 302
    assert workshop.sessions.count() == 2
    assert [m.to for m in mail.outbox] == [["p@example.net"]]


def test_the_form_offers_a_template_row_for_the_add_session_button(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer])

    page = client.get(reverse("workshop_edit", args=[workshop.pk])).content.decode()

    assert '<template id="session-form-template">' in page
    assert 'name="sessions-__prefix__-starts_at"' in page
    assert "js/workshop-manage.js" in page


def test_more_seats_promote_the_waiting_list(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer], capacity=1)
    RegistrationFactory(workshop=workshop)
    waiting = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)

    client.post(reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, capacity="2"))

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_a_raised_quota_promotes_who_it_held_back(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer], capacity=5)
    Quota.objects.create(workshop=workshop, constituency="sse", seats=1)
    RegistrationFactory(workshop=workshop)  # an SSE organization, holding the quota's seat
    waiting = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)

    client.post(reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, quota_sse="2"))

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_the_capacity_may_not_go_below_the_confirmed_registrations(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer], capacity=3)
    RegistrationFactory.create_batch(2, workshop=workshop)

    response = client.post(
        reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, capacity="1")
    )

    workshop.refresh_from_db()
    assert response.status_code == 200
    assert "2 people are confirmed already" in response.content.decode()
    assert workshop.capacity == 3


def test_a_bad_session_on_edit_saves_no_other_change(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer], title="Kept")
    data = edit_data(workshop, title="Changed", **{"sessions-0-ends_at": "2000-01-01T00:00"})

    response = client.post(reverse("workshop_edit", args=[workshop.pk]), data)

    workshop.refresh_from_db()
    assert response.status_code == 200
    assert workshop.title == "Kept"


def test_the_creator_stays_a_trainer_when_a_moderator_edits(client):
    lead = UserFactory(roles=[Role.TRAINER])
    workshop = WorkshopFactory(trainers=[lead], created_by=lead)
    client.force_login(UserFactory(roles=[Role.MODERATOR]))

    response = client.post(reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop))

    assert response.status_code == 302
    assert list(workshop.trainers.all()) == [lead]


def test_a_workshop_keeps_at_least_one_trainer(client):
    workshop = WorkshopFactory(created_by=None)
    client.force_login(UserFactory(roles=[Role.MODERATOR]))

    response = client.post(
        reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, co_trainers=[])
    )

    assert response.status_code == 200
    assert "A workshop needs at least one trainer." in response.content.decode()
    assert workshop.trainers.count() == 1


def test_the_empty_form_offers_three_session_rows(client, trainer):
    response = client.get(reverse("workshop_create"))

    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 3
    assert 'type="datetime-local"' in response.content.decode()


def test_another_trainers_workshop_cannot_be_edited(client, trainer):
    workshop = WorkshopFactory(title="Theirs")

    get = client.get(reverse("workshop_edit", args=[workshop.pk]))
    post = client.post(
        reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, title="Mine")
    )

    workshop.refresh_from_db()
    assert get.status_code == post.status_code == 404
    assert workshop.title == "Theirs"


def test_a_cancelled_workshop_is_not_edited(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer], status=Status.CANCELLED)

    response = client.post(
        reverse("workshop_edit", args=[workshop.pk]), edit_data(workshop, title="Back")
    )

    workshop.refresh_from_db()
    assert response.status_code == 302
    assert workshop.title != "Back"


def test_registration_times_are_shown_back_in_the_workshops_zone(client, trainer):
    workshop = WorkshopFactory(
        trainers=[trainer],
        registration_opens=datetime(2031, 2, 1, 1, 0, tzinfo=UTC),
        registration_closes=datetime(2031, 2, 1, 1, 0, tzinfo=UTC) + timedelta(days=10),
    )

    page = client.get(reverse("workshop_edit", args=[workshop.pk])).content.decode()

    assert 'value="2031-02-01T08:00"' in page
    assert 'value="2031-02-11T08:00"' in page
    assert Registration.objects.count() == 0


def test_a_moved_session_is_reminded_again_at_its_new_time(client, trainer):
    start = datetime(2031, 3, 4, 2, 0, tzinfo=UTC)
    workshop = WorkshopFactory(trainers=[trainer], sessions=2, sessions__start=start)
    first, second = workshop.sessions.order_by("starts_at")
    Session.objects.filter(workshop=workshop).update(reminded_at=start - timedelta(hours=20))

    client.post(
        reverse("workshop_edit", args=[workshop.pk]),
        edit_data(workshop, **{"sessions-0-starts_at": "2031-03-04T10:00"}),
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.reminded_at is None
    assert second.reminded_at == start - timedelta(hours=20)
