"""Next, previous, start over, pause and resume: moving around inside the routine."""

from __future__ import annotations

from typing import Any, ClassVar

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue import check as symptom_check
from skill.dialogue import routine
from skill.handlers.base import IntentHandler
from skill.handlers.stretch import (
    answer_ready,
    finish_routine,
    offer_routine,
    speak_setup,
    start_routine,
)
from skill.rules.content import get_content
from skill.voice.reply import ask


def resume_saved(handler_input: HandlerInput) -> Response | None:
    """Pick up a routine a previous visit stopped in, if there is one."""
    step = routine.saved_step(handler_input)
    if step is None:
        return None
    routine.forget_saved(handler_input)
    return speak_setup(handler_input, step, get_content().diary["picked_up"])


def outside_routine(handler_input: HandlerInput, pick_up_saved: bool) -> Response:
    """No routine under way: finish a pending check question, pick up a saved place, or offer."""
    if symptom_check.in_check(handler_input):
        index = symptom_check.get_check(handler_input)["index"]
        first = get_content().stretches["finish_check_first"]
        return symptom_check.ask_question(handler_input, index, first)
    resumed = resume_saved(handler_input) if pick_up_saved else None
    return resumed or offer_routine(handler_input)


class RoutineCommandHandler(IntentHandler):
    """A command that only means something inside the routine; outside, offer to start one."""

    picks_up_saved: ClassVar[bool] = False

    def handle(self, handler_input: HandlerInput) -> Response:
        """Run the command at the person's place, or answer it outside a routine."""
        place = routine.get_place(handler_input)
        if place is None:
            return self.outside(handler_input)
        return self.at_place(handler_input, place)

    def outside(self, handler_input: HandlerInput) -> Response:
        """Outside a routine (``picks_up_saved``: a saved place counts as one)."""
        return outside_routine(handler_input, self.picks_up_saved)

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Carry out the command; ``place`` is the person's place in the routine."""
        raise NotImplementedError


def go_next(handler_input: HandlerInput, place: dict[str, Any]) -> Response:
    """Set up the next stretch (or side); finish after the last."""
    if place["stage"] == routine.BETWEEN:
        return speak_setup(handler_input, place["step"])
    following = place["step"] + 1
    if following >= len(routine.steps()):
        return finish_routine(handler_input)
    return speak_setup(handler_input, following)


class ReadyHandler(RoutineCommandHandler):
    """ReadyIntent: "I'm ready" starts the hold, or the next stretch's set-up."""

    intent_names = ("ReadyIntent",)
    picks_up_saved = True

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Hold when a stretch is set up; otherwise set up the next one."""
        return answer_ready(handler_input, self.outside)


class NextHandler(RoutineCommandHandler):
    """AMAZON.NextIntent: skip ahead."""

    intent_names = ("AMAZON.NextIntent",)
    picks_up_saved = True

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Move to the next step."""
        return go_next(handler_input, place)


class PreviousHandler(RoutineCommandHandler):
    """AMAZON.PreviousIntent: go back one step."""

    intent_names = ("AMAZON.PreviousIntent",)

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Set up the step before, or say this is the first."""
        if place["step"] == 0:
            return speak_setup(handler_input, 0, get_content().stretches["first_already"])
        return speak_setup(handler_input, place["step"] - 1)


class StartOverHandler(RoutineCommandHandler):
    """AMAZON.StartOverIntent: back to the first stretch."""

    intent_names = ("AMAZON.StartOverIntent",)

    def outside(self, handler_input: HandlerInput) -> Response:
        """Start over means the beginning, even when an older place was saved."""
        if symptom_check.in_check(handler_input):
            return outside_routine(handler_input, pick_up_saved=False)
        return start_routine(handler_input)

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Set up the first stretch."""
        return speak_setup(handler_input, 0)


class PauseHandler(RoutineCommandHandler):
    """AMAZON.PauseIntent: keep the place and wait."""

    intent_names = ("AMAZON.PauseIntent",)

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Mark the routine paused."""
        texts = get_content().stretches
        routine.set_place(handler_input, place["step"], routine.PAUSED)
        routine.save_place(handler_input)
        return ask(
            handler_input,
            texts["paused"],
            reprompt=texts["paused_reprompt"],
            offer=routine.stage_offer(routine.PAUSED),
            routine_hint=False,
        )


class ResumeHandler(RoutineCommandHandler):
    """AMAZON.ResumeIntent: back to the same stretch and foot."""

    intent_names = ("AMAZON.ResumeIntent",)
    picks_up_saved = True

    def at_place(self, handler_input: HandlerInput, place: dict[str, Any]) -> Response:
        """Set up the step the person was on."""
        return speak_setup(handler_input, place["step"], get_content().stretches["resumed"])
