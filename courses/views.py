from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core import registry

from . import services
from .models import Certificate
from .pdf import format_date, render_certificate_pdf
from .workshops import shell as workshops
from .workshops.models import AttendanceCertificate


@login_required
@require_safe
def learn(request):
    """My learning: enrolled courses with progress and resume link, my certificates, and
    my upcoming workshops with my attendance certificates."""
    rows, certificates = services.learner_dashboard(request.user)
    for row in rows:
        course = row.enrolment.course
        row.next_steps = _next_steps(request, course) if row.enrolment.completed_at else []
    context = {"rows": rows, "certificates": certificates, **workshops.my_workshops(request)}
    return render(request, "courses/learn.html", context)


def _next_steps(request, course):
    """What the other apps offer to do next with a completed course
    (core.registry.next_steps: "Start a follow-up activity"): (label, url) pairs."""
    return [item for step in registry.next_steps for item in step.items(request, "course", course)]


def _certificate(code):
    """A course certificate with `code`, else a workshop attendance certificate with it
    (both share /certificates/<code>/), else 404. Returns (certificate, attendance)."""
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is not None:
        return certificate, False
    attendance = AttendanceCertificate.objects.filter(code=code).first()
    if attendance is not None:
        return attendance, True
    raise Http404


@require_safe
def certificate(request, code):
    """Public verification: anyone with the code sees the name, the course (or the
    workshop attended) and the date."""
    certificate, attendance = _certificate(code)
    context = {"certificate": certificate, "attendance": attendance}
    return render(request, "courses/certificate.html", context)


@require_safe
def certificate_pdf(request, code):
    certificate, attendance = _certificate(code)
    verify_url = request.build_absolute_uri(reverse("certificate", args=[certificate.code]))
    pdf = render_certificate_pdf(
        name=certificate.name,
        course_title=certificate.workshop_title if attendance else certificate.course_title,
        issued_on=certificate.issued_at.date(),
        code=certificate.code,
        verify_url=verify_url,
        attended=(certificate.held_on or format_date(certificate.issued_at.date()))
        if attendance
        else "",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response
