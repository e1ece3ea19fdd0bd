"""The assessment's reference lists: organization types, the answer scales, the score
bands. The classification's dimensions and sub-conditions are in classification.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

FEATURES = range(1, 8)  # the seven features of the SSE, by number (CONTENT.md)


class OrgType(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    MUTUAL = "mutual", _("Mutual")
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    SELF_HELP_GROUP = "self_help_group", _("Self-help group")
    INFORMAL_GROUP = "informal_group", _("Informal or community group")
    OTHER = "other", _("Other")


class Formality(models.TextChoices):
    FORMAL = "formal", _("Formal (registered)")
    INFORMAL = "informal", _("Informal (not registered)")


class Source(models.TextChoices):
    """How an organization came to the platform: its own members registered it, or a
    country's researcher or focal point recorded it from a mapping study."""

    SELF = "self", _("Registered by its members")
    MAPPING = "mapping", _("Recorded in a mapping study")


class MemberRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")  # edits the organization, invites, publishes
    MEMBER = "member", _("Member")  # takes part in its assessments, sees its answers


class Answer(models.IntegerChoices):
    """The answer to a question about a feature."""

    NO = 0, _("No")
    PARTLY = 1, _("Partly")
    YES = 2, _("Yes")


class Met(models.IntegerChoices):
    """The answer to a phase-1 sub-condition."""

    NO = 0, _("No")
    YES = 1, _("Yes")


class Band(models.TextChoices):
    """What a feature's score means (a percentage of the answers' maximum)."""

    PRACTISED = "practised", _("Practised")
    PARTLY = "partly", _("Partly practised")
    WEAK = "weak", _("Weak")
    MISSING = "missing", _("Missing")


# A score at or above a band's floor is in that band (scores are whole percentages).
PRACTISED_FROM = 75
PARTLY_FROM = 50
# Features scoring below PARTLY_FROM are weak or missing: the result gives guidance on
# them, and the tapestry counts them as missing.
NEEDS_WORK_BELOW = PARTLY_FROM

# The tapestry shows a country's aggregates (and any aggregate) only over at least this
# many assessed organizations; below it, "too few to show".
MIN_GROUP = 3

INVITATION_DAYS = 14
