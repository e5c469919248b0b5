"""Time one in-process turn of every intent against the ask-sdk hello world, in the same run.

Run: python bench/bench_turn.py [--passes N] [--turns N] [--only SUBSTRING]

Both skills answer through the Lambda entry point (a parsed event in, a dict out): ours is
``handle_event`` on a skill with SQLite storage (a fresh file), the baseline the sample's
``SkillBuilder().lambda_handler()`` answering HelloWorldIntent. Every case gets fresh copies of
its event, made before the clock starts, as Lambda delivers them. Each pass times ``--turns``
turns of every case, interleaved, so that other load on the machine falls on all alike; the
figure is the median over passes, the ratio the median's over the hello world's, and the spread
the lowest and highest ratio of one pass against the hello world of the same pass.

Cases: every intent of the interaction model, mid-session with no dialogue state, plus the
turns that read or write storage or state: a launch (reads the person's record and diary),
"ready" on a screen device in the routine (an APL document), "log a twitch" (a diary write, its
weekly counts and the rule), yes at a tip offer, the history.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.hello_world import lambda_handler  # noqa: E402
from tests.alexa import RequestFactory  # noqa: E402

APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.2"}}}
MODEL = ROOT / "interaction_model" / "interactionModels" / "custom" / "en-US.json"
SLOTS: dict[str, dict[str, Any]] = {  # a value the intent is usually said with
    "CauseDetailIntent": {"cause": "STRESS_ANXIETY"},
    "SelfCareIntent": {"topic": "DIET"},
    "ReportSymptomIntent": {"symptom": "SPREADING"},
    "LogTwitchIntent": {"foot": "LEFT"},
    "StartStretchIntent": {"stretch": "TOE_POINT"},
    "HoldLengthIntent": {"seconds": {"value": "20"}},
}
_request_ids = itertools.count()
# Intents whose turn calls an Alexa API over the network (the Reminders API): not timed here;
# the envelopes point apiEndpoint at a closed loopback port so that no call leaves the machine.
CALLS_OUT = frozenset({"SetReminderIntent", "ListRemindersIntent", "CancelRemindersIntent"})
CLOSED_ENDPOINT = "http://127.0.0.1:9"


def model_intents() -> list[str]:
    """Every intent the interaction model declares."""
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    return [intent["name"] for intent in model["interactionModel"]["languageModel"]["intents"]]


class Events:
    """Fresh copies of an event, each with its own request id (a diary write adds a row).

    With ``more``, the copies take turns among those events (other people saying the same).
    """

    def __init__(self, event: dict[str, Any], turns: int, *more: dict[str, Any]) -> None:
        self.event, self.turns, self.all = event, turns, (event, *more)

    def fresh(self) -> list[dict[str, Any]]:
        """``turns`` copies, ready to send."""
        copies = [copy.deepcopy(self.all[n % len(self.all)]) for n in range(self.turns)]
        for item in copies:
            item["request"]["requestId"] = f"amzn1.echo-api.request.bench-{next(_request_ids)}"
        return copies


def time_round(handler: Callable[[dict[str, Any]], Any], events: Events) -> float:
    """Seconds per turn over one round of fresh events."""
    batch = events.fresh()
    start = time.perf_counter()
    for item in batch:
        handler(item)
    return (time.perf_counter() - start) / len(batch)


def cases(turns: int) -> dict[str, tuple[Callable[[dict[str, Any]], Any], Events]]:
    """Every case: the handler that answers it and its events."""
    from skill.builder import build_skill, handle_event
    from skill.persistence.sqlite import sqlite_storage

    folder = Path(tempfile.mkdtemp(prefix="toe-twitch-bench-"))
    skill = build_skill(sqlite_storage(folder / "bench.sqlite"))
    hello = lambda_handler()

    def ours(event: dict[str, Any]) -> Any:
        return handle_event(event, skill)

    def baseline(event: dict[str, Any]) -> Any:
        return hello(event, None)

    def person_here(**options: Any) -> RequestFactory:
        made = RequestFactory(**options)
        made.template["context"]["System"]["apiEndpoint"] = CLOSED_ENDPOINT
        return made

    person, screen = person_here(), person_here(interfaces=APL)

    def mid_session(name: str, who: RequestFactory | None = None, attributes: Any = None) -> Events:
        who = who or person_here()  # a person of its own: no case sees another's diary
        request = who.intent(name, SLOTS.get(name))
        return Events(who.envelope(request, attributes or {}, False), turns)

    def attributes_after(name: str, who: RequestFactory) -> dict[str, Any]:
        answer = ours(who.envelope(who.intent(name, SLOTS.get(name)), {}, False))
        return answer.get("sessionAttributes") or {}

    logging = [mid_session("LogTwitchIntent").event for _ in range(50)]
    loggers = Events(logging[0], turns, *logging[1:])  # 50 people: no one logs 2,000 an hour
    diary = person_here()
    for _ in range(10):
        ours(diary.envelope(diary.intent("LogTwitchIntent", {"foot": "LEFT"}), {}, False))
    found: dict[str, tuple[Callable[[dict[str, Any]], Any], Events]] = {
        "hello world HelloWorldIntent (baseline)": (
            baseline,
            Events(person.envelope(person.intent("HelloWorldIntent"), {}, False), turns),
        ),
        "launch, SQLite (reads record and diary)": (
            ours,
            Events(person.envelope(person.launch(), {}, True), turns),
        ),
        '"ready" on a screen device (APL)': (
            ours,
            mid_session("ReadyIntent", screen, attributes_after("StartStretchIntent", screen)),
        ),
        '"log a twitch" (diary write, counts)': (ours, loggers),
        "yes at a tip offer (state read, written)": (
            ours,
            mid_session("AMAZON.YesIntent", person, attributes_after("SelfCareIntent", person)),
        ),
        "history, 10 entries this week and last": (ours, mid_session("TwitchHistoryIntent", diary)),
    }
    for name in model_intents():
        if name not in CALLS_OUT:
            found.setdefault(name, (ours, mid_session(name)))
    return found


def main() -> None:
    """Measure every case, interleaved, and print the medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=7)
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--only", default="", help="only cases whose name contains this")
    args = parser.parse_args()
    found = cases(args.turns)
    base_name = next(iter(found))
    chosen = {name: case for name, case in found.items() if name == base_name or args.only in name}
    for handler, events in chosen.values():  # warm: imports, caches, the database file
        time_round(handler, Events(events.event, 20))
    rounds: dict[str, list[float]] = {name: [] for name in chosen}
    for _ in range(args.passes):
        for name, (handler, events) in chosen.items():
            rounds[name].append(time_round(handler, events))
    base = statistics.median(rounds[base_name])
    print(f"{args.passes} passes x {args.turns} turns, interleaved; median us/turn")
    print(f"{'case':46s} {'us/turn':>8s}  ratio  (per-pass ratios)")
    worst = 0.0
    for name, times in rounds.items():
        ratios = sorted(t / b for t, b in zip(times, rounds[base_name], strict=True))
        middle = statistics.median(times)
        if name != base_name:
            worst = max(worst, middle / base)
        print(
            f"{name:46s} {middle * 1e6:8.1f}  {middle / base:5.2f}  "
            f"({ratios[0]:.2f}-{ratios[-1]:.2f})"
        )
    print(f"highest ratio: {worst:.2f}")


if __name__ == "__main__":
    main()
