"""The participants of a workshop as CSV or XLSX, for its trainers.

Every cell goes through `safe_cell`: a spreadsheet runs text that starts with = + - @
(or a tab or carriage return before one) as a formula, so such text is prefixed with a
single quote and shown as written (formula injection, OWASP "CSV injection").
"""

import csv
import io
import zoneinfo
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .constants import RegistrationStatus
from .models import Registration

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """`value` as a spreadsheet shows it and never runs it: text starting with
    = + - @ tab or CR gets a leading single quote; other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


def as_csv(header, rows):
    """UTF-8 with a byte-order mark, so spreadsheet programs read every script."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in (header, *rows):
        writer.writerow([safe_cell(str(cell)) for cell in row])
    return out.getvalue().encode("utf-8")


def as_xlsx(header, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Participants")[:31]
    for row in (header, *rows):
        sheet.append([safe_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
