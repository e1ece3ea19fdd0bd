from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import services
from .models import Certificate
from .pdf import render_certificate_pdf


@login_required
@require_safe
def learn(request):
    """My learning: enrolled courses with progress and resume link, my certificates."""
    rows, certificates = services.learner_dashboard(request.user)
    return render(request, "courses/learn.html", {"rows": rows, "certificates": certificates})


@require_safe
def certificate(request, code):
    """Public verification: anyone with the code sees the name, the course and the date."""
    certificate = get_object_or_404(Certificate, code=code)
    return render(request, "courses/certificate.html", {"certificate": certificate})


@require_safe
def certificate_pdf(request, code):
    certificate = get_object_or_404(Certificate, code=code)
    verify_url = request.build_absolute_uri(reverse("certificate", args=[certificate.code]))
    pdf = render_certificate_pdf(
        name=certificate.name,
        course_title=certificate.course_title,
        issued_on=certificate.issued_at.date(),
        code=certificate.code,
        verify_url=verify_url,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response
