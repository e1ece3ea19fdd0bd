"""The way in: logging in returns to the page that asked for it (a safe `next` only),
else to the dashboard; confirming the e-mail signs the new member in, in the browser
that signed up and in any other, and lands on the dashboard."""

import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.test_signup_flow import SIGNUP, confirmation_link
from tests.courses.conftest import build_course, lessons_of
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


@pytest.fixture
def member(db):
    home_page()
    return UserFactory(email="dara@example.net")


def log_in(client, user, **extra):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD, **extra})


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_a_page_that_needs_an_account_gets_the_member_back_after_login(client, member):
    asked = client.get(reverse("learn"))
    assert asked["Location"] == f"{LOGIN}?next=/learn/"
    login_page = client.get(asked["Location"]).content.decode()
    assert 'name="next" value="/learn/"' in login_page

    response = log_in(client, member, next="/learn/")

    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    assert client.get("/learn/").status_code == 200


def test_the_headers_log_in_link_returns_to_the_page_it_was_on(client, member):
    html = client.get("/workshops/").content.decode()

    assert f'href="{LOGIN}?next=/workshops/"' in html
    assert log_in(client, member, next="/workshops/")["Location"] == "/workshops/"


def test_without_next_login_lands_on_the_dashboard(client, member):
    response = log_in(client, member)

    assert response["Location"] == "/"
    assert "<h1>Your dashboard</h1>" in client.get("/").content.decode()


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "/\\evil.example",
        "https:evil.example",
    ],
)
def test_an_external_next_is_ignored(client, member, next_url):
    response = log_in(client, member, next=next_url)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_as(client) == str(member.pk)


def test_a_next_with_a_query_string_is_kept(client, member):
    response = log_in(client, member, next="/workshops/?country=TH&mode=online")

    assert response["Location"] == "/workshops/?country=TH&mode=online"


# --- Confirming the e-mail ------------------------------------------------------------


def sign_up(client, mailoutbox, **extra):
    """Sign up as SIGNUP's member, reading the site in English (unless `language` says
    otherwise: the site then follows the member's language, tested below)."""
    response = client.post(reverse("account_signup"), {**SIGNUP, "language": "en", **extra})
    assert response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_as(client) is None
    return confirmation_link(mailoutbox[-1])


def new_member():
    return get_user_model().objects.get(email=SIGNUP["email"].lower())


def test_confirming_in_the_browser_that_signed_up_signs_in_and_lands_on_the_dashboard(
    client, mailoutbox
):
    home_page()
    link = sign_up(client, mailoutbox)

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_as(client) == str(new_member().pk)
    assert "<h1>Your dashboard</h1>" in client.get("/").content.decode()


def test_a_member_who_chose_khmer_lands_on_the_khmer_dashboard_once_confirmed(client, mailoutbox):
    home_page()
    link = sign_up(client, mailoutbox, language="km")

    response = client.post(link)

    assert response["Location"] == "/km/"
    html = client.get("/km/").content.decode()
    assert '<html lang="km"' in html
    assert signed_in_as(client) == str(new_member().pk)


def test_signing_up_from_a_lesson_comes_back_to_it_once_confirmed(client, mailoutbox):
    lesson = lessons_of(build_course())[0]
    link = sign_up(client, mailoutbox, next=lesson.url)

    response = client.post(link)

    assert response["Location"] == lesson.url
    assert client.get(lesson.url).status_code == 200


def test_confirming_in_another_browser_signs_in_too(client, mailoutbox):
    home_page()
    link = sign_up(client, mailoutbox)
    phone = Client()  # the link opened from the mail app: no session of the sign-up

    shown = phone.get(link)
    response = phone.post(link)

    assert shown.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = new_member()
    assert signed_in_as(phone) == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified
    assert user.has_role("Learner")  # what verifying grants, before the sign-in


def test_confirming_after_the_sign_up_session_timed_out_still_signs_in(
    client, mailoutbox, settings
):
    home_page()
    link = sign_up(client, mailoutbox)
    settings.ACCOUNT_LOGIN_TIMEOUT = -1  # allauth forgets the pending sign-up

    client.post(link)

    assert signed_in_as(client) == str(new_member().pk)


def test_a_confirmation_link_signs_in_once(client, mailoutbox):
    home_page()
    link = sign_up(client, mailoutbox)
    Client().post(link)

    again = Client()
    response = again.post(link)

    assert response.status_code == 404  # the address is verified: the key opens nothing
    assert signed_in_as(again) is None


def test_confirming_a_new_address_of_an_account_in_use_does_not_sign_in_elsewhere(db):
    home_page()
    user = UserFactory(email="old@example.net")
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    address = EmailAddress.objects.create(user=user, email="new@example.net", verified=False)
    link = reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key])
    stranger = Client()

    response = stranger.post(link)

    assert response.status_code == 302
    assert response["Location"] == LOGIN  # confirmed, then asked to log in
    assert EmailAddress.objects.get(email="new@example.net").verified
    assert signed_in_as(stranger) is None


def test_an_inactive_account_is_not_signed_in_by_its_link(db):
    home_page()
    user = UserFactory(email="gone@example.net", verified=False, is_active=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False)
    link = reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key])
    browser = Client()

    browser.post(link)

    assert signed_in_as(browser) is None


def test_confirmation_sends_no_one_elsewhere(client, mailoutbox):
    home_page()
    link = sign_up(client, mailoutbox)

    response = Client().post(f"{link}?next=https://evil.example/")

    assert response["Location"] == "/"
    assert re.match(r"^/", response["Location"])
