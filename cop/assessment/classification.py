"""The phase-1 analytical tool's classification, exactly as the programme states it.

Three core dimensions, each with sub-conditions:
- social: addresses specific social problems, or its core activity is in the public
  interest (education, health care, culture, and so on);
- economic: engaged in productive or service activities, for-profit or non-profit;
- democratic: "free establishment" (easy to constitute legally) and/or democratic
  governance inside the organization.

An organization meeting at least one sub-condition under all three dimensions is an SSE
organization or enterprise (SSEOE); under exactly two, a Partial Hybrid Organization
(PHO); otherwise it is outside the SSE as mapped. `classify()` is the one place that
says so: a pure function of the sub-conditions met, with the reason in words.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    SOCIAL = "social", _("Social")
    ECONOMIC = "economic", _("Economic")
    DEMOCRATIC = "democratic", _("Democratic")


class SubCondition(models.TextChoices):
    SOCIAL_PROBLEM = "social_problem", _("Addresses specific social problems")
    PUBLIC_INTEREST = (
        "public_interest",
        _("Its core activity is in the public interest (education, health care, culture…)"),
    )
    PRODUCTIVE = "productive", _("Engaged in productive activities (for-profit or not)")
    SERVICE = "service", _("Engaged in service activities (for-profit or not)")
    FREE_ESTABLISHMENT = (
        "free_establishment",
        _("Free establishment: easy to constitute legally"),
    )
    DEMOCRATIC_GOVERNANCE = (
        "democratic_governance",
        _("Democratic governance inside the organization"),
    )


DIMENSION_OF = {
    SubCondition.SOCIAL_PROBLEM: Dimension.SOCIAL,
    SubCondition.PUBLIC_INTEREST: Dimension.SOCIAL,
    SubCondition.PRODUCTIVE: Dimension.ECONOMIC,
    SubCondition.SERVICE: Dimension.ECONOMIC,
    SubCondition.FREE_ESTABLISHMENT: Dimension.DEMOCRATIC,
    SubCondition.DEMOCRATIC_GOVERNANCE: Dimension.DEMOCRATIC,
}


class Classification(models.TextChoices):
    SSEOE = "sseoe", _("SSE organization or enterprise (SSEOE)")
    PHO = "pho", _("Partial hybrid organization (PHO)")
    OUTSIDE = "outside", _("Outside the SSE as mapped")


@dataclass(frozen=True)
class Result:
    classification: Classification
    met: tuple  # the dimensions with at least one sub-condition met, in Dimension order
    missing: tuple  # the others
    reason: str


def _names(dimensions):
    return ", ".join(str(Dimension(d).label).lower() for d in dimensions)


def classify(conditions_met):
    """The classification of an organization that meets `conditions_met` (SubCondition
    values; ValueError for anything else), with the dimensions met and missing and the
    reason shown to the reader (in the active language)."""
    conditions = {SubCondition(value) for value in conditions_met}
    met = tuple(d for d in Dimension if any(DIMENSION_OF[c] == d for c in conditions))
    missing = tuple(d for d in Dimension if d not in met)
    if len(met) == len(Dimension):
        classification = Classification.SSEOE
        reason = gettext("It meets at least one condition under each of the three dimensions.")
    elif len(met) == 2:
        classification = Classification.PHO
        reason = gettext(
            "It meets conditions under exactly two dimensions (%(met)s), none under %(missing)s."
        ) % {"met": _names(met), "missing": _names(missing)}
    elif met:
        classification = Classification.OUTSIDE
        reason = gettext(
            "It meets conditions under one dimension only (%(met)s): two are needed at least."
        ) % {"met": _names(met)}
    else:
        classification = Classification.OUTSIDE
        reason = gettext("It meets no condition under any of the three dimensions.")
    return Result(classification, met, missing, reason)
