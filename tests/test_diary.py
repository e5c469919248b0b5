"""The diary's rule, on a clock the tests control."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from skill.rules.trend import trend, weekly_counts

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def at(*days_ago: float) -> list[datetime]:
    return [NOW - timedelta(days=days) for days in days_ago]


@pytest.mark.parametrize(
    ("times", "counts"),
    [
        ([], (0, 0, 0)),
        (at(0, 6.9), (2, 0, 0)),
        (at(7, 13.9), (0, 2, 0)),
        (at(14, 20.9, 21, 40), (0, 0, 2)),
        ([NOW + timedelta(hours=1)], (0, 0, 0)),
    ],
    ids=["empty", "this-week", "last-week", "week-before-and-older", "future"],
)
def test_twitches_are_counted_by_the_week_they_fell_in(times, counts):
    assert weekly_counts(times, NOW) == counts


@pytest.mark.parametrize(
    ("times", "persistent", "more_frequent"),
    [
        (at(1, 8, 15), True, False),
        (at(1, 8), False, False),
        (at(1, 2, 3, 8), False, True),
        (at(1, 2, 3), False, True),
        (at(1, 2, 3, 8, 9, 10), False, False),
        (at(1, 2, 3, 4, 8, 9), False, True),
        (at(1, 2, 3, 4, 8, 9, 15), True, True),
        (at(1, 2, 3, 8, 9, 15), True, True),
        (at(1, 8, 9, 15), True, False),
        (at(1, 2, 8), False, False),
    ],
    ids=[
        "one-a-week-for-three-weeks",
        "two-weeks-only",
        "three-after-one",
        "three-after-none",
        "three-after-three",
        "four-after-two",
        "four-after-two-after-one",
        "rising-three-weeks",
        "falling",
        "two-after-one",
    ],
)
def test_the_rule_for_keeps_going_and_more_frequent(times, persistent, more_frequent):
    result = trend(times, NOW)
    assert (result.persistent, result.more_frequent) == (persistent, more_frequent)
    assert result.see_doctor == (persistent or more_frequent)
