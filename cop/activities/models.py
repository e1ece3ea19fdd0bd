"""Follow-up activities, their progress (updates, indicators, values, evidence), the
countries' quarterly reports, and the event log the live stream replays from.

Every change to an activity, an indicator, a value or a report is kept by
django-simple-history (who, what, when: `history`), shown on the activity page. The
country of an activity is set once, by the service that creates it, from what its creator
may edit (services.create_activity); no form carries it.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.constants import PROGRAMME_COUNTRY_CHOICES, Constituency, Gender

from .constants import Aggregation, EventKind, Kind, ReportStatus, Status
from .periods import Period

COUNTRY_CHOICES = [("", _("Regional")), *PROGRAMME_COUNTRY_CHOICES]
DECIMAL = {"max_digits": 14, "decimal_places": 2}


def evidence_storage():
    """Evidence lives outside MEDIA_ROOT and the static root, and is served only by the
    evidence view, which checks permission (settings.STORAGES["evidence"])."""
    from django.core.files.storage import storages  # noqa: PLC0415 - resolved at use

    return storages["evidence"]


def evidence_path(instance, filename):
    # A random name: nothing the uploader wrote reaches the file system.
    return f"{instance.activity_id}/{uuid.uuid4().hex}{instance.extension}"


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_draft=False)

    def in_country(self, country):
        return self.filter(country=country)


class Activity(models.Model):
    country = models.CharField(
        _("country"), max_length=2, blank=True, choices=COUNTRY_CHOICES, db_index=True
    )
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    lead_organization = models.CharField(_("lead organization"), max_length=200, blank=True)
    # The constituencies involved, as ",government,workers," (so one LIKE finds one, on
    # PostgreSQL and SQLite alike, and the history keeps them): see `constituency_list`.
    constituencies = models.CharField(_("constituencies involved"), max_length=200, blank=True)
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="owned_activities",
        verbose_name=_("owners"),
        help_text=_("Members who may edit this activity besides the country's focal point."),
    )
    is_draft = models.BooleanField(
        _("draft"),
        default=False,
        help_text=_("Only the people who may edit it see a draft."),
    )
    # The learning that led to it, and where it is discussed (all optional). Named by
    # app label: the tracker reads these sibling apps' rows, it does not import them.
    workshop = models.ForeignKey(
        "workshops.Workshop",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_activities",
        verbose_name=_("workshop"),
    )
    course_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course or module"),
    )
    space = models.ForeignKey(
        "cop.Space",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("space"),
    )
    topic = models.ForeignKey(
        "forum.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forum topic"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["description_html"], m2m_fields=[owners])
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up activity")
        verbose_name_plural = _("follow-up activities")
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["country", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activity", args=[self.pk])

    @property
    def constituency_list(self):
        return [code for code in self.constituencies.split(",") if code]

    @constituency_list.setter
    def constituency_list(self, codes):
        valid = set(Constituency.values)
        kept = [code for code in Constituency.values if code in set(codes) & valid]
        self.constituencies = f",{','.join(kept)}," if kept else ""

    def constituency_labels(self):
        labels = dict(Constituency.choices)
        return [labels[code] for code in self.constituency_list if code in labels]


class Update(models.Model):
    """A dated step on an activity's timeline, with a status change or not."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("update"))
    body_html = models.TextField(editable=False)
    status_before = models.CharField(max_length=16, choices=Status.choices, blank=True)
    status_after = models.CharField(
        _("new status"), max_length=16, choices=Status.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("progress update")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.activity_id}: {self.created_at:%Y-%m-%d}"


class Comment(models.Model):
    """The discussion under an activity: any signed-in member may take part."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"))
    body_html = models.TextField(editable=False)
    is_hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("comment")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.activity_id}: {self.author_id}"


class Indicator(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("e.g. people, meetings, laws"))
    baseline = models.DecimalField(_("baseline"), default=0, **DECIMAL)
    target = models.DecimalField(_("target"), **DECIMAL, validators=[MinValueValidator(0)])
    aggregation = models.CharField(
        _("how quarters add up"),
        max_length=8,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
    )
    by_sex = models.BooleanField(_("broken down by sex"), default=False)
    by_constituency = models.BooleanField(_("broken down by constituency"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name


class IndicatorValue(models.Model):
    """The actual value of an indicator in one quarter: the total (sex and constituency
    blank), or one cell of its breakdown."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    sex = models.CharField(_("sex"), max_length=12, choices=Gender.choices, blank=True)
    constituency = models.CharField(
        _("constituency"), max_length=16, choices=Constituency.choices, blank=True
    )
    value = models.DecimalField(_("value"), **DECIMAL, validators=[MinValueValidator(0)])
    note = models.CharField(_("note"), max_length=500, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        ordering = ["year", "quarter", "sex", "constituency", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "quarter", "sex", "constituency"],
                name="activities_value_unique_cell",
            )
        ]
        indexes = [models.Index(fields=["indicator", "year", "quarter"])]

    def __str__(self):
        return f"{self.indicator_id} {self.period}: {self.value}"

    @property
    def period(self):
        return Period(self.year, self.quarter)

    @property
    def is_total(self):
        return not self.sex and not self.constituency


class Report(models.Model):
    """A country's quarterly report ("" for the regional activities): submitted by its
    focal point, validated or returned by a regional reviewer. While it is submitted or
    validated, the quarter's values of the country's activities are locked; services
    lock this row for every change to them, so a value cannot slip in during a
    submission."""

    country = models.CharField(_("country"), max_length=2, blank=True, choices=COUNTRY_CHOICES)
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_html = models.TextField(blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)

    history = HistoricalRecords(excluded_fields=["summary_html"])

    class Meta:
        verbose_name = _("quarterly report")
        ordering = ["-year", "-quarter", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "year", "quarter"], name="activities_report_unique_period"
            )
        ]

    def __str__(self):
        return f"{self.country or 'regional'} {self.period}"

    @property
    def period(self):
        return Period(self.year, self.quarter)

    @property
    def is_locked(self):
        return self.status in (ReportStatus.SUBMITTED, ReportStatus.VALIDATED)


class Evidence(models.Model):
    """A file that shows what happened: attached to an update or to a value. Its type is
    checked by its content and images are re-encoded (evidence.py) before it is stored."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    update = models.ForeignKey(
        Update, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    value = models.ForeignKey(
        IndicatorValue, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    file = models.FileField(storage=evidence_storage, upload_to=evidence_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    extension = models.CharField(max_length=8)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("activity_evidence", args=[self.activity_id, self.pk])


class Event(models.Model):
    """What the live stream told, kept so a reconnecting client replays what it missed
    (`?after=<id>`, read from here, never from the channel layer). Drafts make none; a
    quarterly report's events name no activity."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, related_name="events"
    )
    country = models.CharField(max_length=2, blank=True)
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["country", "id"]),
            models.Index(fields=["activity", "id"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.activity_id}"
