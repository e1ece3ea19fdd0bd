"""The site shell: navigation, security headers, the Wagtail admin."""

import pytest

from accounts.constants import Country
from home.models import HomePage, StandardPage
from tests.accounts.factories import UserFactory, site_admin
from tests.home.factories import CountryPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    """The home page with two pages shown in menus, the country index and Thailand."""
    StandardPageFactory(title="About the programme", slug="about")
    StandardPageFactory(title="What is the SSE?", slug="what-is-the-sse")
    return CountryPageFactory(country=Country.THAILAND)


def test_main_menu_lists_the_pages_shown_in_menus(client, site):
    html = client.get("/").content.decode()

    for label in ("About the programme", "What is the SSE?", "Countries"):
        assert label in html


def test_publishing_a_menu_page_updates_the_cached_menu(client, site):
    client.get("/")  # the menu is now cached
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Glossary of SSE terms", slug="glossary", show_in_menus=True, body=[])
    home.add_child(instance=page)
    page.save_revision().publish()

    assert 'href="/glossary/"' in client.get("/countries/").content.decode()

    page.unpublish()

    assert 'href="/glossary/"' not in client.get("/countries/").content.decode()


def test_the_current_section_is_marked_for_assistive_technology(client, site):
    html = client.get("/countries/thailand/").content.decode()

    assert '<a href="/countries/" aria-current="page">Countries</a>' in html
    assert '<a href="/" aria-current="page">' not in html


def test_public_pages_have_a_strict_content_security_policy(client, site):
    policy = client.get("/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy or policy.endswith("script-src 'self'")
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_admin_pages_get_the_policy_the_wagtail_admin_needs(client):
    client.force_login(site_admin())

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_wagtail_admin_is_for_editors_only(client):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_administrator_edits_a_user_profile_in_the_wagtail_admin(client):
    admin = site_admin()
    learner = UserFactory(
        email="learner2@example.net",
        name="Nguyễn Thị Lan",
        country="VN",
        organization="Ministry of Labour, Invalids and Social Affairs",
    )
    client.force_login(admin)
    url = f"/admin/users/edit/{learner.pk}/"
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "email": learner.email,
            "name": "Nguyễn Thị Lan",
            "country": "VN",
            "constituency": "government",
            "organization": "Viet Nam Cooperative Alliance",
            "gender": "",
            "language": "vi",
            "time_zone": "Asia/Ho_Chi_Minh",
            "is_active": "on",
            "groups": list(learner.groups.values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert learner.organization == "Viet Nam Cooperative Alliance"
