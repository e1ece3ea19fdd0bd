"""Calendars: a workshop's public .ics, and a member's secret, subscribable feed.

`/workshops/calendar/<token>.ics` needs no login: the token is the secret (a calendar
app cannot log in). `/workshops/calendar/` shows the member the feed's address and lets
them rotate the token, which revokes the old address at once.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core import ratelimit

from .. import ics, permissions
from ..constants import RegistrationStatus, Status
from ..models import CalendarFeed, Registration, Session, Workshop, new_feed_token

# A feed lists the workshops that ended at most this long ago, and every later one.
FEED_HISTORY = timedelta(days=90)
ROTATIONS_PER_HOUR = 10


def _calendar_response(content, filename=None):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def workshop_ics(request, pk):
    workshop = get_object_or_404(
        permissions.visible_to(request.user).prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "id"))
        ),
        pk=pk,
    )
    if not workshop.sessions.all():
        raise Http404
    return _calendar_response(ics.workshop_ics(workshop), f"workshop-{workshop.pk}.ics")


@require_safe
def feed(request, token):
    found = (
        CalendarFeed.objects.filter(token=token, user__is_active=True)
        .select_related("user")
        .first()
    )
    if found is None:
        raise Http404
    since = timezone.now() - FEED_HISTORY
    registrations = list(
        Registration.objects.filter(
            user=found.user,
            status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING),
            workshop__status__in=(Status.PUBLISHED, Status.CANCELLED),
        )
        .filter(workshop__in=Workshop.objects.with_times().filter(last_end__gte=since))
        .select_related("workshop")
        .prefetch_related(
            Prefetch("workshop__sessions", queryset=Session.objects.order_by("starts_at", "id"))
        )
        .order_by("workshop_id")
    )
    content = ics.feed_ics(registrations, name=_("My SSE Asia workshops"))
    response = _calendar_response(content)
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def feed_settings(request):
    calendar_feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
    if request.method == "POST":
        if ratelimit.hit(f"workshop-feed-rotate:{request.user.pk}", ROTATIONS_PER_HOUR, 3600):
            return render(request, "429.html", status=429)
        calendar_feed.token = new_feed_token()
        calendar_feed.save(update_fields=["token", "created_at"])
        messages.success(
            request,
            _("Your calendar has a new address: the old one no longer works."),
        )
        return redirect("workshop_feed_settings")
    url = request.build_absolute_uri(reverse("workshop_feed", args=[calendar_feed.token]))
    webcal = "webcal://" + url.split("://", 1)[1]
    return render(
        request,
        "workshops/feed_settings.html",
        {"feed": calendar_feed, "feed_url": url, "webcal_url": webcal},
    )
