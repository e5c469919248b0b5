"""Yes and No: they answer the offer the skill made last."""

from __future__ import annotations

from collections.abc import Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.content import get_content
from skill.handlers.base import IntentHandler
from skill.handlers.causes import ask_which_cause
from skill.handlers.doctor import speak_doctor_checks, speak_warning_signs
from skill.handlers.self_care import speak_topic
from skill.reply import ask_prompt, tell
from skill.state import get_offer


def ask_menu(handler_input: HandlerInput) -> Response:
    """Say what the skill can do and ask what the person wants."""
    return ask_prompt(handler_input, get_content().prompt("menu"))


OFFER_ACTIONS: dict[str, Callable[[HandlerInput, str], Response]] = {
    "cause_which": lambda handler_input, _id: ask_which_cause(handler_input),
    "topic": speak_topic,
    "doctor": lambda handler_input, _id: speak_warning_signs(handler_input),
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
            return ask_menu(handler_input)
        try:
            return action(handler_input, offer.get("id", ""))
        except (KeyError, ValueError):
            return ask_menu(handler_input)


class NoHandler(IntentHandler):
    """AMAZON.NoIntent: decline the offer; "no" to "anything else?" says goodbye."""

    intent_names = ("AMAZON.NoIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Ask if there is anything else, or close when the person is done."""
        offer = get_offer(handler_input)
        if offer is None or offer["action"] == "menu":
            return tell(handler_input, get_content().prompts["goodbye"])
        return ask_prompt(handler_input, get_content().prompt("declined"), offer={"action": "menu"})
