"""What the assessment views share: finding the organization or assessment the reader may
see, assess or edit (404 otherwise, never 403: nobody learns that an unpublished
organization exists), the one rate limit on every POST, and how a refusal is answered."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from core import ratelimit

from .. import permissions as can
from ..models import Assessment, Organization

# Every POST of the assessment, per member (the CSV import counts as one).
POSTS_PER_WINDOW = 60
POST_WINDOW = 300  # seconds
CONFLICTS = {"submitted", "used"}  # refusals answered 409: the data moved on, not the form


def visible_org(request, pk):
    """The organization `pk` if the reader may see it (members, allowed country staff)."""
    return get_object_or_404(can.visible(request.user, Organization.objects), pk=pk)


def editable_org(request, pk):
    org = visible_org(request, pk)
    if not can.can_edit(request.user, org):
        raise Http404
    return org


def assessable_org(request, pk):
    org = visible_org(request, pk)
    if not can.can_assess(request.user, org):
        raise Http404
    return org


def assessment_for(request, pk, *, assess=False):
    """The assessment `pk` with its organization, if the reader may see its answers (or,
    with `assess`, answer it); 404 otherwise."""
    assessment = get_object_or_404(Assessment.objects.select_related("organization"), pk=pk)
    org = assessment.organization
    allowed = can.can_assess if assess else can.can_see
    if not allowed(request.user, org):
        raise Http404
    return assessment


def too_fast(request):
    return ratelimit.hit(f"assessment:post:{request.user.pk}", POSTS_PER_WINDOW, POST_WINDOW)


def slow_down(request):
    return render(request, "429.html", status=429)


def refusal_status(refusal):
    return 409 if refusal.code in CONFLICTS else 400
