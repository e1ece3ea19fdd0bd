"""Who may see and do what with organizations and their assessments (README,
"Self-assessment").

- Any signed-in member registers an organization and becomes its administrator; the
  administrators edit it, invite colleagues, choose to publish its results and to share
  its answers with the country. Members take part in its assessments and see its answers.
- A country's focal point and national researchers (the countries an administrator
  granted them, never the profile's) record organizations found in a mapping study and
  assess them; they see another organization of their country, and its answers, only if
  it shares them with the country. Site administrators see everything.
- Published results (never the answers) are public: the tapestry and each published
  organization's latest result.

Views answer 404 for an organization a person may not see, whatever the request says.
"""

from django.db.models import Exists, OuterRef, Q

from accounts import permissions as accounts

from .constants import MemberRole, Source
from .models import Membership


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def memberships(user):
    """{organization id: role} for `user` (one query, cached on the user for the request)."""
    if not _active(user):
        return {}
    if not hasattr(user, "_sse_memberships"):
        user._sse_memberships = dict(
            Membership.objects.filter(user=user).values_list("organization_id", "role")
        )
    return user._sse_memberships


def mapping_countries(user):
    return accounts.mapping_countries(user)


def is_member(user, org):
    return org.pk in memberships(user)


def is_admin(user, org):
    return memberships(user).get(org.pk) == MemberRole.ADMIN


def _country_staff_sees(user, org):
    """A focal point or researcher of the organization's country, for what it recorded
    from a mapping study or what the organization shares with the country."""
    return org.country in mapping_countries(user) and (
        org.source == Source.MAPPING or org.share_with_country
    )


def can_see(user, org):
    """See the organization's page, its assessments and their answers."""
    return is_member(user, org) or accounts.is_site_admin(user) or _country_staff_sees(user, org)


def can_see_result(user, org, assessment):
    """See an assessment's scores and classification (not the answers): those who see
    the organization; everyone for a published organization's latest result."""
    if can_see(user, org):
        return True
    return (
        org.publish_results
        and not assessment.is_draft
        and org.latest_assessment_id == assessment.pk
    )


def can_edit(user, org):
    """Edit the organization, invite colleagues, set what it publishes and shares."""
    if accounts.is_site_admin(user) or is_admin(user, org):
        return True
    return org.source == Source.MAPPING and org.country in mapping_countries(user)


def can_assess(user, org):
    """Start, answer and submit an assessment of the organization."""
    if not _active(user):
        return False
    return is_member(user, org) or can_edit(user, org)


def can_record_mapped(user):
    return bool(mapping_countries(user))


def visible(user, queryset):
    """The organizations of `queryset` `user` may see (one query when evaluated)."""
    if not _active(user):
        return queryset.none()
    if accounts.is_site_admin(user):
        return queryset
    rule = Exists(Membership.objects.filter(organization=OuterRef("pk"), user=user))
    countries = mapping_countries(user)
    if countries:
        rule = rule | Q(country__in=countries) & (
            Q(source=Source.MAPPING) | Q(share_with_country=True)
        )
    return queryset.filter(rule)
