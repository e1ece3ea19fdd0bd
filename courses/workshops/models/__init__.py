"""Workshops: what a trainer schedules (a workshop of one or more sessions) and what a
member does with it (registers, waits, attends, gives feedback, gets a certificate).

Times are stored in UTC; each workshop names the time zone it happens in, in which its
trainers enter the sessions' times and beside which readers see their own.
Registration rules (seats, waiting list, quotas, approval) live in services.py, under a
lock on the workshop's row.
"""

from .participation import (
    Attendance,
    AttendanceCertificate,
    CalendarFeed,
    Feedback,
    Registration,
    RegistrationQuerySet,
    new_feed_token,
)
from .workshops import (
    CHECK_IN_ALPHABET,
    CHECK_IN_LENGTH,
    Quota,
    Session,
    Workshop,
    WorkshopLanguage,
    WorkshopQuerySet,
    new_check_in_code,
)

__all__ = [
    "CHECK_IN_ALPHABET",
    "CHECK_IN_LENGTH",
    "Attendance",
    "AttendanceCertificate",
    "CalendarFeed",
    "Feedback",
    "Quota",
    "Registration",
    "RegistrationQuerySet",
    "Session",
    "Workshop",
    "WorkshopLanguage",
    "WorkshopQuerySet",
    "new_check_in_code",
    "new_feed_token",
]
