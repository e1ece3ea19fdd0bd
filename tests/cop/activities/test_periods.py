from datetime import date

import pytest

from cop.activities.periods import Period, recent


@pytest.mark.parametrize(
    ("day", "period", "start", "end"),
    [
        (date(2026, 1, 1), "2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 6, 30), "2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        (date(2024, 8, 15), "2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        (date(2026, 12, 31), "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_a_day_falls_in_its_quarter(day, period, start, end):
    quarter = Period.of(day)

    assert str(quarter) == period
    assert (quarter.start, quarter.end) == (start, end)
    assert Period.parse(period) == quarter


def test_quarters_follow_each_other_across_years():
    assert Period(2026, 4).next() == Period(2027, 1)
    assert Period(2027, 1).previous() == Period(2026, 4)
    assert recent(3, until=Period(2027, 1)) == [Period(2027, 1), Period(2026, 4), Period(2026, 3)]


@pytest.mark.parametrize("text", ["", "2026-Q5", "2026-q1", "26-Q1", "1999-Q1", "2026-Q1x"])
def test_anything_else_is_refused_with_a_message(text):
    with pytest.raises(ValueError, match="2026-Q4"):
        Period.parse(text)
