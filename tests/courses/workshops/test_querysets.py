"""The querysets lists are built on: times from the sessions, seat counts, upcoming and
past, and who sees a draft."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.constants import Role
from courses.workshops import permissions as can
from courses.workshops.constants import RegistrationStatus as S
from courses.workshops.constants import Status
from courses.workshops.models import Workshop
from tests.factories import UserFactory

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def test_seat_counts_and_times_come_from_registrations_and_sessions():
    start = timezone.now() + timedelta(days=3)
    workshop = WorkshopFactory(sessions=3, sessions__start=start)
    for status, n in ((S.CONFIRMED, 3), (S.WAITING, 2), (S.PENDING, 1), (S.CANCELLED, 4)):
        RegistrationFactory.create_batch(n, workshop=workshop, status=status)

    row = Workshop.objects.for_listing().get(pk=workshop.pk)

    assert (row.confirmed_count, row.waiting_count, row.pending_count) == (3, 2, 1)
    assert row.first_start == start
    assert row.last_end == start + timedelta(days=2, hours=3)


def test_upcoming_runs_soonest_first_and_a_workshop_under_way_is_still_upcoming():
    now = timezone.now()
    later = WorkshopFactory(sessions__start=now + timedelta(days=9))
    sooner = WorkshopFactory(sessions__start=now + timedelta(days=1))
    under_way = WorkshopFactory(sessions=2, sessions__start=now - timedelta(days=1))
    over = WorkshopFactory(sessions__start=now - timedelta(days=5))

    assert list(Workshop.objects.upcoming(now)) == [under_way, sooner, later]
    assert list(Workshop.objects.past(now)) == [over]


def test_drafts_are_seen_only_by_those_who_manage_them():
    trainer = UserFactory(roles=[Role.TRAINER])
    draft = WorkshopFactory(status=Status.DRAFT, trainers=[trainer])
    published = WorkshopFactory()
    cancelled = WorkshopFactory(status=Status.CANCELLED)

    assert set(can.visible_to(AnonymousUser())) == {published, cancelled}
    assert set(can.visible_to(UserFactory())) == {published, cancelled}
    assert set(can.visible_to(UserFactory(roles=[Role.TRAINER]))) == {published, cancelled}
    assert set(can.visible_to(trainer)) == {draft, published, cancelled}
    assert draft in set(can.visible_to(UserFactory(roles=[Role.MODERATOR])))


def test_a_trainer_manages_only_the_workshops_they_run():
    lead, co, other = (UserFactory(roles=[Role.TRAINER]) for _ in range(3))
    workshop = WorkshopFactory(trainers=[lead, co])
    focal = UserFactory(roles=[Role.FOCAL_POINT], scopes=[(Role.FOCAL_POINT, "TH")])
    elsewhere = UserFactory(roles=[Role.FOCAL_POINT], scopes=[(Role.FOCAL_POINT, "KH")])

    assert [can.can_manage(u, workshop) for u in (lead, co, other, focal)] == [
        True,
        True,
        False,
        False,
    ]
    assert can.can_manage(UserFactory(roles=[Role.SITE_ADMIN]), workshop)
    assert [can.can_see_participants(u, workshop) for u in (focal, elsewhere)] == [True, False]
    assert [can.can_approve(u, workshop) for u in (co, focal, elsewhere, UserFactory())] == [
        True,
        True,
        False,
        False,
    ]
    assert list(can.managed_by(other)) == []
    assert list(can.managed_by(co)) == [workshop]
    assert not can.can_create(UserFactory())
    assert can.can_create(other)
