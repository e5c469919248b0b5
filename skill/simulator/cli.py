"""``toe-twitch simulate``: utterances as arguments, an interactive prompt, or a replay file."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, TextIO

from skill.rules.content import ContentError
from skill.simulator.explain import explain
from skill.simulator.reminders import FollowUp, offline_reminders
from skill.simulator.requests import (
    DEFAULT_SKILL_ID,
    Send,
    Simulator,
    SimulatorError,
    Turn,
    describe,
    invocation,
)
from skill.simulator.resolver import get_resolver


def read_replay(path: str) -> dict[str, Any]:
    """An ASK CLI replay file, checked; SimulatorError says what is wrong with it."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as failure:
        raise SimulatorError(f"cannot read replay file {path}: {failure.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as failure:
        raise SimulatorError(f"replay file {path} is not valid JSON: {failure}") from None
    if not isinstance(document, dict):
        raise SimulatorError(f"replay file {path} must hold a JSON object")
    inputs = document.get("userInput")
    if not isinstance(inputs, list) or not all(isinstance(i, str) for i in inputs):
        raise SimulatorError(f'replay file {path} needs "userInput": a list of strings')
    if document.get("type", "text") != "text":
        raise SimulatorError(f'replay file {path}: only "type": "text" is supported')
    for key in ("skillId", "locale"):
        if key in document and not isinstance(document[key], str):
            raise SimulatorError(f'replay file {path}: "{key}" must be a string')
    return document


def _in_process() -> Send:
    """The skill in this process; without ``DATABASE`` its diary lasts for this run only."""
    from skill.builder import build_skill, handle_event
    from skill.persistence import storage_from_settings
    from skill.persistence.sqlite import sqlite_storage

    storage = storage_from_settings(os.environ) or sqlite_storage(":memory:")
    skill = build_skill(storage)
    return lambda envelope: handle_event(envelope, skill)


def _sender(url: str | None) -> Send:
    if url is None:
        return _in_process()
    try:
        from skill.simulator.requests import http_sender
    except ImportError:  # pragma: no cover - requests comes with the web extra
        raise SimulatorError("--url needs the requests package (pip install '.[web]')") from None
    return http_sender(url)


def interactive(
    simulator: Simulator, out: TextIO, explained: bool = False, follow: FollowUp | None = None
) -> None:
    """Prompt for utterances until the session ends, end of input, or ``.quit``."""
    print('Say "open toe twitch helper" or ask a question; .quit to leave.', file=sys.stderr)
    follow = follow or _no_follow_up
    while True:
        try:
            line = input("You> ")
        except EOFError:
            print(file=out)
            return
        if line.strip() == ".quit":
            return
        if not line.strip():
            continue
        if not sys.stdin.isatty():
            print(line, file=out)
        turn = simulator.say(line)
        if explained and turn.resolution is not None:
            _show(simulator, turn, out, explained)
        else:
            print(describe(turn).split("\n", 1)[1], file=out, flush=True)
        answered = follow(simulator, turn)
        if answered is not None:
            turn = answered
            print(describe(turn), file=out, flush=True)
        if turn.ended:
            return


def _show(simulator: Simulator, turn: Turn, out: TextIO, explained: bool) -> None:
    """Print a turn; with ``explained``, first how its words were resolved."""
    if explained and turn.resolution is not None:
        name = get_resolver(simulator.locale).model.invocation
        called = invocation(turn.utterance, name)
        print(explain(called[1] if called else turn.utterance, simulator.locale), file=out)
    print(describe(turn), file=out, flush=True)


def _talk(
    simulator: Simulator, utterances: list[str], out: TextIO, explained: bool, follow: FollowUp
) -> None:
    for utterance in utterances:
        if utterance.strip() == ".quit":
            return
        turn = simulator.say(utterance)
        _show(simulator, turn, out, explained)
        answered = follow(simulator, turn)
        if answered is not None:
            _show(simulator, answered, out, explained)


def _no_follow_up(simulator: Simulator, turn: Turn) -> Turn | None:
    return None


def _save(simulator: Simulator, path: str) -> None:
    try:
        Path(path).write_text(json.dumps(simulator.skill_io(), indent=2) + "\n", encoding="utf-8")
    except OSError as failure:
        raise SimulatorError(f"cannot write {path}: {failure.strerror}") from None


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run ``toe-twitch simulate``; on failure print one line to stderr and return 1."""
    out = out or sys.stdout
    logging.getLogger().setLevel(logging.WARNING)
    try:
        if args.replay and args.utterances:
            raise SimulatorError("give utterances or --replay, not both")
        replay = read_replay(args.replay) if args.replay else {}
        skill_id = args.skill_id or replay.get("skillId") or os.environ.get("SKILL_ID")
        simulator = Simulator(
            _sender(args.url),
            locale=args.locale or replay.get("locale") or "en-US",
            skill_id=skill_id or DEFAULT_SKILL_ID,
        )
        reminders: AbstractContextManager[FollowUp] = nullcontext(_no_follow_up)
        if args.url is None:
            reminders = offline_reminders(args.reminders == "allow")
        try:
            with reminders as follow:
                if args.replay or args.utterances:
                    utterances = replay.get("userInput") or args.utterances
                    _talk(simulator, utterances, out, args.explain, follow)
                else:
                    interactive(simulator, out, args.explain, follow)
        finally:
            if args.save_skill_io:
                _save(simulator, args.save_skill_io)
    except (SimulatorError, ContentError) as failure:
        print(f"toe-twitch simulate: {failure}", file=sys.stderr)
        return 1
    return 0
