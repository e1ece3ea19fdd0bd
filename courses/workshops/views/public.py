"""Finding and registering: /workshops/ (the list, filtered), /workshops/<id>/ (a
workshop, with the reader's own registration), and the register / cancel posts.

Both pages make a constant number of queries, whatever the number of workshops,
sessions or registrations: the list is `for_listing()` (counts and times annotated,
sessions and languages prefetched) and one page of it; the detail adds the trainers and
the reader's registration with their place on the waiting list.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core import ratelimit, registry

from .. import permissions, services
from ..attendance import feedback_is_open
from ..constants import RegistrationStatus
from ..filters import WorkshopFilter
from ..models import Registration, Workshop
from ..times import for_reader, reader_zone_name, span

PER_PAGE = 20
# Registering and cancelling, together, per member: each may send e-mails.
REGISTRATIONS_PER_WINDOW = 10
REGISTRATION_WINDOW = 600  # seconds


def _card(workshop, show, now):
    """What a card shows, put on the workshop: its first session's time for the
    reader, and its seats."""
    workshop.when = show(workshop.first_start, workshop)
    workshop.seats_left = max(workshop.capacity - workshop.confirmed_count, 0)
    workshop.is_open = workshop.registration_is_open(now)
    workshop.opens_later = bool(
        workshop.is_published
        and workshop.registration_opens is not None
        and now < workshop.registration_opens
        and (workshop.first_start is None or now < workshop.first_start)
    )
    workshop.opens_when = show(workshop.registration_opens, workshop)
    return workshop


@require_safe
def workshop_list(request):
    now = timezone.now()
    past = request.GET.get("when") == "past"
    zone_name = reader_zone_name(request.user)
    filterset = WorkshopFilter(
        request.GET or None, queryset=Workshop.objects.published(), reader_zone=zone_name
    )
    workshops = filterset.qs
    workshops = (workshops.past(now) if past else workshops.upcoming(now)).for_listing()
    page = Paginator(workshops, PER_PAGE).get_page(request.GET.get("page"))
    show = for_reader(request.user)
    for workshop in page.object_list:
        _card(workshop, show, now)
    keep = request.GET.copy()
    keep.pop("page", None)
    upcoming_query, past_query = keep.copy(), keep.copy()
    upcoming_query.pop("when", None)
    past_query["when"] = "past"
    context = {
        "filter": filterset,
        "page_obj": page,
        "past": past,
        "extra": keep.urlencode(),
        "upcoming_query": upcoming_query.urlencode(),
        "past_query": past_query.urlencode(),
        "reader_zone": zone_name,
        "filtered": bool(filterset.active),
    }
    bad = filterset.is_bound and not filterset.is_valid()
    return render(request, "workshops/workshop_list.html", context, status=400 if bad else 200)


def _own_registration(workshop, user):
    """The reader's registration, with `ahead`: how many wait before them."""
    if not user.is_authenticated:
        return None
    waiting = RegistrationStatus.WAITING
    ahead = (
        Registration.objects.filter(workshop=OuterRef("workshop"), status=waiting)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), id__lt=OuterRef("id"))
        )
        .order_by()
        .values("workshop")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        Registration.objects.filter(workshop=workshop, user=user)
        .annotate(ahead=Coalesce(Subquery(ahead), 0))
        .first()
    )


def _action(workshop, registration, user, now):
    """Which button or note the reader gets (the template's `action`)."""
    if workshop.is_cancelled:
        return "cancelled"
    active = registration is not None and registration.status in (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
        RegistrationStatus.PENDING,
    )
    if active:
        deadline = workshop.cancellation_deadline()
        return "cut_off" if deadline is not None and now >= deadline else "cancel"
    if registration is not None and registration.status == RegistrationStatus.REJECTED:
        return "rejected"
    if not workshop.registration_is_open(now):
        return "closed"
    return "register" if user.is_authenticated else "login"


@require_safe
def workshop_detail(request, pk):
    now = timezone.now()
    workshop = get_object_or_404(
        permissions.visible_to(request.user)
        .for_listing()
        .select_related("prerequisite_course")
        .prefetch_related("trainers"),
        pk=pk,
    )
    show = for_reader(request.user)
    _card(workshop, show, now)
    registration = _own_registration(workshop, request.user)
    sessions = [
        {
            "session": session,
            "span": span(show(session.starts_at, workshop), show(session.ends_at, workshop)),
        }
        for session in workshop.ordered_sessions()
    ]
    confirmed = registration is not None and registration.is_confirmed
    context = {
        "workshop": workshop,
        "sessions": sessions,
        "registration": registration,
        "position": registration.ahead + 1 if registration is not None else None,
        "action": _action(workshop, registration, request.user, now),
        "deadline": show(workshop.cancellation_deadline(), workshop),
        "show_link": confirmed and not workshop.is_cancelled and bool(workshop.joining_link),
        # What a confirmed participant does next: check in while a session is on, give
        # feedback once it is over (the views check it all again).
        "check_in_open": confirmed
        and not workshop.is_cancelled
        and any(s["session"].is_on(now) for s in sessions),
        "feedback_open": confirmed and feedback_is_open(workshop, now),
        "may_manage": request.user.is_authenticated
        and permissions.can_manage(request.user, workshop),
        "trainers": list(workshop.trainers.all()),
        "full": workshop.seats_left == 0,
        "reader_zone": reader_zone_name(request.user),
        "next_steps": next_steps(request, "workshop", workshop),
    }
    return render(request, "workshops/workshop_detail.html", context)


def next_steps(request, kind, obj):
    """What the other apps offer to do next with this learning (core.registry.next_steps:
    "Start a follow-up activity"): (label, url) pairs."""
    if not request.user.is_authenticated:
        return []
    return [item for step in registry.next_steps for item in step.items(request, kind, obj)]


def _too_fast(request):
    return ratelimit.hit(
        f"workshop-registration:{request.user.pk}", REGISTRATIONS_PER_WINDOW, REGISTRATION_WINDOW
    )


def _refused_or_limited(request):
    """The 429 page when the member registers and cancels too often, else None."""
    if _too_fast(request):
        return render(request, "429.html", status=429)
    return None


@require_POST
@login_required
def register(request, pk):
    workshop = get_object_or_404(permissions.visible_to(request.user), pk=pk)
    if (limited := _refused_or_limited(request)) is not None:
        return limited
    try:
        registration = services.register(workshop, request.user)
    except services.Refused as refusal:
        messages.error(request, refusal.message)
        return redirect(workshop)
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("You are registered. A confirmation is on its way by e-mail."))
    elif registration.status == RegistrationStatus.WAITING:
        messages.success(
            request,
            _(
                "The workshop is full: you are on the waiting list, and you get a seat "
                "automatically, in order, when one frees up."
            ),
        )
    else:
        messages.success(
            request,
            _("Your registration is waiting for approval; we will e-mail you the decision."),
        )
    return redirect(workshop)


@require_POST
@login_required
def cancel(request, pk):
    workshop = get_object_or_404(permissions.visible_to(request.user), pk=pk)
    if (limited := _refused_or_limited(request)) is not None:
        return limited
    registration = Registration.objects.filter(workshop=workshop, user=request.user).first()
    if registration is None:
        messages.error(request, _("You are not registered for this workshop."))
        return redirect(workshop)
    try:
        services.cancel(registration, by=request.user)
    except services.Refused as refusal:
        messages.error(request, refusal.message)
        return redirect(workshop)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(workshop)
