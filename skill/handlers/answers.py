"""Yes and No: they answer the offer the skill made last."""

from __future__ import annotations

from collections.abc import Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue import routine
from skill.dialogue.state import get_offer
from skill.handlers.base import IntentHandler
from skill.handlers.causes import ask_which_cause
from skill.handlers.doctor import speak_doctor_checks, speak_symptoms, speak_warning_signs
from skill.handlers.routine_commands import go_next, resume_saved
from skill.handlers.self_care import speak_topic
from skill.handlers.session import goodbye
from skill.handlers.stretch import answer_ready, start_routine
from skill.rules.content import get_content
from skill.voice.reply import ask, ask_prompt


def ask_menu(handler_input: HandlerInput) -> Response:
    """Say what the skill can do and ask what the person wants."""
    return ask_prompt(handler_input, get_content().prompt("menu"))


def _ready(handler_input: HandlerInput, _id: str) -> Response:
    return answer_ready(handler_input, start_routine)


def _next(handler_input: HandlerInput, _id: str) -> Response:
    place = routine.get_place(handler_input)
    return go_next(handler_input, place) if place else start_routine(handler_input)


def _resume_saved(handler_input: HandlerInput, _id: str) -> Response:
    return resume_saved(handler_input) or start_routine(handler_input)


OFFER_ACTIONS: dict[str, Callable[[HandlerInput, str], Response]] = {
    "resume_saved": _resume_saved,
    "ready": _ready,
    "resume": _ready,
    "next": _next,
    "stretch": lambda handler_input, _id: start_routine(handler_input),
    "cause_which": lambda handler_input, _id: ask_which_cause(handler_input),
    "topic": speak_topic,
    "doctor": lambda handler_input, _id: speak_warning_signs(handler_input),
    "doctor_symptoms": lambda handler_input, _id: speak_symptoms(handler_input),
    "doctor_checks": lambda handler_input, _id: speak_doctor_checks(handler_input),
    "menu": lambda handler_input, _id: ask_menu(handler_input),
}


class YesHandler(IntentHandler):
    """AMAZON.YesIntent: accept the last offer; with none pending, start afresh."""

    intent_names = ("AMAZON.YesIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Carry out the pending offer, or offer the menu."""
        offer = get_offer(handler_input)
        action = OFFER_ACTIONS.get(offer["action"]) if offer else None
        if action is None:
            return ask_prompt(handler_input, get_content().prompt("yes_without_offer"))
        try:
            return action(handler_input, offer.get("id", ""))
        except (KeyError, ValueError):  # an offer naming something that no longer exists
            return ask_menu(handler_input)


class NoHandler(IntentHandler):
    """AMAZON.NoIntent: decline the offer; "no" to "anything else?" says goodbye."""

    intent_names = ("AMAZON.NoIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Ask if there is anything else, or close when the person is done."""
        offer = get_offer(handler_input)
        if offer is None or offer["action"] == "menu":
            return goodbye(handler_input)
        if offer.get("no") == "forget_saved":
            routine.forget_saved(handler_input)
            content = get_content()
            return ask_prompt(
                handler_input, content.prompt("menu"), content.diary["resume_declined"]
            )
        if offer.get("no") == "wait":
            texts = get_content().stretches
            return ask(
                handler_input,
                texts["not_ready_yet"],
                reprompt=texts["ready_reprompt"],
                offer=offer,
                routine_hint=False,
            )
        return ask_prompt(handler_input, get_content().prompt("declined"), offer={"action": "menu"})
