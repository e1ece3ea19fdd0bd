"""Site search over organizations (core.registry's provider "assessment"): those with
every word of the query in their name, among the ones the reader may see
(permissions.visible: its members, the country's staff where allowed, site
administrators) or that publish their results. Never an unpublished organization the
reader may not see. One query a page (and the paginator's count).

Each result says which it is (`reader_sees`), so the result links a visible
organization to its page and a published-only one to its latest result.
"""

from django.db.models import BooleanField, Case, Q, Value, When

from . import permissions as can
from .models import Organization

MAX_WORDS = 8


def search(request, query):
    words = query.split()[:MAX_WORDS]
    if not words:
        return Organization.objects.none()
    published = Q(publish_results=True, latest_assessment__isnull=False)
    if request.user.is_authenticated and request.user.is_active:
        sees = Q(pk__in=can.visible(request.user, Organization.objects.all()).values("pk"))
        found = Organization.objects.filter(sees | published).annotate(
            reader_sees=Case(When(sees, then=Value(True)), default=Value(False))
        )
    else:
        found = Organization.objects.filter(published).annotate(
            reader_sees=Value(False, output_field=BooleanField())
        )
    for word in words:
        found = found.filter(name__icontains=word)
    return found.only(
        "id", "name", "country", "org_type", "publish_results", "latest_assessment_id"
    ).order_by("name", "id")
