"""When to see a doctor, and what a doctor may do."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.content import get_content
from skill.handlers.base import IntentHandler
from skill.reply import ask, ask_prompt


def speak_warning_signs(handler_input: HandlerInput) -> Response:
    """The signs that call for a healthcare provider, with the list on a card."""
    doctor = get_content().doctor
    return ask(
        handler_input,
        doctor["signs"],
        doctor["checks_question"],
        reprompt=doctor["checks_reprompt"],
        offer={"action": "doctor_checks"},
        card=(doctor["card_title"], doctor["card"]),
    )


def speak_doctor_checks(handler_input: HandlerInput) -> Response:
    """What a doctor may examine or test, then whether there is anything else."""
    content = get_content()
    return ask_prompt(
        handler_input,
        content.prompt("anything_else"),
        content.doctor["checks"],
        offer={"action": "menu"},
    )


class WhenToSeeDoctorHandler(IntentHandler):
    """WhenToSeeDoctorIntent: "when should I see a doctor"."""

    intent_names = ("WhenToSeeDoctorIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Name the warning signs."""
        return speak_warning_signs(handler_input)
