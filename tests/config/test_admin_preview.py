"""Wagtail's live preview may be framed by the admin (same origin) and by nothing else;
the admin asks no other host for anything (no Gravatar)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests.accounts.factories import site_admin
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}


@pytest.fixture
def editor(client):
    admin = site_admin()
    client.force_login(admin)
    return admin


def preview(client, page, **changes):
    """Post the page's edit form, changed, to the preview (as the preview panel does on
    every keystroke), then load the preview as the panel's iframe does."""
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = querydict_from_html(edit.content.decode(), form_id="page-edit-form").dict()
    # The StreamField's inputs are drawn by the admin's script, not in the HTML.
    body = streamfield([("paragraph", rich_text("<p>Solidarity, previewed.</p>"))])
    data.update(nested_form_data({"body": body}), **changes)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(url, {"in_preview_panel": "true"})


def test_the_preview_may_be_framed_by_the_admin_only(client, editor):
    page = StandardPageFactory(title="Mutual aid")

    response = preview(client, page, title="Mutual aid, as typed")

    assert response.status_code == 200
    assert "Mutual aid, as typed" in response.content.decode()
    assert "Solidarity, previewed." in response.content.decode()
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_preview_keeps_the_public_policy_otherwise(client, editor):
    page = StandardPageFactory(title="Mutual aid")

    directives = policy(preview(client, page))

    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]


def test_a_page_itself_may_not_be_framed_at_all(client):
    page = StandardPageFactory(title="Mutual aid")

    response = client.get(page.url)

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_may_frame_itself_with_one_valid_source(client, editor):
    page = StandardPageFactory(title="Mutual aid")

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    # Not "'none' 'self'": a browser ignores 'none' beside another source, and logs it.
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy(response)["script-src"]


@pytest.mark.parametrize(
    "url",
    [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:index"),
    ],
)
def test_no_admin_page_asks_gravatar_for_an_avatar(client, editor, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
