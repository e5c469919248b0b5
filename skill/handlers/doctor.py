"""When to see a doctor: the warning signs, the symptoms to watch for, what a doctor may do."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.handlers.base import IntentHandler
from skill.rules.content import get_content
from skill.voice.emergency import emergency_number
from skill.voice.reply import ask, ask_prompt
from skill.voice.ssml import fill


def speak_warning_signs(handler_input: HandlerInput) -> Response:
    """When to get checked, emergency advice first for sudden or severe symptoms; a full card."""
    doctor = get_content().doctor
    spoken, printed = emergency_number(handler_input)
    return ask(
        handler_input,
        fill(doctor["signs"], emergency=spoken),
        doctor["signs_question"],
        reprompt=doctor["signs_reprompt"],
        offer={"action": "doctor_symptoms"},
        card=(doctor["card_title"], doctor["card"].format(emergency=printed)),
    )


def speak_symptoms(handler_input: HandlerInput) -> Response:
    """The symptoms that call for a healthcare provider."""
    doctor = get_content().doctor
    return ask(
        handler_input,
        doctor["symptoms"],
        doctor["checks_question"],
        reprompt=doctor["checks_reprompt"],
        offer={"action": "doctor_checks"},
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
