"""The demo's workshops (`seed_demo`, after the accounts and the courses), run by the demo
trainer: the regional workshop on the conceptual understanding of the SSE, a national
validation workshop in Cambodia that needs the focal point's approval, a full online
webinar with a waiting list, a past workshop with attendance, feedback and certificates,
and a few more across countries and modes.

Idempotent: a workshop is found by its title and, once there, left alone (a trainer's
changes stay). Sessions are placed relative to the day of the first seeding, in each
workshop's own time zone. Registrations are made as the services would leave them (no
e-mails are sent by seeding); the past workshop's attendance goes through
attendance.mark_roster, which issues its certificates. Some workshops name the features
of the SSE they help adopt (the self-assessment suggests them); a demo workshop that has
none yet, such as one seeded before workshops had features, gets its own.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.constants import Constituency
from core.text import render_markdown
from courses.models import CoursePage, Feature

from . import attendance
from .constants import AttendanceStatus, Kind, Mode, RegistrationStatus, Status
from .models import Quota, Registration, Session, Workshop, WorkshopLanguage
from .times import zone

TRAINER = "trainer@example.org"
LEARNER, LEARNER2 = "learner@example.org", "learner2@example.org"
FOCAL_TH, FOCAL_KH = "focal.th@example.org", "focal.kh@example.org"

CONFIRMED, WAITING, PENDING = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.PENDING,
)
PRESENT, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT

REGIONAL_TITLE = "Understanding the social and solidarity economy and its seven features"
VALIDATION_TITLE = "Validation of the SSE mapping study of Cambodia"
WEBINAR_TITLE = "Webinar: financing SSE organizations in Asia"
PAST_TITLE = "Cooperative governance in practice: a training for Thai cooperatives"

WORKSHOPS = [
    {
        "title": REGIONAL_TITLE,
        "description": (
            "Three days in Bangkok, and online, on **what the social and solidarity economy "
            "is** and the seven features that set its organizations apart: voluntary "
            "cooperation, mutual aid, democratic governance, autonomy, the primacy of people "
            "and social purpose over capital, and more.\n\n"
            "- Day 1: definitions, the ILO resolution of 2022 and the UN resolution of 2023\n"
            "- Day 2: the seven features, with cases from the twelve countries\n"
            "- Day 3: what the features mean for policy, statistics and support\n\n"
            "Take the course *Understanding the social and solidarity economy* first if you "
            "can: the workshop builds on it."
        ),
        "kind": Kind.TRAINING,
        "country": "",
        "time_zone": "Asia/Bangkok",
        "mode": Mode.HYBRID,
        "venue": "United Nations Conference Centre, Rajadamnern Nok Avenue, Bangkok",
        "joining_link": "https://meet.example.org/sse-regional-workshop",
        "capacity": 60,
        "languages": ["en"],
        "sessions": [
            (21, "09:00", "16:30", "Day 1"),
            (22, "09:00", "16:30", "Day 2"),
            (23, "09:00", "12:30", "Day 3"),
        ],
        "course": "understanding-the-sse",
        "features": [1, 2, 3, 4, 5, 6, 7],
        "registrations": [(LEARNER, CONFIRMED), (LEARNER2, CONFIRMED)],
    },
    {
        "title": VALIDATION_TITLE,
        "description": (
            "The national validation workshop of the mapping of the social and solidarity "
            "economy in Cambodia: the research team presents its findings, and government, "
            "workers' and employers' organizations and SSE organizations discuss and "
            "validate them. Interpretation between Khmer and English.\n\n"
            "Seats are kept for each constituency; the national focal point approves the "
            "registrations."
        ),
        "kind": Kind.VALIDATION,
        "country": "KH",
        "time_zone": "Asia/Phnom_Penh",
        "mode": Mode.IN_PERSON,
        "venue": "Ministry of Labour and Vocational Training, Russian Federation Blvd, Phnom Penh",
        "capacity": 40,
        "requires_approval": True,
        "languages": ["km", "en"],
        "sessions": [(35, "08:30", "17:00", "Day 1"), (36, "08:30", "12:00", "Day 2")],
        "quotas": {
            Constituency.GOVERNMENT: 12,
            Constituency.WORKERS: 10,
            Constituency.EMPLOYERS: 10,
        },
        "course": "from-mapping-to-policy-dialogue",
        "registrations": [(LEARNER2, PENDING)],
    },
    {
        "title": WEBINAR_TITLE,
        "description": (
            "Ninety minutes online on how savings groups, cooperatives and social "
            "enterprises in the region raise money: member shares, revolving funds, "
            "public procurement, impact investment. Small on purpose: we keep time for "
            "everyone's questions."
        ),
        "kind": Kind.WEBINAR,
        "country": "",
        "time_zone": "Asia/Bangkok",
        "mode": Mode.ONLINE,
        "joining_link": "https://meet.example.org/sse-finance-webinar",
        "capacity": 2,
        "languages": ["en"],
        "sessions": [(7, "14:00", "15:30", "")],
        "features": [7],
        "registrations": [(LEARNER, CONFIRMED), (FOCAL_TH, CONFIRMED), (LEARNER2, WAITING)],
    },
    {
        "title": PAST_TITLE,
        "description": (
            "Two days in Chiang Mai with cooperative boards and managers: general "
            "assemblies, the rights of members, transparent accounts, and how to bring "
            "young members and women into the board."
        ),
        "kind": Kind.TRAINING,
        "country": "TH",
        "time_zone": "Asia/Bangkok",
        "mode": Mode.IN_PERSON,
        "venue": "Chiang Mai Cooperative College, Chiang Mai",
        "capacity": 25,
        "languages": ["th", "en"],
        "features": [5],
        "sessions": [(-30, "09:00", "16:00", "Day 1"), (-29, "09:00", "15:00", "Day 2")],
        "registrations": [(LEARNER, CONFIRMED), (LEARNER2, CONFIRMED), (FOCAL_TH, CONFIRMED)],
        # Per session, in order; the learner and the focal point attend both (certificates).
        "attendance": [
            {LEARNER: PRESENT, LEARNER2: PRESENT, FOCAL_TH: PRESENT},
            {LEARNER: PRESENT, LEARNER2: ABSENT, FOCAL_TH: PRESENT},
        ],
        "feedback": [
            (
                LEARNER,
                5,
                5,
                True,
                "Very practical. The session on **general assemblies** "
                "was the best; more time for the case studies, please.",
            ),
            (LEARNER2, 4, 3, True, "Good, but I missed the second day."),
            (FOCAL_TH, 4, 5, True, ""),
        ],
    },
    {
        "title": "Building an SSE policy framework in Viet Nam",
        "description": (
            "A training for ministries and provincial departments on the legal and policy "
            "frameworks for cooperatives, social enterprises and other SSE organizations, "
            "with the lessons of the region."
        ),
        "kind": Kind.TRAINING,
        "country": "VN",
        "time_zone": "Asia/Ho_Chi_Minh",
        "mode": Mode.IN_PERSON,
        "venue": "Hanoi",
        "capacity": 30,
        "languages": ["vi", "en"],
        "sessions": [(45, "08:30", "16:30", "Day 1"), (46, "08:30", "16:30", "Day 2")],
        "features": [6],
        "course": "from-mapping-to-policy-dialogue",
        "registrations": [(LEARNER2, CONFIRMED)],
    },
    {
        "title": "Policy dialogue on the social and solidarity economy in Mongolia",
        "description": (
            "Government, the social partners and SSE organizations discuss the next steps "
            "after the national mapping: a law on the SSE, statistics, and support for "
            "herders' cooperatives."
        ),
        "kind": Kind.POLICY_DIALOGUE,
        "country": "MN",
        "time_zone": "Asia/Ulaanbaatar",
        "mode": Mode.HYBRID,
        "venue": "Ulaanbaatar",
        "joining_link": "https://meet.example.org/sse-mongolia-dialogue",
        "capacity": 50,
        "languages": ["mn", "en"],
        "sessions": [(28, "10:00", "16:00", "")],
    },
    {
        "title": "Training of trainers: teaching the SSE course in the Philippines",
        "description": (
            "For trainers who will run the course *Understanding the social and solidarity "
            "economy* with groups: how to lead the reflections, adapt the country cases, "
            "and follow up."
        ),
        "kind": Kind.TRAINING_OF_TRAINERS,
        "country": "PH",
        "time_zone": "Asia/Manila",
        "mode": Mode.ONLINE,
        "joining_link": "https://meet.example.org/sse-tot-philippines",
        "capacity": 20,
        "languages": ["fil", "en"],
        "sessions": [(14, "09:00", "12:00", "Part 1"), (21, "09:00", "12:00", "Part 2")],
        "features": [2, 3, 4],
        "course": "understanding-the-sse",
    },
]


def _local(time_zone, day, clock, today):
    hours, minutes = (int(part) for part in clock.split(":"))
    moment = datetime.combine(today + timedelta(days=day), time(hours, minutes))
    return timezone.make_aware(moment, zone(time_zone))


def _course(slug):
    return CoursePage.objects.filter(slug=slug, locale__language_code="en").first()


def _features():
    """{number: the default language's Feature snippet} (seeded by the courses)."""
    default = Locale.get_default()
    return {f.number: f for f in Feature.objects.filter(locale=default)}


def _give_features(workshops, features):
    """The specs' features to those of `workshops` ({title: workshop}) that have none."""
    have = set(
        Workshop.features.through.objects.filter(workshop__in=workshops.values()).values_list(
            "workshop_id", flat=True
        )
    )
    given = 0
    for spec in WORKSHOPS:
        workshop = workshops.get(spec["title"])
        wanted = [features[n] for n in spec.get("features", []) if n in features]
        if workshop is not None and wanted and workshop.pk not in have:
            workshop.features.set(wanted)
            given += 1
    return given


def _register(workshop, user, status, now):
    return Registration.objects.create(
        workshop=workshop,
        user=user,
        status=status,
        constituency=user.constituency or "",
        country=user.country or "",
        gender=user.gender or "",
        queued_at=now,
    )


def _create(spec, people, now):
    trainer = people[TRAINER]
    today = timezone.localtime(now, zone(spec["time_zone"])).date()
    course = _course(spec["course"]) if spec.get("course") else None
    workshop = Workshop.objects.create(
        title=spec["title"],
        description=spec["description"],
        description_html=render_markdown(spec["description"]),
        kind=spec["kind"],
        country=spec["country"],
        time_zone=spec["time_zone"],
        mode=spec["mode"],
        venue=spec.get("venue", ""),
        joining_link=spec.get("joining_link", ""),
        capacity=spec["capacity"],
        requires_approval=spec.get("requires_approval", False),
        course=course,
        created_by=trainer,
        status=Status.PUBLISHED,
        published_at=now,
    )
    workshop.trainers.add(trainer)
    WorkshopLanguage.objects.bulk_create(
        WorkshopLanguage(workshop=workshop, language=code) for code in spec["languages"]
    )
    Quota.objects.bulk_create(
        Quota(workshop=workshop, constituency=constituency, seats=seats)
        for constituency, seats in spec.get("quotas", {}).items()
    )
    sessions = [
        Session.objects.create(
            workshop=workshop,
            title=title,
            starts_at=_local(spec["time_zone"], day, start, today),
            ends_at=_local(spec["time_zone"], day, end, today),
        )
        for day, start, end, title in spec["sessions"]
    ]
    registrations = {}
    for n, (email, status) in enumerate(spec.get("registrations", [])):
        registrations[email] = _register(
            workshop, people[email], status, now + timedelta(seconds=n)
        )
    for session, marks in zip(sessions, spec.get("attendance", []), strict=False):
        attendance.mark_roster(
            session,
            {registrations[email].pk: status for email, status in marks.items()},
            by=trainer,
            now=session.ends_at,
        )
    for email, overall, usefulness, will_apply, comment in spec.get("feedback", []):
        attendance.save_feedback(
            registrations[email],
            overall=overall,
            usefulness=usefulness,
            will_apply=will_apply,
            comment=comment,
        )
    return workshop


def seed_workshops(stdout=None, now=None):
    """Create the demo workshops that do not exist yet (by title); leave the others."""
    now = now or timezone.now()
    emails = {TRAINER, LEARNER, LEARNER2, FOCAL_TH, FOCAL_KH}
    people = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    if TRAINER not in people:
        if stdout:
            stdout.write("Demo workshops: skipped (no demo trainer; seed the accounts first).")
        return
    existing = {
        workshop.title: workshop
        for workshop in Workshop.objects.filter(title__in=[spec["title"] for spec in WORKSHOPS])
    }
    created = 0
    for spec in WORKSHOPS:
        if spec["title"] in existing:
            continue
        if any(email not in people for email, _status in spec.get("registrations", [])):
            continue
        with transaction.atomic():
            existing[spec["title"]] = _create(spec, people, now)
        created += 1
    _give_features(existing, _features())
    if stdout:
        stdout.write(f"Demo workshops: {created} created, {len(WORKSHOPS) - created} kept.")
