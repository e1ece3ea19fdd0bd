"""A role's scope (the country a national focal point serves) is granted by an
administrator and stored apart from the profile, which the member edits and which grants
nothing."""

import importlib
import uuid

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts import permissions as can
from accounts.constants import Country, Role
from accounts.models import RoleScope
from accounts.seed import seed_accounts
from accounts.services import grant_scope, revoke_scope
from cop import services as cop_services
from cop.models import Membership
from cop.permissions import can_moderate_space
from forum import services as forum_services
from forum.models import Category, CategoryKind, Notification, PostState, ReadAccess
from tests.accounts.factories import UserFactory, site_admin
from tests.cop.factories import member, national_space
from tests.forum.factories import national_category

pytestmark = pytest.mark.django_db

scopes_from_profiles = importlib.import_module(
    "accounts.migrations.0004_role_scopes"
).scopes_from_profiles


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def profile_data(user, **changes):
    """What the profile page posts for `user`, with `changes` made by the member."""
    return {
        "name": user.name,
        "country": user.country,
        "constituency": user.constituency,
        "organization": user.organization,
        "gender": user.gender,
        "language": user.language,
        "time_zone": user.time_zone,
        "handle": user.handle,
        "notify_by_email": "on",
        **changes,
    }


def focal_point_of_cambodia(**kwargs):
    return UserFactory(
        name="Sokun Focal",
        country=Country.CAMBODIA,
        roles=[Role.FOCAL_POINT],
        scopes=[(Role.FOCAL_POINT, Country.CAMBODIA)],
        **kwargs,
    )


def test_a_focal_point_that_moves_its_profile_to_thailand_moderates_nothing_there(settings):
    settings.FORUM_APPROVE_FIRST_POSTS = 2  # a new member's first posts wait for approval
    cambodia = national_category(Country.CAMBODIA)
    thailand = national_category(Country.THAILAND)
    newbie = UserFactory(name="New Member")
    kh_topic = forum_services.start_topic(cambodia, newbie, "Waiting in Cambodia", "Khmer news")
    th_topic = forum_services.start_topic(thailand, newbie, "Waiting in Thailand", "Thai news")
    focal = focal_point_of_cambodia()
    client = client_for(focal)

    saved = client.post(reverse("profile"), profile_data(focal, country=Country.THAILAND))

    assert saved.status_code == 302
    focal.refresh_from_db()
    assert focal.country == "TH"  # the member's own country is theirs to edit
    queue = client.get(reverse("forum_queue"))
    html = queue.content.decode()
    assert "Khmer news" in html
    assert "Thai news" not in html
    listed = [*queue.context["pending_page"], *queue.context["flagged_page"]]
    assert [post.topic_id for post in listed] == [kh_topic.id]
    th_post = th_topic.posts.get(number=1)
    refused = client.post(
        reverse("forum_moderate_post", args=[th_post.id]), {"action": "approve", "reason": ""}
    )
    assert refused.status_code == 403
    th_post.refresh_from_db()
    assert th_post.state == PostState.PENDING
    # It keeps the country it was granted.
    kh_post = kh_topic.posts.get(number=1)
    approved = client.post(
        reverse("forum_moderate_post", args=[kh_post.id]), {"action": "approve", "reason": ""}
    )
    assert approved.status_code == 302
    kh_post.refresh_from_db()
    assert kh_post.state == PostState.PUBLISHED
    assert set(RoleScope.objects.filter(user=focal).values_list("role", "country")) == {
        (Role.FOCAL_POINT, "KH")
    }


def test_a_focal_point_that_moves_its_profile_has_no_say_in_that_countrys_space():
    space = national_space(Country.THAILAND)
    author = member(space)
    message, _ = cop_services.post_message(space, author, "Not yours to delete", uuid.uuid4())
    focal = focal_point_of_cambodia()
    Membership.objects.create(space=space, user=focal)
    client = client_for(focal)
    client.post(reverse("profile"), profile_data(focal, country=Country.THAILAND))

    refused = client.post(f"/spaces/thailand/messages/{message.id}/delete/")

    assert refused.status_code == 403
    message.refresh_from_db()
    assert not message.is_deleted
    focal = get_user_model().objects.get(pk=focal.pk)
    assert focal.country == "TH"
    assert not can.can_moderate_country(focal, "TH")
    assert can.can_moderate_country(focal, "KH")


def test_posting_a_scope_with_the_profile_grants_nothing():
    member = UserFactory(country=Country.THAILAND, roles=[Role.FOCAL_POINT])
    client = client_for(member)

    saved = client.post(
        reverse("profile"),
        profile_data(
            member,
            country=Country.LAO_PDR,
            role_scopes="LA",
            scopes="LA",
            role="National focal point",
            is_superuser="on",
            groups="1",
        ),
    )

    assert saved.status_code == 302
    assert RoleScope.objects.filter(user=member).count() == 0
    member = get_user_model().objects.get(pk=member.pk)
    assert member.country == "LA"
    assert not member.is_superuser
    assert not member.is_focal_point
    assert not can.can_moderate_country(member, "LA")


def test_the_profile_and_signup_forms_ask_nothing_about_scopes():
    member = UserFactory()
    client = client_for(member)

    profile = client.get(reverse("profile"))
    client.logout()
    signup = client.get(reverse("account_signup"))

    for response in (profile, signup):
        assert response.status_code == 200
        fields = set(response.context["form"].fields)
        assert not fields & {"role_scopes", "scopes", "role", "groups", "is_superuser"}


def test_a_scope_without_the_role_grants_nothing():
    member = UserFactory(country=Country.CAMBODIA, scopes=[(Role.FOCAL_POINT, "KH")])
    space = national_space(Country.CAMBODIA)

    assert not member.is_focal_point
    assert member.scopes_of(Role.FOCAL_POINT) == frozenset()
    assert not can.is_focal_point_for(member, "KH")
    assert not can.can_moderate_country(member, "KH")
    assert not can.can_edit_follow_up(member, "KH")
    assert not can_moderate_space(member, space)


def test_a_granted_scope_works_wherever_the_profile_says_the_member_lives():
    focal = UserFactory(
        country=Country.OTHER,
        roles=[Role.FOCAL_POINT],
        scopes=[(Role.FOCAL_POINT, "MN"), (Role.FOCAL_POINT, "KG")],
    )
    mongolia = national_category(Country.MONGOLIA)
    author = UserFactory()
    topic = forum_services.start_topic(mongolia, author, "Herders' cooperatives", "Spam here")
    post = topic.posts.get(number=1)

    hidden = client_for(focal).post(
        reverse("forum_moderate_post", args=[post.id]), {"action": "hide", "reason": "Spam"}
    )

    assert hidden.status_code == 302
    post.refresh_from_db()
    assert post.state == PostState.HIDDEN
    assert focal.is_focal_point
    assert focal.scopes_of(Role.FOCAL_POINT) == frozenset({"MN", "KG"})
    assert can.can_edit_follow_up(focal, "KG")
    assert not can.can_edit_follow_up(focal, "TH")
    assert can_moderate_space(focal, national_space(Country.KYRGYZSTAN))
    assert not can_moderate_space(focal, national_space(Country.THAILAND))


def test_a_deactivated_focal_point_loses_its_scope():
    focal = focal_point_of_cambodia(is_active=False)

    assert not can.can_moderate_country(focal, "KH")


def test_a_focal_point_is_told_of_mentions_in_the_members_only_category_it_was_granted(
    settings,
):
    settings.FORUM_APPROVE_FIRST_POSTS = 0
    category = Category.objects.create(
        slug="kh-members",
        name="Cambodia, members",
        kind=CategoryKind.NATIONAL,
        country="KH",
        read_access=ReadAccess.MEMBERS,
    )
    # Unverified, so not a learner: only a focal point's scope lets them read it.
    granted = UserFactory(
        handle="granted",
        verified=False,
        roles=[Role.FOCAL_POINT],
        scopes=[(Role.FOCAL_POINT, "KH")],
        country=Country.THAILAND,
    )
    self_declared = UserFactory(
        handle="declared", verified=False, roles=[Role.FOCAL_POINT], country=Country.CAMBODIA
    )
    author = UserFactory()

    topic = forum_services.start_topic(category, author, "Mentions", "Hello @granted @declared")

    told = Notification.objects.filter(post__topic=topic).values_list("user_id", flat=True)
    assert list(told) == [granted.id]
    assert self_declared.id not in told


def test_scopes_cost_one_query_for_a_focal_point_and_none_for_anyone_else(
    django_assert_num_queries,
):
    focal = focal_point_of_cambodia()
    learner = UserFactory(roles=[Role.TRAINER])
    focal, learner = (get_user_model().objects.get(pk=u.pk) for u in (focal, learner))
    focal.role_names, learner.role_names  # noqa: B018 - load the roles, as a request does

    with django_assert_num_queries(0):
        assert not can.can_moderate_country(learner, "KH")
        assert not can.can_edit_follow_up(learner, "TH")
    with django_assert_num_queries(1):
        for country in ("KH", "TH", "LA"):
            can.can_moderate_country(focal, country)
        assert focal.scopes_of(Role.FOCAL_POINT) == frozenset({"KH"})


def test_a_new_grant_and_a_refresh_clear_the_cached_scopes():
    focal = focal_point_of_cambodia()
    assert focal.scopes_of(Role.FOCAL_POINT) == frozenset({"KH"})

    grant_scope(focal, Role.FOCAL_POINT, "LA")
    assert focal.scopes_of(Role.FOCAL_POINT) == frozenset({"KH", "LA"})
    revoke_scope(focal, Role.FOCAL_POINT, "KH")
    assert focal.scopes_of(Role.FOCAL_POINT) == frozenset({"LA"})
    RoleScope.objects.filter(user=focal).delete()
    focal.refresh_from_db()
    assert focal.scopes_of(Role.FOCAL_POINT) == frozenset()


@pytest.mark.usefixtures("demo_db")
def test_the_seed_grants_the_demo_focal_points_and_researcher_their_countries():
    def granted():
        return set(
            RoleScope.objects.filter(user__email__endswith="@example.org").values_list(
                "user__email", "role", "country"
            )
        )

    seeded = granted()
    seed_accounts()

    assert seeded == {
        ("focal.kh@example.org", Role.FOCAL_POINT, "KH"),
        ("focal.th@example.org", Role.FOCAL_POINT, "TH"),
        ("researcher.kh@example.org", Role.NATIONAL_RESEARCHER, "KH"),
    }
    assert granted() == seeded  # a second run grants nothing more


def test_the_migration_turns_a_focal_points_profile_country_into_a_scope():
    focal_vn = UserFactory(country=Country.VIET_NAM, roles=[Role.FOCAL_POINT])
    focal_elsewhere = UserFactory(country=Country.OTHER, roles=[Role.FOCAL_POINT])
    learner_la = UserFactory(country=Country.LAO_PDR)
    already = focal_point_of_cambodia()
    people = [focal_vn, focal_elsewhere, learner_la, already]

    scopes_from_profiles(django_apps)
    scopes_from_profiles(django_apps)  # a second run changes nothing

    assert set(RoleScope.objects.filter(user__in=people).values_list("user", "country")) == {
        (focal_vn.id, "VN"),
        (already.id, "KH"),
    }
    assert RoleScope.objects.get(user=focal_vn).granted_by is None
    assert can.can_moderate_country(get_user_model().objects.get(pk=focal_vn.pk), "VN")


def test_an_administrator_grants_a_scope_inline_on_the_user_in_the_django_admin():
    admin = site_admin()
    focal = UserFactory(country=Country.THAILAND, roles=[Role.FOCAL_POINT])
    client = client_for(admin)
    url = reverse("admin:accounts_user_change", args=[focal.id])
    page = client.get(url)
    data = admin_form_data(page)
    data.update(
        {
            "role_scopes-TOTAL_FORMS": "1",
            "role_scopes-0-role": Role.FOCAL_POINT,
            "role_scopes-0-country": "PH",
        }
    )

    saved = client.post(url, data)

    assert saved.status_code == 302, saved.context and saved.context["errors"]
    scope = RoleScope.objects.get(user=focal)
    assert (scope.role, scope.country, scope.granted_by_id) == (Role.FOCAL_POINT, "PH", admin.id)
    assert can.can_moderate_country(get_user_model().objects.get(pk=focal.pk), "PH")
    assert "Scopes of roles" in page.content.decode()


def admin_form_data(page):
    """The values the admin change page shows, as the browser would post them back."""
    data = {}
    form = page.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or field.disabled:
            continue
        if isinstance(value, list | tuple | set) or hasattr(value, "all"):
            data[name] = [
                getattr(v, "pk", v) for v in (value.all() if hasattr(value, "all") else value)
            ]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    for date_name in ("last_login", "date_joined"):
        if date_name in data:
            moment = data.pop(date_name)
            data[f"{date_name}_0"] = moment.strftime("%Y-%m-%d")
            data[f"{date_name}_1"] = moment.strftime("%H:%M:%S")
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return data


def test_a_member_cannot_reach_the_scopes_in_the_admin():
    member = UserFactory(roles=[Role.FOCAL_POINT], scopes=[(Role.FOCAL_POINT, "KH")])
    client = client_for(member)

    response = client.get(reverse("admin:accounts_user_change", args=[member.id]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_an_administrator_grants_a_scope_in_the_wagtail_admin():
    admin = site_admin()
    focal = UserFactory(country=Country.THAILAND, roles=[Role.FOCAL_POINT])
    client = client_for(admin)
    data = {"user": focal.id, "role": Role.FOCAL_POINT, "country": "ID"}

    granted = client.post(reverse("role_scopes:add"), data)
    again = client.post(reverse("role_scopes:add"), data)

    assert granted.status_code == 302
    scope = RoleScope.objects.get(user=focal)
    assert (scope.role, scope.country, scope.granted_by_id) == (Role.FOCAL_POINT, "ID", admin.id)
    assert again.status_code == 200  # the form again, with the error
    assert RoleScope.objects.filter(user=focal).count() == 1
    listing = client.get(reverse("role_scopes:index"))
    assert listing.status_code == 200
    assert focal.name in listing.content.decode()


def test_neither_a_focal_point_nor_a_content_editor_grants_scopes_in_the_wagtail_admin():
    focal = UserFactory(country=Country.THAILAND, roles=[Role.FOCAL_POINT])
    editor = UserFactory(roles=[Role.CONTENT_EDITOR])
    data = {"user": focal.id, "role": Role.FOCAL_POINT, "country": "TH"}

    as_focal = client_for(focal).post(reverse("role_scopes:add"), data)
    as_editor = client_for(editor).post(reverse("role_scopes:add"), data)

    assert as_focal.status_code == 302
    assert as_focal.url.startswith("/admin/login/")
    assert as_editor.status_code == 302  # Wagtail's "no permission" redirect to the dashboard
    assert as_editor.url == reverse("wagtailadmin_home")
    assert RoleScope.objects.filter(user=focal).count() == 0
