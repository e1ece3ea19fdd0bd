"""Attendance, feedback and attendance certificates (issue 11, point 4).

- A trainer marks each confirmed participant present or absent at a session on the
  roster (`mark_roster`), from `ROSTER_OPENS` before the session starts, and may correct
  it any time after. Saving the same roster twice changes nothing.
- A confirmed participant checks in with the session's code (`check_in`) while the
  session is on (Session.is_on); outside that window, with a wrong code, or without a
  confirmed registration nothing is saved and `Refused` says why.
- Whoever is present at every session of the workshop gets one attendance certificate
  (`issue_certificates`, called by both of the above), with their name, the workshop's
  title and dates as they were then.
- After the last session has ended, a participant who attended at least one session
  gives feedback once (`save_feedback`; saving again updates the same row); the trainer
  sees `feedback_summary`.
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import render_markdown
from courses.pdf import format_date

from .constants import AttendanceStatus, CheckIn, RegistrationStatus
from .models import (
    CHECK_IN_LENGTH,
    Attendance,
    AttendanceCertificate,
    Feedback,
    Registration,
    Session,
)
from .services import Refused
from .times import zone

# The roster opens as self check-in does (Session.is_on's default), and stays open.
ROSTER_OPENS = timedelta(minutes=30)
SCORES = (1, 2, 3, 4, 5)


# Roster ---------------------------------------------------------------------------------


def roster(session):
    """[(registration, status or "")] for the session's confirmed participants, by name:
    two queries."""
    registrations = list(
        Registration.objects.filter(workshop_id=session.workshop_id)
        .confirmed()
        .select_related("user")
        .order_by("user__name", "id")
    )
    marked = dict(
        Attendance.objects.filter(session=session).values_list("registration_id", "status")
    )
    return [(registration, marked.get(registration.pk, "")) for registration in registrations]


def roster_is_open(session, now=None):
    return (now or timezone.now()) >= session.starts_at - ROSTER_OPENS


def mark_roster(session, marks, *, by, now=None):
    """Save the roster: `marks` maps registration ids to PRESENT or ABSENT (ids that are
    not a confirmed registration of the workshop are ignored; participants left out keep
    what they had). One transaction; a mark that is already there is not written again.

    Raises Refused before the roster opens. Returns the number of marks changed. Side
    effects: Attendance rows (method roster, marked by `by`); certificates for those now
    present at every session.
    """
    now = now or timezone.now()
    if not roster_is_open(session, now):
        raise Refused(
            _("The roster opens 30 minutes before the session starts."), "roster_not_open"
        )
    with transaction.atomic():
        confirmed = set(
            Registration.objects.filter(workshop_id=session.workshop_id, pk__in=list(marks))
            .confirmed()
            .values_list("pk", flat=True)
        )
        existing = {
            attendance.registration_id: attendance
            for attendance in Attendance.objects.select_for_update().filter(
                session=session, registration_id__in=confirmed
            )
        }
        new, changed = [], []
        for registration_id in sorted(confirmed):
            status = marks[registration_id]
            attendance = existing.get(registration_id)
            if attendance is None:
                new.append(
                    Attendance(
                        session=session,
                        registration_id=registration_id,
                        status=status,
                        method=CheckIn.ROSTER,
                        marked_by=by,
                        marked_at=now,
                    )
                )
            elif attendance.status != status:
                attendance.status = status
                attendance.method = CheckIn.ROSTER
                attendance.marked_by = by
                attendance.marked_at = now
                changed.append(attendance)
        # ignore_conflicts: a participant checking in at this very moment wins the row.
        Attendance.objects.bulk_create(new, ignore_conflicts=True)
        Attendance.objects.bulk_update(changed, ["status", "method", "marked_by", "marked_at"])
        present = [
            a.registration_id for a in [*new, *changed] if a.status == AttendanceStatus.PRESENT
        ]
        issue_certificates(session.workshop_id, present)
    return len(new) + len(changed)


# Self check-in --------------------------------------------------------------------------


def normalise_code(code):
    """What a person typed, as the codes are stored: upper case, no spaces or dashes."""
    return "".join(char for char in (code or "").upper() if char.isalnum())[: CHECK_IN_LENGTH * 2]


def check_in(workshop, user, code, *, now=None):
    """Check `user` in to the session of `workshop` that is on now and has `code`.

    Raises Refused (and saves nothing) when the workshop is cancelled, the user has no
    confirmed registration, no session is on, or the code is wrong. Returns (session,
    created): checking in again is not an error. Side effects: an Attendance row
    (present, method self); a certificate when that makes every session attended.
    """
    now = now or timezone.now()
    if workshop.is_cancelled:
        raise Refused(_("This workshop has been cancelled."), "cancelled")
    registration = Registration.objects.filter(workshop=workshop, user=user).confirmed().first()
    if registration is None:
        raise Refused(
            _("Only confirmed participants of this workshop can check in."), "not_participant"
        )
    sessions = [s for s in Session.objects.filter(workshop=workshop) if s.is_on(now)]
    if not sessions:
        raise Refused(
            _(
                "Check-in is open only during a session, from 30 minutes before it starts "
                "until it ends."
            ),
            "not_on",
        )
    typed = normalise_code(code)
    session = next((s for s in sessions if secrets.compare_digest(s.check_in_code, typed)), None)
    if session is None:
        raise Refused(
            _("That is not the code of the session on now: check the code shown in the room."),
            "wrong_code",
        )
    with transaction.atomic():
        attendance, created = Attendance.objects.select_for_update().get_or_create(
            session=session,
            registration=registration,
            defaults={
                "status": AttendanceStatus.PRESENT,
                "method": CheckIn.SELF,
                "marked_by": user,
                "marked_at": now,
            },
        )
        if not created and attendance.status != AttendanceStatus.PRESENT:
            attendance.status = AttendanceStatus.PRESENT
            attendance.method = CheckIn.SELF
            attendance.marked_by = user
            attendance.marked_at = now
            attendance.save(update_fields=["status", "method", "marked_by", "marked_at"])
            created = True
        issue_certificates(workshop.pk, [registration.pk])
    return session, created


# Certificates ---------------------------------------------------------------------------


def held_on(sessions, time_zone):
    """The workshop's dates in its own time zone, in English as the certificate is:
    "3 March 2027", "3-4 March 2027" or "30 March 2027 - 2 April 2027"."""
    local = zone(time_zone)
    days = sorted({s.starts_at.astimezone(local).date() for s in sessions})
    if not days:
        return ""
    first, last = days[0], days[-1]
    if first == last:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{format_date(last)}"  # an en dash
    return f"{format_date(first)} \u2013 {format_date(last)}"


def issue_certificates(workshop_id, registration_ids):
    """Issue the missing certificates of those of `registration_ids` present at every
    session of the workshop (three queries, four when one is issued). Returns the new
    certificates."""
    if not registration_ids:
        return []
    sessions = list(Session.objects.filter(workshop_id=workshop_id).select_related("workshop"))
    if not sessions:
        return []
    complete = (
        Registration.objects.filter(
            pk__in=list(registration_ids),
            workshop_id=workshop_id,
            status=RegistrationStatus.CONFIRMED,
            certificate__isnull=True,
        )
        .annotate(
            attended=Count(
                "attendance",
                filter=Q(
                    attendance__status=AttendanceStatus.PRESENT,
                    attendance__session__in=[s.pk for s in sessions],
                ),
            )
        )
        .filter(attended=len(sessions))
        .select_related("user")
    )
    workshop = sessions[0].workshop
    dates = held_on(sessions, workshop.time_zone)
    certificates = [
        AttendanceCertificate(
            registration=registration,
            name=registration.user.name,
            workshop_title=workshop.title,
            held_on=dates,
        )
        for registration in complete
    ]
    # ignore_conflicts: one registration, one certificate, even when two marks race.
    return AttendanceCertificate.objects.bulk_create(certificates, ignore_conflicts=True)


# Feedback -------------------------------------------------------------------------------


def feedback_is_open(workshop, now=None):
    """After the workshop's last session has ended (prefetch `sessions` for lists)."""
    ends = workshop.ends_at
    return ends is not None and ends <= (now or timezone.now())


def feedback_registration(workshop, user):
    """The user's registration for `workshop` if they attended at least one session,
    with their feedback if any (one query), else None."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(
            workshop=workshop, user=user, attendance__status=AttendanceStatus.PRESENT
        )
        .select_related("feedback")
        .distinct()
        .first()
    )


def save_feedback(registration, *, overall, usefulness, will_apply, comment=""):
    """Store the participant's feedback, or update it: one row per registration. The
    comment is Markdown, stored with its sanitised HTML. Returns (feedback, created)."""
    return Feedback.objects.update_or_create(
        registration=registration,
        defaults={
            "overall": overall,
            "usefulness": usefulness,
            "will_apply": will_apply,
            "comment": comment,
            "comment_html": render_markdown(comment) if comment else "",
        },
    )


def feedback_summary(workshop):
    """Averages, distributions and comments of the workshop's feedback, with how many
    attended: three queries for any number of answers."""
    scores = {}
    for field in ("overall", "usefulness"):
        for score in SCORES:
            scores[f"{field}_{score}"] = Count("pk", filter=Q(**{field: score}))
    totals = Feedback.objects.filter(registration__workshop=workshop).aggregate(
        count=Count("pk"),
        overall_average=Avg("overall"),
        usefulness_average=Avg("usefulness"),
        will_apply=Count("pk", filter=Q(will_apply=True)),
        **scores,
    )
    attended = (
        Registration.objects.filter(workshop=workshop, attendance__status=AttendanceStatus.PRESENT)
        .values("pk")
        .distinct()
        .count()
    )
    comments = list(
        Feedback.objects.filter(registration__workshop=workshop)
        .exclude(comment_html="")
        .order_by("-submitted_at", "-id")
        .values("overall", "usefulness", "will_apply", "comment_html", "submitted_at")
    )
    count = totals["count"]

    def share(n):
        return round(100 * n / count) if count else 0

    return {
        "count": count,
        "attended": attended,
        "overall": totals["overall_average"],
        "usefulness": totals["usefulness_average"],
        "will_apply": totals["will_apply"],
        "will_apply_percent": share(totals["will_apply"]),
        "distribution": [
            {
                "score": score,
                "overall": totals[f"overall_{score}"],
                "overall_percent": share(totals[f"overall_{score}"]),
                "usefulness": totals[f"usefulness_{score}"],
                "usefulness_percent": share(totals[f"usefulness_{score}"]),
            }
            for score in reversed(SCORES)
        ],
        "comments": comments,
    }
