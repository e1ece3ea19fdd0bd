"""The participants of a workshop as CSV or XLSX, for its trainers.

Every cell goes through core.tables.safe_cell (formula injection is neutralised there).
"""

import zoneinfo
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import RegistrationStatus
from .models import Registration


def participant_rows(workshop):
    """The header and one row per registration (3 queries: sessions, registrations with
    their members, attendance). Times in the workshop's own zone."""
    sessions = list(workshop.sessions.order_by("starts_at", "id"))
    registrations = list(
        Registration.objects.filter(workshop=workshop)
        .select_related("user")
        .prefetch_related("attendance")
        .order_by("registered_at", "id")
    )
    waiting = sorted(
        (r for r in registrations if r.status == RegistrationStatus.WAITING),
        key=lambda r: (r.queued_at, r.pk),
    )
    positions = {r.pk: n for n, r in enumerate(waiting, start=1)}
    zone = workshop.time_zone
    session_labels = [session.title or _local(session.starts_at, zone) for session in sessions]
    header = [
        _("Name"),
        _("E-mail"),
        _("Organization"),
        _("Country"),
        _("Constituency"),
        _("Gender"),
        _("Status"),
        _("Waiting position"),
        _("Registered at (%(zone)s)") % {"zone": zone},
        *(_("Attendance: %(session)s") % {"session": label} for label in session_labels),
    ]
    rows = []
    for registration in registrations:
        marks = {a.session_id: a.get_status_display() for a in registration.attendance.all()}
        user = registration.user
        rows.append(
            [
                user.name,
                user.email,
                user.organization,
                registration.country,
                registration.get_constituency_display(),
                registration.get_gender_display(),
                registration.get_status_display(),
                positions.get(registration.pk, ""),
                _local(registration.registered_at, zone),
                *(marks.get(session.pk, "") for session in sessions),
            ]
        )
    return header, rows


def _local(moment, zone):
    if not isinstance(moment, datetime):
        return moment
    return timezone.localtime(moment, zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
