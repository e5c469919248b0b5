"""Ready, next, previous, start over, pause and resume: moving around inside the routine."""

from __future__ import annotations

from skill.dialogue import routine
from skill.dialogue.state import Question, RoutinePlace
from skill.handlers.navigation import ask_again, nothing_to_pause
from skill.handlers.stretch import (
    finish_routine,
    offer_routine,
    place_of,
    speak_hold,
    speak_setup,
    start_routine,
)
from skill.handlers.turn import SAME, Turn, leads_to
from skill.rules.content import get_content
from skill.voice.reply import Reply, ask, ask_prompt


@leads_to(Question.SETUP, Question.BETWEEN, Question.FINISHED)
def hold_now(turn: Turn) -> Reply:
    """ "Ready" at a set-up stretch: time the hold."""
    return speak_hold(turn, place_of(turn.state).step)


@leads_to(Question.SETUP)
def set_up_here(turn: Turn) -> Reply:
    """ "Next" or "ready" between stretches: set up the next one."""
    return speak_setup(turn, place_of(turn.state).step)


@leads_to(Question.SETUP, Question.FINISHED)
def skip(turn: Turn) -> Reply:
    """ "Next" at a set-up stretch: skip to the following one; after the last, finish."""
    following = place_of(turn.state).step + 1
    if following >= len(routine.steps()):
        return finish_routine(turn)
    return speak_setup(turn, following)


@leads_to(Question.SETUP)
def step_back(turn: Turn) -> Reply:
    """ "Go back" in the routine: set up the step before, or say this is the first."""
    step = place_of(turn.state).step
    if step == 0:
        return speak_setup(turn, 0, get_content().stretches["first_already"])
    return speak_setup(turn, step - 1)


@leads_to(Question.SETUP)
def from_first(turn: Turn) -> Reply:
    """ "Start over" in the routine: set up the first stretch."""
    return speak_setup(turn, 0)


@leads_to(Question.PAUSED)
def pause(turn: Turn) -> Reply:
    """Keep the place, in the session and in the person's record, and wait."""
    texts = get_content().stretches
    place = RoutinePlace(place_of(turn.state).step, Question.PAUSED)
    routine.save_place(turn.handler_input, place)
    state = turn.state.with_routine(place).asking(Question.PAUSED)
    return ask(state, texts["paused"], reprompt=texts["paused_reprompt"])


@leads_to(Question.PAUSED, SAME)
def pause_if_stretching(turn: Turn) -> Reply:
    """ "Pause" away from the routine: pause one under way, else there is nothing to pause."""
    return pause(turn) if turn.state.routine is not None else nothing_to_pause(turn)


@leads_to(Question.SETUP)
def resume_here(turn: Turn) -> Reply:
    """Back to the stretch and foot the person was on."""
    return speak_setup(turn, place_of(turn.state).step, get_content().stretches["resumed"])


@leads_to(SAME)
def take_your_time(turn: Turn) -> Reply:
    """ "No" to "say ready": no hurry, the question stays."""
    return ask_again(turn, get_content().stretches["not_ready_yet"])


@leads_to(Question.SETUP)
def pick_up_saved(turn: Turn) -> Reply:
    """Pick up the routine a previous visit stopped in."""
    routine.save_place(turn.handler_input, None)
    step = place_of(turn.state).step
    return speak_setup(turn, step, get_content().diary["picked_up"])


@leads_to(Question.MENU)
def forget_saved(turn: Turn) -> Reply:
    """ "No" to picking up a saved place: forget it, and offer the menu."""
    routine.save_place(turn.handler_input, None)
    content = get_content()
    state = turn.state.with_routine(None).asking(Question.MENU)
    return ask_prompt(state, content.prompt("menu"), content.diary["resume_declined"])


@leads_to(Question.SETUP, Question.OFFER_STRETCH)
def back_to_stretching(turn: Turn) -> Reply:
    """A routine word away from the routine: back to it, pick up a saved one, or offer one."""
    if turn.state.routine is not None:
        return resume_here(turn)
    saved = routine.saved_place(turn.handler_input)
    if saved is not None:
        return pick_up_saved(Turn(turn.handler_input, turn.state.with_routine(saved), turn.storage))
    return offer_routine(turn)


@leads_to(Question.SETUP)
def accept_stretching(turn: Turn) -> Reply:
    """ "Yes" to an offer of stretches: back to the routine under way, or start one."""
    return resume_here(turn) if turn.state.routine is not None else start_routine(turn)


HOLD_CHANGES = {"SHORTER": 20, "LONGER": 30}


def _asked_seconds(turn: Turn) -> int | None:
    """The hold length the person asked for: a number, or shorter or longer."""
    change = turn.slot_id("change", tuple(HOLD_CHANGES))
    if change is not None:
        return HOLD_CHANGES[change]
    spoken = turn.slot_value("seconds")
    return int(spoken) if spoken is not None and spoken.isdigit() and len(spoken) < 6 else None


@leads_to(SAME)
def set_hold_length(turn: Turn) -> Reply:
    """HoldLengthIntent: twenty or thirty seconds, kept for later; other lengths get the choices.

    Either way the pending question is asked again, so a routine under way carries on.
    """
    texts = get_content().stretches
    seconds = _asked_seconds(turn)
    if seconds is None or seconds not in texts["hold"]["choices"]:
        return ask(turn.state, texts["hold_choices"], reprompt=texts["hold_choices_reprompt"])
    kept = routine.choose_hold_seconds(turn.handler_input, seconds)
    said = texts["hold_set" if kept else "hold_not_kept"].format(seconds=seconds)
    return ask_again(turn, said)
