"""Turns that read the diary, with 10 entries and with 10,000, in the same run.

Run: python bench/bench_diary.py [--passes N] [--turns N] [--entries 10,10000]

In process, on SQLite, each turn through ``handle_event``: a launch (reads the record and the
week's count), the history ("how many twitches this week", the rule's weekly counts) and
"log a twitch" (an entry written, then the counts). Each diary holds its entries spread over
the three weeks the rule looks at. Every pass times each case on a person of its own, whose
diary was just filled in a database file of its own, interleaved; figures are medians over
passes, and the ratio is each size's over the smallest's. The doctor's summary, which lists
the diary's entries, is shown too.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.alexa import RequestFactory  # noqa: E402

TURNS = {
    "launch": lambda who: who.envelope(who.launch(), {}, True),
    "history": lambda who: who.envelope(who.intent("TwitchHistoryIntent"), {}, False),
    "log a twitch": lambda who: who.envelope(
        who.intent("LogTwitchIntent", {"foot": "LEFT"}), {}, False
    ),
    "doctor's summary": lambda who: who.envelope(who.intent("DoctorSummaryIntent"), {}, False),
}
_ids = itertools.count()


def fill(path: Path, user: str, count: int) -> None:
    """``count`` entries over the three weeks before now, written straight into the file."""
    now = datetime.now(UTC)
    rows = [
        (user, (now - timedelta(seconds=(n + 0.5) * 21 * 86400 / count)).isoformat(), "LEFT")
        for n in range(count)
    ]
    with sqlite3.connect(path) as connection:
        connection.executemany("INSERT INTO diary (user_id, at, foot) VALUES (?, ?, ?)", rows)
    with sqlite3.connect(path) as connection:  # the fill's log copied in now, not mid-round
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def time_case(folder: Path, turn: str, entries: int, turns: int) -> float:
    """Seconds per turn of ``turn`` for a person with ``entries`` in the diary (a new file)."""
    from skill.builder import build_skill, handle_event
    from skill.persistence.sqlite import sqlite_storage

    path = folder / f"diary-{next(_ids)}.sqlite"
    skill = build_skill(sqlite_storage(path))
    who = RequestFactory()
    fill(path, who.user_id, entries)
    events = [copy.deepcopy(TURNS[turn](who)) for _ in range(turns)]
    for event in events:
        event["request"]["requestId"] = f"amzn1.echo-api.request.diary-{next(_ids)}"
    handle_event(copy.deepcopy(events[0]), skill)  # this person's first turn: warm
    start = time.perf_counter()
    for event in events:
        handle_event(event, skill)
    return (time.perf_counter() - start) / turns


def main() -> None:
    """Measure each turn at each diary size, interleaved; print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=7)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument(
        "--entries", type=lambda text: [int(n) for n in text.split(",")], default=[10, 10_000]
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="toe-twitch-diary-"))
    times: dict[tuple[str, int], list[float]] = {
        (turn, size): [] for turn in TURNS for size in args.entries
    }
    for _ in range(args.passes):
        for turn, size in times:
            times[(turn, size)].append(time_case(folder, turn, size, args.turns))
    smallest = args.entries[0]
    print(f"{args.passes} passes x {args.turns} turns, interleaved; median us/turn (SQLite)")
    header = "".join(f"{f'{size} entries':>16s}" for size in args.entries)
    print(f"{'turn':18s}{header}   ratio to {smallest} (per-pass ratios)")
    for turn in TURNS:
        base = statistics.median(times[(turn, smallest)])
        cells = "".join(f"{statistics.median(times[(turn, s)]) * 1e6:16.1f}" for s in args.entries)
        ratios = []
        for size in args.entries[1:]:
            middle = statistics.median(times[(turn, size)])
            per_pass = sorted(
                b / a for a, b in zip(times[(turn, smallest)], times[(turn, size)], strict=True)
            )
            ratios.append(f"{middle / base:.2f} ({per_pass[0]:.2f}-{per_pass[-1]:.2f})")
        print(f"{turn:18s}{cells}   {', '.join(ratios)}")


if __name__ == "__main__":
    main()
