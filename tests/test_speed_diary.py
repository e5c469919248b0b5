"""The diary's weekly counts come from the store, the same as the rule counts them, at a cost
that does not grow with the diary. bench/bench_diary.py measures the time; these tests assert
the counts and the work SQLite does (its virtual machine steps), never a timing.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest

from skill.persistence.sqlite import sqlite_storage
from skill.persistence.sqlite_schema import SCHEMA_VERSION
from skill.rules.trend import WEEK, weekly_counts
from tests.storage_fixtures import make_storage

NOW = datetime(2026, 11, 24, 12, 34, 56, 789000, tzinfo=UTC)
TINY = timedelta(microseconds=1)


@pytest.fixture(params=["sqlite", "dynamodb"])
def diary(request, tmp_path):
    with make_storage(request.param, tmp_path) as storage:
        yield storage.diary


def edge_cases() -> list[datetime]:
    """Every week boundary, and a microsecond either side; the future; long ago."""
    times = [NOW + timedelta(days=2), NOW - timedelta(days=40)]
    for weeks in range(4):
        bound = NOW - WEEK * weeks
        times += [bound - TINY, bound, bound + TINY, bound.replace(microsecond=0)]
    return times


def test_counts_at_every_week_boundary_are_the_rules_counts(diary):
    times = edge_cases()
    for at in times:
        diary.add("alice", at, "LEFT")
    assert diary.weekly_counts("alice", NOW) == weekly_counts(times, NOW)
    assert diary.weekly_counts("bob", NOW) == (0, 0, 0)


def test_random_diaries_logged_in_any_order_count_as_the_rule_does(diary):
    rng = random.Random(15)
    times: list[datetime] = []
    for _ in range(120):
        at = NOW - timedelta(seconds=rng.uniform(-2 * 86400, 25 * 86400))
        if rng.random() < 0.2:
            at = at.replace(minute=0, second=0, microsecond=0)
        times.append(at)
        diary.add("carol", at, None, f"request-{len(times)}")
        moment = NOW - timedelta(hours=rng.uniform(0, 48))
        assert diary.weekly_counts("carol", moment) == weekly_counts(times, moment)


def test_another_time_zone_counts_the_same_instants(diary):
    plus_two = timezone(timedelta(hours=2))
    diary.add("dora", (NOW - timedelta(days=8)).astimezone(plus_two), None)
    diary.add("dora", NOW - timedelta(hours=1), None)
    assert diary.weekly_counts("dora", NOW.astimezone(plus_two)) == (1, 1, 0)


def test_a_replayed_entry_and_an_erased_diary_count_nothing(diary):
    diary.add("erin", NOW - timedelta(hours=1), None, "same-request")
    diary.add("erin", NOW - timedelta(hours=1), None, "same-request")
    assert diary.weekly_counts("erin", NOW) == (1, 0, 0)
    diary.erase("erin")
    assert diary.weekly_counts("erin", NOW) == (0, 0, 0)
    diary.add("erin", NOW - timedelta(days=9), None)
    assert diary.weekly_counts("erin", NOW) == (0, 1, 0)


def fill(path, user: str, count: int) -> list[datetime]:
    """``count`` entries spread evenly over the three weeks before NOW, written directly."""
    times = [NOW - timedelta(seconds=(n + 0.5) * 21 * 86400 / count) for n in range(count)]
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO diary (user_id, at, foot, request_id) VALUES (?, ?, NULL, ?)",
            [(user, at.isoformat(), n) for n, at in enumerate(times)],
        )
    return times


def steps(storage, user: str) -> int:
    """SQLite virtual machine steps the weekly counts take for ``user``."""
    connection = storage.diary.database.connection()
    taken = 0

    def count() -> int:
        nonlocal taken
        taken += 1
        return 0

    connection.set_progress_handler(count, 1)
    try:
        storage.diary.weekly_counts(user, NOW)
    finally:
        connection.set_progress_handler(None, 1)
    return taken


def test_ten_thousand_entries_take_about_the_steps_of_ten(tmp_path):
    path = tmp_path / "diary.sqlite"
    storage = sqlite_storage(path)
    fill(path, "short", 10)
    times = fill(path, "long", 10_000)
    assert storage.diary.weekly_counts("long", NOW) == weekly_counts(times, NOW)
    # Only the entries in the four boundary minutes are visited (here none of the 10,000);
    # reading the entries back took over 40,000 steps.
    assert steps(storage, "long") < 2 * steps(storage, "short")


def test_a_thousand_entries_logged_this_minute_take_about_the_steps_of_ten(tmp_path):
    path = tmp_path / "diary.sqlite"
    storage = sqlite_storage(path)
    fill(path, "short", 10)
    for n in range(1_000):
        storage.diary.add("burst", NOW - timedelta(microseconds=n + 1), None, f"burst-{n}")
    assert storage.diary.weekly_counts("burst", NOW) == (1_000, 0, 0)
    assert steps(storage, "burst") < 2 * steps(storage, "short")


def test_a_version_2_file_has_its_entries_counted_when_it_is_opened(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript(
            "CREATE TABLE attributes (id TEXT PRIMARY KEY, data TEXT NOT NULL);"
            "CREATE TABLE diary (entry INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,"
            " at TEXT NOT NULL, foot TEXT, request_id TEXT);"
            "CREATE INDEX diary_by_user ON diary (user_id, at);"
            "CREATE UNIQUE INDEX diary_once ON diary (user_id, request_id);"
            "PRAGMA user_version = 2;"
        )
    times = edge_cases()
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO diary (user_id, at) VALUES ('frank', ?)",
            [(at.astimezone(UTC).isoformat(),) for at in times],
        )
    storage = sqlite_storage(path)
    assert storage.diary.weekly_counts("frank", NOW) == weekly_counts(times, NOW)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
