"""Every e-mail carries the site's name and links to the address the site is served on
(SITE_URL: `make run` sets it from PORT), whatever host a request came in by: allauth's
(confirmation, password reset, "you already have an account", "no account here"), the
forum's notices, workshops', follow-up reports' and the self-assessment's invitations."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.constants import Role
from cop.activities import services as activities
from cop.activities.periods import Period
from cop.assessment import services as assessment
from courses.workshops import emails as workshop_emails
from forum import services as forum
from tests.accounts.factories import UserFactory, focal_point
from tests.cop.assessment.factories import OrganizationFactory
from tests.courses.workshops.factories import RegistrationFactory
from tests.forum.factories import TopicFactory

pytestmark = pytest.mark.django_db

# What `make run PORT=9000` serves on; the test client's requests come in as "testserver".
SITE = "http://127.0.0.1:9000"
URL = re.compile(r"https?://[^\s<>\"')]+")

SIGNUP = {
    "email": "dara.sok@example.com",
    "password1": "solidarity-economy-2026",
    "password2": "solidarity-economy-2026",
    "name": "Dara Sok",
    "country": "KH",
    "constituency": "workers",
    "organization": "Cambodian Workers' Cooperative",
    "gender": "undisclosed",
    "language": "en",
    "time_zone": "",
}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def only(recipient):
    (message,) = [m for m in mail.outbox if m.to == [recipient]]
    return message


def links(message):
    texts = [message.body] + [content for content, _type in getattr(message, "alternatives", [])]
    return [url for text in texts for url in URL.findall(text)]


def assert_on_site(message, *paths):
    """Every link of `message` is on SITE_URL, and it has one to each of `paths`."""
    found = links(message)
    assert found, message.body
    assert [url for url in found if not url.startswith(f"{SITE}/")] == []
    for path in paths:
        assert any(url.startswith(f"{SITE}{path}") for url in found), (path, found)


def test_the_confirmation_names_the_site_and_links_to_site_url(client):
    client.post(reverse("account_signup"), SIGNUP)

    message = only("dara.sok@example.com")
    assert_on_site(message, "/accounts/confirm-email/")
    assert message.subject.startswith("[SSE Asia] ")
    assert message.body.startswith("Hello from SSE Asia!")
    assert message.body.endswith(f"Thank you for using SSE Asia!\n{SITE}/")
    assert "testserver" not in message.body


def test_the_password_reset_links_to_site_url(client):
    UserFactory(email="known@example.net")

    client.post(reverse("account_reset_password"), {"email": "known@example.net"})

    assert_on_site(only("known@example.net"), "/accounts/password/reset/key/")


def test_a_reset_for_an_unknown_address_offers_to_sign_up_on_site_url(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.net"})

    assert_on_site(only("nobody@example.net"), "/accounts/signup/")


def test_signing_up_with_a_taken_address_links_to_site_url(client):
    UserFactory(email="taken@example.net")

    client.post(reverse("account_signup"), {**SIGNUP, "email": "taken@example.net"})

    assert_on_site(only("taken@example.net"), "/accounts/password/reset/")


def test_a_forum_notice_links_to_site_url(settings, django_capture_on_commit_callbacks):
    settings.FORUM_APPROVE_FIRST_POSTS = 0
    topic = TopicFactory()
    follower = UserFactory(notify_by_email=True)

    with django_capture_on_commit_callbacks(execute=True):
        post = forum.reply(topic, UserFactory(), f"Over to you, @{follower.handle}")

    message = only(follower.email)
    assert message.subject.startswith("[SSE Asia] ")
    assert_on_site(message, f"/forum/p/{post.pk}/", reverse("profile"))


def test_a_workshop_email_links_to_site_url():
    registration = RegistrationFactory()

    workshop_emails.registrations_changed("confirmed", [registration.pk])

    message = only(registration.user.email)
    assert message.subject.startswith("[SSE Asia] ")
    assert_on_site(message, f"/workshops/{registration.workshop.pk}/")


def test_a_follow_up_report_email_links_to_site_url(django_capture_on_commit_callbacks):
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])

    with django_capture_on_commit_callbacks(execute=True):
        report = activities.submit_report(focal_point("TH"), "TH", Period.current(), "Done.")

    message = only(officer.email)
    assert message.subject.startswith("[SSE Asia] ")
    assert_on_site(message, f"/activities/reports/thailand/{report.period}/")


def test_a_self_assessment_invitation_links_to_site_url(django_capture_on_commit_callbacks):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])

    with django_capture_on_commit_callbacks(execute=True):
        invitation = assessment.invite(admin, org, "colleague@example.net")

    message = only("colleague@example.net")
    assert message.subject.startswith("[SSE Asia] ")
    assert_on_site(message, f"/assessment/invitations/{invitation.token}/")
