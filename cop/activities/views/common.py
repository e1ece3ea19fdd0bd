"""What the activity views share: finding the activity the reader may see or edit, the
one rate limit on every POST, how a refusal is answered, and reading an id from the query
string.

The activity page and its changes (activity.py) and the indicators and their values
(indicators.py) use these; the evidence and report views the rate limit's answer and
the refusals' too (evidence uploads count against a limit of their own).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from core import ratelimit

from .. import permissions as can
from ..models import Activity

# Every POST of the tracker, per member: a person never needs more; a script stops here.
POSTS_PER_WINDOW = 30
POST_WINDOW = 300  # seconds
CONFLICTS = {"locked", "state"}  # refusals answered 409: the data moved on, not the form


def _activities(user):
    return (
        can.visible(user, Activity.objects)
        .select_related("workshop", "course_page", "space", "topic", "created_by")
        .prefetch_related("owners")
    )


def visible_activity(request, pk):
    """The activity `pk` if the reader may see it; 404 otherwise."""
    return get_object_or_404(_activities(request.user), pk=pk)


def editable_activity(request, pk):
    """The activity `pk` if the reader may edit it; 404 otherwise (never 403: nobody
    learns that another country's draft exists)."""
    activity = visible_activity(request, pk)
    if not can.can_edit(request.user, activity):
        raise Http404
    return activity


def too_fast(request):
    return ratelimit.hit(f"activities:post:{request.user.pk}", POSTS_PER_WINDOW, POST_WINDOW)


def slow_down(request):
    return render(request, "429.html", status=429)


def refusal_status(refusal):
    return 409 if refusal.code in CONFLICTS else 400


def positive_int(value):
    """`value` as a positive id that fits a bigint (a query-string parameter), or None."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
