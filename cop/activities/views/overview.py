"""The regional overview, /activities/: the twelve-country board (activities by country
and status, indicator progress, what changed this month), the filtered list 25 a page,
and /activities/export.csv / .xlsx of exactly what the filters show (every page).

Signed-in members read every country's published activities; `drafts=1` lists the
drafts of the countries the reader manages, and answers 404 to anyone else, or for a
country the reader does not manage. Every row comes from `permissions.visible`, whatever
the filters say. `?fragment=board` answers the board alone, which the live script
(static/js/activities.js) fetches again when an event arrives.

A constant number of queries, whatever the number of activities, indicators and values
(tests/cop/activities/test_overview_queries.py): the board four, the list two (its
count and its page), the export two (the rows and their owners).
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.constants import PROGRAMME_COUNTRY_CHOICES
from core import tables
from core.times import reader_zone

from .. import board, exports
from .. import live as activity_live
from .. import permissions as can
from ..constants import Kind, Status
from ..filters import REGIONAL_PARAM, ActivityFilter, country_code
from ..models import COUNTRY_CHOICES, Activity

PER_PAGE = 25
FORMATS = ("csv", "xlsx")
COUNTRY_PARAMS = {code for code, _label in PROGRAMME_COUNTRY_CHOICES} | {REGIONAL_PARAM}
# What the board's "what changed" shows of the quarterly reports: only while the list is
# not narrowed by anything a report has not (a status, a type, words...).
REPORT_NEUTRAL_PARAMS = {"country", "page", "fragment"}


class Listing:
    """What the reader's query string asks for, checked: the filters, the activities they
    show (visible ones only), and the board's scope."""

    def __init__(self, request):
        user = request.user
        self.query = request.GET
        self.managed = can.managed_countries(user)
        self.drafts = self._drafts_asked()
        base = can.visible(user, Activity.objects.all())
        if self.drafts:
            base = base.filter(is_draft=True, country__in=self.managed)
        else:
            base = base.filter(is_draft=False)
        self.filter = ActivityFilter(
            self.query or None, queryset=base, may_see_drafts=bool(self.managed)
        )
        self.valid = not self.filter.is_bound or self.filter.is_valid()
        self.activities = self.filter.qs.order_by("-updated_at", "-id")
        active = self.filter.active
        self.country = country_code(active["country"]) if "country" in active else None
        self.period = active.get("period")

    def _drafts_asked(self):
        """True for a valid `drafts=1` of a manager; Http404 for one who manages nothing,
        or names a country it does not manage. Another value is the form's error."""
        asked = self.query.get("drafts", "")
        if not asked:
            return False
        if not self.managed:
            raise Http404
        country = self.query.get("country", "")
        if country in COUNTRY_PARAMS and country_code(country) not in self.managed:
            raise Http404
        return asked == "1"

    def board(self, zone):
        countries = None if self.country is None else [self.country]
        reports = not self.drafts and set(self.query) <= REPORT_NEUTRAL_PARAMS
        return board.build(
            self.activities, zone, countries=countries, until=self.period, reports=reports
        )

    def query_without(self, *names):
        kept = self.query.copy()
        for name in names:
            kept.pop(name, None)
        return kept

    @property
    def live_path(self):
        """The WebSocket the page listens to: the country filtered, or the region."""
        path = "/ws/activities/"
        if self.country is None:
            return path
        return f"{path}?country={self.query['country']}"


def labels():
    """The overview's labels and words for the live script (live.labels)."""
    return activity_live.labels(
        connected=_("Live: the board changes as the countries report."),
        closed=_("Live updates are off: reload the page to see the latest."),
        changes=_("%(count)s changes: the board is up to date."),
        stale=_("Much has changed since this page was loaded: reload it."),
    )


def _label(activities):
    """Put the labels a card shows on each activity, translated once for the page
    (get_FOO_display translates every choice of the field, each time)."""
    countries, kinds, statuses = (
        {code: str(label) for code, label in choices}
        for choices in (COUNTRY_CHOICES, Kind.choices, Status.choices)
    )
    for activity in activities:
        activity.country_label = countries.get(activity.country, activity.country)
        activity.kind_label = kinds.get(activity.kind, activity.kind)
        activity.status_label = statuses.get(activity.status, activity.status)


def _board_only(request, listing, zone):
    context = {"board": listing.board(zone), "reader_zone": zone}
    return render(
        request,
        "activities/includes/board.html",
        context,
        status=200 if listing.valid else 400,
    )


def _page(request, listing, zone, status=None, export_error=""):
    user = request.user
    page = Paginator(listing.activities.defer("description", "description_html"), PER_PAGE)
    page_obj = page.get_page(request.GET.get("page"))
    _label(page_obj.object_list)
    fragment = listing.query_without("page")
    fragment["fragment"] = "board"
    export_query = listing.query_without("page", "fragment").urlencode()
    context = {
        "filter": listing.filter,
        "page_obj": page_obj,
        "extra": listing.query_without("page", "fragment").urlencode(),
        "board": listing.board(zone),
        "reader_zone": zone,
        "labels": labels(),
        "live_path": listing.live_path,
        "fragment_url": f"{request.path}?{fragment.urlencode()}",
        "export_query": export_query,
        "export_error": export_error,
        "filtered": bool(listing.filter.active),
        "drafts": listing.drafts,
        "may_create": bool(can.creatable_countries(user)),
        "may_see_reports": bool(listing.managed) or can.can_review(user),
    }
    if status is None:
        status = 200 if listing.valid else 400
    return render(request, "activities/overview.html", context, status=status)


@login_required
@require_safe
def overview(request):
    listing = Listing(request)
    zone = reader_zone(request.user)
    if request.GET.get("fragment") == "board":
        return _board_only(request, listing, zone)
    return _page(request, listing, zone)


@login_required
@require_safe
def export(request, fmt):
    """Exactly the activities the same query string lists on /activities/, every page of
    them. Bad filters, or more than exports.MAX_ROWS rows: the overview, with a 400 that
    says why (an export of something else than asked would mislead)."""
    if fmt not in FORMATS:
        raise Http404
    listing = Listing(request)
    zone = reader_zone(request.user)
    if not listing.valid:
        return _page(
            request, listing, zone, status=400, export_error=_("Correct the filters to export.")
        )
    try:
        header, rows = exports.activity_rows(listing.activities)
    except exports.TooMany:
        message = _(
            "An export holds at most %(count)s activities: narrow the filters, for example "
            "by country or quarter."
        ) % {"count": f"{exports.MAX_ROWS:,}"}
        return _page(request, listing, zone, status=400, export_error=message)
    if fmt == "csv":
        body, content_type = tables.as_csv(header, rows), tables.CSV_CONTENT_TYPE
    else:
        body = tables.as_xlsx(header, rows, _("Activities"))
        content_type = tables.XLSX_CONTENT_TYPE
    response = HttpResponse(body, content_type=content_type)
    name = f"follow-up-activities-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
