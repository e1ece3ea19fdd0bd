"""The last seat is never given twice: people registering at once for one seat, each in
a transaction of its own on its own PostgreSQL connection (threads released together by
a barrier), end as exactly one confirmed and the rest waiting, in a gapless queue; and a
seat freed while others register goes to exactly one person."""

import pytest
from django.db import connection

from courses.workshops import services
from courses.workshops.constants import RegistrationStatus as S
from courses.workshops.models import Registration
from tests.concurrency import race
from tests.conftest import need
from tests.factories import UserFactory

from .factories import WorkshopFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database"),
]

RACERS = 8


@pytest.fixture(autouse=True)
def _postgresql():
    need(connection.vendor == "postgresql", "concurrent transactions need PostgreSQL")


def test_people_registering_at_once_for_one_seat_get_one_seat_between_them():
    workshop = WorkshopFactory(capacity=1)
    people = [UserFactory() for _ in range(RACERS)]

    results = race(
        *[lambda person=person: services.register(workshop, person) for person in people]
    )

    assert not [r for r in results if isinstance(r, Exception)]
    statuses = sorted(r.status for r in Registration.objects.filter(workshop=workshop))
    assert statuses == [S.CONFIRMED] + [S.WAITING] * (RACERS - 1)


def test_one_person_registering_twice_at_once_gets_one_registration():
    workshop = WorkshopFactory(capacity=5)
    person = UserFactory()

    results = race(*[lambda: services.register(workshop, person)] * 4)

    refusals = [r for r in results if isinstance(r, services.Refused)]
    assert len(refusals) == 3
    assert {r.code for r in refusals} == {"already"}
    assert Registration.objects.filter(workshop=workshop, user=person).count() == 1


def test_a_seat_freed_while_others_register_goes_to_exactly_one_person():
    workshop = WorkshopFactory(capacity=1)
    seated = UserFactory()
    seat = services.register(workshop, seated)
    waiting = [UserFactory() for _ in range(3)]
    for person in waiting:
        services.register(workshop, person)
    newcomers = [UserFactory() for _ in range(3)]

    race(
        lambda: services.cancel(seat, by=seated),
        *[lambda person=person: services.register(workshop, person) for person in newcomers],
    )

    confirmed = list(Registration.objects.filter(workshop=workshop).confirmed())
    assert [r.user for r in confirmed] == [waiting[0]]
    queue = [r.user for r in Registration.objects.filter(workshop=workshop).waiting()]
    assert queue[:2] == waiting[1:]
    assert sorted(u.pk for u in queue[2:]) == sorted(u.pk for u in newcomers)
