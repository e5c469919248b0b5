"""Where a person is in the stretch routine: a list of steps and a place in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ask_sdk_core.handler_input import HandlerInput

from skill.dialogue.profile import load_profile
from skill.dialogue.state import ROUTINE, is_index, session_attributes
from skill.rules.content import Stretch, get_content

SETUP = "setup"
BETWEEN = "between"
PAUSED = "paused"
STAGES = (SETUP, BETWEEN, PAUSED)


@dataclass(frozen=True)
class Step:
    """One hold: a stretch, the foot it is on (or None), and the stretch's number."""

    stretch: Stretch
    side: str | None
    number: int

    @property
    def first_of_stretch(self) -> bool:
        """True for the first (or only) foot of a stretch."""
        return self.side in (None, "left")


@cache
def steps() -> tuple[Step, ...]:
    """Every hold of the routine in order: each two-footed stretch left, then right."""
    result: list[Step] = []
    for number, stretch in enumerate(get_content().stretch_entries.values(), start=1):
        sides = ("left", "right") if stretch.each_side else (None,)
        result.extend(Step(stretch, side, number) for side in sides)
    return tuple(result)


def side_words(step: Step) -> str:
    """ ", left foot" or ", right foot" (nothing for a stretch done once), to follow its name."""
    return get_content().stretches["sides"][step.side] if step.side else ""


def stage_offer(stage: str) -> dict[str, str]:
    """What "yes" means at each stage: hold now, go on to the next stretch, or resume."""
    return {
        SETUP: {"action": "ready", "no": "wait"},
        BETWEEN: {"action": "next"},
        PAUSED: {"action": "resume"},
    }[stage]


def first_step_of(stretch_id: str) -> int:
    """The index of a stretch's first hold."""
    return next(i for i, step in enumerate(steps()) if step.stretch.id == stretch_id)


def get_place(handler_input: HandlerInput) -> dict[str, Any] | None:
    """The person's place (``{"step": n, "stage": ...}``), or None outside a routine."""
    place = session_attributes(handler_input).get(ROUTINE)
    if not isinstance(place, dict):
        return None
    valid = is_index(place.get("step"), len(steps())) and place.get("stage") in STAGES
    return place if valid else None


def set_place(handler_input: HandlerInput, step: int, stage: str) -> None:
    """Record the person's place in the routine."""
    session_attributes(handler_input)[ROUTINE] = {"step": step, "stage": stage}


def end_routine(handler_input: HandlerInput) -> None:
    """Forget the routine: it is finished (and no longer saved for a later visit)."""
    session_attributes(handler_input).pop(ROUTINE, None)
    profile = load_profile(handler_input)
    if profile is not None:
        profile.pop(ROUTINE, None)


def save_place(handler_input: HandlerInput) -> None:
    """Keep the person's place in the person's record, for the next visit."""
    place = get_place(handler_input)
    profile = load_profile(handler_input) if place is not None else None
    if profile is not None:
        profile[ROUTINE] = {"step": place["step"]}


def saved_step(handler_input: HandlerInput) -> int | None:
    """The step a previous visit stopped at, if one was saved."""
    profile = load_profile(handler_input)
    saved = profile.get(ROUTINE) if profile is not None else None
    step = saved.get("step") if isinstance(saved, dict) else None
    return step if is_index(step, len(steps())) else None


def forget_saved(handler_input: HandlerInput) -> None:
    """Drop a saved place (the person declined to pick it up, or picked it up)."""
    profile = load_profile(handler_input)
    if profile is not None:
        profile.pop(ROUTINE, None)
