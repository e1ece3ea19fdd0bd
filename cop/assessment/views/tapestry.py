"""The regional tapestry, /assessment/tapestry/ (public, anonymous readers too): the
aggregates per country over every assessed organization, then the published
organizations 25 a page; and /assessment/tapestry.csv, what the list shows under the same
filters, every page of it.

Bad filter values are left out and reported (400, the page with the field's error), as
on the workshops' and the activities' lists; an export under bad filters is refused the
same way (an export of something else than asked would mislead). The export is rate
limited per member, or per address for anonymous readers: it reads every row.

A constant number of queries whatever the number of organizations
(tests/cop/assessment/test_tapestry_queries.py): the aggregates two, the list three (its
count, its page, the page's feature scores); the export two.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import ratelimit, tables
from core.times import reader_zone

from .. import exports, tapestry
from ..constants import MIN_GROUP
from ..filters import TapestryFilter
from ..models import Organization
from .common import slow_down

PER_PAGE = 25
EXPORTS_PER_WINDOW = 20
EXPORT_WINDOW = 300  # seconds


def _filter(request):
    # All organizations: the list and the export keep the published ones (tapestry.listed),
    # the aggregates every assessed one.
    return TapestryFilter(request.GET or None, queryset=Organization.objects.all())


def _query_without(request, *names):
    kept = request.GET.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def _page(request, filterset, zone, status=None, export_error=""):
    page_obj = Paginator(tapestry.listed(filterset.qs), PER_PAGE).get_page(request.GET.get("page"))
    page_obj.object_list = tapestry.label_rows(page_obj.object_list)
    groups, region = tapestry.aggregates(**filterset.aggregate_scope())
    query = _query_without(request, "page")
    context = {
        "filter": filterset,
        "filtered": bool(filterset.active),
        "page_obj": page_obj,
        "extra": query,
        "export_query": query,
        "export_error": export_error,
        "groups": groups,
        "region": region,
        "min_group": MIN_GROUP,
        "reader_zone": zone,
    }
    if status is None:
        status = 200 if filterset.valid else 400
    return render(request, "assessment/tapestry.html", context, status=status)


@require_safe
def tapestry_page(request):
    filterset = _filter(request)
    return _page(request, filterset, reader_zone(request.user))


def _export_too_fast(request):
    who = f"user:{request.user.pk}" if request.user.is_authenticated else None
    who = who or f"ip:{request.META.get('REMOTE_ADDR', '')}"
    return ratelimit.hit(f"assessment:tapestry-export:{who}", EXPORTS_PER_WINDOW, EXPORT_WINDOW)


@require_safe
def tapestry_export(request):
    """The published organizations the same query string lists, as CSV."""
    if _export_too_fast(request):
        return slow_down(request)
    filterset = _filter(request)
    zone = reader_zone(request.user)
    if not filterset.valid:
        error = _("Correct the filters to export.")
        return _page(request, filterset, zone, status=400, export_error=error)
    try:
        header, rows = exports.tapestry_rows(filterset.qs, zone)
    except exports.TooMany:
        message = _(
            "An export holds at most %(count)s organizations: narrow the filters, for "
            "example by country or type."
        ) % {"count": f"{exports.MAX_ROWS:,}"}
        return _page(request, filterset, zone, status=400, export_error=message)
    response = HttpResponse(tables.as_csv(header, rows), content_type=tables.CSV_CONTENT_TYPE)
    name = f"sse-tapestry-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
