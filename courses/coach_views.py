"""Coach reports, for trainers and content editors (courses.permissions.can_coach):

- /coach/: the live courses with how many learners each has and how many completed;
- /coach/<course id>/: a course's learners, 50 a page by name, with their progress and
  each quiz's best score, attempts and pass, filtered by country, constituency and
  completion (courses.filters);
- /coach/<course id>/export.csv: exactly what the filters show, every page of it, through
  core.tables (formula injection neutralised), rate limited.

Anyone else signed in gets 403 (the courses are public, the report is not), a visitor
the login page; a course that is not live is not found. Times are the reader's.
Constant queries (tests/courses/test_coach_report_queries.py).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import ratelimit, tables
from core.times import reader_zone

from . import coach
from .filters import CoachReportFilter
from .models import CoursePage
from .permissions import can_coach

PER_PAGE = 50
EXPORTS_PER_WINDOW = 20
EXPORT_WINDOW = 300  # seconds


def _coach(request):
    if not can_coach(request.user):
        raise PermissionDenied


def _course(course_id):
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


class Listing:
    """What the reader's query string asks of a course's report, checked."""

    def __init__(self, request, course):
        self.report = coach.Report(course)
        self.filter = CoachReportFilter(request.GET or None, queryset=self.report.learners())
        self.valid = not self.filter.is_bound or self.filter.is_valid()
        self.learners = self.filter.qs
        cleaned = self.filter.form.cleaned_data if self.filter.is_bound else {}
        self.filtered = any(cleaned.values())

    def query_without(self, *names):
        kept = self.filter.data.copy() if self.filter.is_bound else {}
        for name in names:
            kept.pop(name, None)
        return kept.urlencode() if kept else ""


@login_required
@require_safe
def coach_index(request):
    _coach(request)
    return render(request, "courses/coach_index.html", {"courses": coach.courses_to_coach()})


def _page(request, course, listing, *, status=None, export_error=""):
    counts = coach.Report.counts(listing.learners)
    paginator = Paginator(listing.learners, PER_PAGE)
    paginator.count = counts["learners"]  # counted with the completions, in one query
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "course": course,
        "report": listing.report,
        "filter": listing.filter,
        "filtered": listing.filtered,
        "counts": counts,
        "page_obj": page_obj,
        "rows": listing.report.rows(page_obj.object_list),
        "extra": listing.query_without("page"),
        "export_query": listing.query_without("page"),
        "export_error": export_error,
        "reader_zone": reader_zone(request.user),
    }
    if status is None:
        status = 200 if listing.valid else 400
    return render(request, "courses/coach_report.html", context, status=status)


@login_required
@require_safe
def coach_report(request, course_id):
    _coach(request)
    course = _course(course_id)
    return _page(request, course, Listing(request, course))


@login_required
@require_safe
def coach_export(request, course_id):
    """The learners the same query string lists, as CSV. Bad filters, or more than
    coach.MAX_ROWS learners: the report, with a 400 that says why."""
    _coach(request)
    if ratelimit.hit(f"courses:coach-export:{request.user.pk}", EXPORTS_PER_WINDOW, EXPORT_WINDOW):
        return render(request, "429.html", status=429)
    course = _course(course_id)
    listing = Listing(request, course)
    if not listing.valid:
        return _page(
            request, course, listing, status=400, export_error=_("Correct the filters to export.")
        )
    try:
        header, rows = listing.report.table(listing.learners, reader_zone(request.user))
    except coach.TooMany:
        message = _(
            "An export holds at most %(count)s learners: narrow the filters, for example "
            "by country."
        ) % {"count": f"{coach.MAX_ROWS:,}"}
        return _page(request, course, listing, status=400, export_error=message)
    response = HttpResponse(tables.as_csv(header, rows), content_type=tables.CSV_CONTENT_TYPE)
    name = f"coach-report-{course.pk}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
