"""A signed-in member's home page is their dashboard: continue learning (the first step
not done yet, never one already finished; a completed course says so), their workshops,
what is new in their spaces and in the topics they follow. Anonymous readers, and an
editor previewing the home page, see the home page itself."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from cop.shell import DASHBOARD_MESSAGES
from courses import services
from courses.models import QuizPage
from courses.workshops.constants import RegistrationStatus
from forum.models import PostState, Subscription, TopicRead
from tests.accounts.factories import UserFactory, site_admin
from tests.cop.factories import MembershipFactory, MessageFactory, SpaceFactory
from tests.courses.conftest import build_course, lessons_of
from tests.courses.workshops.factories import RegistrationFactory, WorkshopFactory
from tests.forum.factories import PostFactory, TopicFactory
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    return home_page(title="Learn and act for the SSE", intro="Courses, a forum, spaces.")


def dashboard_of(user, path="/"):
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def section(html, key):
    """The HTML of the dashboard section `key` (courses: "learning")."""
    match = re.search(
        rf'<section class="dashboard-section dashboard-{key}".*?</section>', html, re.S
    )
    assert match, f"no {key} section"
    return match.group(0)


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- Which page -----------------------------------------------------------------------


def test_anonymous_readers_keep_the_home_page(client, home):
    html = client.get("/").content.decode()

    assert "Learn and act for the SSE" in html
    assert "Create a free account" in html
    assert "Your dashboard" not in html


def test_a_members_home_page_is_their_dashboard_in_every_language(home):
    member = UserFactory(name="Dara Sok")

    english = dashboard_of(member)
    thai = dashboard_of(member, "/th/")

    assert "<h1>Your dashboard</h1>" in english
    assert "Welcome, Dara Sok." in english
    assert "Create a free account" not in english
    for key in ("learning", "workshops", "spaces", "forum"):
        section(english, key)
    assert 'class="dashboard-section dashboard-learning"' in thai


def test_an_editor_previewing_the_home_page_sees_the_page_not_their_dashboard(home):
    editor = Client()
    editor.force_login(site_admin())
    home.save_revision()

    response = editor.get(reverse("wagtailadmin_pages:view_draft", args=[home.id]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Learn and act for the SSE" in html
    assert "Your dashboard" not in html


def test_my_learning_is_in_the_header_for_members_only(client, home):
    link = f'href="{reverse("learn")}">My learning</a>'

    assert link not in client.get("/").content.decode()
    assert link in dashboard_of(UserFactory())


# --- Continue learning ----------------------------------------------------------------


def test_continue_goes_to_the_first_step_not_done_never_one_already_finished(home):
    course = build_course()  # lessons 1.1, 1.2, 1.3, then the quiz
    first, second, third = lessons_of(course)
    member = UserFactory()
    services.enrol(member, course)
    for done in (first, third):
        services.complete_step(member, course, done)
    services.visit_step(member, course, third)  # where they left off: a finished lesson

    learning = section(dashboard_of(member), "learning")

    assert f'<a class="button" href="{second.url}">Continue: Lesson 1.2</a>' in learning
    assert third.url not in learning
    assert first.url not in learning
    assert "2 of 4 done (50%)" in learning


def test_after_the_last_lesson_continue_goes_to_the_quiz(home):
    course = build_course(lessons=2)
    member = UserFactory()
    for lesson in lessons_of(course):
        services.complete_step(member, course, lesson)

    learning = section(dashboard_of(member), "learning")

    quiz = QuizPage.objects.descendant_of(course).get()
    assert f'href="{quiz.url}">Continue: Final quiz</a>' in learning


def test_a_course_not_started_offers_its_first_lesson(home):
    course = build_course()
    member = UserFactory()
    services.enrol(member, course)

    learning = section(dashboard_of(member), "learning")

    assert f'href="{lessons_of(course)[0].url}">Start: Lesson 1.1</a>' in learning
    assert "0 of 4 done (0%)" in learning


def test_a_completed_course_says_so_with_its_certificate(home):
    course = build_course(lessons=1)
    member = UserFactory()
    services.complete_step(member, course, lessons_of(course)[0])
    certificate = services.complete_step(
        member, course, QuizPage.objects.descendant_of(course).get()
    )

    learning = section(dashboard_of(member), "learning")

    assert "You have completed this course." in learning
    assert (
        f'href="{reverse("certificate", args=[certificate.code])}">Your certificate</a>' in learning
    )
    assert "Continue:" not in learning
    assert "Start:" not in learning


def test_courses_in_progress_come_before_completed_ones_and_unpublished_ones_are_left_out(home):
    done, going, withdrawn = (build_course(slug=s, lessons=1) for s in ("done", "going", "gone"))
    member = UserFactory()
    for course in (done, going, withdrawn):
        services.enrol(member, course)
    services.complete_step(member, done, lessons_of(done)[0])
    services.complete_step(member, done, QuizPage.objects.descendant_of(done).get())
    withdrawn.unpublish()

    learning = section(dashboard_of(member), "learning")

    assert learning.index(going.title) < learning.index(done.title)
    assert withdrawn.title not in learning


def test_a_member_with_no_course_is_pointed_to_the_catalogue(home):
    build_course()  # makes the catalogue at /courses/

    learning = section(dashboard_of(UserFactory()), "learning")

    assert "You have not started a course yet." in learning
    assert 'href="/courses/">Browse the courses</a>' in learning


def test_another_members_progress_is_not_shown(home):
    course = build_course()
    other = UserFactory()
    services.complete_step(other, course, lessons_of(course)[0])

    learning = section(dashboard_of(UserFactory()), "learning")

    assert course.title not in learning


# --- Workshops ------------------------------------------------------------------------


def test_upcoming_registered_workshops_are_shown_in_the_members_time_zone(home):
    member = UserFactory(time_zone="Asia/Tokyo")
    start = datetime(2031, 3, 5, 2, 0, tzinfo=UTC)  # 11:00 in Tokyo, 09:00 in Bangkok
    coming = WorkshopFactory(title="Governance in practice", sessions__start=start)
    RegistrationFactory(workshop=coming, user=member)
    waiting = WorkshopFactory(title="Waiting list one", sessions__start=start + timedelta(days=3))
    RegistrationFactory(workshop=waiting, user=member, status=RegistrationStatus.WAITING)
    past = WorkshopFactory(title="Over already", sessions__start=timezone.now() - timedelta(days=9))
    RegistrationFactory(workshop=past, user=member)
    cancelled = WorkshopFactory(title="Cancelled by me")
    RegistrationFactory(workshop=cancelled, user=member, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(workshop=WorkshopFactory(title="Someone else's"))

    workshops = text(section(dashboard_of(member), "workshops"))

    assert "Governance in practice" in workshops
    assert "Waiting list one" in workshops
    assert workshops.index("Governance in practice") < workshops.index("Waiting list one")
    assert "11:00" in workshops
    assert "(your time)" in workshops
    assert "Asia/Bangkok" in workshops
    assert "02:00" not in workshops
    for absent in ("Over already", "Cancelled by me", "Someone else's"):
        assert absent not in workshops


def test_no_workshop_offers_to_find_one(home):
    workshops = section(dashboard_of(UserFactory()), "workshops")

    assert "You are not registered for any upcoming workshop." in workshops
    assert f'href="{reverse("workshops")}">Find a workshop</a>' in workshops


# --- Spaces ---------------------------------------------------------------------------


def test_recent_messages_in_joined_spaces_newest_first_linked(home):
    member = UserFactory()
    joined, elsewhere = SpaceFactory(name="Rice growers"), SpaceFactory(name="Not mine")
    MembershipFactory(space=joined, user=member)
    older = MessageFactory(space=joined, body="Harvest **fair** on Friday & Saturday")
    newer = MessageFactory(space=joined, body="Who brings the scales?")
    MessageFactory(space=joined, author=member, body="My own message")
    deleted = MessageFactory(space=joined, body="Gone now")
    deleted.deleted_at = timezone.now()
    deleted.save()
    MessageFactory(space=elsewhere, body="Elsewhere news")

    spaces = section(dashboard_of(member), "spaces")

    assert f'href="{reverse("space", args=[joined.slug])}#m-{newer.id}">Rice growers</a>' in spaces
    assert f"#m-{older.id}" in spaces
    assert spaces.index("Who brings the scales?") < spaces.index("Harvest fair on Friday")
    assert "Harvest fair on Friday &amp; Saturday" in spaces  # plain text, escaped once
    for absent in ("My own message", "Gone now", "Elsewhere news"):
        assert absent not in spaces


def test_message_times_are_in_the_members_time_zone(home):
    member = UserFactory(time_zone="Asia/Tokyo")
    space = SpaceFactory()
    MembershipFactory(space=space, user=member)
    MessageFactory(space=space, created_at=datetime(2026, 1, 5, 23, 30, tzinfo=UTC))
    MessageFactory(space=space)  # just now

    spaces = section(dashboard_of(member), "spaces")

    assert '<time datetime="2026-01-05T23:30:00Z"' in spaces
    assert 'title="6 Jan 2026, 08:30">6 Jan 2026</time>' in spaces  # Tokyo: the next morning
    assert "just now" in spaces


def test_a_few_messages_only(home):
    member = UserFactory()
    space = SpaceFactory()
    MembershipFactory(space=space, user=member)
    messages = [MessageFactory(space=space, body=f"Note {n}") for n in range(8)]

    spaces = section(dashboard_of(member), "spaces")

    assert spaces.count('class="dashboard-excerpt"') == DASHBOARD_MESSAGES
    assert f"#m-{messages[-1].id}" in spaces
    assert f"#m-{messages[-DASHBOARD_MESSAGES - 1].id}" not in spaces


def test_a_pending_membership_shows_nothing_of_the_space(home):
    member = UserFactory()
    space = SpaceFactory(name="Approval first")
    MembershipFactory(space=space, user=member, status="pending")
    MessageFactory(space=space, body="Members only talk")

    spaces = section(dashboard_of(member), "spaces")

    assert "Members only talk" not in spaces
    assert "Join a community space" in spaces


def test_a_member_with_spaces_and_nothing_new_is_told_so(home):
    member = UserFactory()
    MembershipFactory(space=SpaceFactory(name="Quiet space"), user=member)

    spaces = section(dashboard_of(member), "spaces")

    assert "Nothing new in your spaces yet." in spaces
    assert "Quiet space" in spaces


def test_a_member_who_may_not_read_spaces_gets_no_spaces_section(home):
    unverified = UserFactory(verified=False)  # no learner role
    MembershipFactory(space=SpaceFactory(), user=unverified)

    html = dashboard_of(unverified)

    assert "dashboard-spaces" not in html


# --- Followed topics ------------------------------------------------------------------


def test_recent_posts_in_followed_topics_linked_and_marked_unread(home):
    member = UserFactory()
    followed = TopicFactory(title="Cooperative law reform", replies=1)  # posts 1 and 2
    Subscription.objects.create(user=member, topic=followed)
    TopicRead.objects.create(user=member, topic=followed, last_read_number=2)
    new_reply = PostFactory(topic=followed, body="The draft is out.")
    PostFactory(topic=followed, author=member, body="My reply")
    PostFactory(topic=followed, body="Waiting for approval", state=PostState.PENDING)
    PostFactory(topic=TopicFactory(title="Not followed"), body="Other news")

    forum = section(dashboard_of(member), "forum")

    read = followed.posts.get(number=2)
    assert (
        f'href="{reverse("forum_post", args=[new_reply.id])}">Cooperative law reform</a>' in forum
    )
    assert forum.index("The draft is out.") < forum.index("Reply number 1")
    assert forum.count('<span class="badge badge-new">New</span>') == 1  # the draft, not #2
    assert f'href="{reverse("forum_post", args=[read.id])}">' in forum
    for absent in ("My reply", "Waiting for approval", "Other news"):
        assert absent not in forum


def test_a_member_following_nothing_is_told_how(home):
    forum = section(dashboard_of(UserFactory()), "forum")

    assert "Follow a topic in the forum" in forum


def test_the_moderators_dashboard_is_the_same_shape(home):
    html = dashboard_of(UserFactory(roles=[Role.MODERATOR]))

    for key in ("learning", "workshops", "spaces", "forum"):
        section(html, key)
