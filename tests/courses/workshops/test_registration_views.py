"""The register and cancel posts: login and POST only, the service's refusals as a
message and a redirect (never a 500), nothing changed by a refused one, a rate limit."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from courses.workshops.constants import RegistrationStatus, Status
from courses.workshops.models import Registration
from courses.workshops.views import public
from tests.factories import UserFactory

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def rows(workshop):
    return list(
        Registration.objects.filter(workshop=workshop)
        .order_by("id")
        .values_list("user_id", "status", "updated_at")
    )


def post(client, name, workshop, **kwargs):
    return client.post(reverse(name, args=[workshop.pk]), **kwargs)


def flash(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_register_confirms_then_a_second_member_waits(client, django_capture_on_commit_callbacks):
    workshop = WorkshopFactory(capacity=1)
    first, second = UserFactory(), UserFactory()

    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "workshop_register", workshop)
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    client.force_login(second)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "workshop_register", workshop, follow=True)

    assert "waiting list" in response.text
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: RegistrationStatus.CONFIRMED,
        second.pk: RegistrationStatus.WAITING,
    }


def test_registering_twice_is_refused_and_changes_nothing(client):
    workshop = WorkshopFactory()
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(registration.user)
    before = rows(workshop)

    response = post(client, "workshop_register", workshop)

    assert response.status_code == 302
    assert flash(response) == ["You are already registered for this workshop."]
    assert rows(workshop) == before


@pytest.mark.parametrize(
    "fields",
    [
        {"registration_closes": timezone.now() - timedelta(hours=1)},
        {"registration_opens": timezone.now() + timedelta(days=1)},
        {"status": Status.CANCELLED},
    ],
)
def test_registering_when_closed_is_refused(client, fields):
    workshop = WorkshopFactory(**fields)
    client.force_login(UserFactory())

    response = post(client, "workshop_register", workshop)

    assert response.status_code == 302
    assert flash(response)
    assert not Registration.objects.exists()


def test_cancel_then_cancel_again(client, django_capture_on_commit_callbacks):
    workshop = WorkshopFactory(capacity=1)
    mine = RegistrationFactory(workshop=workshop)
    waiting = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)
    client.force_login(mine.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "workshop_cancel_registration", workshop)
    assert response.status_code == 302
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.CONFIRMED,
    )
    before = rows(workshop)

    again = post(client, "workshop_cancel_registration", workshop)

    assert again.status_code == 302
    assert flash(again)[-1] == "This registration is already cancelled."
    assert rows(workshop) == before


def test_cancel_after_the_cut_off_is_refused(client):
    workshop = WorkshopFactory(
        sessions__start=timezone.now() + timedelta(hours=5), cancellation_cutoff_hours=24
    )
    mine = RegistrationFactory(workshop=workshop)
    client.force_login(mine.user)
    before = rows(workshop)

    response = post(client, "workshop_cancel_registration", workshop)

    assert response.status_code == 302
    assert "cut-off" in flash(response)[0]
    assert rows(workshop) == before


def test_cancel_without_a_registration(client):
    workshop = WorkshopFactory()
    client.force_login(UserFactory())

    response = post(client, "workshop_cancel_registration", workshop)

    assert response.status_code == 302
    assert flash(response) == ["You are not registered for this workshop."]


def test_post_only_and_login_required(client):
    workshop = WorkshopFactory()
    register = reverse("workshop_register", args=[workshop.pk])

    assert client.get(register).status_code == 405
    anonymous = client.post(register)
    assert anonymous.status_code == 302
    assert reverse("account_login") in anonymous.url
    client.force_login(UserFactory())
    assert client.get(register).status_code == 405
    assert not Registration.objects.exists()


def test_unverified_member_is_told_to_confirm_the_address(client):
    workshop = WorkshopFactory()
    client.force_login(UserFactory(verified=False))

    response = post(client, "workshop_register", workshop)

    assert response.status_code == 302
    assert "Confirm your e-mail" in flash(response)[0]
    assert not Registration.objects.exists()


def test_a_draft_cannot_be_registered_for(client):
    draft = WorkshopFactory(status=Status.DRAFT)
    client.force_login(UserFactory())

    assert post(client, "workshop_register", draft).status_code == 404
    assert not Registration.objects.exists()


def test_csrf_is_checked(client):
    from django.test import Client

    workshop = WorkshopFactory()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(UserFactory())

    assert strict.post(reverse("workshop_register", args=[workshop.pk])).status_code == 403
    assert not Registration.objects.exists()


def test_registrations_are_rate_limited_per_member(client, monkeypatch):
    monkeypatch.setattr(public, "REGISTRATIONS_PER_WINDOW", 2)
    workshop = WorkshopFactory()
    member = UserFactory()
    client.force_login(member)

    assert post(client, "workshop_register", workshop).status_code == 302
    assert post(client, "workshop_cancel_registration", workshop).status_code == 302
    limited = post(client, "workshop_register", workshop)

    assert limited.status_code == 429
    assert Registration.objects.get(user=member).status == RegistrationStatus.CANCELLED
    client.force_login(UserFactory())  # someone else is not limited
    assert post(client, "workshop_register", workshop).status_code == 302
