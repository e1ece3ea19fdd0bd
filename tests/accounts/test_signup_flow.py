"""Sign-up -> verification e-mail -> verify -> log in -> edit profile, through the real views."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.constants import Role
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Dara.Sok@Example.com",
    "password1": "solidarity-economy-2026",
    "password2": "solidarity-economy-2026",
    "name": "សុខ ដារ៉ា",
    "country": "KH",
    "constituency": "workers",
    "organization": "Cambodian Workers' Cooperative",
    "gender": "undisclosed",
    "language": "km",
    "time_zone": "",
}


def confirmation_link(message):
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_signup_verify_login_and_edit_profile(client, mailoutbox):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="dara.sok@example.com")
    assert (user.name, user.country, user.constituency, user.gender, user.language) == (
        "សុខ ដារ៉ា",
        "KH",
        "workers",
        "undisclosed",
        "km",
    )
    assert user.time_zone == "Asia/Phnom_Penh"  # left blank: the country's own
    assert not user.has_role(Role.LEARNER)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["dara.sok@example.com"]

    # Not verified yet: logging in leads back to "verify your e-mail", not into the site.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    link = confirmation_link(mailoutbox[-1])
    assert client.get(link).status_code == 200  # GET only shows the confirm button
    assert not EmailAddress.objects.get(user=user).verified
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    user.refresh_from_db()
    assert user.has_role(Role.LEARNER)

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    response = client.get(reverse("profile"))
    assert response.status_code == 200
    assert "Cambodian Workers&#x27; Cooperative" in response.content.decode()

    response = client.post(
        reverse("profile"),
        {
            **{k: SIGNUP[k] for k in ("name", "country", "constituency", "language")},
            "organization": "Ministry of Labour and Vocational Training",
            "gender": "",
            "time_zone": "Asia/Bangkok",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organization == "Ministry of Labour and Vocational Training"
    assert user.gender == ""
    assert user.time_zone == "Asia/Bangkok"


def test_signup_asks_the_profile_questions(client):
    html = client.get(reverse("account_signup")).content.decode()

    for field in (
        "email",
        "password1",
        "name",
        "country",
        "constituency",
        "organization",
        "gender",
        "language",
        "time_zone",
    ):
        assert f'name="{field}"' in html
    assert "Prefer not to say" in html
    assert "Lao PDR" in html
    assert "Other country" in html


def test_signup_rejects_bad_input_with_a_message_and_creates_nothing(client):
    response = client.post(
        reverse("account_signup"),
        {**SIGNUP, "email": "not-an-address", "country": "FR", "time_zone": "Mars/Base"},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"email", "country", "time_zone"}
    assert not get_user_model().objects.filter(name=SIGNUP["name"]).exists()


def test_signup_with_a_taken_address_does_not_reveal_the_account(client, mailoutbox):
    existing = UserFactory(email="taken@example.net")

    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "taken@example.net"})

    # Same answer as a fresh sign-up; the owner gets an e-mail instead.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert get_user_model().objects.filter(email="taken@example.net").count() == 1
    assert mailoutbox[-1].to == [existing.email]


def test_password_reset_answers_the_same_for_unknown_addresses(client, mailoutbox):
    UserFactory(email="known@example.net")

    known = client.post(reverse("account_reset_password"), {"email": "known@example.net"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.net"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mailoutbox] == [["known@example.net"], ["nobody@example.net"]]
    reset_link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body)
    assert reset_link is not None
    assert "/accounts/password/reset/key/" not in mailoutbox[1].body


def test_password_reset_sets_a_new_password(client, mailoutbox):
    user = UserFactory(email="forgetful@example.net")
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body).group(0)

    form_url = client.get(link)["Location"]  # allauth moves the key out of the URL
    response = client.post(
        form_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def test_change_of_email_needs_verification_of_the_new_address(client, mailoutbox):
    user = UserFactory(email="old@example.net")
    client.force_login(user)

    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.net"})

    assert response.status_code == 302
    new = EmailAddress.objects.get(email="new@example.net")
    assert not new.verified
    assert mailoutbox[-1].to == ["new@example.net"]
    client.post(confirmation_link(mailoutbox[-1]))
    user.refresh_from_db()
    assert user.email == "new@example.net"  # ACCOUNT_CHANGE_EMAIL: the new one replaces it
    assert not EmailAddress.objects.filter(email="old@example.net").exists()


def test_failed_logins_are_rate_limited_per_account(client):
    user = UserFactory(email="target@example.net")
    url = reverse("account_login")

    for _ in range(5):
        response = client.post(url, {"login": user.email, "password": "wrong"})
        assert "Too many failed login attempts" not in response.content.decode()
    blocked = client.post(url, {"login": user.email, "password": PASSWORD})

    # Even the right password is refused while the limit holds.
    assert blocked.status_code == 200
    assert "Too many failed login attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_attempts_are_rate_limited_per_address(client):
    url = reverse("account_login")

    statuses = [
        client.post(url, {"login": f"guess{n}@example.net", "password": "x"}).status_code
        for n in range(31)
    ]

    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


def test_profile_needs_login(client):
    response = client.get(reverse("profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_rejects_an_unknown_time_zone(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("profile"),
        {
            "name": "X",
            "country": "TH",
            "constituency": "sse",
            "language": "th",
            "time_zone": "Asia/Atlantis",
        },
    )

    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    user.refresh_from_db()
    assert user.name != "X"
