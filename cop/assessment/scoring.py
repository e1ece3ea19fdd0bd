"""A feature's score and what it means: pure functions, tested on their own."""

from .constants import PARTLY_FROM, PRACTISED_FROM, Answer, Band

MAX_ANSWER = max(Answer.values)


def score(values):
    """The score of a feature answered with `values` (each an Answer): the whole
    percentage of the most they could add up to, rounded half up; 0 for no answers."""
    values = list(values)
    if not values:
        return 0
    if any(value not in Answer.values for value in values):
        raise ValueError(f"answers outside the scale: {values}")
    return (200 * sum(values) + MAX_ANSWER * len(values)) // (2 * MAX_ANSWER * len(values))


def band(percent):
    if percent >= PRACTISED_FROM:
        return Band.PRACTISED
    if percent >= PARTLY_FROM:
        return Band.PARTLY
    if percent > 0:
        return Band.WEAK
    return Band.MISSING


def needs_work(band_value):
    """Weak or missing: the result gives guidance, the tapestry counts it as missing."""
    return band_value in (Band.WEAK, Band.MISSING)
