"""The diary's rule for when twitching calls for a doctor, as plain code.

The source article says to see a doctor when twitching persists, or becomes more frequent,
despite self-care. With a diary, the skill reads that as:

- weeks are the 7-day windows ending now: this week, last week, the week before;
- **keeps going**: at least one twitch logged in each of the last three weeks;
- **more frequent**: at least 3 twitches this week, and either at least twice last week's
  count or a count that rose two weeks running (the week before < last week < this week).

Either one means: see a healthcare provider.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

WEEK = timedelta(days=7)
WEEKS_FOR_PERSISTENT = 3
HISTORY = WEEK * WEEKS_FOR_PERSISTENT
MIN_RISING_COUNT = 3


@dataclass(frozen=True)
class Trend:
    """Twitches counted per week (this week first), and what the rule makes of them."""

    counts: tuple[int, ...]
    persistent: bool
    more_frequent: bool

    @property
    def this_week(self) -> int:
        """Twitches in the last 7 days."""
        return self.counts[0]

    @property
    def last_week(self) -> int:
        """Twitches 7 to 14 days ago."""
        return self.counts[1]

    @property
    def see_doctor(self) -> bool:
        """True when the diary shows twitching that keeps going or is getting more frequent."""
        return self.persistent or self.more_frequent


def weekly_counts(times: Iterable[datetime], now: datetime) -> tuple[int, ...]:
    """How many twitches fell in each of the last three weeks, this week first."""
    counts = [0] * WEEKS_FOR_PERSISTENT
    for moment in times:
        age = now - moment
        if timedelta(0) <= age < HISTORY:
            counts[int(age / WEEK)] += 1
    return tuple(counts)


def week_bounds(now: datetime) -> tuple[datetime, ...]:
    """Where the weeks end: now, a week ago, two and three weeks ago (this week first).

    Week ``i`` holds the moments after ``bounds[i + 1]`` up to and including ``bounds[i]``:
    the same weeks as :func:`weekly_counts`, for a store that counts them itself.
    """
    return tuple(now - WEEK * weeks for weeks in range(WEEKS_FOR_PERSISTENT + 1))


def trend(times: Iterable[datetime], now: datetime) -> Trend:
    """Apply the rule to a diary's entries."""
    return trend_of_counts(weekly_counts(times, now))


def trend_of_counts(counts: tuple[int, ...]) -> Trend:
    """Apply the rule to twitches counted per week, this week first (:func:`weekly_counts`)."""
    this, last, before = counts
    persistent = all(count > 0 for count in counts)
    doubled = this >= MIN_RISING_COUNT and this >= 2 * last
    rising = before < last < this and this >= MIN_RISING_COUNT
    return Trend(counts=counts, persistent=persistent, more_frequent=doubled or rising)
