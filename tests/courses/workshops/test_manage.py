"""The trainer's pages over HTTP: who sees which workshop, the list and the overview in a
constant number of queries, publishing, cancelling, approving and cancelling
registrations."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.constants import Constituency, Gender, Role
from courses.workshops import times
from courses.workshops.constants import RegistrationStatus, Status
from courses.workshops.models import Quota, Registration, Workshop
from courses.workshops.views import manage
from tests.accounts.factories import focal_point, site_admin
from tests.courses.workshops.factories import RegistrationFactory, WorkshopFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The site shell makes 7 of them (the unread notifications, the site, its locale and
# menu pages); the session and the user 2 more.
# The list: the user's roles, the count, the page of workshops.
LIST_QUERIES = 11
# The overview: the workshop with its seat counts, its sessions (with attendance), quotas,
# the user's roles, whether they run it, the registrations, the balance.
OVERVIEW_QUERIES = 15


@pytest.fixture
def lead():
    return UserFactory(name="Lead Trainer", roles=[Role.TRAINER])


@pytest.fixture
def co_trainer():
    return UserFactory(name="Co Trainer", roles=[Role.TRAINER])


@pytest.fixture
def workshop(lead, co_trainer):
    """A workshop in Cambodia run by `lead` and `co_trainer`."""
    return WorkshopFactory(
        title="Validation workshop Phnom Penh",
        trainers=[lead, co_trainer],
        created_by=lead,
        country="KH",
        time_zone="Asia/Phnom_Penh",
    )


PEOPLE = {
    "learner": lambda: UserFactory(),
    "other_trainer": lambda: UserFactory(roles=[Role.TRAINER]),
    "moderator": lambda: UserFactory(roles=[Role.MODERATOR]),
    "admin": site_admin,
    "focal_kh": lambda: focal_point("KH"),
    "focal_th": lambda: focal_point("TH"),
}


def person(name, lead, co_trainer):
    if name == "lead":
        return lead
    if name == "co_trainer":
        return co_trainer
    return PEOPLE[name]()


def manage_urls(workshop, registration):
    pk = workshop.pk
    return {
        "overview": reverse("workshop_manage", args=[pk]),
        "edit": reverse("workshop_edit", args=[pk]),
        "export_csv": reverse("workshop_export", args=[pk, "csv"]),
        "export_xlsx": reverse("workshop_export", args=[pk, "xlsx"]),
    }


# Who gets what: overview and exports are for those who see participants; the edit form
# for those who manage the workshop.
ACCESS = {
    "lead": {"overview": 200, "edit": 200, "export_csv": 200, "export_xlsx": 200},
    "co_trainer": {"overview": 200, "edit": 200, "export_csv": 200, "export_xlsx": 200},
    "moderator": {"overview": 200, "edit": 200, "export_csv": 200, "export_xlsx": 200},
    "admin": {"overview": 200, "edit": 200, "export_csv": 200, "export_xlsx": 200},
    "focal_kh": {"overview": 200, "edit": 404, "export_csv": 200, "export_xlsx": 200},
    "focal_th": {"overview": 404, "edit": 404, "export_csv": 404, "export_xlsx": 404},
    "other_trainer": {"overview": 404, "edit": 404, "export_csv": 404, "export_xlsx": 404},
    "learner": {"overview": 404, "edit": 404, "export_csv": 404, "export_xlsx": 404},
}


@pytest.mark.parametrize("who", list(ACCESS))
def test_each_role_gets_the_pages_it_may_see_and_404_for_the_others(
    client, workshop, lead, co_trainer, who
):
    registration = RegistrationFactory(workshop=workshop, user=UserFactory(name="Sokha Chan"))
    client.force_login(person(who, lead, co_trainer))

    statuses = {
        name: client.get(url).status_code
        for name, url in manage_urls(workshop, registration).items()
    }

    assert statuses == ACCESS[who]
    if ACCESS[who]["overview"] == 200:
        assert (
            "Sokha Chan"
            in client.get(reverse("workshop_manage", args=[workshop.pk])).content.decode()
        )


def test_anonymous_visitors_are_sent_to_log_in(client, workshop):
    for url in (
        reverse("workshops_manage"),
        reverse("workshop_create"),
        reverse("workshop_manage", args=[workshop.pk]),
        reverse("workshop_export", args=[workshop.pk, "csv"]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    response = client.post(reverse("workshop_publish", args=[workshop.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["other_trainer", "learner", "focal_kh", "focal_th"])
def test_post_actions_on_a_workshop_one_does_not_manage_are_404(client, lead, co_trainer, who):
    workshop = WorkshopFactory(trainers=[lead], country="KH", status=Status.DRAFT)
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(person(who, lead, co_trainer))

    statuses = [
        client.post(reverse("workshop_publish", args=[workshop.pk])).status_code,
        client.post(reverse("workshop_cancel", args=[workshop.pk]), {"reason": "No"}).status_code,
        client.post(
            reverse("workshop_registration_cancel", args=[workshop.pk, registration.pk])
        ).status_code,
    ]

    workshop.refresh_from_db()
    registration.refresh_from_db()
    assert statuses == [404, 404, 404]
    assert workshop.status == Status.DRAFT
    assert registration.status == RegistrationStatus.CONFIRMED


def test_the_list_is_403_for_a_member_without_the_trainer_role(client):
    client.force_login(UserFactory())

    assert client.get(reverse("workshops_manage")).status_code == 403


def test_a_trainer_lists_only_the_workshops_they_run(client, lead, workshop):
    WorkshopFactory(title="Someone else's workshop")
    client.force_login(lead)

    page = client.get(reverse("workshops_manage")).content.decode()

    assert "Validation workshop Phnom Penh" in page
    assert "Someone else&#x27;s workshop" not in page


def test_moderators_and_admins_list_every_workshop(client, workshop):
    WorkshopFactory(title="Another one")
    for who in (UserFactory(roles=[Role.MODERATOR]), site_admin()):
        client.force_login(who)
        page = client.get(reverse("workshops_manage")).content.decode()
        assert "Validation workshop Phnom Penh" in page
        assert "Another one" in page


def test_a_focal_point_lists_the_workshops_of_its_country(client, workshop):
    WorkshopFactory(title="In Thailand", country="TH")
    client.force_login(focal_point("KH"))

    response = client.get(reverse("workshops_manage"))

    assert response.status_code == 200
    assert "Validation workshop Phnom Penh" in response.content.decode()
    assert "In Thailand" not in response.content.decode()
    assert "New workshop" not in response.content.decode()


def test_a_list_row_shows_dates_in_both_zones_and_the_seat_counts(client, lead):
    start = datetime(2031, 3, 4, 2, 0, tzinfo=UTC)  # 09:00 Bangkok, 11:00 Tokyo
    workshop = WorkshopFactory(trainers=[lead], capacity=3, sessions__start=start)
    RegistrationFactory.create_batch(2, workshop=workshop)
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)
    RegistrationFactory.create_batch(4, workshop=workshop, status=RegistrationStatus.PENDING)
    lead.time_zone = "Asia/Tokyo"
    lead.save()
    client.force_login(lead)

    page = client.get(reverse("workshops_manage")).content.decode()

    dash = times.DASH
    assert f"Tue 4 Mar 2031, 11:00{dash}14:00 (your time) · 09:00{dash}12:00 Asia/Bangkok" in page
    assert "2 of 3" in page
    assert "<td>1</td>" in page
    assert '<span class="badge badge-new">4</span>' in page


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_makes_the_same_number_of_queries_for_3_or_30_workshops(
    client, django_assert_num_queries, lead, count
):
    for _ in range(count):
        workshop = WorkshopFactory(trainers=[lead], sessions=2)
        RegistrationFactory(workshop=workshop)
        RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)
    client.force_login(lead)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("workshops_manage"))

    assert response.status_code == 200
    assert len(response.context["rows"]) == min(count, 25)


@pytest.mark.parametrize("count", [3, 30])
def test_the_overview_makes_the_same_number_of_queries_for_3_or_30_registrations(
    client, django_assert_num_queries, lead, workshop, count
):
    Quota.objects.create(workshop=workshop, constituency=Constituency.GOVERNMENT, seats=2)
    for n in range(count):
        status = [
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITING,
            RegistrationStatus.PENDING,
        ][n % 3]
        RegistrationFactory(workshop=workshop, status=status)
    client.force_login(lead)

    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = client.get(reverse("workshop_manage", args=[workshop.pk]))

    assert response.status_code == 200
    assert len(response.context["pending"]) == count // 3


def test_the_overview_shows_the_waiting_list_in_order_and_the_balance(client, lead, workshop):
    Quota.objects.create(workshop=workshop, constituency=Constituency.GOVERNMENT, seats=4)
    for name, constituency, country, gender in [
        ("Anong", Constituency.GOVERNMENT, "KH", Gender.WOMAN),
        ("Bopha", Constituency.GOVERNMENT, "KH", Gender.WOMAN),
        ("Chan", Constituency.WORKERS, "TH", Gender.MAN),
    ]:
        RegistrationFactory(
            workshop=workshop,
            user=UserFactory(name=name, constituency=constituency, country=country, gender=gender),
        )
    later = RegistrationFactory(
        workshop=workshop, user=UserFactory(name="Later"), status=RegistrationStatus.WAITING
    )
    first = RegistrationFactory(
        workshop=workshop, user=UserFactory(name="First"), status=RegistrationStatus.WAITING
    )
    Registration.objects.filter(pk=first.pk).update(queued_at=later.queued_at.replace(year=2020))
    client.force_login(lead)

    response = client.get(reverse("workshop_manage", args=[workshop.pk]))

    balance = response.context["balance"]
    assert [r.user.name for r in response.context["waiting"]] == ["First", "Later"]
    assert balance["constituency"] == [("Government", 2, 4), ("Workers' organization", 1, None)]
    assert [(value, n) for value, _label, n in balance["country"]] == [("KH", 2), ("TH", 1)]
    assert [(value, n) for value, _label, n in balance["gender"]] == [("woman", 2), ("man", 1)]


def test_publishing_a_draft_opens_it(client, lead):
    workshop = WorkshopFactory(trainers=[lead], status=Status.DRAFT, published_at=None)
    client.force_login(lead)

    response = client.post(reverse("workshop_publish", args=[workshop.pk]), follow=True)

    workshop.refresh_from_db()
    assert workshop.status == Status.PUBLISHED
    assert "The workshop is published." in response.content.decode()


def test_publishing_twice_is_a_message_not_an_error(client, lead, workshop):
    client.force_login(lead)

    response = client.post(reverse("workshop_publish", args=[workshop.pk]), follow=True)

    assert response.status_code == 200
    assert "Only a draft workshop can be published." in response.content.decode()


def test_publishing_without_sessions_is_refused_with_a_message(client, lead):
    workshop = WorkshopFactory(trainers=[lead], status=Status.DRAFT, sessions=0)
    client.force_login(lead)

    response = client.post(reverse("workshop_publish", args=[workshop.pk]), follow=True)

    workshop.refresh_from_db()
    assert workshop.status == Status.DRAFT
    assert "Add at least one session before publishing." in response.content.decode()


def test_cancelling_needs_a_reason_and_tells_every_registrant(
    client, lead, workshop, django_capture_on_commit_callbacks
):
    RegistrationFactory(workshop=workshop, user=UserFactory(email="one@example.net"))
    RegistrationFactory(
        workshop=workshop, user=UserFactory(email="two@example.net"), status="waiting"
    )
    client.force_login(lead)
    url = reverse("workshop_cancel", args=[workshop.pk])

    refused = client.post(url, {"reason": "\u200b"}, follow=True)
    workshop.refresh_from_db()
    assert workshop.status == Status.PUBLISHED
    assert "Give a reason for cancelling" in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "The venue flooded."})

    workshop.refresh_from_db()
    assert workshop.status == Status.CANCELLED
    assert workshop.cancellation_reason == "The venue flooded."
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.net", "two@example.net"]
    again = client.post(url, {"reason": "Again"}, follow=True)
    assert "This workshop is already cancelled." in again.content.decode()


@pytest.mark.parametrize("who", ["lead", "co_trainer", "focal_kh", "moderator"])
def test_those_who_may_approve_approve_a_pending_registration(
    client, lead, co_trainer, workshop, who, django_capture_on_commit_callbacks
):
    pending = RegistrationFactory(
        workshop=workshop, user=UserFactory(email="p@example.net"), status="pending"
    )
    client.force_login(person(who, lead, co_trainer))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workshop_registration_decide", args=[workshop.pk, pending.pk]),
            {"approve": "1", "note": "Welcome."},
        )

    pending.refresh_from_db()
    assert response.status_code == 302
    assert pending.status == RegistrationStatus.CONFIRMED
    assert pending.decision_note == "Welcome."
    assert [m.to for m in mail.outbox] == [["p@example.net"]]


def test_declining_and_deciding_twice(client, lead, workshop):
    pending = RegistrationFactory(workshop=workshop, status="pending")
    client.force_login(lead)
    url = reverse("workshop_registration_decide", args=[workshop.pk, pending.pk])

    client.post(url, {"approve": "0"})
    again = client.post(url, {"approve": "1"}, follow=True)

    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.REJECTED
    assert "Someone else has already decided" in again.content.decode()


def test_approving_into_a_full_workshop_puts_them_on_the_waiting_list(client, lead):
    workshop = WorkshopFactory(trainers=[lead], capacity=1, requires_approval=True)
    RegistrationFactory(workshop=workshop)
    pending = RegistrationFactory(workshop=workshop, status="pending")
    client.force_login(lead)

    client.post(
        reverse("workshop_registration_decide", args=[workshop.pk, pending.pk]), {"approve": "1"}
    )

    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.WAITING


@pytest.mark.parametrize("who", ["other_trainer", "learner", "focal_th"])
def test_others_cannot_decide(client, lead, co_trainer, workshop, who):
    pending = RegistrationFactory(workshop=workshop, status="pending")
    client.force_login(person(who, lead, co_trainer))

    response = client.post(
        reverse("workshop_registration_decide", args=[workshop.pk, pending.pk]), {"approve": "1"}
    )

    pending.refresh_from_db()
    assert response.status_code == 404
    assert pending.status == RegistrationStatus.PENDING


def test_a_registration_of_another_workshop_is_404(client, lead, workshop):
    elsewhere = RegistrationFactory(status="pending")
    client.force_login(lead)

    response = client.post(
        reverse("workshop_registration_decide", args=[workshop.pk, elsewhere.pk]),
        {"approve": "1"},
    )

    assert response.status_code == 404


def test_a_bad_decision_value_is_a_message(client, lead, workshop):
    pending = RegistrationFactory(workshop=workshop, status="pending")
    client.force_login(lead)

    response = client.post(
        reverse("workshop_registration_decide", args=[workshop.pk, pending.pk]),
        {"approve": "maybe"},
        follow=True,
    )

    pending.refresh_from_db()
    assert response.status_code == 200
    assert pending.status == RegistrationStatus.PENDING
    assert "Choose to approve or decline" in response.content.decode()


def test_a_trainer_cancels_a_registration_and_the_first_in_line_gets_the_seat(
    client, lead, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory(trainers=[lead], capacity=1)
    seated = RegistrationFactory(workshop=workshop, user=UserFactory(email="s@example.net"))
    waiting = RegistrationFactory(
        workshop=workshop, user=UserFactory(email="w@example.net"), status="waiting"
    )
    client.force_login(lead)
    url = reverse("workshop_registration_cancel", args=[workshop.pk, seated.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Could not come."})
    twice = client.post(url, follow=True)

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == RegistrationStatus.CANCELLED
    assert seated.decided_by == lead
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == ["s@example.net", "w@example.net"]
    assert "This registration is already cancelled." in twice.content.decode()


def test_manage_posts_are_rate_limited(client, lead, workshop):
    manage.ACTIONS_PER_MINUTE, limit = 2, manage.ACTIONS_PER_MINUTE
    try:
        client.force_login(lead)
        url = reverse("workshop_publish", args=[workshop.pk])
        statuses = [client.post(url).status_code for _ in range(3)]
    finally:
        manage.ACTIONS_PER_MINUTE = limit

    assert statuses == [302, 302, 429]


def test_the_forms_post_with_a_csrf_token(lead, workshop):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(lead)

    response = strict.post(reverse("workshop_publish", args=[workshop.pk]))
    page = strict.get(reverse("workshop_manage", args=[workshop.pk])).content.decode()

    assert response.status_code == 403
    assert 'name="csrfmiddlewaretoken"' in page
    assert Workshop.objects.get(pk=workshop.pk).status == Status.PUBLISHED
