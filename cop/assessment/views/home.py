"""The self-assessment's start page (/assessment/): what the tool is, in plain words, for
everyone; a member's organizations with their latest result and a button to start or
continue an assessment; for a country's focal point and researchers, the organizations
of their countries that were recorded from a mapping study or share their answers.

A constant number of queries whatever the number of organizations: the member's
organizations (with the latest result and whether a draft exists), and for country
staff their memberships, the count and one page of their countries' organizations.
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.times import reader_zone

from .. import permissions as can
from ..classification import Classification
from ..constants import Source
from ..models import Assessment, Organization
from ..questionnaire import FEATURE_NAMES

PER_PAGE = 25


def with_result(organizations):
    """`organizations` with the latest result joined and `has_draft` annotated."""
    drafts = Assessment.objects.filter(organization=OuterRef("pk"), submitted_at__isnull=True)
    return organizations.select_related("latest_assessment").annotate(has_draft=Exists(drafts))


def _country_organizations(request, user, countries):
    """A page of `countries`' organizations that `user`'s mapping role lets it see (and
    is not a member of: those are listed above), each with `may_assess`."""
    organizations = with_result(
        Organization.objects.filter(country__in=countries)
        .filter(Q(source=Source.MAPPING) | Q(share_with_country=True))
        .exclude(memberships__user=user)
        .order_by("country", "name", "id")
    )
    page_obj = Paginator(organizations, PER_PAGE).get_page(request.GET.get("page"))
    for org in page_obj.object_list:
        org.may_assess = can.can_assess(user, org)
    return page_obj


@require_safe
def home(request):
    user = request.user
    context = {
        "features": list(FEATURE_NAMES.items()),
        "classifications": Classification,
        "reader_zone": reader_zone(user),
    }
    if user.is_authenticated:
        context["mine"] = list(
            with_result(Organization.objects.filter(memberships__user=user)).order_by("name", "id")
        )
        countries = can.mapping_countries(user)
        if countries:
            context["page_obj"] = _country_organizations(request, user, countries)
            context["mapping"] = True
    return render(request, "assessment/home.html", context)
