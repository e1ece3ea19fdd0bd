"""Named permission predicates: "may this user do X to Y", for views and consumers alike.

Every app asks here rather than checking groups itself, so a rule changes in one place.
Each predicate takes the user first and is safe to call with an anonymous user. Roles
are Django groups (constants.Role); a national focal point acts for the countries an
administrator granted it (accounts.RoleScope), never for the country on its own profile,
which the member edits. Site administrators may do everything.
"""

from .constants import PROGRAMME_COUNTRY_CHOICES, Country, Role


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_site_admin(user):
    return _active(user) and (user.is_superuser or user.has_role(Role.SITE_ADMIN))


def is_learner(user):
    """Every verified user is a learner: may enrol, post, chat, register."""
    return _active(user) and (user.has_role(Role.LEARNER) or is_site_admin(user))


def is_trainer(user):
    return _active(user) and (user.has_role(Role.TRAINER) or is_site_admin(user))


def is_moderator(user):
    """Moderates everything: every forum category and community space."""
    return _active(user) and (user.has_role(Role.MODERATOR) or is_site_admin(user))


def is_focal_point_for(user, country):
    """A national focal point, for a country an administrator granted it only."""
    return (
        _active(user)
        and country not in ("", None, Country.OTHER)
        and country in user.scopes_of(Role.FOCAL_POINT)
    )


def can_moderate_country(user, country):
    """Moderate a country's forum category and community space (`country`: ISO code)."""
    return is_moderator(user) or is_focal_point_for(user, country)


def can_manage_workshops(user):
    return is_trainer(user)


def is_programme_officer(user):
    return _active(user) and (user.has_role(Role.PROGRAMME_OFFICER) or is_site_admin(user))


def can_edit_follow_up(user, country):
    """Record and update the follow-up activities of `country` (an ISO code; "" for the
    regional ones, which the programme officers keep). Moderators and site administrators
    may edit every country's."""
    if country == "":
        return is_programme_officer(user) or is_moderator(user)
    return is_moderator(user) or is_focal_point_for(user, country)


def can_review_follow_up(user):
    """Validate or return a country's quarterly follow-up report: the regional reviewers."""
    return is_programme_officer(user) or is_moderator(user)


def is_researcher_for(user, country):
    """A national researcher, for a country an administrator granted it only."""
    return (
        _active(user)
        and country not in ("", None, Country.OTHER)
        and country in user.scopes_of(Role.NATIONAL_RESEARCHER)
    )


def mapping_countries(user):
    """The countries whose SSE `user` maps (records and assesses organizations found in a
    mapping study, sees what their organizations share with the country): a focal
    point's and a national researcher's granted countries; every country for a site
    administrator. No query beyond the user's scopes (cached for the request)."""
    if not _active(user):
        return frozenset()
    if is_site_admin(user):
        return frozenset(code for code, _label in PROGRAMME_COUNTRY_CHOICES)
    return user.scopes_of(Role.FOCAL_POINT) | user.scopes_of(Role.NATIONAL_RESEARCHER)


def can_edit_content(user):
    """Edit course and site pages in the Wagtail admin."""
    return _active(user) and (user.has_role(Role.CONTENT_EDITOR) or is_site_admin(user))
