"""The questionnaire as the reader sees it: eight steps, one per feature and a last one
for the phase-1 sub-conditions, with each question in the active language (the source
language's where no translation exists yet). Two queries, whatever the language."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

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
CONDITIONS_TITLE = pgettext_lazy("assessment step", "The three dimensions")


@dataclass
class Step:
    number: int  # 1..8
    title: str
    feature: int | None  # None: the sub-conditions step
    questions: list = field(default_factory=list)

    @property
    def is_conditions(self):
        return self.feature is None

    def dimensions(self):
        """The sub-conditions step's questions grouped by dimension: [(Dimension, [q])]."""
        return [
            (dimension, [q for q in self.questions if DIMENSION_OF[q.sub_condition] == dimension])
            for dimension in Dimension
        ]


def questions():
    """Every question in the active language, keyed by translation key, in order."""
    default = Locale.get_default()
    active = Locale.get_active()
    source = list(Question.objects.filter(locale=default).order_by(*Question._meta.ordering))
    if active.pk != default.pk:
        translated = {
            q.translation_key: q
            for q in Question.objects.filter(
                locale=active, translation_key__in=[q.translation_key for q in source]
            )
        }
        source = [translated.get(q.translation_key, q) for q in source]
    return {q.translation_key: q for q in source}


def steps(by_key=None):
    by_key = questions() if by_key is None else by_key
    result = [Step(n, FEATURE_NAMES[n], n) for n in FEATURES]
    result.append(Step(CONDITIONS_STEP, CONDITIONS_TITLE, None))
    for q in by_key.values():
        result[(q.feature or CONDITIONS_STEP) - 1].questions.append(q)
    return result
