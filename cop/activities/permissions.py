"""Who may do what with the follow-up activities (the rules: README, "Follow-up").

- Every signed-in member reads every country's published activities, their progress,
  indicators, evidence and discussion, and may take part in the discussion.
- A country's national focal point (the scope an administrator granted: never the
  profile's country) creates and edits the country's activities, its drafts and owners,
  and submits its quarterly reports. Programme officers keep the regional activities.
- An activity's owners edit it (its progress, indicators, values, evidence), but not its
  owners; they may start activities in the countries where they own one.
- Moderators and site administrators may do everything; programme officers and
  moderators validate or return the quarterly reports (never one they submitted).

Views answer 404 for what a person may not see or change, whatever the request says.
"""

from django.db.models import Q

from accounts import permissions as accounts
from accounts.constants import PROGRAMME_COUNTRIES, Role

from .constants import REGIONAL

ALL_COUNTRIES = (*(c.value for c in PROGRAMME_COUNTRIES), REGIONAL)


def can_read(user):
    return bool(user and user.is_authenticated and user.is_active)


def managed_countries(user):
    """The countries (ISO codes, "" for regional) whose activities `user` manages: creates,
    edits, sees the drafts of, gives owners to, reports on. No query beyond the user's
    scopes (cached on the user for the request)."""
    if not can_read(user):
        return frozenset()
    if accounts.is_moderator(user):
        return frozenset(ALL_COUNTRIES)
    countries = set(user.scopes_of(Role.FOCAL_POINT))
    if accounts.is_programme_officer(user):
        countries.add(REGIONAL)
    return frozenset(countries)


def owned_countries(user):
    """The countries of the activities `user` owns (one query; cached for the request)."""
    if not can_read(user):
        return frozenset()
    if not hasattr(user, "_owned_activity_countries"):
        user._owned_activity_countries = frozenset(
            user.owned_activities.order_by().values_list("country", flat=True).distinct()
        )
    return user._owned_activity_countries


def creatable_countries(user):
    """Where `user` may start an activity: the countries it manages, and those where it
    owns one already."""
    return managed_countries(user) | owned_countries(user)


def is_owner(user, activity):
    """One query, unless the activity's owners were prefetched."""
    if not can_read(user):
        return False
    cache = getattr(activity, "_prefetched_objects_cache", {})
    if "owners" in cache:
        return any(owner.pk == user.pk for owner in cache["owners"])
    return activity.owners.filter(pk=user.pk).exists()


def can_manage(user, activity):
    return activity.country in managed_countries(user)


def can_edit(user, activity):
    return can_manage(user, activity) or is_owner(user, activity)


def can_see(user, activity):
    return can_read(user) and (not activity.is_draft or can_edit(user, activity))


def visible(user, activities):
    """`activities` narrowed to what `user` may see: published ones, and the drafts it
    edits."""
    if not can_read(user):
        return activities.none()
    return activities.filter(
        Q(is_draft=False)
        | Q(country__in=managed_countries(user))
        | Q(id__in=user.owned_activities.values("id"))  # a subquery: no duplicate rows
    )


def can_report(user, country):
    """Enter values and submit the quarterly report of `country`."""
    return country in managed_countries(user)


def can_review(user):
    return accounts.can_review_follow_up(user)


def can_review_report(user, report):
    """A reviewer, and not the person who submitted it (site administrators excepted)."""
    return can_review(user) and (report.submitted_by_id != user.pk or accounts.is_site_admin(user))
