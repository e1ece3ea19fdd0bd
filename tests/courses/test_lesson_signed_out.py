"""A lesson opened while signed out explains why it asks for an account (progress saved,
quizzes, a certificate; free) and offers Sign up and Log in, both back to the lesson; it
shows nothing of the lesson's body and records nothing."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrolment, StepCompletion
from tests.accounts.factories import PASSWORD, UserFactory
from tests.courses.conftest import lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course):
    return lessons_of(course)[0]


def test_a_signed_out_reader_is_told_why_a_lesson_needs_an_account(client, course, lesson):
    response = client.get(lesson.url)

    html = response.content.decode()
    assert response.status_code == 403  # it needs an account, as the contract says
    assert f"<h1>{lesson.title}</h1>" in html
    assert f'href="{course.url}">{course.title}</a>' in html
    for reason in ("progress is saved", "quizzes", "certificate", "free"):
        assert reason in html
    next_url = quote(lesson.url)
    assert f'href="{reverse("account_login")}?next={next_url}">Log in</a>' in html
    assert f'href="{reverse("account_signup")}?next={next_url}">Sign up</a>' in html


def test_the_lessons_body_stays_for_members(client, lesson):
    html = client.get(lesson.url).content.decode()

    assert "Solidarity and mutual aid." not in html  # the lesson's paragraph
    assert "What does it mean to you?" not in html  # its reflection prompt
    assert 'name="action"' not in html


def test_a_signed_out_post_changes_nothing(client, course, lesson):
    response = client.post(lesson.url, {"action": "complete"})

    assert response.status_code == 403
    assert not StepCompletion.objects.exists()
    assert not Enrolment.objects.exists()


def test_logging_in_from_the_lesson_comes_back_to_it(client, lesson):
    member = UserFactory()
    client.get(lesson.url)

    response = client.post(
        f"{reverse('account_login')}?next={quote(lesson.url)}",
        {"login": member.email, "password": PASSWORD, "next": lesson.url},
    )

    assert response.status_code == 302
    assert response["Location"] == lesson.url
    html = client.get(lesson.url).content.decode()
    assert "Solidarity and mutual aid." in html
    assert "Mark complete and continue" in html


def test_a_member_reads_the_lesson_as_before(lesson):
    member = Client()
    member.force_login(UserFactory())

    response = member.get(lesson.url)

    assert response.status_code == 200
    assert "Solidarity and mutual aid." in response.content.decode()
