"""An activity's page and its forms over HTTP: who sees and changes what across countries,
what a hostile request gets, and what the page shows (the live hooks included)."""

import json

import pytest

from accounts.constants import Role
from cop.activities.constants import Status
from cop.activities.models import Activity, Comment, Update
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory, CommentFactory, UpdateFactory

pytestmark = pytest.mark.django_db

NEW = {
    "kind": "policy_dialogue",
    "title": "Policy dialogue on the SSE law",
    "description": "With the **Ministry of Labour**.",
    "status": "planned",
    "planned_start": "2026-01-10",
    "planned_end": "2026-01-12",
    "lead_organization": "Ministry of Labour",
    "constituencies": ["government", "workers"],
}


def html(response):
    return response.content.decode()


# --- Reading ----------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_log_in(client):
    activity = ActivityFactory()

    response = client.get(activity.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_member_of_another_country_reads_everything_about_an_activity(client):
    owner = UserFactory(name="Somchai Owner")
    activity = ActivityFactory(country="TH", owners=[owner], status=Status.IN_PROGRESS)
    UpdateFactory(activity=activity, body="First **meeting** held.")
    UpdateFactory(activity=activity, body="Second meeting held.")
    CommentFactory(activity=activity, body="Who took part?")
    CommentFactory(activity=activity, body="Spam here", is_hidden=True)
    client.force_login(UserFactory(country="KH"))

    page = html(client.get(activity.get_absolute_url()))

    assert activity.title in page
    assert '<strong id="activity-status" class="status" data-status="in_progress">' in page
    assert "Somchai Owner" in page
    assert "<p>First <strong>meeting</strong> held.</p>" in page
    assert page.index("Second meeting held.") < page.index("First <strong>meeting")  # newest first
    assert "Who took part?" in page
    assert "Spam here" not in page
    # Readers get no form but the discussion's.
    assert f"/activities/{activity.pk}/edit/" not in page
    assert f'action="/activities/{activity.pk}/updates/"' not in page
    assert f'action="/activities/{activity.pk}/comments/"' in page


def test_the_page_carries_the_live_hooks(client):
    activity = ActivityFactory(status=Status.PLANNED)
    update = UpdateFactory(activity=activity)
    client.force_login(UserFactory())

    page = html(client.get(activity.get_absolute_url()))

    assert f'data-live-activity="{activity.pk}"' in page
    assert f'data-live-path="/ws/activities/?activity={activity.pk}"' in page
    assert '<ol id="activity-timeline"' in page
    assert f'<li id="update-{update.pk}"' in page
    assert '<p id="live-status" role="status"' in page
    assert '<script type="module" src="/static/js/activities.js">' in page
    labels = json.loads(
        page.split('id="activity-labels" type="application/json">')[1].split("<")[0]
    )
    assert labels["status"]["in_progress"] == "In progress"
    assert labels["country"][""] == "Regional"


def test_a_draft_is_seen_only_by_those_who_edit_it(client):
    owner = UserFactory()
    draft = ActivityFactory(country="TH", is_draft=True, owners=[owner])

    for who, status in [
        (UserFactory(), 404),
        (focal_point("KH"), 404),
        (owner, 200),
        (focal_point("TH"), 200),
        (UserFactory(roles=[Role.MODERATOR]), 200),
    ]:
        client.force_login(who)
        assert client.get(draft.get_absolute_url()).status_code == status
        assert client.get(f"/activities/{draft.pk}/history/").status_code == status


def test_the_timeline_is_capped_with_a_link_to_older_updates(client):
    activity = ActivityFactory()
    author = UserFactory()
    updates = UpdateFactory.create_batch(25, activity=activity, author=author)
    client.force_login(UserFactory())

    first = client.get(activity.get_absolute_url())
    older = client.get(
        f"{activity.get_absolute_url()}?updates_before={first.context['older_updates']}"
    )

    assert [u.pk for u in first.context["updates"]] == [u.pk for u in reversed(updates)][:20]
    assert [u.pk for u in older.context["updates"]] == [u.pk for u in reversed(updates)][20:]
    assert older.context["older_updates"] is None


# --- Who changes what, across countries --------------------------------------------------


def test_a_focal_point_of_cambodia_cannot_edit_thailands_activity(client):
    activity = ActivityFactory(country="TH", title="Thai dialogue")
    client.force_login(focal_point("KH"))

    assert client.get(f"/activities/{activity.pk}/edit/").status_code == 404
    response = client.post(f"/activities/{activity.pk}/edit/", {**NEW, "title": "Taken"})
    assert response.status_code == 404
    assert client.post(f"/activities/{activity.pk}/updates/", {"body": "x"}).status_code == 404
    assert client.get(f"/activities/{activity.pk}/indicators/new/").status_code == 404

    activity.refresh_from_db()
    assert activity.title == "Thai dialogue"
    assert not Update.objects.exists()


def test_a_focal_point_of_cambodia_cannot_create_in_thailand_whatever_it_posts(client):
    client.force_login(focal_point("KH"))

    for country in ("TH", "regional", "ZZ", ""):
        assert client.post("/activities/new/", {**NEW, "country": country}).status_code == 404

    assert not Activity.objects.exists()


def test_a_focal_point_of_one_country_gets_no_country_select_and_adds_in_its_own(client):
    focal = focal_point("KH")
    client.force_login(focal)

    form = client.get("/activities/new/")
    response = client.post("/activities/new/", NEW)

    assert form.status_code == 200
    assert 'name="country"' not in html(form)
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    assert (activity.country, activity.created_by, activity.is_draft) == ("KH", focal, False)
    assert activity.constituency_list == ["government", "workers"]
    assert activity.description_html == "<p>With the <strong>Ministry of Labour</strong>.</p>\n"


def test_a_moderator_chooses_among_every_country_and_the_region(client):
    client.force_login(UserFactory(roles=[Role.MODERATOR]))

    form = client.get("/activities/new/")
    response = client.post("/activities/new/", {**NEW, "country": "regional"})

    assert len(form.context["form"].fields["country"].choices) == 1 + 12 + 1
    assert response.status_code == 302
    assert Activity.objects.get().country == ""


def test_a_member_who_may_add_nothing_gets_404(client):
    client.force_login(UserFactory())

    assert client.get("/activities/new/").status_code == 404
    assert client.post("/activities/new/", NEW).status_code == 404


def test_an_owner_cannot_assign_country_owners_creator_or_draft(client):
    owner, focal, stranger = UserFactory(), focal_point("TH"), UserFactory()
    activity = ActivityFactory(country="TH", owners=[owner], created_by=focal)
    client.force_login(owner)

    form = client.get(f"/activities/{activity.pk}/edit/")
    response = client.post(
        f"/activities/{activity.pk}/edit/",
        {
            **NEW,
            "title": "Renamed by the owner",
            "country": "KH",
            "owners": f"@{stranger.handle}",
            "created_by": stranger.pk,
            "is_draft": "on",
        },
    )

    assert "owners" not in form.context["form"].fields
    assert "is_draft" not in form.context["form"].fields
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Renamed by the owner"
    assert (activity.country, activity.created_by, activity.is_draft) == ("TH", focal, False)
    assert list(activity.owners.all()) == [owner]


def test_the_focal_point_chooses_owners_by_handle_or_e_mail(client):
    focal = focal_point("TH")
    first, second = UserFactory(), UserFactory()
    activity = ActivityFactory(country="TH")
    client.force_login(focal)

    response = client.post(
        f"/activities/{activity.pk}/edit/",
        {**NEW, "owners": f"@{first.handle}, {second.email.upper()}", "is_draft": "on"},
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert set(activity.owners.all()) == {first, second}
    assert activity.is_draft


def test_an_unknown_or_inactive_owner_is_a_form_error(client):
    inactive = UserFactory(is_active=False)
    activity = ActivityFactory(country="TH")
    client.force_login(focal_point("TH"))

    response = client.post(
        f"/activities/{activity.pk}/edit/", {**NEW, "owners": f"@nobody-here, {inactive.email}"}
    )

    assert response.status_code == 400
    assert "No active member has the handle or e-mail: nobody-here, " in html(response)
    assert not activity.owners.exists()


def test_owners_are_chosen_only_where_the_creator_manages(client):
    """An owner may start activities where it owns one, but not give them owners."""
    owner, other = UserFactory(), UserFactory()
    ActivityFactory(country="LA", owners=[owner])
    focal = focal_point("KH")
    ActivityFactory(country="LA", owners=[focal])  # KH's focal point owns one in Lao PDR
    client.force_login(focal)

    response = client.post("/activities/new/", {**NEW, "country": "LA", "owners": other.email})

    assert response.status_code == 400
    assert "Only the country&#x27;s focal point chooses the owners." in html(response)
    assert Activity.objects.count() == 2


def test_dates_must_run_forward_and_actual_ones_not_be_in_the_future(client):
    client.force_login(focal_point("TH"))

    response = client.post(
        "/activities/new/",
        {**NEW, "planned_start": "2026-03-01", "planned_end": "2026-02-01",
         "actual_start": "2099-01-01"},
    )  # fmt: skip

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["planned_end"] == ["The end cannot come before the start."]
    assert errors["actual_start"] == ["An actual date cannot be in the future: plan it instead."]
    assert not Activity.objects.exists()


# --- Updates and the discussion ----------------------------------------------------------


def test_an_owner_posts_an_update_that_changes_the_status(client):
    owner = UserFactory()
    activity = ActivityFactory(country="TH", owners=[owner], status=Status.PLANNED)
    client.force_login(owner)

    response = client.post(
        f"/activities/{activity.pk}/updates/",
        {"body": "The committee **met**.", "status": "in_progress"},
    )

    update = Update.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{activity.get_absolute_url()}#update-{update.pk}"
    activity.refresh_from_db()
    assert activity.status == Status.IN_PROGRESS
    page = html(client.get(activity.get_absolute_url()))
    assert "Status: Planned → In progress" in page
    assert "<p>The committee <strong>met</strong>.</p>" in page


def test_a_reader_cannot_post_updates_but_takes_part_in_the_discussion(client):
    activity = ActivityFactory(country="TH")
    reader = UserFactory(country="KH")
    client.force_login(reader)

    assert client.post(f"/activities/{activity.pk}/updates/", {"body": "Mine"}).status_code == 404
    response = client.post(f"/activities/{activity.pk}/comments/", {"body": "Which ministries?"})

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{activity.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.author, comment.body) == (reader, "Which ministries?")
    assert not Update.objects.exists()


def test_nobody_comments_on_a_draft_they_cannot_see(client):
    draft = ActivityFactory(country="TH", is_draft=True)
    client.force_login(UserFactory())

    assert client.post(f"/activities/{draft.pk}/comments/", {"body": "Hello"}).status_code == 404
    assert not Comment.objects.exists()


def test_a_nul_character_is_refused_before_any_view(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)

    for path in ("updates", "comments"):
        response = client.post(f"/activities/{activity.pk}/{path}/", {"body": "bad\x00text"})
        assert response.status_code == 400
    assert not Update.objects.exists()
    assert not Comment.objects.exists()


def test_invisible_only_text_is_an_empty_field(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)
    invisible = "\u200b\u200d\ufeff \u3164"

    update = client.post(f"/activities/{activity.pk}/updates/", {"body": invisible})
    comment = client.post(f"/activities/{activity.pk}/comments/", {"body": invisible})
    created = client.post(f"/activities/{activity.pk}/edit/", {**NEW, "title": invisible})

    assert update.status_code == comment.status_code == created.status_code == 400
    assert update.context["update_form"].errors["body"] == ["This field is required."]
    assert comment.context["comment_form"].errors["body"] == ["This field is required."]
    assert created.context["form"].errors["title"] == ["This field is required."]
    assert not Update.objects.exists()
    assert not Comment.objects.exists()


def test_a_control_character_is_a_form_error(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)

    response = client.post(f"/activities/{activity.pk}/updates/", {"body": "bell\x07"})

    assert response.status_code == 400
    assert "U+0007" in response.context["update_form"].errors["body"][0]


def test_script_in_markdown_is_sanitised_everywhere_it_shows(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)
    hostile = "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>"

    client.post(f"/activities/{activity.pk}/updates/", {"body": hostile})
    client.post(f"/activities/{activity.pk}/comments/", {"body": hostile})
    client.post(f"/activities/{activity.pk}/edit/", {**NEW, "description": hostile})
    page = html(client.get(activity.get_absolute_url()))

    assert Update.objects.get().body == hostile
    assert "<script>alert" not in page
    assert 'href="javascript' not in page
    assert "<img" not in page
    # As text: the description, the update, the comment, and the history's new description.
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4


def test_a_body_longer_than_ten_thousand_characters_is_refused(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)

    response = client.post(f"/activities/{activity.pk}/updates/", {"body": "a" * 10_001})

    assert response.status_code == 400
    assert not Update.objects.exists()


def test_posting_too_often_is_answered_429(client):
    reader = UserFactory()
    activity = ActivityFactory()
    client.force_login(reader)

    statuses = [
        client.post(f"/activities/{activity.pk}/comments/", {"body": f"Comment {n}"}).status_code
        for n in range(31)
    ]

    assert statuses == [302] * 30 + [429]
    assert Comment.objects.count() == 30
    assert "Too many requests" in html(
        client.post(f"/activities/{activity.pk}/comments/", {"body": "again"})
    )


def test_the_rate_limit_counts_every_post_of_the_tracker_together(client):
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])
    client.force_login(owner)
    for n in range(30):
        client.post(f"/activities/{activity.pk}/comments/", {"body": f"Comment {n}"})

    assert client.post(f"/activities/{activity.pk}/updates/", {"body": "x"}).status_code == 429
    assert client.post(f"/activities/{activity.pk}/edit/", NEW).status_code == 429
    assert not Update.objects.exists()


def test_get_only_views_refuse_other_methods_and_posts_refuse_get(client):
    activity = ActivityFactory()
    client.force_login(UserFactory())

    assert client.post(activity.get_absolute_url()).status_code == 405
    assert client.get(f"/activities/{activity.pk}/comments/").status_code == 405
    assert client.get(f"/activities/{activity.pk}/updates/").status_code == 405
