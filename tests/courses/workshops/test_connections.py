"""The workshops elsewhere on the site (through core.registry, and beside the courses):
the home page's "Upcoming workshops", a country's space's "Coming up", a course page's
workshops, and My learning's upcoming workshops - each in a constant number of queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.constants import Country, Role
from core import registry
from courses.workshops import attendance, shell
from courses.workshops.constants import AttendanceStatus as A
from courses.workshops.constants import RegistrationStatus as S
from courses.workshops.constants import Status
from tests.cop.factories import SpaceEventFactory, SpaceFactory, national_space
from tests.courses.factories import build_course
from tests.factories import UserFactory
from tests.home.factories import home_page

from .factories import RegistrationFactory, SessionFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def soon(days, **fields):
    """A published workshop whose one session is in `days` days."""
    start = timezone.now() + timedelta(days=days)
    return WorkshopFactory(sessions=1, sessions__start=start, **fields)


def queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response.content.decode()


# The home page ---------------------------------------------------------------------------


def test_the_workshops_offer_a_home_section_a_coming_up_provider_and_a_seeder():
    assert registry.home_sections["workshops"].order == 20
    assert registry.coming_up["workshops"].items is shell.coming_up
    assert registry.seeders["workshops"].order == 25


def test_the_home_page_shows_the_next_three_published_workshops_in_one_query(client):
    home_page()
    for days in (9, 3, 5, 7):
        soon(days, title=f"In {days} days")
    soon(1, title="A draft", status=Status.DRAFT)
    soon(-2, title="Over")
    before, _html = queries(client, "/")
    soon(2, title="In 2 days")

    count, html = queries(client, "/")

    assert count == before  # one more workshop, the same queries
    assert "Upcoming workshops" in html
    assert html.index("In 2 days") < html.index("In 3 days") < html.index("In 5 days")
    for absent in ("In 7 days", "A draft", "Over"):
        assert absent not in html
    assert shell.upcoming_section(None, None)["upcoming_workshops"][0].title == "In 2 days"


def test_the_home_section_is_left_out_when_nothing_is_coming(client):
    home_page()
    assert shell.upcoming_section(None, None) is None
    assert "Upcoming workshops" not in client.get("/").content.decode()


def test_the_home_sections_query_is_one(django_assert_num_queries):
    for days in range(1, 6):
        soon(days)
    with django_assert_num_queries(1):
        shell.upcoming_section(None, None)


# A space's "Coming up" -------------------------------------------------------------------


def test_a_countrys_space_lists_its_workshops_beside_its_events_by_start(client):
    space = national_space(Country.THAILAND)
    SpaceEventFactory(
        space=space, title="Advisory committee", starts_at=timezone.now() + timedelta(days=4)
    )
    soon(2, title="Thai workshop soon", country="TH")
    soon(6, title="Thai workshop later", country="TH")
    soon(3, title="Cambodian workshop", country="KH")
    soon(3, title="Regional workshop", country="")

    html = client.get("/spaces/thailand/").content.decode()

    assert html.index("Thai workshop soon") < html.index("Advisory committee")
    assert html.index("Advisory committee") < html.index("Thai workshop later")
    assert "Cambodian workshop" not in html
    assert "Regional workshop" not in html
    assert 'href="/workshops/' in html


def test_the_regional_space_lists_the_regional_workshops_and_a_thematic_space_none(client):
    SpaceFactory(slug="regional", name="Regional", kind="regional")
    SpaceFactory(slug="women", name="Women and the SSE")
    soon(3, title="Regional workshop", country="")
    soon(3, title="Thai workshop", country="TH")

    html = client.get("/spaces/regional/").content.decode()
    assert "Regional workshop" in html
    assert "Thai workshop" not in html
    assert "Regional workshop" not in client.get("/spaces/women/").content.decode()


def test_coming_up_is_one_query_whatever_the_number(django_assert_num_queries):
    for days in range(1, 9):
        soon(days, country="TH")
    with django_assert_num_queries(1):
        items = shell.coming_up(None, "TH", 5)
    assert len(items) == 5
    assert items == sorted(items, key=lambda item: item.starts_at)
    assert items[0].url.startswith("/workshops/")


def test_the_space_page_adds_one_query_for_its_workshops(client):
    national_space(Country.THAILAND)
    soon(2, country="TH")
    few, _html = queries(client, "/spaces/thailand/")
    for days in range(3, 10):
        soon(days, country="TH")

    many, _html = queries(client, "/spaces/thailand/")

    assert many == few


# A course page ---------------------------------------------------------------------------


def test_a_course_page_lists_the_upcoming_workshops_that_point_to_it(client):
    course = build_course(slug="sse-basics")
    other = build_course(slug="other-course")
    soon(4, title="Workshop on this course", course=course)
    soon(2, title="Workshop on another course", course=other)
    soon(-3, title="Past workshop on this course", course=course)
    soon(5, title="Draft on this course", course=course, status=Status.DRAFT)

    html = client.get(course.url).content.decode()

    assert "Workshops on this course" in html
    assert "Workshop on this course" in html
    for absent in ("Workshop on another course", "Past workshop", "Draft on this course"):
        assert absent not in html


def test_a_course_page_makes_the_same_queries_with_one_or_many_workshops(client):
    course = build_course(slug="sse-basics")
    soon(4, course=course)
    few, _html = queries(client, course.url)
    for days in range(5, 12):
        soon(days, course=course)

    many, html = queries(client, course.url)

    assert many == few
    assert len(re.findall(r'href="/workshops/\d+/"', html)) == shell.COURSE_WORKSHOPS


# My learning -----------------------------------------------------------------------------


def test_my_learning_shows_my_upcoming_workshops_with_their_status(client):
    me = UserFactory()
    for days, status, title in [
        (5, S.CONFIRMED, "Confirmed one"),
        (3, S.WAITING, "Waiting one"),
        (4, S.PENDING, "Pending one"),
        (6, S.CANCELLED, "Cancelled registration"),
        (-4, S.CONFIRMED, "Past one"),
    ]:
        RegistrationFactory(workshop=soon(days, title=title), user=me, status=status)
    RegistrationFactory(workshop=soon(2, title="Someone else's"))
    client.force_login(me)

    html = client.get("/learn/").content.decode()

    assert "My workshops" in html
    assert html.index("Waiting one") < html.index("Pending one") < html.index("Confirmed one")
    assert "On the waiting list" in html
    assert "Waiting for approval" in html
    for absent in ("Cancelled registration", "Past one", "Someone else"):
        assert absent not in html


def test_my_learning_offers_check_in_during_a_session_and_feedback_after(client):
    me = UserFactory()
    trainer = UserFactory(roles=[Role.TRAINER])
    now = timezone.now()
    on = WorkshopFactory(title="On now", sessions=0, trainers=[trainer])
    SessionFactory(
        workshop=on, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    RegistrationFactory(workshop=on, user=me)
    past = WorkshopFactory(title="Last week", trainers=[trainer], sessions=1,
                           sessions__start=now - timedelta(days=7))  # fmt: skip
    registration = RegistrationFactory(workshop=past, user=me)
    attendance.mark_roster(past.sessions.get(), {registration.pk: A.PRESENT}, by=trainer)
    client.force_login(me)

    html = client.get("/learn/").content.decode()

    assert f'href="/workshops/{on.pk}/check-in/"' in html
    assert f'href="/workshops/{past.pk}/feedback/"' in html
    attendance.save_feedback(registration, overall=4, usefulness=4, will_apply=True)
    assert f"/workshops/{past.pk}/feedback/" not in client.get("/learn/").content.decode()


@pytest.mark.parametrize("count", [1, 12])
def test_my_learning_makes_the_same_queries_whatever_my_workshops(client, count):
    me = UserFactory()
    client.force_login(me)
    before, _html = queries(client, "/learn/")
    trainer = UserFactory(roles=[Role.TRAINER])
    for n in range(count):
        workshop = soon(n + 1, trainers=[trainer])
        RegistrationFactory(workshop=workshop, user=me)
        past = WorkshopFactory(trainers=[trainer], sessions=2,
                               sessions__start=timezone.now() - timedelta(days=n + 3))  # fmt: skip
        registration = RegistrationFactory(workshop=past, user=me)
        for session in past.sessions.all():
            attendance.mark_roster(session, {registration.pk: A.PRESENT}, by=trainer)

    after, html = queries(client, "/learn/")

    # Without workshops: the same 3 workshop queries (registrations, feedback due,
    # certificates) as with any number of them.
    assert after == before
    assert html.count("Workshops attended") == 1
