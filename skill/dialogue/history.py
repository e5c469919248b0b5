"""What the person's record keeps for their doctor: signs reported, the last check, routines done.

Each is stored with its date in the person's record, so "delete my data" erases it with the rest.
"""

from __future__ import annotations

from datetime import date

from ask_sdk_core.handler_input import HandlerInput

from skill.dialogue.profile import load_profile

REPORTED = "reported_signs"
LAST_CHECK = "last_check"
ROUTINES = "routines_finished"


def note_sign(handler_input: HandlerInput, sign: str, on: date) -> None:
    """Keep a warning sign the person reported, with the latest day they reported it."""
    profile = load_profile(handler_input)
    if profile is None:
        return
    kept = profile.get(REPORTED)
    kept = dict(kept) if isinstance(kept, dict) else {}
    kept[sign] = on.isoformat()
    profile[REPORTED] = kept


def note_check(handler_input: HandlerInput, kind: str, signs: tuple[str, ...], on: date) -> None:
    """Keep the verdict of the symptom check just finished."""
    profile = load_profile(handler_input)
    if profile is not None:
        profile[LAST_CHECK] = {"kind": kind, "signs": list(signs), "on": on.isoformat()}


def note_routine(handler_input: HandlerInput, on: date) -> None:
    """Count a finished stretch routine."""
    profile = load_profile(handler_input)
    if profile is None:
        return
    done = profile.get(ROUTINES)
    count = done.get("count", 0) if isinstance(done, dict) else 0
    count = count if isinstance(count, int) and count >= 0 else 0
    profile[ROUTINES] = {"count": count + 1, "last": on.isoformat()}


def reported_signs(handler_input: HandlerInput) -> list[tuple[str, str]]:
    """(sign, ISO day) for every warning sign reported, oldest first."""
    profile = load_profile(handler_input)
    kept = profile.get(REPORTED) if profile is not None else None
    if not isinstance(kept, dict):
        return []
    pairs = [(sign, day) for sign, day in kept.items() if isinstance(day, str)]
    return sorted(pairs, key=lambda pair: pair[1])


def last_check(handler_input: HandlerInput) -> dict[str, object] | None:
    """The last check's verdict as stored, if there is a sound one."""
    profile = load_profile(handler_input)
    kept = profile.get(LAST_CHECK) if profile is not None else None
    if not isinstance(kept, dict) or not isinstance(kept.get("kind"), str):
        return None
    return kept


def routines_finished(handler_input: HandlerInput) -> tuple[int, str | None]:
    """How many routines the person finished, and the day of the last one."""
    profile = load_profile(handler_input)
    done = profile.get(ROUTINES) if profile is not None else None
    if not isinstance(done, dict) or not isinstance(done.get("count"), int):
        return 0, None
    last = done.get("last")
    return done["count"], last if isinstance(last, str) else None
