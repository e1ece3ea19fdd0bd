import pytest
from django.contrib.auth.models import AnonymousUser, Group

from accounts import permissions as can
from accounts.constants import Role
from tests.accounts.factories import UserFactory, focal_point

pytestmark = pytest.mark.django_db


def test_the_role_groups_exist_from_the_migrations():
    names = set(Group.objects.values_list("name", flat=True))

    assert set(Role.ALL) <= names


def test_content_editors_can_reach_the_wagtail_admin():
    editor = UserFactory(roles=[Role.CONTENT_EDITOR])
    learner = UserFactory()

    assert editor.has_perm("wagtailadmin.access_admin")
    assert not learner.has_perm("wagtailadmin.access_admin")


def test_anonymous_may_do_nothing():
    anonymous = AnonymousUser()

    assert not can.is_learner(anonymous)
    assert not can.is_moderator(anonymous)
    assert not can.can_moderate_country(anonymous, "TH")
    assert not can.can_edit_follow_up(anonymous, "TH")
    assert not can.can_manage_workshops(anonymous)


def test_a_verified_user_is_a_learner_and_nothing_more():
    learner = UserFactory()

    assert can.is_learner(learner)
    assert not can.is_trainer(learner)
    assert not can.can_moderate_country(learner, learner.country)
    assert not can.can_edit_content(learner)


def test_an_unverified_user_is_not_yet_a_learner():
    assert not can.is_learner(UserFactory(verified=False))


def test_a_focal_point_acts_for_the_country_it_was_granted_only():
    focal = UserFactory(country="TH", roles=[Role.FOCAL_POINT], scopes=[(Role.FOCAL_POINT, "KH")])

    assert can.can_moderate_country(focal, "KH")
    assert can.can_edit_follow_up(focal, "KH")
    assert not can.can_moderate_country(focal, "TH")  # the country on its own profile
    assert not can.can_edit_follow_up(focal, "TH")
    assert not can.is_moderator(focal)


def test_a_focal_point_granted_no_country_acts_for_none():
    focal = UserFactory(country="KH", roles=[Role.FOCAL_POINT])

    assert not focal.is_focal_point
    assert not can.can_moderate_country(focal, "KH")
    assert not can.can_edit_follow_up(focal, "KH")
    assert not can.can_moderate_country(focal, "ZZ")


def test_moderators_moderate_and_edit_the_follow_up_of_every_country():
    moderator = UserFactory(roles=[Role.MODERATOR])

    assert all(can.can_moderate_country(moderator, code) for code in ("KH", "TH", "KR"))
    assert all(can.can_edit_follow_up(moderator, code) for code in ("KH", "TH", ""))
    assert can.can_review_follow_up(moderator)


def test_programme_officers_review_reports_and_keep_the_regional_activities():
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])

    assert can.can_review_follow_up(officer)
    assert can.can_edit_follow_up(officer, "")
    assert not can.can_edit_follow_up(officer, "TH")
    assert not can.can_review_follow_up(focal_point("TH"))
    assert not can.can_review_follow_up(UserFactory(roles=[Role.TRAINER]))


def test_trainers_manage_workshops():
    assert can.can_manage_workshops(UserFactory(roles=[Role.TRAINER]))
    assert not can.can_manage_workshops(UserFactory())


def test_site_administrators_may_do_everything():
    admin = UserFactory(roles=[Role.SITE_ADMIN])

    assert can.is_site_admin(admin)
    assert can.can_moderate_country(admin, "MN")
    assert can.can_edit_follow_up(admin, "MN")
    assert can.can_manage_workshops(admin)
    assert can.can_edit_content(admin)


def test_a_deactivated_account_loses_every_role():
    moderator = UserFactory(roles=[Role.MODERATOR], is_active=False)

    assert not can.is_moderator(moderator)
    assert not can.is_learner(moderator)


@pytest.mark.usefixtures("demo_db")
def test_the_demo_accounts_have_their_roles():
    from django.contrib.auth import get_user_model

    users = {u.email: u for u in get_user_model().objects.all()}

    assert can.is_learner(users["learner@example.org"])
    assert users["learner@example.org"].country == "TH"
    assert users["learner2@example.org"].country == "VN"
    assert can.is_trainer(users["trainer@example.org"])
    assert can.is_moderator(users["moderator@example.org"])
    assert can.can_edit_follow_up(users["focal.kh@example.org"], "KH")
    assert not can.can_edit_follow_up(users["focal.kh@example.org"], "TH")
    assert can.can_edit_follow_up(users["focal.th@example.org"], "TH")
    assert can.is_site_admin(users["admin@example.org"])
    assert users["admin@example.org"].is_staff
