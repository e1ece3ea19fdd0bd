"""allauth's pages speak the site's words: "Log in", "Sign up", "Log out" (as the header
and every other page say), never allauth's "Sign In", "Sign Up", "Sign Out"."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import strip_tags

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# allauth's words for the same things: "Sign In", "sign in", "Signed out", "Sign Up"...
ALLAUTH_WORDS = re.compile(r"\b(?i:sign(ed)?[ -]?(in|out))\b|\bSign Up\b|\bSignup\b")


def text(html):
    return " ".join(unescape(strip_tags(html)).split())


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def words(response):
    """A page's title, and the text a reader sees in it."""
    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
    return text(title), text(html[html.index("<body") :])


def paragraphs(response):
    return [text(p) for p in re.findall(r"<p\b[^>]*>(.*?)</p>", main(response), re.DOTALL)]


def heading_and_buttons(response):
    """The page's heading and the buttons of its own content (not the header's)."""
    html = main(response)
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", html, re.DOTALL).group(1)
    buttons = re.findall(r"<button\b[^>]*>(.*?)</button>", html, re.DOTALL)
    return text(h1), [text(button) for button in buttons]


def test_the_login_page_says_log_in_and_offers_to_sign_up(client):
    response = client.get(reverse("account_login"))

    title, body = words(response)
    assert title == "Log in · SSE Asia"
    assert heading_and_buttons(response) == ("Log in", ["Log in"])
    assert "No account yet? Sign up: it is free." in paragraphs(response)
    assert not ALLAUTH_WORDS.search(title + body)


def test_the_login_page_keeps_next_on_its_sign_up_link(client):
    response = client.get(reverse("account_login"), {"next": "/courses/"})

    links = re.findall(r'<a href="([^"]*)">\s*Sign up\s*</a>', main(response))
    assert links == ["/accounts/signup/?next=%2Fcourses%2F"]


def test_the_sign_up_page_says_sign_up_and_offers_to_log_in(client):
    response = client.get(reverse("account_signup"))

    title, body = words(response)
    assert title == "Sign up · SSE Asia"
    assert heading_and_buttons(response) == ("Sign up", ["Sign up"])
    assert "Already have an account? Log in." in paragraphs(response)
    assert not ALLAUTH_WORDS.search(title + body)


def test_the_log_out_page_says_log_out(client):
    client.force_login(UserFactory())

    response = client.get(reverse("account_logout"))

    title, body = words(response)
    assert title == "Log out · SSE Asia"
    assert "Are you sure you want to log out?" in paragraphs(response)
    assert heading_and_buttons(response) == ("Log out", ["Log out"])
    assert not ALLAUTH_WORDS.search(title + body)


def test_logging_in_and_out_says_so_in_the_sites_words(client):
    user = UserFactory(name="Kanya Jaidee")

    logged_in = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    said_on_login = [str(m) for m in get_messages(logged_in.wsgi_request)]
    logged_out = client.post(reverse("account_logout"))

    assert said_on_login == ["You are logged in as Kanya Jaidee."]
    # The login's message is still there: no page has shown it yet.
    assert [str(m) for m in get_messages(logged_out.wsgi_request)][-1] == "You have logged out."


@pytest.mark.parametrize(
    "name",
    [
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_the_other_entrance_pages_never_say_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    title, body = words(response)
    assert not ALLAUTH_WORDS.search(title + body)


@pytest.mark.parametrize("name", ["account_email", "account_change_password"])
def test_the_account_settings_pages_never_say_sign_in(client, name):
    client.force_login(UserFactory())

    response = client.get(reverse(name))

    assert response.status_code == 200
    title, body = words(response)
    assert not ALLAUTH_WORDS.search(title + body)


def test_the_closed_sign_up_page_says_so_in_the_sites_words():
    request = RequestFactory().get("/accounts/signup/")
    request.user = AnonymousUser()

    html = render_to_string("account/signup_closed.html", request=request)

    page = text(html[html.index("<main") :])
    assert page.startswith("Signing up is closed")
    assert not ALLAUTH_WORDS.search(page)


def test_the_thai_login_page_is_in_thai(client):
    response = client.get("/th/accounts/login/")

    h1, buttons = heading_and_buttons(response)
    assert (h1, buttons) == ("เข้าสู่ระบบ", ["เข้าสู่ระบบ"])
