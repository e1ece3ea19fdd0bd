"""Workshops, their sessions and registrations.

WorkshopFactory() is a published in-person training in Thailand, two days from now, with
one session of three hours, 20 seats and open registration, run by a new trainer:
WorkshopFactory(trainers=[someone], sessions=2, capacity=1, country="").
"""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.constants import Role
from courses.workshops.constants import Kind, Mode, RegistrationStatus, Status
from courses.workshops.models import Registration, Session, Workshop, WorkshopLanguage
from tests.factories import UserFactory


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    workshop = factory.SubFactory("tests.courses.workshops.factories.WorkshopFactory", sessions=0)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=3))


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cooperative governance workshop {n}")
    description = "Two days on the seven features of the SSE."
    description_html = "<p>Two days on the seven features of the SSE.</p>"
    kind = Kind.TRAINING
    country = "TH"
    time_zone = "Asia/Bangkok"
    mode = Mode.IN_PERSON
    venue = "Chiang Mai Cooperative College"
    capacity = 20
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create:
            for trainer in (
                extracted if extracted is not None else [UserFactory(roles=[Role.TRAINER])]
            ):
                self.trainers.add(trainer)

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        """`sessions=N`: N daily sessions from two days on (1 unless told)."""
        if not create:
            return
        first = kwargs.get("start", timezone.now() + timedelta(days=2))
        for day in range(1 if extracted is None else extracted):
            start = first + timedelta(days=day)
            SessionFactory(workshop=self, starts_at=start, ends_at=start + timedelta(hours=3))

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            for code in extracted if extracted is not None else ["en", "th"]:
                WorkshopLanguage.objects.create(workshop=self, language=code)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration made directly (not through services.register, which
    applies the seat rules: use that to test them)."""

    class Meta:
        model = Registration

    workshop = factory.SubFactory(WorkshopFactory)
    user = factory.SubFactory(UserFactory)
    status = RegistrationStatus.CONFIRMED
    constituency = factory.LazyAttribute(lambda registration: registration.user.constituency)
    country = factory.LazyAttribute(lambda registration: registration.user.country)
    gender = factory.LazyAttribute(lambda registration: registration.user.gender)
