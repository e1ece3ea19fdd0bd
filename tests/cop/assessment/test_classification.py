"""The phase-1 rule, over every combination: at least one sub-condition met under all
three dimensions is an SSEOE, under exactly two a PHO, otherwise outside the SSE as
mapped (CONTENT.md, "The phase-1 analytical tool")."""

from itertools import chain, combinations

import pytest
from django.utils import translation

from cop.assessment.classification import (
    Classification,
    Dimension,
    SubCondition,
    classify,
)

S, E, D = Dimension.SOCIAL, Dimension.ECONOMIC, Dimension.DEMOCRATIC
# Written out by hand, one row per combination of dimensions: the rule, not a formula.
EXPECTED = {
    frozenset(): Classification.OUTSIDE,
    frozenset({S}): Classification.OUTSIDE,
    frozenset({E}): Classification.OUTSIDE,
    frozenset({D}): Classification.OUTSIDE,
    frozenset({S, E}): Classification.PHO,
    frozenset({S, D}): Classification.PHO,
    frozenset({E, D}): Classification.PHO,
    frozenset({S, E, D}): Classification.SSEOE,
}
UNDER = {
    S: {SubCondition.SOCIAL_PROBLEM, SubCondition.PUBLIC_INTEREST},
    E: {SubCondition.PRODUCTIVE, SubCondition.SERVICE},
    D: {SubCondition.FREE_ESTABLISHMENT, SubCondition.DEMOCRATIC_GOVERNANCE},
}
ALL_SUBSETS = list(
    chain.from_iterable(combinations(list(SubCondition), n) for n in range(len(SubCondition) + 1))
)


def test_the_sub_conditions_are_those_of_the_tool():
    assert set(SubCondition) == set().union(*UNDER.values())
    assert len(ALL_SUBSETS) == 64


@pytest.mark.parametrize("conditions", ALL_SUBSETS, ids=lambda c: "+".join(c) or "none")
def test_every_combination_of_sub_conditions_is_classified_by_its_dimensions(conditions):
    dimensions = frozenset(d for d, under in UNDER.items() if under & set(conditions))

    result = classify(conditions)

    assert result.classification == EXPECTED[dimensions]
    assert set(result.met) == dimensions
    assert set(result.met) | set(result.missing) == {S, E, D}
    assert not set(result.met) & set(result.missing)


def test_one_sub_condition_is_enough_for_a_dimension():
    assert classify(["public_interest", "service", "free_establishment"]).classification == (
        Classification.SSEOE
    )


def test_the_reason_names_what_is_missing():
    with translation.override("en"):
        pho = classify(["social_problem", "productive"])
        one = classify(["democratic_governance"])
        none = classify([])

    assert pho.reason == (
        "It meets conditions under exactly two dimensions (social, economic), none under "
        "democratic."
    )
    assert one.reason == (
        "It meets conditions under one dimension only (democratic): two are needed at least."
    )
    assert none.reason == "It meets no condition under any of the three dimensions."


def test_the_reason_follows_the_readers_language():
    with translation.override("th"):
        reason = classify(["social_problem", "productive"]).reason

    assert reason.startswith("เป็นไปตามเงื่อนไขในสองมิติพอดี")


@pytest.mark.parametrize("bad", [["democracy"], ["SOCIAL_PROBLEM"], [""], [None]])
def test_an_unknown_sub_condition_is_refused(bad):
    with pytest.raises(ValueError, match="is not a valid SubCondition"):
        classify(bad)
