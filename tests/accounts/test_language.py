"""The site speaks the member's language: the profile's, applied after login and kept; a
language the interface does not have is offered for what it is (content only)."""

import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.test_profile_handle import profile_data

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def log_in(client, user, path="/accounts/login/", next_url=None):
    query = f"?next={next_url}" if next_url else ""
    return client.post(f"{path}{query}", {"login": user.email, "password": PASSWORD})


@pytest.fixture
def english_and_thai_only(settings):
    """A site that speaks only English and Thai, so that Khmer and Vietnamese are content
    only (every preferred language is an interface language now; the rule still holds
    for a language added to the profile before its catalogue)."""
    settings.LANGUAGES = [("en", "English"), ("th", "ไทย")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_after_login_the_site_speaks_the_members_preferred_language(client):
    member = UserFactory(language="th")

    response = log_in(client, member)

    assert response.status_code == 302
    assert response["Location"] == "/th/"
    assert response.cookies[COOKIE].value == "th"


def test_the_page_that_asked_for_the_login_opens_in_the_members_language(client):
    member = UserFactory(language="th")

    response = log_in(client, member, next_url="/forum/notifications/")
    page = client.get(response["Location"])

    assert response["Location"] == "/th/forum/notifications/"
    assert page.status_code == 200
    assert html_lang(page) == "th"


def test_an_english_member_logging_in_from_a_thai_page_gets_english(client):
    member = UserFactory(language="en")

    response = log_in(client, member, path="/th/accounts/login/", next_url="/th/forum/")

    assert response["Location"] == "/forum/"
    assert response.cookies[COOKIE].value == "en"


def test_the_login_message_is_in_the_members_language(client):
    member = UserFactory(language="th", name="Somchai")

    page = client.get(log_in(client, member)["Location"].replace("/th/", "/th/forum/"))

    with translation.override("th"):
        message = render_to_string("account/messages/logged_in.txt", {"user": member}).strip()
    assert html_lang(page) == "th"
    assert message in page.content.decode()


@pytest.mark.usefixtures("english_and_thai_only")
def test_a_language_the_site_does_not_speak_leaves_the_interface_as_it_is(client):
    member = UserFactory(language="vi")

    response = log_in(client, member, next_url="/forum/")

    assert response["Location"] == "/forum/"
    assert COOKIE not in response.cookies


def test_changing_the_language_on_the_profile_switches_the_interface(client):
    member = UserFactory(language="en")
    client.force_login(member)

    response = client.post(reverse("profile"), profile_data(member, language="th"))
    page = client.get(response["Location"])

    assert response["Location"] == "/th/accounts/profile/"
    assert response.cookies[COOKIE].value == "th"
    assert html_lang(page) == "th"
    assert "บันทึกโปรไฟล์ของคุณแล้ว" in page.content.decode()  # "Your profile is saved."
    member.refresh_from_db()
    assert member.language == "th"


def test_saving_the_profile_without_changing_the_language_switches_nothing(client):
    member = UserFactory(language="th")
    client.force_login(member)

    response = client.post(reverse("profile"), profile_data(member, language="th"))

    assert response["Location"] == "/accounts/profile/"
    assert COOKIE not in response.cookies


@pytest.mark.usefixtures("english_and_thai_only")
def test_choosing_a_content_only_language_keeps_the_interface(client):
    member = UserFactory(language="en")
    client.force_login(member)

    response = client.post(reverse("profile"), profile_data(member, language="km"))

    assert response["Location"] == "/accounts/profile/"
    assert COOKIE not in response.cookies
    assert User.objects.get(pk=member.pk).language == "km"


def options_by_group(html):
    select = re.search(r'<select name="language".*?</select>', html, re.S).group(0)
    return {
        label: re.findall(r'<option value="([^"]+)"', body)
        for label, body in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    }


@pytest.mark.usefixtures("english_and_thai_only")
def test_the_profile_offers_the_interface_languages_apart_from_the_content_only_ones(client):
    client.force_login(UserFactory())

    groups = options_by_group(client.get(reverse("profile")).content.decode())

    assert list(groups) == [
        "The site and its content",
        "Content only: the site is not in these languages yet",
    ]
    assert groups["The site and its content"] == ["en", "th"]
    assert "km" in groups["Content only: the site is not in these languages yet"]
    assert "th" not in groups["Content only: the site is not in these languages yet"]


@pytest.mark.usefixtures("english_and_thai_only")
def test_a_language_moves_to_the_interface_group_once_the_site_speaks_it(client, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("vi", "Tiếng Việt")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    client.force_login(UserFactory())

    groups = options_by_group(client.get(reverse("profile")).content.decode())

    assert groups["The site and its content"] == ["en", "th", "vi"]


@pytest.mark.usefixtures("english_and_thai_only")
def test_the_signup_form_groups_the_languages_too(client):
    groups = options_by_group(client.get("/accounts/signup/").content.decode())

    assert groups["The site and its content"] == ["en", "th"]


@pytest.mark.usefixtures("english_and_thai_only")
def test_the_language_switcher_lists_only_interface_languages(client):
    html = client.get("/accounts/login/").content.decode()

    switcher = re.search(r'<form class="language-switcher".*?</form>', html, re.S).group(0)
    assert re.findall(r'name="language" value="([^"]+)"', switcher) == ["en", "th"]


def switcher_next(html):
    switcher = re.search(r'<form class="language-switcher".*?</form>', html, re.S).group(0)
    return re.search(r'name="next" value="([^"]*)"', switcher).group(1)


@pytest.mark.parametrize(
    ("page", "language", "lands_on"),
    [
        ("/th/forum/", "en", "/forum/"),
        ("/th/accounts/login/?next=/th/forum/", "en", "/accounts/login/?next=/th/forum/"),
        ("/forum/", "th", "/th/forum/"),
    ],
)
def test_the_language_switcher_takes_the_reader_to_the_same_page_in_the_other_language(
    client, page, language, lands_on
):
    next_url = switcher_next(client.get(page).content.decode())

    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})

    assert response["Location"] == lands_on
    assert response.cookies[COOKIE].value == language


def test_a_login_asked_for_on_an_english_page_for_a_thai_page_lands_on_it_in_thai(client):
    member = UserFactory(language="th")

    response = log_in(client, member, next_url="/th/forum/")

    assert response["Location"] == "/th/forum/"
