from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.constants import PREFERRED_LANGUAGES


class Kind(models.TextChoices):
    VALIDATION = "validation", _("Validation workshop")
    TRAINING = "training", _("Capacity-building training")
    WEBINAR = "webinar", _("Webinar")
    POLICY_DIALOGUE = "policy_dialogue", _("Policy dialogue")
    TRAINING_OF_TRAINERS = "tot", _("Training of trainers")
    STUDY_VISIT = "study_visit", _("Study visit")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    PENDING = "pending", _("Waiting for approval")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Not approved")


# A registration that holds a seat, or a place in the queue for one.
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.PENDING)


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")


class CheckIn(models.TextChoices):
    ROSTER = "roster", _("Marked by a trainer")
    SELF = "self", _("Checked in with the session code")


# A workshop's languages: the languages members can prefer (one list, accounts').
LANGUAGES = PREFERRED_LANGUAGES
