"""What a member does with a workshop: registers (and waits), attends, gives feedback,
gets a certificate, subscribes to a calendar."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constants import Constituency, Gender
from courses.models.progress import new_certificate_code

from ..constants import (
    ACTIVE,
    AttendanceStatus,
    CheckIn,
    RegistrationStatus,
)


def new_feed_token():
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        """The waiting list, in the order people joined it."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("queued_at", "id")


class Registration(models.Model):
    """A member's registration for a workshop: one row per member and workshop, reused
    when they register again after cancelling. Constituency, country and gender are a
    snapshot of the profile at registration (the quotas and the balance count them)."""

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    constituency = models.CharField(
        _("constituency"), max_length=20, choices=Constituency.choices, blank=True
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    queued_at = models.DateTimeField(
        default=timezone.now, help_text=_("Place on the waiting list.")
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="one_registration_per_member")
        ]
        indexes = [models.Index(fields=["workshop", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} - {self.workshop} ({self.status})"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED


class Attendance(models.Model):
    """Whether a participant was at one session: marked by a trainer on the roster, or
    by the participant with the session's check-in code while the session is on."""

    session = models.ForeignKey(
        "workshops.Session", on_delete=models.CASCADE, related_name="attendance"
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(max_length=8, choices=AttendanceStatus.choices)
    method = models.CharField(max_length=8, choices=CheckIn.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="one_attendance_per_session"
            )
        ]

    def __str__(self):
        return f"{self.registration_id} at {self.session_id}: {self.status}"


class Feedback(models.Model):
    """A participant's short feedback after the workshop: one per registration."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    overall = models.PositiveSmallIntegerField(_("overall, 1 to 5"))
    usefulness = models.PositiveSmallIntegerField(_("useful for my work, 1 to 5"))
    will_apply = models.BooleanField(_("I will apply what I learned"), default=True)
    comment = models.TextField(_("comment"), blank=True)
    comment_html = models.TextField(editable=False, default="")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(overall__gte=1, overall__lte=5), name="feedback_overall_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5), name="feedback_usefulness_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.registration}: {self.overall}/5"


class AttendanceCertificate(models.Model):
    """Issued once to a participant who attended every session; public by its code (the
    same /certificates/<code>/ as course certificates). Name and title are a snapshot."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    name = models.CharField(_("name on the certificate"), max_length=150)
    workshop_title = models.CharField(_("workshop"), max_length=200)
    held_on = models.CharField(_("dates"), max_length=100)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attendance certificate")
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.code}: {self.name}, {self.workshop_title}"


class CalendarFeed(models.Model):
    """A member's secret, subscribable calendar of their workshops
    (/workshops/feed/<token>.ics); a new token revokes the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self):
        return f"{self.user}'s workshop calendar"
