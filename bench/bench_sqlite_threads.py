"""SQLite under threads: the store's connection and lock strategies, measured side by side.

Run: python bench/bench_sqlite_threads.py [--turns N] [--threads 1,8] [--passes N]

Threads run whole turns in process (``handle_event`` on a skill with SQLite storage), as
waitress's worker threads do: "log a twitch" turns (an entry written, the weekly counts read),
and a mix of launches (record and counts read), questions (no storage) and diary entries.
Each strategy gets a new database file; strategies alternate pass by pass. Printed: turns a
second, and voluntary context switches a turn (threads put to sleep: waiting on a lock, or in
SQLite's busy handler, which sleeps 1 ms and more when a writer finds the database locked).

- ``one connection``: what the store does: the process's threads share one connection, one
  statement (with its file checks) at a time;
- ``thread connections``: a connection per thread (``SQLiteDatabase.per_thread``), as before,
  SQLite's busy timeout alone between writers;
- ``thread conns + write lock``: the same, with a process-wide lock around writes, so that a
  writer waits in Python instead of meeting SQLITE_BUSY.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import itertools
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.alexa import RequestFactory  # noqa: E402

_ids = itertools.count()


@contextlib.contextmanager
def strategy(name: str) -> Iterator[None]:
    """Set the store up for strategy ``name`` for the block."""
    from skill.persistence.sqlite_database import SQLiteDatabase

    saved_per_thread, saved_run = SQLiteDatabase.per_thread, SQLiteDatabase._run
    SQLiteDatabase.per_thread = name != "one connection"
    if name == "thread conns + write lock":
        writing = threading.Lock()

        def run_locked(self: Any, statements: Any, write: bool) -> Any:
            if not write:
                return saved_run(self, statements, write)
            with writing:
                return saved_run(self, statements, write)

        SQLiteDatabase._run = run_locked  # type: ignore[method-assign]
    try:
        yield
    finally:
        SQLiteDatabase.per_thread, SQLiteDatabase._run = saved_per_thread, saved_run  # type: ignore[method-assign]


def events(kind: str, count: int) -> list[dict[str, Any]]:
    """``count`` events of workload ``kind``, each with its own request id and person."""
    made = []
    people = [RequestFactory() for _ in range(8)]
    for number in range(count):
        who = people[number % len(people)]
        if kind == "log a twitch" or number % 3 == 2:
            event = who.envelope(who.intent("LogTwitchIntent", {"foot": "LEFT"}), {}, False)
        elif number % 3 == 0:
            event = who.envelope(who.launch(), {}, True)
        else:
            event = who.envelope(who.intent("TwitchCausesIntent"), {}, False)
        event = copy.deepcopy(event)
        event["request"]["requestId"] = f"amzn1.echo-api.request.threads-{next(_ids)}"
        made.append(event)
    return made


def run(name: str, kind: str, threads: int, turns: int) -> tuple[float, float]:
    """Turns a second and voluntary context switches a turn, for one strategy and workload."""
    from skill.builder import build_skill, handle_event
    from skill.persistence.sqlite import sqlite_storage

    with strategy(name):
        folder = Path(tempfile.mkdtemp(prefix="toe-twitch-threads-"))
        skill = build_skill(sqlite_storage(folder / "threads.sqlite"))
        batches = [events(kind, turns) for _ in range(threads)]
        for event in events(kind, 20):
            handle_event(event, skill)  # warm
        start_gate = threading.Barrier(threads + 1)

        def work(batch: list[dict[str, Any]]) -> None:
            start_gate.wait()
            for event in batch:
                handle_event(event, skill)

        workers = [threading.Thread(target=work, args=(batch,)) for batch in batches]
        for worker in workers:
            worker.start()
        switches = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw
        start_gate.wait()
        began = time.perf_counter()
        for worker in workers:
            worker.join()
        took = time.perf_counter() - began
        switches = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw - switches
    return threads * turns / took, switches / (threads * turns)


def main() -> None:
    """Alternate the strategies pass by pass; print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=300, help="turns per thread")
    parser.add_argument(
        "--threads", type=lambda text: [int(n) for n in text.split(",")], default=[1, 8]
    )
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    names = ("one connection", "thread connections", "thread conns + write lock")
    kinds = ("log a twitch", "mix")
    found: dict[tuple[str, str, int], list[tuple[float, float]]] = {}
    for _ in range(args.passes):
        for kind in kinds:
            for threads in args.threads:
                for name in names:
                    found.setdefault((kind, name, threads), []).append(
                        run(name, kind, threads, args.turns)
                    )
    print(f"{args.passes} passes x {args.turns} turns a thread; medians")
    print(
        f"{'workload':14s} {'strategy':20s} {'threads':>7s} {'turns/s':>9s} {'switches/turn':>14s}"
    )
    for (kind, name, threads), rows in found.items():
        rate = statistics.median(row[0] for row in rows)
        switches = statistics.median(row[1] for row in rows)
        print(f"{kind:14s} {name:26s} {threads:>7d} {rate:>9.0f} {switches:>9.2f}")


if __name__ == "__main__":
    main()
