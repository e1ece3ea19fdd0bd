"""A feature's score (a whole percentage of the most its answers could reach, rounded
half up) and its band, at every edge."""

import pytest

from cop.assessment.constants import Answer, Band
from cop.assessment.scoring import band, needs_work, score

NO, PARTLY, YES = Answer.NO, Answer.PARTLY, Answer.YES


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], 0),
        ([NO], 0),
        ([PARTLY], 50),
        ([YES], 100),
        ([YES, YES], 100),
        ([PARTLY, YES], 75),
        ([NO, PARTLY], 25),
        ([NO, NO, PARTLY], 17),  # 16.67
        ([PARTLY, PARTLY, YES], 67),  # 66.67
        ([NO, NO, YES], 33),  # 33.33
        ([NO, NO, NO, PARTLY], 13),  # 12.5: half up
        ([NO, PARTLY, PARTLY, PARTLY], 38),  # 37.5: half up
        ([YES, YES, YES, PARTLY], 88),  # 87.5: half up
        ([NO] * 7 + [PARTLY], 6),  # 6.25
        ([YES] * 7 + [PARTLY], 94),  # 93.75
        ([NO] * 99 + [PARTLY], 1),  # 0.5: half up
        ([NO] * 101 + [PARTLY], 0),  # 0.495
    ],
)
def test_the_score_is_the_rounded_share_of_the_most_the_answers_could_reach(values, expected):
    assert score(values) == expected


def test_the_score_takes_any_iterable():
    assert score(v for v in [PARTLY, YES]) == 75


@pytest.mark.parametrize("values", [[3], [-1], [YES, 5], ["2"], [None]])
def test_answers_off_the_scale_are_refused(values):
    with pytest.raises(ValueError, match="outside the scale"):
        score(values)


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (100, Band.PRACTISED),
        (75, Band.PRACTISED),
        (74, Band.PARTLY),
        (50, Band.PARTLY),
        (49, Band.WEAK),
        (1, Band.WEAK),
        (0, Band.MISSING),
    ],
)
def test_each_band_starts_at_its_floor(percent, expected):
    assert band(percent) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Band.PRACTISED, False), (Band.PARTLY, False), (Band.WEAK, True), (Band.MISSING, True)],
)
def test_weak_and_missing_features_need_work(value, expected):
    assert needs_work(value) is expected


def test_every_score_has_one_band_and_bands_never_go_down_as_scores_go_up():
    order = [Band.MISSING, Band.WEAK, Band.PARTLY, Band.PRACTISED]
    ranks = [order.index(band(percent)) for percent in range(101)]
    assert ranks == sorted(ranks)
    assert set(ranks) == {0, 1, 2, 3}
