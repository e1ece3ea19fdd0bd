"""What a submitted assessment's result says, built once for its page, its print page and
its PDF: the classification by the phase-1 rule with its reason and the sub-conditions met
under each dimension; each feature's score, band and what it means; the chart; guidance
for the weak and missing features; and, for those who may see them, the answers.

A constant number of queries whatever the size of the questionnaire or the number of
lessons and workshops behind the guidance: the scores (1); the guidance (help.gather: each
provider's one or two, only when a feature needs work); the answers, for those who see
them (the questions in the active language, 2 or 3, and the responses, 1).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.times import reader_zone

from . import help as feature_help
from . import permissions as can
from .chart import bar_chart
from .classification import DIMENSION_OF, Dimension, SubCondition, classify
from .constants import Answer, Band, Met
from .questionnaire import FEATURE_NAMES, questions
from .scoring import needs_work

BAND_MEANINGS = {
    Band.PRACTISED: gettext_lazy("The organization practises this feature."),
    Band.PARTLY: gettext_lazy(
        "The organization practises this feature in part: some of its ways of working "
        "show it, others not yet."
    ),
    Band.WEAK: gettext_lazy(
        "There are first signs of this feature, but most answers say it is not practised yet."
    ),
    Band.MISSING: gettext_lazy("None of the answers show this feature in practice yet."),
}


@dataclass
class Condition:
    value: str
    label: str
    met: bool


@dataclass
class DimensionRow:
    dimension: str
    label: str
    met: bool  # at least one of its sub-conditions is met
    conditions: list


@dataclass
class AnswerRow:
    question: str  # "" when the question has left the questionnaire since
    answer: str


@dataclass
class FeatureRow:
    number: int
    name: str
    score: int
    band: str
    band_label: str
    meaning: str
    needs_work: bool
    guidance: feature_help.FeatureGuidance | None = None
    answers: list = field(default_factory=list)


@dataclass
class Report:
    assessment: object
    organization: object
    classification: object  # classification.Result
    dimensions: list
    features: list
    chart: str
    show_answers: bool
    may_see_organization: bool
    reader_zone: str

    @property
    def weak(self):
        """The features that need work, with their guidance."""
        return [row for row in self.features if row.needs_work]


def dimensions(conditions_met):
    met = set(conditions_met)
    rows = []
    for dimension in Dimension:
        conditions = [
            Condition(c.value, str(c.label), c.value in met)
            for c in SubCondition
            if DIMENSION_OF[c] == dimension
        ]
        rows.append(
            DimensionRow(
                dimension.value,
                str(dimension.label),
                any(c.met for c in conditions),
                conditions,
            )
        )
    return rows


def _answers(assessment):
    """{feature number: [AnswerRow]} in the questionnaire's order, the questions in the
    active language; answers to questions removed since come last."""
    by_key = questions()
    order = {key: n for n, key in enumerate(by_key)}
    responses = sorted(
        assessment.responses.filter(feature__isnull=False),
        key=lambda r: (order.get(r.question_key, len(order)), r.pk),
    )
    answers = {}
    for response in responses:
        question = by_key.get(response.question_key)
        labels = dict(Answer.choices if response.feature else Met.choices)
        answers.setdefault(response.feature, []).append(
            AnswerRow(
                question=question.text if question is not None else "",
                answer=str(labels.get(response.value, response.value)),
            )
        )
    return answers


def chart_for(features, organization):
    return bar_chart(
        [(f"{row.number}. {row.name}", row.score, (row.band, row.band_label)) for row in features],
        title=_("Scores of %(name)s on the seven features of the SSE")
        % {"name": organization.name},
        desc=_(
            "One bar per feature: the score in percent of the most its answers could "
            "reach, and what it means. The table below gives the same numbers."
        ),
    )


def build(request, assessment):
    """The Report of the submitted `assessment` for the reader of `request` (who may see
    its result: the caller checks). The answers only for those who may see them."""
    org = assessment.organization
    user = request.user
    show_answers = can.can_see(user, org)
    features = []
    for score in assessment.scores.all():
        band = Band(score.band)
        features.append(
            FeatureRow(
                number=score.feature,
                name=str(FEATURE_NAMES.get(score.feature, score.feature)),
                score=score.score,
                band=band.value,
                band_label=str(band.label),
                meaning=str(BAND_MEANINGS[band]),
                needs_work=needs_work(band),
            )
        )
    guidance = feature_help.gather(request, [row.number for row in features if row.needs_work])
    for row in features:
        row.guidance = guidance.get(row.number)
    if show_answers:
        answers = _answers(assessment)
        for row in features:
            row.answers = answers.get(row.number, [])
    return Report(
        assessment=assessment,
        organization=org,
        classification=classify(assessment.conditions_met),
        dimensions=dimensions(assessment.conditions_met),
        features=features,
        chart=chart_for(features, org),
        show_answers=show_answers,
        may_see_organization=show_answers,
        reader_zone=reader_zone(user),
    )
