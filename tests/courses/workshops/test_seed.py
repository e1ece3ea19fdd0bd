"""The demo's workshops (courses/workshops/seed.py): what they are, and that seeding twice
changes nothing. Built on the demo accounts alone (accounts.seed), not the whole seed."""

import pytest
from django.utils import timezone

from accounts.seed import seed_accounts
from courses.workshops import seed
from courses.workshops.constants import AttendanceStatus, Kind, Mode, RegistrationStatus, Status
from courses.workshops.models import (
    Attendance,
    AttendanceCertificate,
    Feedback,
    Quota,
    Registration,
    Session,
    Workshop,
    WorkshopLanguage,
)
from tests.courses.factories import build_course

pytestmark = pytest.mark.django_db

MODELS = (
    Workshop, Session, WorkshopLanguage, Quota, Registration, Attendance, Feedback,
    AttendanceCertificate,
)  # fmt: skip


@pytest.fixture
def seeded():
    seed_accounts()
    build_course(slug="understanding-the-sse")
    seed.seed_workshops()
    return {w.title: w for w in Workshop.objects.prefetch_related("sessions", "languages")}


def statuses(workshop):
    return {
        r.user.email: r.status
        for r in Registration.objects.filter(workshop=workshop).select_related("user")
    }


def test_seeding_twice_changes_nothing(seeded):
    counts = {model: model.objects.count() for model in MODELS}
    stamps = list(Workshop.objects.order_by("pk").values_list("pk", "updated_at"))

    seed.seed_workshops()

    assert {model: model.objects.count() for model in MODELS} == counts
    assert list(Workshop.objects.order_by("pk").values_list("pk", "updated_at")) == stamps


def test_the_demo_trainer_runs_every_workshop_across_countries_and_modes(seeded):
    assert len(seeded) == len(seed.WORKSHOPS) >= 7
    for workshop in seeded.values():
        assert [t.email for t in workshop.trainers.all()] == [seed.TRAINER]
        assert workshop.status == Status.PUBLISHED
        assert workshop.description_html.startswith("<p>")
        assert workshop.sessions.exists()
    assert {w.mode for w in seeded.values()} == set(Mode.values)
    assert len({w.country for w in seeded.values()}) >= 5


def test_the_regional_workshop_on_the_seven_features_is_hybrid_in_english_in_bangkok(seeded):
    workshop = seeded[seed.REGIONAL_TITLE]

    assert "seven features" in workshop.title
    assert (workshop.country, workshop.mode, workshop.time_zone) == (
        "",
        Mode.HYBRID,
        "Asia/Bangkok",
    )
    assert "Bangkok" in workshop.venue
    assert [lang.language for lang in workshop.languages.all()] == ["en"]
    assert workshop.course.slug == "understanding-the-sse"
    assert workshop.sessions.count() == 3
    assert workshop.starts_at > timezone.now()


def test_the_cambodian_validation_workshop_needs_approval_and_keeps_seats(seeded):
    workshop = seeded[seed.VALIDATION_TITLE]

    assert (workshop.kind, workshop.country, workshop.mode) == (
        Kind.VALIDATION,
        "KH",
        Mode.IN_PERSON,
    )
    assert workshop.requires_approval
    assert {lang.language for lang in workshop.languages.all()} == {"km", "en"}
    assert workshop.quotas.count() == 3
    assert statuses(workshop) == {seed.LEARNER2: RegistrationStatus.PENDING}


def test_the_webinar_is_full_and_learner2_waits(seeded):
    workshop = seeded[seed.WEBINAR_TITLE]

    assert (workshop.kind, workshop.mode) == (Kind.WEBINAR, Mode.ONLINE)
    confirmed = [e for e, s in statuses(workshop).items() if s == RegistrationStatus.CONFIRMED]
    assert len(confirmed) == workshop.capacity
    assert statuses(workshop)[seed.LEARNER2] == RegistrationStatus.WAITING
    assert seed.LEARNER in confirmed


def test_the_past_workshop_has_attendance_feedback_and_certificates(seeded):
    workshop = seeded[seed.PAST_TITLE]

    assert workshop.ends_at < timezone.now()
    assert Attendance.objects.filter(session__workshop=workshop).count() == 6
    assert (
        Attendance.objects.filter(
            session__workshop=workshop, status=AttendanceStatus.ABSENT
        ).count()
        == 1
    )
    assert Feedback.objects.filter(registration__workshop=workshop).count() == 3
    certified = AttendanceCertificate.objects.filter(registration__workshop=workshop)
    assert sorted(c.registration.user.email for c in certified) == sorted(
        [seed.LEARNER, seed.FOCAL_TH]
    )
    certificate = certified.get(registration__user__email=seed.LEARNER)
    assert certificate.name == "Somchai Wongsakul"
    assert certificate.workshop_title == workshop.title
    assert certificate.held_on


def test_the_seed_is_a_registered_seeder_after_the_courses():
    from core import registry

    entry = registry.seeders["workshops"]
    assert entry.run is seed.seed_workshops
    assert registry.seeders["courses"].order < entry.order < registry.seeders["spaces"].order


def test_without_the_demo_trainer_it_does_nothing():
    seed.seed_workshops()
    assert not Workshop.objects.exists()
