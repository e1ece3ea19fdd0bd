"""From learning to action: a workshop and a completed course offer "Start a follow-up
activity" to those who may add one, the form comes prefilled with the learning behind
it, the activity page shows it, and a country's page and space show its activities."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from accounts.constants import Role
from cop.activities import shell
from cop.activities.models import Activity
from courses.models import Enrolment
from tests.accounts.factories import UserFactory, focal_point
from tests.cop.factories import SpaceFactory, national_space
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.courses.workshops.factories import WorkshopFactory
from tests.forum.factories import TopicFactory
from tests.home.factories import CountryPageFactory, StandardPageFactory, home_page

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db

START = "Start a follow-up activity"


def completed(user, course):
    return Enrolment.objects.create(
        user=user, course=course, course_key=course.translation_key, completed_at=timezone.now()
    )


# --- The offer ------------------------------------------------------------------------


def test_a_workshop_offers_a_follow_up_to_those_who_may_add_one(client):
    workshop = WorkshopFactory()
    link = f'href="/activities/new/?workshop={workshop.pk}"'

    assert link not in client.get(workshop.get_absolute_url()).content.decode()  # anonymous
    client.force_login(UserFactory())
    assert link not in client.get(workshop.get_absolute_url()).content.decode()
    client.force_login(focal_point("KH"))
    html = client.get(workshop.get_absolute_url()).content.decode()
    assert link in html
    assert START in html


def test_an_owner_is_offered_it_too(client):
    owner = UserFactory()
    ActivityFactory(country="LA", owners=[owner])
    workshop = WorkshopFactory()
    client.force_login(owner)

    html = client.get(workshop.get_absolute_url()).content.decode()

    assert f'href="/activities/new/?workshop={workshop.pk}"' in html


def test_my_learning_offers_it_for_completed_courses_only(client):
    focal = focal_point("TH")
    done, ongoing = CoursePageFactory(title="Done course"), CoursePageFactory(title="Ongoing")
    completed(focal, done)
    Enrolment.objects.create(user=focal, course=ongoing, course_key=ongoing.translation_key)
    client.force_login(focal)

    html = client.get("/learn/").content.decode()

    assert f'href="/activities/new/?course={done.pk}"' in html
    assert f"?course={ongoing.pk}" not in html


def test_a_learner_who_may_add_nothing_is_not_offered_it_after_a_course(client):
    learner = UserFactory()
    completed(learner, CoursePageFactory())
    client.force_login(learner)

    assert START not in client.get("/learn/").content.decode()


def test_the_offer_is_a_next_step_in_the_registry():
    request = RequestFactory().get("/")
    request.user = focal_point("TH")
    workshop = WorkshopFactory()

    assert shell.start_activity(request, "workshop", workshop) == [
        (START, f"/activities/new/?workshop={workshop.pk}")
    ]
    assert shell.start_activity(request, "podcast", workshop) == []


# --- The form, prefilled --------------------------------------------------------------


def test_the_form_comes_with_the_workshop_its_course_and_its_country(client):
    course = CoursePageFactory()
    workshop = WorkshopFactory(country="TH", course=course)
    client.force_login(UserFactory(roles=[Role.MODERATOR]))

    form = client.get(f"/activities/new/?workshop={workshop.pk}").context["form"]

    assert form.initial == {"workshop": workshop.pk, "course_page": course.pk, "country": "TH"}


def test_a_workshop_of_a_country_one_cannot_add_for_leaves_the_country_unchosen(client):
    workshop = WorkshopFactory(country="TH")
    client.force_login(focal_point("KH"))

    form = client.get(f"/activities/new/?workshop={workshop.pk}").context["form"]

    assert form.initial == {"workshop": workshop.pk}


def test_the_form_comes_with_a_course_module_space_and_topic(client):
    module = ModulePageFactory(parent=CoursePageFactory())
    space = national_space("TH")
    topic = TopicFactory()
    client.force_login(UserFactory(roles=[Role.MODERATOR]))

    form = client.get(
        f"/activities/new/?course={module.pk}&space={space.slug}&topic={topic.pk}"
    ).context["form"]

    assert form.initial == {
        "course_page": module.pk,
        "space": space.pk,
        "country": "TH",
        "topic": topic.pk,
    }


def test_what_is_not_there_or_not_learning_is_not_prefilled(client):
    draft = WorkshopFactory(status="draft")
    standard = StandardPageFactory(parent=home_page())
    hidden = TopicFactory()
    type(hidden).objects.filter(pk=hidden.pk).update(is_visible=False)
    client.force_login(focal_point("TH"))

    response = client.get(
        f"/activities/new/?workshop={draft.pk}&course={standard.pk}&space=nowhere&topic={hidden.pk}"
    )
    junk = client.get("/activities/new/?workshop=abc&course=-1&space=&topic=99999999999999999999")

    assert response.status_code == junk.status_code == 200
    assert response.context["form"].initial == {}
    assert junk.context["form"].initial == {}


def test_an_activity_started_from_a_workshop_shows_the_learning_behind_it(client):
    course = CoursePageFactory(title="Governance of cooperatives")
    workshop = WorkshopFactory(title="Validation workshop in Bangkok", course=course)
    focal = focal_point("TH")
    client.force_login(focal)

    client.post(
        "/activities/new/",
        {"kind": "validation_workshop", "title": "Follow-up of the workshop",
         "status": "planned", "workshop": workshop.pk, "course_page": course.pk},
    )  # fmt: skip
    activity = Activity.objects.get()
    html = client.get(activity.get_absolute_url()).content.decode()

    assert (activity.workshop, activity.course_page_id) == (workshop, course.pk)
    assert "The learning behind it" in html
    assert f'<a href="/workshops/{workshop.pk}/">Validation workshop in Bangkok</a>' in html
    assert f'<a href="{course.url}">Governance of cooperatives</a>' in html


# --- A country's page and its space ----------------------------------------------------


def test_a_countrys_page_lists_its_published_activities_for_signed_in_readers(client):
    page = CountryPageFactory(country="TH")
    ActivityFactory(country="TH", title="Thai committee meeting")
    ActivityFactory(country="TH", title="Thai secret draft", is_draft=True)
    ActivityFactory(country="KH", title="Cambodian dialogue")

    anonymous = client.get(page.url).content.decode()
    client.force_login(UserFactory())
    signed_in = client.get(page.url).content.decode()

    assert "Thai committee meeting" not in anonymous
    assert "Thai committee meeting" in signed_in
    assert 'href="/activities/?country=TH"' in signed_in
    assert "Thai secret draft" not in signed_in
    assert "Cambodian dialogue" not in signed_in


def test_a_national_space_lists_its_countrys_and_the_regional_space_the_regional_ones(client):
    thailand = national_space("TH")
    regional = SpaceFactory(slug="regional", name="Regional", kind="regional")
    ActivityFactory(country="TH", title="Thai committee meeting")
    ActivityFactory(country="", title="Regional conference")
    client.force_login(UserFactory())

    national_html = client.get(f"/spaces/{thailand.slug}/").content.decode()
    regional_html = client.get(f"/spaces/{regional.slug}/").content.decode()

    assert "Thai committee meeting" in national_html
    assert "Regional conference" not in national_html
    assert "Regional conference" in regional_html
    assert 'href="/activities/?country=regional"' in regional_html
    client.logout()
    assert "Thai committee meeting" not in client.get(f"/spaces/{thailand.slug}/").content.decode()


def test_a_thematic_space_lists_no_activities(client):
    space = SpaceFactory()
    ActivityFactory(country="TH", title="Thai committee meeting")
    client.force_login(UserFactory())

    assert "Thai committee meeting" not in client.get(f"/spaces/{space.slug}/").content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_a_countrys_activities_are_one_query_and_the_latest_five(django_assert_num_queries, count):
    for n in range(count):
        ActivityFactory(country="TH", title=f"Activity {n}")
    request = RequestFactory().get("/")
    request.user = UserFactory()

    with django_assert_num_queries(1):
        section = shell.country_activities(request, "TH")

    assert [a.title for a in section["activities"]] == [
        f"Activity {n}" for n in reversed(range(count))
    ][:5]
