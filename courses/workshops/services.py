"""Registration for workshops: seats, the waiting list, quotas and approval.

Every change to who holds a seat happens inside a transaction that has locked the
workshop's row (`lock`), so two people registering at once for the last seat end as
one confirmed and one waiting, and a seat freed by a cancellation goes to the first in
line exactly once, on every worker. E-mails go out after the commit (emails.py).

The rules:
- A workshop with `requires_approval`: a registration is PENDING until a trainer of the
  workshop or the country's focal point approves it (then it takes a seat, or waits) or
  declines it.
- Otherwise a registration is CONFIRMED when a seat is free and its constituency is under
  its quota (if the workshop keeps one), and WAITING otherwise.
- A quota caps the seats one constituency may hold (the tripartite balance); seats no
  quota names are open to everyone.
- When a seat frees (a cancellation, more seats), the waiting list is promoted in the
  order people joined it; someone whose constituency is at its quota is passed over, and
  keeps their place.
- A member cancels until the cut-off (hours before the first session); a trainer may
  cancel anyone at any time.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import permissions as accounts_can
from core.refusal import Refused
from courses.models import Enrolment

from . import emails
from .constants import ACTIVE, RegistrationStatus, Status
from .models import Registration, Workshop


def lock(workshop):
    """The workshop's row, locked until the end of the current transaction: every change
    to who holds a seat, or to how many seats there are, is made under it."""
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


def _seat_free(workshop, constituency):
    confirmed = Registration.objects.filter(workshop=workshop).confirmed()
    if confirmed.count() >= workshop.capacity:
        return False
    quota = (
        workshop.quotas.filter(constituency=constituency).values_list("seats", flat=True).first()
    )
    return quota is None or confirmed.filter(constituency=constituency).count() < quota


def _has_completed(user, course):
    return Enrolment.objects.filter(
        user=user, course_key=course.translation_key, completed_at__isnull=False
    ).exists()


def _after_commit(event, registrations):
    ids = [registration.pk for registration in registrations]
    if ids:
        transaction.on_commit(lambda: emails.registrations_changed(event, ids), robust=True)


def register(workshop, user, *, now=None):
    """Register `user` for `workshop`: CONFIRMED, WAITING or PENDING (see the rules).

    Raises Refused (and changes nothing) when registration is closed, the member is
    already registered, lacks the prerequisite course, or may not register. Side effects:
    one e-mail to the member (confirmed, waiting or pending), after commit.
    """
    now = now or timezone.now()
    if not accounts_can.is_learner(user):
        raise Refused(_("Confirm your e-mail address before registering."), "not_allowed")
    with transaction.atomic():
        workshop = lock(workshop)
        if workshop.status == Status.CANCELLED:
            raise Refused(_("This workshop has been cancelled."), "cancelled")
        if not workshop.registration_is_open(now):
            raise Refused(_("Registration for this workshop is closed."), "closed")
        registration = Registration.objects.filter(workshop=workshop, user=user).first()
        if registration is not None and registration.status in ACTIVE:
            raise Refused(_("You are already registered for this workshop."), "already")
        if registration is not None and registration.status == RegistrationStatus.REJECTED:
            raise Refused(_("Your registration for this workshop was not approved."), "rejected")
        course = workshop.prerequisite_course
        if course is not None and not _has_completed(user, course):
            raise Refused(
                _("Complete the course “%(course)s” before registering.")
                % {"course": course.title},
                "prerequisite",
            )
        if registration is None:
            registration = Registration(workshop=workshop, user=user)
        registration.constituency = user.constituency or ""
        registration.country = user.country or ""
        registration.gender = user.gender or ""
        registration.queued_at = now
        registration.decided_by = None
        registration.decided_at = None
        registration.decision_note = ""
        if workshop.requires_approval:
            registration.status = RegistrationStatus.PENDING
        elif _seat_free(workshop, registration.constituency):
            registration.status = RegistrationStatus.CONFIRMED
        else:
            registration.status = RegistrationStatus.WAITING
        registration.save()
        _after_commit(registration.status, [registration])
    return registration


def cancel(registration, *, by, reason="", now=None):
    """Cancel a registration (the member's own, until the cut-off; a trainer's or an
    organiser's, any time) and give a freed seat to the waiting list.

    Raises Refused when it is already cancelled or the cut-off has passed. Side effects:
    e-mails to the member (when someone else cancelled) and to whoever is promoted.
    """
    now = now or timezone.now()
    with transaction.atomic():
        workshop = lock(registration.workshop)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status not in ACTIVE:
            raise Refused(_("This registration is already cancelled."), "already_cancelled")
        own = by.pk == registration.user_id
        deadline = workshop.cancellation_deadline()
        if own and deadline is not None and now >= deadline:
            raise Refused(
                _("The cancellation cut-off has passed; please tell the trainer instead."),
                "cut_off",
            )
        held_seat = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.decided_by = None if own else by
        registration.decided_at = now
        registration.decision_note = reason
        registration.save()
        if not own:
            _after_commit("cancelled_by_organiser", [registration])
        promoted = _promote(workshop, now) if held_seat else []
    return promoted


def _promote(workshop, now):
    """Inside the workshop's lock: confirm the waiting list, in order, while seats are
    free; those whose constituency is at its quota keep their place."""
    promoted = []
    for waiting in Registration.objects.filter(workshop=workshop).waiting():
        if not _seat_free(workshop, waiting.constituency):
            if (
                Registration.objects.filter(workshop=workshop).confirmed().count()
                >= workshop.capacity
            ):
                break
            continue
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.decided_at = now
        waiting.save(update_fields=["status", "decided_at", "updated_at"])
        promoted.append(waiting)
    _after_commit("promoted", promoted)
    return promoted


def promote(workshop, *, now=None):
    """Give free seats to the waiting list (after a trainer adds seats or changes a
    quota). Returns the promoted registrations."""
    with transaction.atomic():
        return _promote(lock(workshop), now or timezone.now())


def decide(registration, *, by, approve, note="", now=None):
    """Approve (a seat, or the waiting list when full) or decline a PENDING registration.
    The caller checks that `by` may decide (permissions.can_approve). Raises Refused when
    someone else has already decided."""
    now = now or timezone.now()
    with transaction.atomic():
        workshop = lock(registration.workshop)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != RegistrationStatus.PENDING:
            raise Refused(_("Someone else has already decided on this registration."), "decided")
        if not approve:
            registration.status = RegistrationStatus.REJECTED
            event = "rejected"
        elif _seat_free(workshop, registration.constituency):
            registration.status = RegistrationStatus.CONFIRMED
            event = "approved"
        else:
            registration.status = RegistrationStatus.WAITING
            registration.queued_at = now
            event = "approved_waiting"
        registration.decided_by = by
        registration.decided_at = now
        registration.decision_note = note
        registration.save()
        _after_commit(event, [registration])
    return registration


def cancel_workshop(workshop, *, by, reason, now=None):
    """Cancel the whole workshop: every active registration is told (with the reason).
    Raises Refused when it is already cancelled."""
    now = now or timezone.now()
    with transaction.atomic():
        workshop = lock(workshop)
        if workshop.status == Status.CANCELLED:
            raise Refused(_("This workshop is already cancelled."), "already_cancelled")
        workshop.status = Status.CANCELLED
        workshop.cancelled_at = now
        workshop.cancellation_reason = reason
        workshop.save(update_fields=["status", "cancelled_at", "cancellation_reason", "updated_at"])
        told = list(Registration.objects.filter(workshop=workshop).active())
        _after_commit("workshop_cancelled", told)
    return workshop


def publish(workshop, *, now=None):
    """Make a draft workshop visible and open for registration (per its dates)."""
    with transaction.atomic():
        workshop = lock(workshop)
        if workshop.status != Status.DRAFT:
            raise Refused(_("Only a draft workshop can be published."), "not_draft")
        if not workshop.sessions.exists():
            raise Refused(_("Add at least one session before publishing."), "no_sessions")
        workshop.status = Status.PUBLISHED
        workshop.published_at = now or timezone.now()
        workshop.save(update_fields=["status", "published_at", "updated_at"])
    return workshop


def sessions_changed(workshop):
    """After a trainer changed the time of a session (or added or removed one): every
    active registrant is told, with the updated calendar. Call inside the transaction
    that saved the change; bump each changed session's `sequence` there too."""
    told = list(Registration.objects.filter(workshop=workshop).active())
    _after_commit("workshop_changed", told)
