"""The stretch routine's steps, and the place a person keeps between visits."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ask_sdk_core.handler_input import HandlerInput

from skill.dialogue.profile import load_profile
from skill.dialogue.state import RoutinePlace
from skill.rules.content import Stretch, get_content

SAVED = "routine"


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


def first_step_of(stretch_id: str) -> int:
    """The index of a stretch's first hold."""
    return next(i for i, step in enumerate(steps()) if step.stretch.id == stretch_id)


def saved_place(handler_input: HandlerInput) -> RoutinePlace | None:
    """The place a previous visit stopped at, if one was saved and is still sound."""
    profile = load_profile(handler_input)
    return RoutinePlace.from_json(profile.get(SAVED), len(steps())) if profile else None


def save_place(handler_input: HandlerInput, place: RoutinePlace | None) -> None:
    """Keep ``place`` in the person's record for the next visit (None: forget any saved place)."""
    profile = load_profile(handler_input)
    if profile is None:
        return
    if place is None:
        profile.pop(SAVED, None)
    else:
        profile[SAVED] = place.to_json()


EXPLAINED = "explained"
HOLD_SECONDS = "hold_seconds"


def variant(options: list[str], step: int) -> str:
    """One of several phrasings, taken in turn: a transition after hold ``step`` (two holds a
    stretch) never repeats the one before it."""
    return options[(step // 2) % len(options)]


def was_explained(handler_input: HandlerInput, stretch_id: str) -> bool:
    """True once the person has heard a stretch explained in full (never without storage)."""
    profile = load_profile(handler_input)
    return profile is not None and stretch_id in profile.get(EXPLAINED, [])


def mark_explained(handler_input: HandlerInput, stretch_id: str) -> None:
    """Remember that the person has heard a stretch explained in full."""
    profile = load_profile(handler_input)
    if profile is None:
        return
    known = profile.get(EXPLAINED)
    known = [item for item in known if isinstance(item, str)] if isinstance(known, list) else []
    if stretch_id not in known:
        profile[EXPLAINED] = [*known, stretch_id]


def chosen_hold_seconds(handler_input: HandlerInput) -> object:
    """The hold length the person chose, as stored (checked by the caller), or None."""
    profile = load_profile(handler_input)
    return profile.get(HOLD_SECONDS) if profile is not None else None


def choose_hold_seconds(handler_input: HandlerInput, seconds: int) -> bool:
    """Keep the person's hold length; False when there is nowhere to keep it."""
    profile = load_profile(handler_input)
    if profile is None:
        return False
    profile[HOLD_SECONDS] = seconds
    return True
