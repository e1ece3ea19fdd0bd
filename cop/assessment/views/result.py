"""A submitted assessment's result (/assessment/<id>/), its print page (.../print/) and its
PDF (/assessment/<id>.pdf): the same content (report.py) three ways.

Who sees it is permissions.can_see_result: the organization's members and the staff
allowed to see it, always; anyone, signed in or not, for a published organization's latest
result (an older result of a published organization stays private). The answers behind
the scores only to those who may see the organization (permissions.can_see). Anything
else is a 404, whatever the request says. A draft sends those who may assess it to its
review, and is a 404 for everyone else.
"""

from anyascii import anyascii
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core import ratelimit

from .. import permissions as can
from .. import report
from ..models import Assessment
from ..pdf import render_result_pdf
from .common import slow_down

# PDFs a reader may have made in a window (rendering one takes a few hundred ms).
PDFS_PER_WINDOW = 30
PDF_WINDOW = 300  # seconds


def _result(request, pk):
    """(assessment, None) for a result the reader may see, (None, redirect) for a draft
    the reader may assess; 404 otherwise."""
    assessment = get_object_or_404(Assessment.objects.select_related("organization"), pk=pk)
    org = assessment.organization
    if assessment.is_draft:
        if can.can_assess(request.user, org):
            return None, redirect("assessment_review", assessment.pk)
        raise Http404
    if not can.can_see_result(request.user, org, assessment):
        raise Http404
    return assessment, None


@require_safe
def result(request, pk):
    assessment, elsewhere = _result(request, pk)
    if elsewhere:
        return elsewhere
    return render(request, "assessment/result.html", {"report": report.build(request, assessment)})


@require_safe
def print_page(request, pk):
    assessment, elsewhere = _result(request, pk)
    if elsewhere:
        return elsewhere
    context = {
        "report": report.build(request, assessment),
        "result_url": request.build_absolute_uri(
            reverse("assessment_result", args=[assessment.pk])
        ),
    }
    return render(request, "assessment/print.html", context)


def pdf_filename(assessment):
    """`sse-assessment-<organization>-<date>.pdf` in ASCII letters, digits and dashes
    (a name in another script transliterated): safe in any header and file system."""
    name = slugify(anyascii(assessment.organization.name))[:60].strip("-")
    day = f"{assessment.submitted_at:%Y-%m-%d}"
    return "-".join(part for part in ("sse-assessment", name, day) if part) + ".pdf"


def _too_many_pdfs(request):
    who = request.user.pk if request.user.is_authenticated else request.META.get("REMOTE_ADDR")
    return ratelimit.hit(f"assessment:pdf:{who}", PDFS_PER_WINDOW, PDF_WINDOW)


@require_safe
def pdf(request, pk):
    assessment, elsewhere = _result(request, pk)
    if elsewhere:
        return elsewhere
    if _too_many_pdfs(request):
        return slow_down(request)
    content = render_result_pdf(
        report.build(request, assessment),
        language=get_language(),
        url=request.build_absolute_uri(reverse("assessment_result", args=[assessment.pk])),
        absolute=request.build_absolute_uri,
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(assessment)}"'
    return response
