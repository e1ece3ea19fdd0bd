"""The list and detail pages make a constant number of queries: the same with 500
workshops as with 5, and for a workshop of 1 or 10 sessions and 2 or 60 registrations
(exact counts, for an anonymous reader and a logged-in member)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.workshops.constants import Kind, Mode, RegistrationStatus, Status
from courses.workshops.models import Registration, Session, Workshop, WorkshopLanguage
from tests.factories import UserFactory

from .factories import RegistrationFactory, SessionFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

# What base.html's site shell reads once its caches are warm: the Wagtail site.
SHELL = 1
# Anonymous: the count, the page of workshops, their sessions, their languages.
LIST_ANONYMOUS = SHELL + 4
# A member adds the user and the header's unread-notification count (the session is read
# through the cache).
LIST_MEMBER = LIST_ANONYMOUS + 2


def many_workshops(count, people):
    """`count` published workshops in one go (bulk_create), each with two sessions, two
    languages and a registration, half of them past, a few cancelled."""
    now = timezone.now()
    workshops = Workshop.objects.bulk_create(
        Workshop(
            title=f"Bulk workshop {n}",
            description="d",
            description_html="<p>d</p>",
            kind=Kind.TRAINING if n % 2 else Kind.WEBINAR,
            country="TH" if n % 3 else "",
            time_zone="Asia/Bangkok",
            mode=Mode.HYBRID,
            capacity=10,
            status=Status.CANCELLED if n % 17 == 0 else Status.PUBLISHED,
            published_at=now,
        )
        for n in range(count)
    )
    sessions = []
    for n, workshop in enumerate(workshops):
        start = now + timedelta(days=(n * 7) % 60 - 20, hours=n % 24)
        sessions += [
            Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=2)),
            Session(
                workshop=workshop,
                starts_at=start + timedelta(days=1),
                ends_at=start + timedelta(days=1, hours=2),
            ),
        ]
    Session.objects.bulk_create(sessions)
    WorkshopLanguage.objects.bulk_create(
        WorkshopLanguage(workshop=w, language=code) for w in workshops for code in ("en", "th")
    )
    Registration.objects.bulk_create(
        Registration(workshop=w, user=people[n % len(people)], status=RegistrationStatus.CONFIRMED)
        for n, w in enumerate(workshops)
    )
    return workshops


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_list_queries_do_not_grow(client, django_assert_num_queries, count, when):
    people = [UserFactory() for _ in range(3)]
    many_workshops(count, people)
    query = {"when": "past"} if when == "past" else {}

    client.get(reverse("workshops"), query)  # warm the shell's caches (the site, menus)
    with django_assert_num_queries(LIST_ANONYMOUS):
        response = client.get(reverse("workshops"), query)
    assert response.status_code == 200
    assert response.context["page_obj"].object_list

    client.force_login(people[0])
    with django_assert_num_queries(LIST_MEMBER):
        client.get(reverse("workshops"), {**query, "page": 2, "country": "TH", "language": "th"})


# Anonymous: the workshop, its sessions, languages and trainers.
DETAIL_ANONYMOUS = SHELL + 4
# A member: the user (the session is read through the cache), their role groups (for
# visible_to), their own registration with their place in the queue, the header's
# notification count, and the countries where they own a follow-up activity
# (core.registry.next_steps: "Start a follow-up activity" is offered to focal points and
# owners).
DETAIL_MEMBER = DETAIL_ANONYMOUS + 5


@pytest.mark.parametrize(("sessions", "registrations"), [(1, 2), (10, 60)])
def test_detail_queries_do_not_grow(client, django_assert_num_queries, sessions, registrations):
    workshop = WorkshopFactory(sessions=0, trainers=[UserFactory() for _ in range(3)])
    start = timezone.now() + timedelta(days=3)
    for day in range(sessions):
        SessionFactory(workshop=workshop, starts_at=start + timedelta(days=day))
    for n in range(registrations):
        RegistrationFactory(
            workshop=workshop,
            status=RegistrationStatus.WAITING if n % 2 else RegistrationStatus.CONFIRMED,
        )
    waiting = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WAITING)
    url = reverse("workshop", args=[workshop.pk])

    client.get(url)  # warm the shell's caches (the site, menus)
    with django_assert_num_queries(DETAIL_ANONYMOUS):
        assert client.get(url).status_code == 200

    client.force_login(waiting.user)
    with django_assert_num_queries(DETAIL_MEMBER):
        response = client.get(url)
    assert response.context["position"] == registrations // 2 + 1
