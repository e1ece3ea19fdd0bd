"""The trainer's side: the workshops one manages, the workshop form (with its sessions),
publishing and cancelling, and a workshop's participants (overview, decisions, export).

Every view finds the workshop through a permission (`_managed`, `_overseen`), so another
trainer's workshop is a 404 on every URL, GET and POST alike. Rules live in services.py;
the views only call them and say what happened.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.constants import Constituency, Country, Gender, Role
from core import ratelimit, tables

from .. import exports, services, times
from .. import permissions as can
from ..constants import AttendanceStatus, RegistrationStatus, Status
from ..forms import (
    CancelRegistrationForm,
    CancelWorkshopForm,
    DecideForm,
    WorkshopForm,
    session_formset,
)
from ..models import Registration, Session, Workshop

PER_PAGE = 25
# Trainers act in bursts (approving a list); this stops a runaway script, not a person.
ACTIONS_PER_MINUTE = getattr(settings, "WORKSHOP_MANAGE_ACTIONS_PER_MINUTE", 60)


def _too_fast(request):
    return ratelimit.hit(f"workshops-manage:{request.user.pk}", ACTIONS_PER_MINUTE, 60)


def _slow_down(request):
    return render(request, "429.html", status=429)


def _managed(request, pk):
    """The workshop `pk` if the user may edit it; 404 otherwise (never 403: a trainer does
    not learn that another trainer's workshop exists)."""
    return get_object_or_404(can.managed_by(request.user), pk=pk)


def _overseen(request, pk, queryset=None):
    """The workshop `pk` if the user may see its participants; 404 otherwise."""
    workshop = get_object_or_404(queryset if queryset is not None else Workshop.objects, pk=pk)
    if not can.can_see_participants(request.user, workshop):
        raise Http404
    return workshop


def _listed(user):
    """What /workshops/manage/ lists: the workshops one manages, and for a national focal
    point those of the countries it serves (to decide on registrations)."""
    managed = can.managed_by(user)
    countries = user.scopes_of(Role.FOCAL_POINT)
    if countries:
        return Workshop.objects.filter(Q(pk__in=managed.values("pk")) | Q(country__in=countries))
    return managed


def _span(show, starts, ends, workshop):
    """From `starts` to `ends` for the reader, with the workshop's times beside; None
    before the workshop has sessions."""
    if starts is None or ends is None:
        return None
    return times.span(show(starts, workshop), show(ends, workshop))


@login_required
@require_safe
def manage_list(request):
    user = request.user
    if not (can.can_create(user) or user.scopes_of(Role.FOCAL_POINT)):
        raise PermissionDenied
    workshops = (
        _listed(user)
        .with_seat_counts()
        .with_times()
        .order_by(F("first_start").desc(nulls_first=True), "-id")
    )
    page = Paginator(workshops, PER_PAGE).get_page(request.GET.get("page"))
    show = times.for_reader(user)
    rows = [(w, _span(show, w.first_start, w.last_end, w)) for w in page.object_list]
    return render(
        request,
        "workshops/manage/list.html",
        {"page_obj": page, "rows": rows, "may_create": can.can_create(user)},
    )


def _form_page(request, workshop, *, form, formset):
    return render(
        request,
        "workshops/manage/form.html",
        {"workshop": workshop, "form": form, "formset": formset},
    )


def _session_times(workshop):
    if workshop.pk is None:
        return {}
    return {pk: (s, e) for pk, s, e in workshop.sessions.values_list("pk", "starts_at", "ends_at")}


def _save(request, workshop):
    """The workshop form and its sessions, for creating (`workshop` unsaved) and editing.
    All saved in one transaction, or nothing."""
    creating = workshop.pk is None
    confirmed = (
        0 if creating else Registration.objects.filter(workshop=workshop).confirmed().count()
    )
    if request.method != "POST":
        form = WorkshopForm(instance=workshop, by=request.user, confirmed=confirmed)
        formset = session_formset(instance=workshop, zone_name=workshop.time_zone or "UTC")
        return _form_page(request, workshop, form=form, formset=formset)
    if _too_fast(request):
        return _slow_down(request)
    # The form validates into `workshop` itself: keep what was there before.
    times_before = _session_times(workshop)
    capacity_before = workshop.capacity
    quotas_before = {} if creating else dict(workshop.quotas.values_list("constituency", "seats"))
    form = WorkshopForm(request.POST, instance=workshop, by=request.user, confirmed=confirmed)
    formset = session_formset(
        request.POST, instance=workshop, zone_name=request.POST.get("time_zone", "")
    )
    valid = form.is_valid()
    valid = formset.is_valid() and valid
    if not valid:
        return _form_page(request, workshop, form=form, formset=formset)
    with transaction.atomic():
        if not creating:
            # Seats are taken under the workshop's lock (services.py): count them under it
            # too, so a registration landing now cannot leave capacity below them.
            services.lock(workshop)
            taken = Registration.objects.filter(workshop=workshop).confirmed().count()
            if form.cleaned_data["capacity"] < taken:
                form.add_error("capacity", form.below_confirmed_error(taken))
                return _form_page(request, workshop, form=form, formset=formset)
        workshop = form.save()
        formset.instance = workshop
        formset.save()
        moved = [
            session
            for session, _fields in formset.changed_objects
            if times_before.get(session.pk) != (session.starts_at, session.ends_at)
        ]
        for session in moved:
            # A new .ics version, and a reminder again at the new time.
            Session.objects.filter(pk=session.pk).update(
                sequence=F("sequence") + 1, reminded_at=None
            )
        if not creating and (moved or formset.new_objects or formset.deleted_objects):
            services.sessions_changed(workshop)
        if not creating and (workshop.capacity > capacity_before or form.quotas() != quotas_before):
            services.promote(workshop)
    if creating:
        messages.success(request, _("The workshop is saved as a draft. Publish it when ready."))
    else:
        messages.success(request, _("The workshop is updated."))
        if moved or formset.new_objects or formset.deleted_objects:
            messages.info(request, _("Every registrant is told about the new times."))
    return redirect("workshop_manage", workshop.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request):
    if not can.can_create(request.user):
        raise PermissionDenied
    return _save(request, Workshop())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, pk):
    workshop = _managed(request, pk)
    if workshop.is_cancelled:
        messages.error(request, _("A cancelled workshop cannot be changed."))
        return redirect("workshop_manage", workshop.pk)
    return _save(request, workshop)


@login_required
@require_POST
def publish(request, pk):
    workshop = _managed(request, pk)
    if _too_fast(request):
        return _slow_down(request)
    try:
        services.publish(workshop)
    except services.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The workshop is published."))
    return redirect("workshop_manage", workshop.pk)


@login_required
@require_POST
def cancel_workshop(request, pk):
    workshop = _managed(request, pk)
    if _too_fast(request):
        return _slow_down(request)
    form = CancelWorkshopForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for cancelling: every registrant is told."))
        return redirect("workshop_manage", workshop.pk)
    try:
        services.cancel_workshop(workshop, by=request.user, reason=form.cleaned_data["reason"])
    except services.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The workshop is cancelled; every registrant is told."))
    return redirect("workshop_manage", workshop.pk)


@login_required
@require_POST
def decide(request, pk, registration_id):
    workshop = get_object_or_404(Workshop, pk=pk)
    if not can.can_approve(request.user, workshop):
        raise Http404
    registration = get_object_or_404(Registration, pk=registration_id, workshop=workshop)
    if _too_fast(request):
        return _slow_down(request)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Choose to approve or decline; a note is at most 500 characters.")
        )
        return redirect("workshop_manage", workshop.pk)
    approve = form.cleaned_data["approve"]
    try:
        registration = services.decide(
            registration, by=request.user, approve=approve, note=form.cleaned_data["note"]
        )
    except services.Refused as refused:
        messages.error(request, refused.message)
    else:
        done = {
            RegistrationStatus.CONFIRMED: _("%(name)s is approved and has a seat."),
            RegistrationStatus.WAITING: _("%(name)s is approved and on the waiting list."),
            RegistrationStatus.REJECTED: _("%(name)s is declined."),
        }[registration.status]
        messages.success(request, done % {"name": registration.user.name})
    return redirect("workshop_manage", workshop.pk)


@login_required
@require_POST
def cancel_registration(request, pk, registration_id):
    workshop = _managed(request, pk)
    registration = get_object_or_404(
        Registration.objects.select_related("workshop", "user"),
        pk=registration_id,
        workshop=workshop,
    )
    if _too_fast(request):
        return _slow_down(request)
    form = CancelRegistrationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        promoted = services.cancel(registration, by=request.user, reason=reason)
    except services.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("%(name)s's registration is cancelled.") % {"name": registration.user.name}
        )
        for other in promoted:
            messages.info(request, _("%(name)s has the seat now.") % {"name": other.user.name})
    return redirect("workshop_manage", workshop.pk)


def _tally(rows, key, choices):
    """[(value, label, count)] of the confirmed participants, most first."""
    counts = {}
    for row in rows:
        counts[row[key]] = counts.get(row[key], 0) + row["n"]
    labels = dict(choices)
    return sorted(
        ((value, labels.get(value, value or _("Not given")), n) for value, n in counts.items()),
        key=lambda item: (-item[2], str(item[1])),
    )


def balance(workshop):
    """Confirmed participants by constituency (against the quotas), by country and by
    gender: one grouped query."""
    rows = list(
        Registration.objects.filter(workshop=workshop)
        .confirmed()
        .values("constituency", "country", "gender")
        .annotate(n=Count("id"))
        .order_by()
    )
    quotas = {quota.constituency: quota.seats for quota in workshop.quotas.all()}
    by_constituency = {value: n for value, _label, n in _tally(rows, "constituency", [])}
    return {
        "constituency": [
            (label, by_constituency.get(value, 0), quotas.get(value))
            for value, label in Constituency.choices
            if by_constituency.get(value) or value in quotas
        ],
        "country": _tally(rows, "country", Country.choices),
        "gender": _tally(rows, "gender", Gender.choices),
    }


@login_required
@require_safe
def overview(request, pk):
    present = Count("attendance", filter=Q(attendance__status=AttendanceStatus.PRESENT))
    workshop = get_object_or_404(
        Workshop.objects.with_seat_counts().prefetch_related(
            Prefetch(
                "sessions",
                queryset=Session.objects.annotate(present_count=present).order_by(
                    "starts_at", "id"
                ),
            ),
            "quotas",
        ),
        pk=pk,
    )
    user = request.user
    may_manage = can.can_manage(user, workshop)
    if not (may_manage or can.can_see_participants(user, workshop)):
        raise Http404
    registrations = list(
        Registration.objects.filter(workshop=workshop)
        .active()
        .select_related("user")
        .order_by("registered_at", "id")
    )
    waiting = sorted(
        (r for r in registrations if r.status == RegistrationStatus.WAITING),
        key=lambda r: (r.queued_at, r.pk),
    )
    show = times.for_reader(user)
    countries = dict(Country.choices)
    for registration in registrations:
        registration.when = show(registration.registered_at, workshop)
        registration.country_name = countries.get(registration.country, registration.country)
    sessions = [
        (session, _span(show, session.starts_at, session.ends_at, workshop))
        for session in workshop.ordered_sessions()
    ]
    return render(
        request,
        "workshops/manage/overview.html",
        {
            "workshop": workshop,
            "sessions": sessions,
            "confirmed": [r for r in registrations if r.status == RegistrationStatus.CONFIRMED],
            "waiting": waiting,
            "pending": [r for r in registrations if r.status == RegistrationStatus.PENDING],
            "balance": balance(workshop),
            "may_manage": may_manage,
            "may_approve": True,  # can_see_participants, checked above, is can_approve
            "is_draft": workshop.status == Status.DRAFT,
            "cancel_form": CancelWorkshopForm(),
        },
    )


@login_required
@require_safe
def export(request, pk, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    workshop = _overseen(request, pk)
    header, rows = exports.participant_rows(workshop)
    if fmt == "csv":
        response = HttpResponse(tables.as_csv(header, rows), content_type=tables.CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(
            tables.as_xlsx(header, rows, _("Participants")), content_type=tables.XLSX_CONTENT_TYPE
        )
    response["Content-Disposition"] = (
        f'attachment; filename="workshop-{workshop.pk}-participants.{fmt}"'
    )
    return response
