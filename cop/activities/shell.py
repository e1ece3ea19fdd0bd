"""What the follow-up tracker offers the site shell and the other apps (core.registry):
the header's "Activities" (signed-in members), a country's page and space's
activities, "Start a follow-up activity" on a completed course or a workshop, the seed."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import pagecache, registry

from . import permissions, seed
from .forms import country_value
from .models import Activity, Indicator, IndicatorValue, Report, Update

COUNTRY_ACTIVITIES = 5  # the latest shown on a country's page and its space


def _signed_in(request):
    return request.user.is_authenticated


def country_activities(request, country):
    """A country's (or, with "", the regional) latest published activities, for signed-in
    readers (anonymous ones get no section): one query."""
    if not _signed_in(request):
        return None
    activities = list(
        Activity.objects.published()
        .in_country(country)
        .order_by("-updated_at", "-id")
        .only("id", "title", "kind", "status", "updated_at")[:COUNTRY_ACTIVITIES]
    )
    return {
        "activities": activities,
        "country": country,
        "list_url": f"{reverse('activities')}?country={country_value(country)}",
    }


def start_activity(request, kind, obj):
    """ "Start a follow-up activity" from a workshop or a completed course, for those who
    may add activities (no query beyond the reader's roles and owned countries, which
    are cached for the request)."""
    if kind not in ("workshop", "course") or not permissions.creatable_countries(request.user):
        return []
    url = f"{reverse('activity_create')}?{kind}={obj.pk}"
    return [(_("Start a follow-up activity"), url)]


SEARCH_WORDS = 8


def search(request, query):
    """Site search: the activities this reader may see (signed-in members only; drafts
    only to their editors) with every word of `query` in the title, the description or
    the lead organization, the latest changed first; one query a page."""
    words = query.split()[:SEARCH_WORDS]
    found = permissions.visible(request.user, Activity.objects)
    for word in words:
        found = found.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(lead_organization__icontains=word)
        )
    if not words:
        return found.none()
    # The description's HTML and the lead organization for the result's snippet.
    return found.only(
        "id",
        "title",
        "kind",
        "status",
        "country",
        "is_draft",
        "description_html",
        "lead_organization",
    ).order_by("-updated_at", "-id")


def register():
    # A country's page shows its follow-up activities to anonymous readers.
    pagecache.invalidate_on_change(Activity, Update, Report, Indicator, IndicatorValue)
    registry.search_providers.register(
        registry.SearchProvider(
            key="activities",
            order=40,
            label=_("Follow-up activities"),
            search=search,
            result_template="activities/search_result.html",
        )
    )
    registry.header_items.register(
        registry.HeaderItem(
            key="activities",
            order=40,
            label=_("Activities"),
            url_name="activities",
            visible=_signed_in,
        )
    )
    registry.country_sections.register(
        registry.CountrySection(
            key="activities",
            order=20,
            template="activities/country_section.html",
            context=country_activities,
        )
    )
    registry.next_steps.register(
        registry.NextStep(key="activities", order=20, items=start_activity)
    )
    registry.seeders.register(registry.Seeder(key="activities", order=50, run=seed.seed_activities))
