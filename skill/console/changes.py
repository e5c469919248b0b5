"""What a turn changed: the dialogue state and the stored record, read and compared."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.builder import dialogue_limits
from skill.dialogue.state import parse_state
from skill.persistence import Storage, user_id
from skill.voice.ssml import SpeechError, ssml_text

SINCE = datetime(1970, 1, 1, tzinfo=UTC)
_serializer = DefaultSerializer()


def _words(document: str) -> str:
    try:
        return ssml_text(document)
    except (SpeechError, ValueError):
        return document


def state_view(attributes: Any) -> dict[str, Any]:
    """The typed dialogue state the skill reads from these session attributes."""
    state = parse_state(attributes, dialogue_limits())
    said = state.said
    return {
        "question": state.question.value,
        "subject": state.subject or None,
        "routine": state.routine.to_json() if state.routine else None,
        "check": state.check.to_json() if state.check else None,
        "advised": state.advised,
        "said": {"speech": _words(said.speech), "reprompt": _words(said.reprompt)}
        if said
        else None,
    }


def stored_view(storage: Storage, envelope: dict[str, Any]) -> dict[str, Any]:
    """The stored record and diary entries of the person this request speaks for."""
    try:
        request = _serializer.deserialize(json.dumps(envelope), RequestEnvelope)
        person = user_id(request)
        record = storage.adapter.get_attributes(request)
        diary = [
            {"at": moment.isoformat(), "foot": foot}
            for moment, foot in storage.diary.feet(person, SINCE)
        ]
    except Exception as failure:  # a store that fails is shown as such, not as a crash
        return {"error": f"cannot read the store: {type(failure).__name__}: {failure}"}
    return {"record": record, "diary": diary}


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """Leaves of nested objects and lists by path, e.g. ``routine.step`` or ``diary[0]``."""
    if isinstance(value, dict) and value:
        found: dict[str, Any] = {}
        for key, item in value.items():
            found.update(flatten(item, f"{path}.{key}" if path else str(key)))
        return found
    if isinstance(value, list) and value:
        found = {}
        for index, item in enumerate(value):
            found.update(flatten(item, f"{path}[{index}]"))
        return found
    return {path or "(whole)": value}


def _hollow(path: str, value: Any, other: dict[str, Any]) -> bool:
    """An empty object or list whose place the other side fills with leaves."""
    return value in ({}, []) and any(key.startswith((f"{path}.", f"{path}[")) for key in other)


def compare(before: Any, after: Any) -> list[dict[str, Any]]:
    """One row per leaf: its value before and after, and whether it changed."""
    old, new = flatten(before), flatten(after)
    old = {path: value for path, value in old.items() if not _hollow(path, value, new)}
    new = {path: value for path, value in new.items() if not _hollow(path, value, old)}
    rows = []
    for path in dict.fromkeys([*old, *new]):
        if path not in old:
            change = "added"
        elif path not in new:
            change = "removed"
        else:
            change = "same" if old[path] == new[path] else "changed"
        rows.append(
            {"path": path, "before": old.get(path), "after": new.get(path), "change": change}
        )
    return rows


def view(before: Any, after: Any) -> dict[str, Any]:
    """Before, after and the rows that compare them, for the page."""
    return {"before": before, "after": after, "rows": compare(before, after)}
