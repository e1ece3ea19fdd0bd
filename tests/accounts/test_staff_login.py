"""The staff logins go through allauth's login and its rate limits; its `next` never leads
from an HTTPS page down to plain http://."""

from urllib.parse import urlencode

import pytest

from accounts.constants import Role
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"


def login_url(next_url):
    return f"/accounts/login/?{urlencode({'next': next_url})}"


def test_the_wagtail_login_sends_a_visitor_to_the_member_login_keeping_next(client):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == login_url("/admin/pages/")


def test_the_wagtail_admin_sends_a_visitor_through_the_member_login(client):
    response = client.get("/admin/pages/", follow=True)

    assert response.redirect_chain == [
        ("/admin/login/?next=/admin/pages/", 302),
        (login_url("/admin/pages/"), 302),
    ]
    assert response.status_code == 200
    assert response.templates[0].name == "account/login.html"


def test_the_django_admin_sends_a_visitor_through_the_member_login(client):
    response = client.get("/django-admin/", follow=True)

    assert response.redirect_chain == [
        ("/django-admin/login/?next=/django-admin/", 302),
        (login_url("/django-admin/"), 302),
    ]


@pytest.mark.parametrize(
    "path", ["/admin/password_reset/", "/admin/password_reset/confirm/MQ/set-password/"]
)
def test_the_wagtail_password_reset_is_allauths_rate_limited_one(client, path):
    get = client.get(path)
    post = client.post(path, {"email": "admin@example.org"})

    assert (get.status_code, get["Location"]) == (302, "/accounts/password/reset/")
    assert (post.status_code, post["Location"]) == (302, "/accounts/password/reset/")


def test_a_next_to_another_site_is_replaced_by_the_admin_home(client):
    response = client.get("/django-admin/login/?next=https://evil.example/")

    assert response["Location"] == login_url("/django-admin/")


def test_a_staff_password_posted_to_the_old_admin_logins_signs_nobody_in(client):
    staff = UserFactory(is_staff=True, is_superuser=True)

    for path in ("/admin/login/", "/django-admin/login/"):
        response = client.post(path, {"username": staff.email, "password": PASSWORD})

        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("staff_path", ["/admin/", "/django-admin/"])
def test_the_eleventh_failed_login_through_a_staff_path_is_refused(client, staff_path):
    staff = UserFactory(is_staff=True, is_superuser=True)
    form_url = client.get(staff_path, follow=True).redirect_chain[-1][0]

    failures = [
        client.post(form_url, {"login": f"guess{n}@example.net", "password": "x"})
        for n in range(10)
    ]
    eleventh = client.post(form_url, {"login": staff.email, "password": PASSWORD})

    assert [TOO_MANY in r.content.decode() for r in failures] == [False] * 10
    # Refused even with the right password, while the limit holds.
    assert eleventh.status_code == 200
    assert TOO_MANY in eleventh.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_signed_in_through_the_member_login_land_in_the_admin_they_asked_for(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    form_url = client.get("/admin/pages/", follow=True).redirect_chain[-1][0]

    response = client.post(form_url, {"login": staff.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_signed_in_member_without_admin_access_is_told_so_not_sent_round_in_circles(client):
    client.force_login(UserFactory(roles=[Role.TRAINER]))

    wagtail = client.get("/admin/", follow=True)
    django_admin = client.get("/django-admin/", follow=True)

    assert wagtail.status_code == 403
    assert wagtail.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert django_admin.status_code == 403
    assert django_admin.redirect_chain == [("/django-admin/login/?next=/django-admin/", 302)]


def test_signed_in_staff_at_the_staff_login_go_straight_on(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


# --- The login's next -------------------------------------------------------------------


def test_on_an_https_site_the_login_does_not_follow_a_next_down_to_http(client):
    member = UserFactory()

    response = client.post(
        "/accounts/login/?next=http://testserver/forum/",
        {"login": member.email, "password": PASSWORD},
        secure=True,
    )

    assert response.status_code == 302
    assert response["Location"] == "/"  # LOGIN_REDIRECT_URL, not the http:// page
    assert client.session["_auth_user_id"] == str(member.pk)


def test_on_an_https_site_the_login_follows_a_next_on_https_or_a_path(client):
    member = UserFactory()
    url = "/accounts/login/?next="

    to_https = client.post(
        url + "https://testserver/forum/",
        {"login": member.email, "password": PASSWORD},
        secure=True,
    )
    client.logout()
    to_path = client.post(
        url + "/forum/", {"login": member.email, "password": PASSWORD}, secure=True
    )

    assert to_https["Location"] == "https://testserver/forum/"
    assert to_path["Location"] == "/forum/"


def test_over_plain_http_a_next_on_http_is_still_followed(client):
    member = UserFactory()

    response = client.post(
        "/accounts/login/?next=http://testserver/forum/",
        {"login": member.email, "password": PASSWORD},
    )

    assert response["Location"] == "http://testserver/forum/"
