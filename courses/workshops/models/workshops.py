"""What a trainer schedules: a workshop, its languages, its constituency quotas and its
sessions, and the querysets lists are built on."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constants import PROGRAMME_COUNTRY_CHOICES, Constituency
from accounts.models import validate_time_zone

from ..constants import (
    LANGUAGES,
    Kind,
    Mode,
    RegistrationStatus,
    Status,
)
from .participation import Registration

CHECK_IN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a screen
CHECK_IN_LENGTH = 6


def new_check_in_code():
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(CHECK_IN_LENGTH))


class WorkshopQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=(Status.PUBLISHED, Status.CANCELLED))

    def with_times(self):
        """Annotate `first_start` and `last_end` (from the sessions), for ordering and
        the upcoming/past split. Subqueries, not a join, so they combine with the
        seat counts without multiplying rows."""
        sessions = Session.objects.filter(workshop=OuterRef("pk")).order_by()
        return self.annotate(
            first_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
            last_end=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
        )

    def upcoming(self, now=None):
        return (
            self.with_times()
            .filter(last_end__gte=now or timezone.now())
            .order_by("first_start", "id")
        )

    def past(self, now=None):
        return (
            self.with_times()
            .filter(last_end__lt=now or timezone.now())
            .order_by("-first_start", "-id")
        )

    def with_seat_counts(self):
        """Annotate `confirmed_count`, `waiting_count` and `pending_count`."""

        def count(status):
            rows = (
                Registration.objects.filter(workshop=OuterRef("pk"), status=status)
                .order_by()
                .values("workshop")
                .annotate(n=Count("pk"))
                .values("n")
            )
            return Coalesce(Subquery(rows), 0)

        return self.annotate(
            confirmed_count=count(RegistrationStatus.CONFIRMED),
            waiting_count=count(RegistrationStatus.WAITING),
            pending_count=count(RegistrationStatus.PENDING),
        )

    def for_listing(self):
        """What a list or card shows, in a constant number of queries: the times, the
        seat counts, the sessions and the languages."""
        return (
            self.with_seat_counts()
            .with_times()
            .select_related("course")
            .prefetch_related(
                Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "id")),
                "languages",
            )
        )

    def run_by(self, user):
        """The workshops `user` runs (as lead or co-trainer)."""
        return self.filter(trainers=user)

    def in_country(self, country):
        """`country`: ISO code, or "" for the regional ones."""
        return self.filter(country=country)


class Workshop(models.Model):
    """A workshop of one or more sessions, run by its trainers."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), help_text=_("Markdown."))
    description_html = models.TextField(editable=False, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=PROGRAMME_COUNTRY_CHOICES,
        blank=True,
        help_text=_("Leave empty for a regional workshop."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("Where the workshop happens; the sessions' times are in this zone."),
    )
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, default=Mode.IN_PERSON)
    venue = models.TextField(
        _("venue"), blank=True, help_text=_("Address, for in-person and hybrid workshops.")
    )
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        max_length=500,
        help_text=_("For online and hybrid workshops; shown only to confirmed participants."),
    )
    capacity = models.PositiveIntegerField(_("seats"))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    cancellation_cutoff_hours = models.PositiveIntegerField(
        _("cancellation cut-off (hours)"),
        default=24,
        help_text=_("Participants may cancel until this many hours before the first session."),
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("A trainer of the workshop or the country's focal point approves each one."),
    )
    prerequisite_course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("prerequisite course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Participants must have completed this course to register."),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("related course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
        help_text=_("The course this workshop belongs to; the course page lists it."),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="workshops_run", verbose_name=_("trainers")
    )
    features = models.ManyToManyField(
        "courses.Feature",
        blank=True,
        related_name="+",
        verbose_name=_("SSE features"),
        help_text=_(
            "The features of the SSE the workshop helps organizations adopt: the "
            "self-assessment suggests it to those that lack them."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "country"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshop", args=[self.pk])

    @property
    def is_regional(self):
        return not self.country

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def is_cancelled(self):
        return self.status == Status.CANCELLED

    def ordered_sessions(self):
        """The sessions in time order (from the prefetch when there is one)."""
        return sorted(self.sessions.all(), key=lambda s: (s.starts_at, s.pk or 0))

    @property
    def starts_at(self):
        sessions = self.ordered_sessions()
        return sessions[0].starts_at if sessions else None

    @property
    def ends_at(self):
        sessions = self.ordered_sessions()
        return max(s.ends_at for s in sessions) if sessions else None

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        starts = self.starts_at
        return (
            self.is_published
            and (self.registration_opens is None or self.registration_opens <= now)
            and (self.registration_closes is None or now < self.registration_closes)
            and (starts is None or now < starts)
        )

    def cancellation_deadline(self):
        starts = self.starts_at
        return starts - timedelta(hours=self.cancellation_cutoff_hours) if starts else None

    def quota_for(self, constituency):
        """The seats kept for `constituency`, or None when it has no quota (prefetch
        `quotas` for lists)."""
        for quota in self.quotas.all():
            if quota.constituency == constituency:
                return quota.seats
        return None


class WorkshopLanguage(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)

    class Meta:
        verbose_name = _("workshop language")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "language"], name="one_row_per_workshop_language"
            )
        ]
        indexes = [models.Index(fields=["language"])]

    def __str__(self):
        return self.get_language_display()


class Quota(models.Model):
    """Seats kept for one constituency (the tripartite balance): a registration beyond
    its constituency's quota waits, even with seats free."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="quotas")
    constituency = models.CharField(_("constituency"), max_length=20, choices=Constituency.choices)
    seats = models.PositiveIntegerField(_("seats"))

    class Meta:
        verbose_name = _("constituency quota")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "constituency"], name="one_quota_per_constituency"
            )
        ]

    def __str__(self):
        return f"{self.get_constituency_display()}: {self.seats}"


class Session(models.Model):
    """One sitting of a workshop (a day, a morning, a webinar)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("title"), max_length=120, blank=True, help_text=_("For example: Day 1")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    check_in_code = models.CharField(
        max_length=CHECK_IN_LENGTH, default=new_check_in_code, editable=False
    )
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)  # the .ics UID
    sequence = models.PositiveIntegerField(default=0, editable=False)  # the .ics SEQUENCE

    class Meta:
        verbose_name = _("session")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_it_starts"
            )
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title or f"{self.workshop}: {self.starts_at:%Y-%m-%d}"

    def is_on(self, now=None, *, early=timedelta(minutes=30)):
        """Whether self check-in is open: from `early` before the start to the end."""
        now = now or timezone.now()
        return self.starts_at - early <= now <= self.ends_at
