"""The questionnaire as the reader sees it: eight steps, one per feature and a last one
for the phase-1 sub-conditions, with each question in the active language (the source
language's where no translation exists yet). One query, whatever the language."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.coreutils import get_supported_content_language_variant

from .classification import DIMENSION_OF, Dimension
from .constants import FEATURES
from .models import Question

CONDITIONS_STEP = len(FEATURES) + 1  # the step after the seven features

# The features' names, for the questionnaire's steps, the result and the tapestry (the
# lessons' Feature snippets say more; these are the interface's own short names).
FEATURE_NAMES = {
    1: _("Economic activity"),
    2: _("Collective and/or general interest"),
    3: _("Voluntary cooperation"),
    4: _("Mutual aid"),
    5: _("Democratic and/or participatory governance"),
    6: _("Autonomy and independence"),
    7: _("Primacy of people and social purpose over capital"),
}
# What each feature means, in one line (CONTENT.md, from the 2022 ILC definition): the
# reminder at the top of its step.
FEATURE_MEANINGS = {
    1: _("The organization produces goods, services or knowledge."),
    2: _("It serves its members' collective interest or the general interest, not private gain."),
    3: _("Joining it and setting it up are voluntary, and membership is open."),
    4: _("Members practise solidarity and reciprocity, among themselves and with the community."),
    5: _("Members take part in its decisions, for example one member, one vote."),
    6: _("It governs itself, independent from government and from private companies."),
    7: _(
        "People and its social purpose come before capital in how surpluses and assets are "
        "used: limited profit distribution, reinvestment, an asset lock."
    ),
}
CONDITIONS_TITLE = pgettext_lazy("assessment step", "The three dimensions")
CONDITIONS_INTRO = _(
    "The programme's phase-1 analytical tool looks at three dimensions, each with its "
    "conditions. Answer yes where a condition describes your organization as it works in "
    "practice, not only as the law says."
)
# A sentence for each dimension, above its conditions (CONTENT.md, the phase-1 tool).
DIMENSION_MEANINGS = {
    Dimension.SOCIAL: _(
        "It addresses specific social problems, or its core activity is in the public "
        "interest, such as education, health care or culture."
    ),
    Dimension.ECONOMIC: _("It is engaged in productive or service activities, for profit or not."),
    Dimension.DEMOCRATIC: _(
        "It is easy to set up legally (free establishment), or it is governed democratically "
        "inside, or both."
    ),
}


@dataclass
class Step:
    number: int  # 1..8
    title: str
    feature: int | None  # None: the sub-conditions step
    questions: list = field(default_factory=list)

    @property
    def is_conditions(self):
        return self.feature is None

    @property
    def meaning(self):
        return CONDITIONS_INTRO if self.feature is None else FEATURE_MEANINGS[self.feature]

    def in_order(self):
        """The questions as the step shows them: the sub-conditions by dimension."""
        if not self.is_conditions:
            return list(self.questions)
        return [q for _dimension, _meaning, qs in self.dimensions() for q in qs]

    def dimensions(self):
        """The sub-conditions step's questions grouped by dimension:
        [(Dimension, its meaning, [questions])]."""
        return [
            (
                dimension,
                DIMENSION_MEANINGS[dimension],
                [q for q in self.questions if DIMENSION_OF[q.sub_condition] == dimension],
            )
            for dimension in Dimension
        ]


def _language(code):
    try:
        return get_supported_content_language_variant(code)
    except LookupError:
        return None


def questions():
    """Every question in the active language, keyed by translation key, in the source
    language's order (one query: the source rows and the active language's together)."""
    default = _language(settings.LANGUAGE_CODE)
    active = _language(translation.get_language()) or default
    rows = (
        Question.objects.filter(locale__language_code__in={default, active})
        .annotate(language_code=F("locale__language_code"))
        .order_by(*Question._meta.ordering)
    )
    source, translated = [], {}
    for q in rows:
        if q.language_code == default:
            source.append(q)
        if q.language_code == active:
            translated[q.translation_key] = q
    return {q.translation_key: translated.get(q.translation_key, q) for q in source}


def steps(by_key=None):
    by_key = questions() if by_key is None else by_key
    result = [Step(n, FEATURE_NAMES[n], n) for n in FEATURES]
    result.append(Step(CONDITIONS_STEP, CONDITIONS_TITLE, None))
    for q in by_key.values():
        result[(q.feature or CONDITIONS_STEP) - 1].questions.append(q)
    return result


def step_of(question):
    """The number of the step that asks `question`."""
    return question.feature or CONDITIONS_STEP
