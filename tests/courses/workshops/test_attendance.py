"""Attendance: the trainer's roster of a session, the check-in code and its QR code, and
the participant's self check-in (courses/workshops/views/attendance.py, attendance.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.constants import Role
from courses.workshops import attendance
from courses.workshops.constants import AttendanceStatus as A
from courses.workshops.constants import CheckIn
from courses.workshops.constants import RegistrationStatus as S
from courses.workshops.models import Attendance, AttendanceCertificate
from tests.accounts.factories import focal_point
from tests.factories import UserFactory

from .factories import RegistrationFactory, SessionFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    return UserFactory(roles=[Role.TRAINER])


@pytest.fixture
def workshop(trainer):
    """A workshop of two sessions: the first on now, the second tomorrow."""
    workshop = WorkshopFactory(trainers=[trainer], sessions=0)
    now = timezone.now()
    SessionFactory(
        workshop=workshop, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=2)
    )
    SessionFactory(workshop=workshop, starts_at=now + timedelta(days=1))
    return workshop


def sessions(workshop):
    return list(workshop.sessions.order_by("starts_at"))


def roster_url(workshop, session):
    return f"/workshops/manage/{workshop.pk}/sessions/{session.pk}/attendance/"


def marks(session):
    return dict(
        Attendance.objects.filter(session=session).values_list("registration__user__name", "status")
    )


# The roster ------------------------------------------------------------------------------


def test_the_roster_is_for_the_workshops_trainers_moderators_and_admins(client, workshop):
    today = sessions(workshop)[0]
    url = roster_url(workshop, today)
    assert client.get(url)["Location"].startswith("/accounts/login/")
    for outsider in (
        UserFactory(),
        UserFactory(roles=[Role.TRAINER]),  # another trainer
        focal_point("TH"),  # sees the participants, does not take attendance
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    for insider in (
        workshop.trainers.get(),
        UserFactory(roles=[Role.MODERATOR]),
        UserFactory(roles=[Role.SITE_ADMIN], is_staff=True, is_superuser=True),
    ):
        client.force_login(insider)
        assert client.get(url).status_code == 200


def test_a_session_of_another_workshop_is_not_found(client, workshop, trainer):
    other = WorkshopFactory(trainers=[trainer])
    client.force_login(trainer)
    assert client.get(roster_url(workshop, sessions(other)[0])).status_code == 404


def test_the_roster_lists_the_confirmed_participants_and_saves_present_and_absent(
    client, workshop, trainer
):
    today = sessions(workshop)[0]
    ana = RegistrationFactory(workshop=workshop, user=UserFactory(name="Ana"))
    bo = RegistrationFactory(workshop=workshop, user=UserFactory(name="Bo"))
    RegistrationFactory(workshop=workshop, user=UserFactory(name="Waiting Wu"), status=S.WAITING)
    client.force_login(trainer)

    html = client.get(roster_url(workshop, today)).content.decode()
    assert "Ana" in html
    assert "Bo" in html
    assert "Waiting Wu" not in html
    assert f'name="r{ana.pk}" value="present"' in html

    response = client.post(
        roster_url(workshop, today), {f"r{ana.pk}": "present", f"r{bo.pk}": "absent"}
    )

    assert response.status_code == 302
    assert marks(today) == {"Ana": A.PRESENT, "Bo": A.ABSENT}
    row = Attendance.objects.get(registration=ana)
    assert (row.method, row.marked_by) == (CheckIn.ROSTER, trainer)
    html = client.get(roster_url(workshop, today)).content.decode()
    assert f'name="r{ana.pk}" value="present" checked' in html
    assert "1 of 2 participants present" in html


def test_saving_the_same_roster_twice_changes_nothing(client, workshop, trainer):
    today = sessions(workshop)[0]
    ana = RegistrationFactory(workshop=workshop)
    client.force_login(trainer)
    client.post(roster_url(workshop, today), {f"r{ana.pk}": "present"})
    first = Attendance.objects.get()

    response = client.post(roster_url(workshop, today), {f"r{ana.pk}": "present"}, follow=True)

    assert "nothing changed" in response.content.decode()
    again = Attendance.objects.get()
    assert (again.pk, again.marked_at) == (first.pk, first.marked_at)


def test_everyone_present_in_one_tap(client, workshop, trainer):
    today = sessions(workshop)[0]
    for name in ("Ana", "Bo", "Chan"):
        RegistrationFactory(workshop=workshop, user=UserFactory(name=name))
    client.force_login(trainer)

    client.post(roster_url(workshop, today), {"all": "present"})

    assert marks(today) == {"Ana": A.PRESENT, "Bo": A.PRESENT, "Chan": A.PRESENT}


def test_a_bad_mark_is_a_form_error_and_saves_nothing(client, workshop, trainer):
    today = sessions(workshop)[0]
    ana, bo = RegistrationFactory(workshop=workshop), RegistrationFactory(workshop=workshop)
    client.force_login(trainer)

    response = client.post(
        roster_url(workshop, today), {f"r{ana.pk}": "present", f"r{bo.pk}": "maybe"}
    )

    assert response.status_code == 400
    assert "Choose present or absent" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_registration_of_another_workshop_cannot_be_marked(workshop, trainer):
    stranger = RegistrationFactory()  # another workshop
    today = sessions(workshop)[0]

    assert attendance.mark_roster(today, {stranger.pk: A.PRESENT}, by=trainer) == 0
    assert not Attendance.objects.exists()


def test_the_roster_of_a_session_far_ahead_is_not_open_yet(client, workshop, trainer):
    tomorrow = sessions(workshop)[1]
    ana = RegistrationFactory(workshop=workshop)
    client.force_login(trainer)

    assert (
        "The roster opens 30 minutes before"
        in client.get(roster_url(workshop, tomorrow)).content.decode()
    )
    response = client.post(roster_url(workshop, tomorrow), {f"r{ana.pk}": "present"})

    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_roster_posts_are_rate_limited(client, workshop, trainer, monkeypatch):
    from courses.workshops.views import attendance as views

    monkeypatch.setattr(views, "ROSTER_POSTS", 2)
    today = sessions(workshop)[0]
    ana = RegistrationFactory(workshop=workshop)
    client.force_login(trainer)
    for _ in range(2):
        assert (
            client.post(roster_url(workshop, today), {f"r{ana.pk}": "present"}).status_code == 302
        )

    assert client.post(roster_url(workshop, today), {f"r{ana.pk}": "absent"}).status_code == 429
    assert marks(today) == {ana.user.name: A.PRESENT}


@pytest.mark.parametrize("participants", [2, 30])
def test_the_roster_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, workshop, trainer, participants
):
    today = sessions(workshop)[0]
    registrations = [RegistrationFactory(workshop=workshop) for _ in range(participants)]
    attendance.mark_roster(today, {r.pk: A.PRESENT for r in registrations[::2]}, by=trainer)
    client.force_login(trainer)
    client.get(roster_url(workshop, today))

    # Session, user; workshop, roles, is a trainer; sessions; registrations, marks; the
    # site (the header's menu).
    with django_assert_num_queries(8):
        response = client.get(roster_url(workshop, today))

    assert response.status_code == 200


# The check-in code -----------------------------------------------------------------------


def test_the_trainer_sees_the_code_big_and_a_qr_code_of_the_check_in_link(
    client, workshop, trainer
):
    today = sessions(workshop)[0]
    client.force_login(trainer)

    response = client.get(f"/workshops/manage/{workshop.pk}/sessions/{today.pk}/code/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<strong>{today.check_in_code}</strong>" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "<script" not in html.split("<main")[1]
    assert f"/workshops/{workshop.pk}/check-in/?code={today.check_in_code}" in html
    assert "Check-in is open now" in html


def test_the_code_is_for_the_trainers_only(client, workshop):
    today = sessions(workshop)[0]
    RegistrationFactory(workshop=workshop, user=(participant := UserFactory()))
    client.force_login(participant)

    response = client.get(f"/workshops/manage/{workshop.pk}/sessions/{today.pk}/code/")

    assert response.status_code == 404
    assert today.check_in_code not in response.content.decode()


# Self check-in ---------------------------------------------------------------------------


def check_in_url(workshop):
    return f"/workshops/{workshop.pk}/check-in/"


def test_a_participant_checks_in_with_the_code_while_the_session_is_on(client, workshop):
    today = sessions(workshop)[0]
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(registration.user)

    response = client.post(check_in_url(workshop), {"code": today.check_in_code.lower()})

    assert response.status_code == 302
    row = Attendance.objects.get()
    assert (row.session, row.registration, row.status, row.method) == (
        today,
        registration,
        A.PRESENT,
        CheckIn.SELF,
    )
    # Again: not an error, still one row.
    assert client.post(check_in_url(workshop), {"code": today.check_in_code}).status_code == 302
    assert Attendance.objects.count() == 1


def test_the_qr_link_fills_the_code_in_and_a_get_saves_nothing(client, workshop):
    today = sessions(workshop)[0]
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(registration.user)

    response = client.get(f"{check_in_url(workshop)}?code={today.check_in_code}")

    assert response.status_code == 200
    assert f'value="{today.check_in_code}"' in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_wrong_code_saves_nothing_and_says_so(client, workshop):
    registration = RegistrationFactory(workshop=workshop)
    tomorrow = sessions(workshop)[1]
    client.force_login(registration.user)

    for code in ("ZZZZZZ", tomorrow.check_in_code, "", "x" * 500):
        response = client.post(check_in_url(workshop), {"code": code})
        assert response.status_code == 400, code
    assert (
        "not the code of the session on now"
        in client.post(check_in_url(workshop), {"code": tomorrow.check_in_code}).content.decode()
    )
    assert not Attendance.objects.exists()


def test_outside_the_session_check_in_is_closed(client, trainer):
    workshop = WorkshopFactory(trainers=[trainer])  # its session is in two days
    session = workshop.sessions.get()
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(registration.user)

    response = client.post(check_in_url(workshop), {"code": session.check_in_code})

    assert response.status_code == 400
    assert "open only during a session" in response.content.decode()
    assert not Attendance.objects.exists()
    # Half an hour before, it opens; after the end, it is closed again.
    assert attendance.check_in(
        workshop,
        registration.user,
        session.check_in_code,
        now=session.starts_at - timedelta(minutes=29),
    )
    with pytest.raises(attendance.Refused):
        attendance.check_in(
            workshop,
            registration.user,
            session.check_in_code,
            now=session.ends_at + timedelta(seconds=1),
        )


@pytest.mark.parametrize("status", [None, S.WAITING, S.PENDING, S.CANCELLED])
def test_only_confirmed_participants_check_in(client, workshop, status):
    today = sessions(workshop)[0]
    person = UserFactory()
    if status:
        RegistrationFactory(workshop=workshop, user=person, status=status)
    client.force_login(person)

    response = client.post(check_in_url(workshop), {"code": today.check_in_code})

    assert response.status_code == 403
    assert "Only confirmed participants" in response.content.decode()
    assert not Attendance.objects.exists()


def test_check_in_needs_an_account_and_csrf(client, workshop):
    assert client.get(check_in_url(workshop))["Location"].startswith("/accounts/login/")
    from django.test import Client

    registration = RegistrationFactory(workshop=workshop)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(registration.user)
    response = strict.post(check_in_url(workshop), {"code": sessions(workshop)[0].check_in_code})
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_guessing_codes_is_rate_limited(client, workshop):
    today = sessions(workshop)[0]
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(registration.user)
    for _ in range(10):
        client.post(check_in_url(workshop), {"code": "ABCDEF"})

    response = client.post(check_in_url(workshop), {"code": today.check_in_code})

    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()
    assert not Attendance.objects.exists()


def test_check_in_turns_an_absent_mark_into_present(workshop, trainer):
    today = sessions(workshop)[0]
    registration = RegistrationFactory(workshop=workshop)
    attendance.mark_roster(today, {registration.pk: A.ABSENT}, by=trainer)

    attendance.check_in(workshop, registration.user, today.check_in_code)

    assert Attendance.objects.get().status == A.PRESENT


# Certificates from attendance ------------------------------------------------------------


def test_present_at_every_session_issues_one_certificate_by_roster_or_check_in(workshop, trainer):
    today, tomorrow = sessions(workshop)
    ana = RegistrationFactory(workshop=workshop, user=UserFactory(name="Ana Lim"))
    bo = RegistrationFactory(workshop=workshop)
    attendance.mark_roster(today, {ana.pk: A.PRESENT, bo.pk: A.PRESENT}, by=trainer)
    assert not AttendanceCertificate.objects.exists()  # one session to go

    attendance.mark_roster(tomorrow, {bo.pk: A.ABSENT}, by=trainer, now=tomorrow.starts_at)
    attendance.check_in(workshop, ana.user, tomorrow.check_in_code, now=tomorrow.starts_at)
    attendance.check_in(workshop, ana.user, tomorrow.check_in_code, now=tomorrow.starts_at)
    attendance.mark_roster(tomorrow, {ana.pk: A.PRESENT}, by=trainer, now=tomorrow.ends_at)

    certificate = AttendanceCertificate.objects.get()
    assert certificate.registration == ana
    assert (certificate.name, certificate.workshop_title) == ("Ana Lim", workshop.title)
    assert certificate.held_on  # the dates, e.g. "3-4 March 2027"
    # A snapshot: renaming the person or the workshop later does not change it.
    ana.user.name = "Someone Else"
    ana.user.save()
    certificate.refresh_from_db()
    assert certificate.name == "Ana Lim"


def test_the_dates_on_a_certificate_are_the_workshops_own(trainer):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    bangkok = ZoneInfo("Asia/Bangkok")
    workshop = WorkshopFactory(trainers=[trainer], sessions=0, time_zone="Asia/Bangkok")
    # 3 March 06:00 in Bangkok is 2 March 23:00 UTC: the certificate says 3 March.
    for day in (3, 4):
        start = datetime(2027, 3, day, 6, 0, tzinfo=bangkok)
        SessionFactory(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=2))

    assert attendance.held_on(workshop.sessions.all(), workshop.time_zone) == "3\u20134 March 2027"
    assert attendance.held_on(workshop.sessions.all()[:1], workshop.time_zone) == "3 March 2027"


def test_nobody_checks_in_to_a_cancelled_workshop(client, workshop):
    today = sessions(workshop)[0]
    registration = RegistrationFactory(workshop=workshop)
    workshop.status = "cancelled"
    workshop.save()
    client.force_login(registration.user)

    response = client.post(check_in_url(workshop), {"code": today.check_in_code})

    assert response.status_code == 400
    assert "cancelled" in response.content.decode()
    assert not Attendance.objects.exists()
