"""Guidance for the features an organization lacks, gathered from every app that offers
some (core.registry.feature_help: the courses' guidance and lessons, the workshops'
sessions), for all the weak features at once: each provider costs its one or two queries
whatever the number of features."""

from dataclasses import dataclass, field

from core import registry


@dataclass
class FeatureGuidance:
    """What a reader can do about one feature: how to adopt it (texts), the lessons that
    teach it, the upcoming workshops on it (registry.HelpItem each)."""

    number: int
    guidance: list = field(default_factory=list)
    lessons: list = field(default_factory=list)
    workshops: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.guidance or self.lessons or self.workshops)


KINDS = {"guidance": "guidance", "lesson": "lessons", "workshop": "workshops"}


def gather(request, numbers):
    """{feature number: FeatureGuidance} for `numbers`, with every provider's items in
    the providers' order; a kind nobody knows is left out. No query without numbers."""
    numbers = sorted({int(n) for n in numbers})
    gathered = {n: FeatureGuidance(n) for n in numbers}
    if not numbers:
        return gathered
    for provider in registry.feature_help:
        for number, items in provider.items(request, numbers).items():
            if number not in gathered:
                continue
            for item in items:
                kind = KINDS.get(item.kind)
                if kind:
                    getattr(gathered[number], kind).append(item)
    return gathered
