"""The tracker's choices: activity types (../shared/CONTENT.md), statuses, report states."""

from django.db import models
from django.utils.translation import gettext_lazy as _

REGIONAL = ""  # the country of a regional activity


class Kind(models.TextChoices):
    """National follow-up activity types (CONTENT.md, "for the tracker")."""

    ADVISORY_COMMITTEE = "advisory_committee", _("National advisory committee meeting")
    VALIDATION_WORKSHOP = "validation_workshop", _("Validation workshop")
    POLICY_DIALOGUE = "policy_dialogue", _("Policy dialogue")
    CAPACITY_BUILDING = "capacity_building", _("Capacity-building workshop or training")
    AWARENESS = "awareness", _("Awareness raising")
    LEGAL_REVIEW = "legal_review", _("Legal or policy review")
    RESEARCH_DISSEMINATION = "research_dissemination", _("Research dissemination")
    NETWORK_BUILDING = "network_building", _("Network or coalition building")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Aggregation(models.TextChoices):
    """How an indicator's quarterly values add up to its actual."""

    SUM = "sum", _("Sum of the quarters (e.g. people trained)")
    LATEST = "latest", _("Latest quarter (e.g. a level reached)")


class ReportStatus(models.TextChoices):
    """A country's quarterly report. OPEN: values may be entered (no report yet);
    SUBMITTED: awaiting the reviewer, values locked; RETURNED: sent back with a comment,
    values open again; VALIDATED: final, locked for good."""

    OPEN = "open", _("Open")
    SUBMITTED = "submitted", _("Awaiting validation")
    RETURNED = "returned", _("Returned for changes")
    VALIDATED = "validated", _("Validated")


LOCKED = (ReportStatus.SUBMITTED, ReportStatus.VALIDATED)


class EventKind(models.TextChoices):
    """What the live stream (/ws/activities/) tells: see live.py."""

    CREATED = "created", _("Activity added")
    STATUS = "status", _("Status changed")
    UPDATE = "update", _("Progress update")
    CHANGED = "changed", _("Activity edited")
    REPORT = "report", _("Quarterly report")
