"""The registration rules (courses/workshops/services.py): seats, the waiting list and
its order, constituency quotas, approval, the cancellation cut-off, and refusals that
change nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.constants import Constituency
from courses.models import Enrolment
from courses.workshops import services
from courses.workshops.constants import RegistrationStatus as S
from courses.workshops.constants import Status
from courses.workshops.models import Quota, Registration
from tests.courses.factories import CoursePageFactory
from tests.factories import UserFactory

from .factories import WorkshopFactory

pytestmark = pytest.mark.django_db


def statuses(workshop):
    return {
        r.user.email: r.status
        for r in Registration.objects.filter(workshop=workshop).select_related("user")
    }


def member(constituency=Constituency.SSE, **fields):
    return UserFactory(constituency=constituency, **fields)


def test_seats_are_given_until_full_then_people_wait_in_order():
    workshop = WorkshopFactory(capacity=2)
    people = [member() for _ in range(4)]

    made = [services.register(workshop, person) for person in people]

    assert [r.status for r in made] == [S.CONFIRMED, S.CONFIRMED, S.WAITING, S.WAITING]
    assert [r.user for r in Registration.objects.filter(workshop=workshop).waiting()] == people[2:]


def test_a_freed_seat_goes_to_the_first_in_line_and_only_to_them(
    django_capture_on_commit_callbacks,
):
    workshop = WorkshopFactory(capacity=1)
    first, second, third = member(), member(), member()
    seated = services.register(workshop, first)
    services.register(workshop, second)
    services.register(workshop, third)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel(seated, by=first)

    assert [r.user for r in promoted] == [second]
    assert statuses(workshop) == {
        first.email: S.CANCELLED,
        second.email: S.CONFIRMED,
        third.email: S.WAITING,
    }
    assert [m.to for m in mail.outbox] == [[second.email]]


def test_cancelling_a_waiting_place_promotes_no_one():
    workshop = WorkshopFactory(capacity=1)
    seated, waiting, behind = member(), member(), member()
    services.register(workshop, seated)
    waiting_registration = services.register(workshop, waiting)
    services.register(workshop, behind)

    assert services.cancel(waiting_registration, by=waiting) == []
    assert statuses(workshop)[behind.email] == S.WAITING


def test_a_constituency_at_its_quota_waits_even_with_seats_free():
    workshop = WorkshopFactory(capacity=10)
    Quota.objects.create(workshop=workshop, constituency=Constituency.GOVERNMENT, seats=1)

    official = services.register(workshop, member(Constituency.GOVERNMENT))
    second_official = services.register(workshop, member(Constituency.GOVERNMENT))
    worker = services.register(workshop, member(Constituency.WORKERS))

    assert (official.status, second_official.status, worker.status) == (
        S.CONFIRMED,
        S.WAITING,
        S.CONFIRMED,
    )


def test_promotion_passes_over_a_constituency_at_its_quota_and_it_keeps_its_place():
    workshop = WorkshopFactory(capacity=2)
    Quota.objects.create(workshop=workshop, constituency=Constituency.GOVERNMENT, seats=1)
    official = member(Constituency.GOVERNMENT)
    worker = member(Constituency.WORKERS)
    services.register(workshop, official)
    leaving = services.register(workshop, worker)
    queued_official = member(Constituency.GOVERNMENT)
    queued_employer = member(Constituency.EMPLOYERS)
    services.register(workshop, queued_official)
    services.register(workshop, queued_employer)

    promoted = services.cancel(leaving, by=worker)

    assert [r.user for r in promoted] == [queued_employer]
    assert [r.user for r in Registration.objects.filter(workshop=workshop).waiting()] == [
        queued_official
    ]


def test_more_seats_promote_the_waiting_list_in_order():
    workshop = WorkshopFactory(capacity=1)
    people = [member() for _ in range(4)]
    for person in people:
        services.register(workshop, person)
    workshop.capacity = 3
    workshop.save()

    promoted = services.promote(workshop)

    assert [r.user for r in promoted] == people[1:3]
    assert statuses(workshop)[people[3].email] == S.WAITING


def test_registering_twice_is_refused_and_changes_nothing():
    workshop = WorkshopFactory(capacity=5)
    person = member()
    registration = services.register(workshop, person)
    before = Registration.objects.values().get(pk=registration.pk)

    with pytest.raises(services.Refused) as refused:
        services.register(workshop, person)

    assert refused.value.code == "already"
    assert "already registered" in str(refused.value.message)
    assert Registration.objects.values().get(pk=registration.pk) == before


def test_cancelling_twice_is_refused():
    workshop = WorkshopFactory()
    person = member()
    registration = services.register(workshop, person)
    services.cancel(registration, by=person)

    with pytest.raises(services.Refused) as refused:
        services.cancel(registration, by=person)

    assert refused.value.code == "already_cancelled"


def test_a_member_cannot_cancel_after_the_cut_off_but_a_trainer_can():
    start = timezone.now() + timedelta(hours=10)
    workshop = WorkshopFactory(cancellation_cutoff_hours=24, sessions__start=start)
    person = member()
    registration = services.register(workshop, person)

    with pytest.raises(services.Refused) as refused:
        services.cancel(registration, by=person)
    assert refused.value.code == "cut_off"
    assert Registration.objects.get(pk=registration.pk).status == S.CONFIRMED

    trainer = workshop.trainers.get()
    services.cancel(registration, by=trainer, reason="Asked by phone")
    registration.refresh_from_db()
    assert (registration.status, registration.decided_by, registration.decision_note) == (
        S.CANCELLED,
        trainer,
        "Asked by phone",
    )


def test_one_can_register_again_after_cancelling_and_goes_to_the_back_of_the_line():
    workshop = WorkshopFactory(capacity=1)
    seated, person = member(), member()
    services.register(workshop, seated)
    registration = services.register(workshop, person)
    later = member()
    services.register(workshop, later)
    services.cancel(registration, by=person)

    again = services.register(workshop, person)

    assert again.pk == registration.pk
    assert [r.user for r in Registration.objects.filter(workshop=workshop).waiting()] == [
        later,
        person,
    ]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"status": Status.DRAFT}, "closed"),
        ({"status": Status.CANCELLED}, "cancelled"),
        ({"registration_closes": timezone.now() - timedelta(hours=1)}, "closed"),
        ({"registration_opens": timezone.now() + timedelta(hours=1)}, "closed"),
        ({"sessions__start": timezone.now() - timedelta(hours=1)}, "closed"),
    ],
    ids=["draft", "cancelled", "closed", "not-yet-open", "started"],
)
def test_registration_outside_its_window_is_refused(fields, code):
    workshop = WorkshopFactory(**fields)

    with pytest.raises(services.Refused) as refused:
        services.register(workshop, member())

    assert refused.value.code == code
    assert not Registration.objects.filter(workshop=workshop).exists()


def test_an_unverified_member_cannot_register():
    with pytest.raises(services.Refused) as refused:
        services.register(WorkshopFactory(), UserFactory(verified=False))

    assert refused.value.code == "not_allowed"


def test_with_approval_a_registration_waits_for_a_decision_then_takes_a_seat_or_waits():
    workshop = WorkshopFactory(capacity=1, requires_approval=True)
    trainer = workshop.trainers.get()
    first = services.register(workshop, member())
    second = services.register(workshop, member())
    assert (first.status, second.status) == (S.PENDING, S.PENDING)

    services.decide(first, by=trainer, approve=True)
    services.decide(second, by=trainer, approve=True)

    assert Registration.objects.get(pk=first.pk).status == S.CONFIRMED
    assert Registration.objects.get(pk=second.pk).status == S.WAITING


def test_a_declined_registration_stays_declined_and_cannot_be_decided_twice():
    workshop = WorkshopFactory(requires_approval=True)
    person = member()
    registration = services.register(workshop, person)
    services.decide(
        registration, by=workshop.trainers.get(), approve=False, note="Full of officials"
    )

    with pytest.raises(services.Refused) as twice:
        services.decide(registration, by=workshop.trainers.get(), approve=True)
    with pytest.raises(services.Refused) as again:
        services.register(workshop, person)

    assert (twice.value.code, again.value.code) == ("decided", "rejected")
    assert Registration.objects.get(pk=registration.pk).status == S.REJECTED


def test_the_prerequisite_course_must_be_completed():
    course = CoursePageFactory(title="The SSE and its seven features")
    workshop = WorkshopFactory(prerequisite_course=course)
    person = member()

    with pytest.raises(services.Refused) as refused:
        services.register(workshop, person)
    Enrolment.objects.create(
        user=person, course=course, course_key=course.translation_key, completed_at=timezone.now()
    )
    registration = services.register(workshop, person)

    assert refused.value.code == "prerequisite"
    assert "The SSE and its seven features" in str(refused.value.message)
    assert registration.status == S.CONFIRMED


def test_cancelling_the_workshop_tells_every_active_registrant_once(
    django_capture_on_commit_callbacks,
):
    workshop = WorkshopFactory(capacity=1)
    seated, waiting, gone = member(), member(), member()
    services.register(workshop, seated)
    services.register(workshop, waiting)
    services.cancel(services.register(workshop, gone), by=gone)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_workshop(workshop, by=workshop.trainers.get(), reason="Floods")
    with pytest.raises(services.Refused):
        services.cancel_workshop(workshop, by=workshop.trainers.get(), reason="Again")

    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, waiting.email])
    workshop.refresh_from_db()
    assert (workshop.status, workshop.cancellation_reason) == (Status.CANCELLED, "Floods")


def test_publishing_needs_a_draft_with_sessions():
    empty = WorkshopFactory(status=Status.DRAFT, sessions=0)
    ready = WorkshopFactory(status=Status.DRAFT)

    with pytest.raises(services.Refused) as refused:
        services.publish(empty)
    services.publish(ready)
    with pytest.raises(services.Refused) as twice:
        services.publish(ready)

    assert (refused.value.code, twice.value.code) == ("no_sessions", "not_draft")
    ready.refresh_from_db()
    assert ready.status == Status.PUBLISHED
    assert ready.published_at is not None
