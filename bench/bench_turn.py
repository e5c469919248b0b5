"""Time one skill turn against an ask-sdk "hello world" skill, measured in the same run.

Run: python bench/bench_turn.py [--rounds N] [--turns N]
Both skills answer the same captured Alexa envelope through the Lambda entry point
(JSON in, JSON out). The ratio is best-round time per turn of ours over the baseline's.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CAPTURED = ROOT / "tests" / "fixtures" / "real-requests"
TEMPLATE = "launch_request_geolocation_consent_2019-07-15.json"


class _Launch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):
        speech = "Welcome, you can say Hello or Help. Which would you like to try?"
        return handler_input.response_builder.speak(speech).ask(speech).response


class _HelloWorld(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("HelloWorldIntent")(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Hello World!").response


class _Help(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input):
        speech = "You can say hello to me! How can I help?"
        return handler_input.response_builder.speak(speech).ask(speech).response


class _Stop(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("AMAZON.CancelIntent")(handler_input) or is_intent_name(
            "AMAZON.StopIntent"
        )(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Goodbye!").response


class _SessionEnded(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.response


class _Errors(AbstractExceptionHandler):
    def can_handle(self, handler_input, exception):
        return True

    def handle(self, handler_input, exception):
        speech = "Sorry, I had trouble doing what you asked. Please try again."
        return handler_input.response_builder.speak(speech).ask(speech).response


def hello_world_handler():
    """The ask-sdk hello world sample's handlers, as a Lambda handler."""
    builder = SkillBuilder()
    for handler in (_Launch(), _HelloWorld(), _Help(), _Stop(), _SessionEnded()):
        builder.add_request_handler(handler)
    builder.add_exception_handler(_Errors())
    return builder.lambda_handler()


def intent_event(name: str) -> dict:
    """The captured en-US envelope carrying an IntentRequest for ``name``."""
    event = json.loads((CAPTURED / TEMPLATE).read_text())
    event["request"] = {
        "type": "IntentRequest",
        "requestId": "amzn1.echo-api.request.bench",
        "timestamp": event["request"]["timestamp"],
        "locale": "en-US",
        "intent": {"name": name, "confirmationStatus": "NONE"},
    }
    return event


def best_per_turn(handler, event: dict, turns: int, rounds: int) -> float:
    """Best round's seconds per turn (fresh copies of the event, as Lambda delivers)."""
    events = [copy.deepcopy(event) for _ in range(turns)]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for item in events:
            handler(item, None)
        best = min(best, (time.perf_counter() - start) / turns)
    return best


def main() -> None:
    """Measure both skills, interleaved, and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--turns", type=int, default=500)
    args = parser.parse_args()

    import tempfile

    from skill.builder import build_skill, handle_event
    from skill.hosting.lambda_function import handler as ours
    from skill.persistence.sqlite import sqlite_storage

    folder = tempfile.mkdtemp(prefix="toe-twitch-bench-")
    stored = build_skill(sqlite_storage(Path(folder) / "bench.sqlite"))

    def with_sqlite(event, context):
        return handle_event(event, stored)

    baseline = hello_world_handler()
    mid_session = intent_event("TwitchCausesIntent")
    mid_session["session"]["new"] = False
    at_a_tip = intent_event("AMAZON.YesIntent")
    at_a_tip["session"]["new"] = False
    tip = intent_event("SelfCareIntent")
    tip["request"]["intent"]["slots"] = {"topic": {"name": "topic", "value": "diet"}}
    at_a_tip["session"]["attributes"] = ours(tip, None)["sessionAttributes"]
    cases = {
        "hello world HelloWorldIntent (baseline)": (baseline, intent_event("HelloWorldIntent")),
        "toe twitch TwitchCausesIntent": (ours, intent_event("TwitchCausesIntent")),
        "toe twitch WhenToSeeDoctorIntent": (ours, intent_event("WhenToSeeDoctorIntent")),
        "toe twitch yes at a tip (state read, written)": (ours, at_a_tip),
        "  + SQLite, mid-session (no read)": (with_sqlite, mid_session),
        "  + SQLite, first turn (reads record)": (with_sqlite, intent_event("TwitchCausesIntent")),
    }
    results = {name: float("inf") for name in cases}
    for _ in range(3):
        for name, (handler, event) in cases.items():
            per_turn = best_per_turn(handler, event, args.turns, args.rounds)
            results[name] = min(results[name], per_turn)
    base = results["hello world HelloWorldIntent (baseline)"]
    for name, seconds in results.items():
        print(f"{name:46s} {seconds * 1e6:8.1f} us/turn  ratio {seconds / base:.2f}")


if __name__ == "__main__":
    main()
