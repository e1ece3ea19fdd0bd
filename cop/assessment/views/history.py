"""An organization's history of results (/assessment/organizations/<id>/history/): every
submitted assessment, newest first, with who submitted it, its classification, its seven
scores and how each moved since the assessment before it.

For those who may see the organization (404 for anyone else). Four queries whatever the
number of assessments: the organization, the assessments with who submitted them, their
scores, and whether a draft is in progress (for the start or resume button).
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.times import reader_zone

from .. import permissions as can
from ..constants import FEATURES
from ..questionnaire import FEATURE_NAMES
from .common import visible_org


@dataclass(frozen=True)
class Change:
    """A score's move since the previous assessment: the signed number, and the words
    that say it (for screen readers, and for anyone who does not read colours)."""

    delta: int | None  # None: no earlier score to compare with

    @property
    def direction(self):
        if self.delta is None:
            return "first"
        return "up" if self.delta > 0 else "down" if self.delta < 0 else "same"

    @property
    def number(self):
        if self.delta is None:
            return ""
        return f"+{self.delta}" if self.delta > 0 else str(self.delta)

    @property
    def words(self):
        return {
            "first": _("first result"),
            "up": _("up"),
            "down": _("down"),
            "same": _("no change"),
        }[self.direction]


@dataclass(frozen=True)
class FeatureRow:
    feature: int
    name: str
    score: object  # the FeatureScore, or None (the questionnaire had no such question)
    change: Change


def timeline(assessments):
    """[(assessment, [FeatureRow for each feature])], newest first, each score compared
    with the same feature's in the next older assessment that has it."""
    rows = []
    previous = {}
    for assessment in reversed(assessments):  # oldest first, to compare with the one before
        by_feature = {s.feature: s for s in assessment.scores.all()}
        features = []
        for feature in FEATURES:
            score = by_feature.get(feature)
            before = previous.get(feature)
            delta = None if score is None or before is None else score.score - before
            features.append(FeatureRow(feature, FEATURE_NAMES[feature], score, Change(delta)))
            if score is not None:
                previous[feature] = score.score
        rows.append((assessment, features))
    rows.reverse()
    return rows


@login_required
@require_safe
def history(request, pk):
    org = visible_org(request, pk)
    assessments = list(
        org.assessments.filter(submitted_at__isnull=False)
        .select_related("submitted_by")
        .prefetch_related("scores")
        .order_by("-submitted_at", "-id")
    )
    may_assess = can.can_assess(request.user, org)
    context = {
        "org": org,
        "rows": timeline(assessments),
        "may_assess": may_assess,
        "has_draft": may_assess and org.assessments.filter(submitted_at__isnull=True).exists(),
        "reader_zone": reader_zone(request.user),
    }
    return render(request, "assessment/history.html", context)
