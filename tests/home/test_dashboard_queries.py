"""The dashboard makes the same exact number of queries whatever the member has: one
course in progress or ten (and a completed one), one workshop registration or ten, one
space or ten with their messages, one followed topic or ten with their replies."""

import pytest
from django.test import Client

from cop.shell import DASHBOARD_MESSAGES
from courses import services
from courses.models import QuizPage
from forum.models import Subscription
from forum.shell import DASHBOARD_POSTS
from tests.accounts.factories import UserFactory
from tests.cop.factories import MembershipFactory, MessageFactory, SpaceFactory
from tests.courses.conftest import build_course, lessons_of
from tests.courses.workshops.factories import RegistrationFactory, WorkshopFactory
from tests.forum.factories import PostFactory, TopicFactory
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db

# The home page found and loaded (core.pagerouting: two queries, the site and the view
# restrictions cached), then the member (the session is read through the cache); the
# header's menu and unread count are cached once warm.
SHELL = 3
# Continue learning: My learning's four (enrolments with their courses and last steps,
# completions, the courses' required steps, certificates), then the first step not done
# of every course in progress.
COURSES = 5
# Your workshops: the next registrations with their workshops and times.
WORKSHOPS = 1
# In your spaces: the member's role groups (may they read spaces?), their memberships
# with the spaces, the latest messages with their spaces and authors.
SPACES = 3
# Topics you follow: the categories (which may they read?), the latest posts with their
# topics, authors and read marks.
FORUM = 2
DASHBOARD = SHELL + COURSES + WORKSHOPS + SPACES + FORUM


def a_member_with(size):
    member = UserFactory(time_zone="Asia/Tokyo")
    completed = build_course(slug="completed", lessons=1)
    services.complete_step(member, completed, lessons_of(completed)[0])
    services.complete_step(member, completed, QuizPage.objects.descendant_of(completed).get())
    for n in range(size):
        course = build_course(slug=f"course-{n}", lessons=2)
        first, _second = lessons_of(course)
        services.complete_step(member, course, first)
        services.visit_step(member, course, first)
        RegistrationFactory(workshop=WorkshopFactory(), user=member)
        space = SpaceFactory()
        MembershipFactory(space=space, user=member)
        MessageFactory(space=space)
        MessageFactory(space=space)
        topic = TopicFactory(replies=1)
        Subscription.objects.create(user=member, topic=topic)
        PostFactory(topic=topic)
    return member


@pytest.mark.parametrize("size", [1, 10])
def test_the_dashboard_makes_a_small_constant_number_of_queries(django_assert_num_queries, size):
    home_page()
    client = Client()
    client.force_login(a_member_with(size))
    client.get("/")  # warm the per-process caches (site root paths, content types, menu)

    with django_assert_num_queries(DASHBOARD):
        response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Continue: Lesson 1.2") == min(size, 6)  # six courses shown at most
    assert ("You have completed this course." in html) == (size < 6)  # after those in progress
    shown = min(2 * size, DASHBOARD_MESSAGES) + min(3 * size, DASHBOARD_POSTS)
    assert html.count('class="dashboard-excerpt"') == shown
