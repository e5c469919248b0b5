"""A symptom the person mentions, at any moment: medical advice, or emergency advice first."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue import check as symptom_check
from skill.handlers.base import IntentHandler
from skill.handlers.slots import resolved_id, slot_value
from skill.rules import triage
from skill.rules.content import get_content
from skill.voice.emergency import emergency_number
from skill.voice.reply import ask, tell
from skill.voice.ssml import fill

EMERGENCY_CARD_TITLE = "Get help now"


def speak_emergency(handler_input: HandlerInput) -> Response:
    """Emergency advice with the local number, and nothing else: the session ends."""
    texts = get_content().symptoms
    spoken, printed = emergency_number(handler_input)
    card = (EMERGENCY_CARD_TITLE, texts["emergency_card"].format(emergency=printed))
    return tell(handler_input, fill(texts["emergency"], emergency=spoken), card=card)


def continue_check_or_close(handler_input: HandlerInput, *before: str) -> Response:
    """After advice: back to the check's question if it was just asked, else anything else."""
    check = symptom_check.get_check(handler_input)
    if check is not None and symptom_check.in_check(handler_input):
        resume = get_content().symptoms["check"]["resume"]
        return symptom_check.ask_question(handler_input, check["index"], *before, resume)
    texts = get_content().symptoms
    return ask(
        handler_input,
        *before,
        texts["report_question"],
        reprompt=texts["report_reprompt"],
        offer={"action": "menu"},
    )


def speak_report(handler_input: HandlerInput, sign: str) -> Response:
    """Advice for one reported warning sign; a check under way records it as a yes."""
    if triage.classify(sign) == triage.EMERGENCY:
        return speak_emergency(handler_input)
    check = symptom_check.get_check(handler_input)
    if check is not None:
        answers = {**check["answers"], sign: triage.YES}
        symptom_check.set_check(handler_input, check["index"], answers)
    texts = get_content().symptoms
    advice = texts["see_provider"].format(why=texts["why"][sign])
    return continue_check_or_close(handler_input, advice, texts["doctor_may"])


class ReportSymptomHandler(IntentHandler):
    """ReportSymptomIntent: "my toe is numb", "I'm limping", "it keeps me up at night"."""

    intent_names = ("ReportSymptomIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Advise on the sign, say honestly when it is not one the skill knows."""
        sign = resolved_id(handler_input, "symptom", tuple(sorted(triage.ALL_SIGNS)))
        if sign is not None:
            return speak_report(handler_input, sign)
        texts = get_content().symptoms
        if slot_value(handler_input, "symptom"):
            key, offer = "unknown_symptom", {"action": "menu"}
        else:
            key, offer = "no_symptom", None
        return ask(handler_input, texts[key], reprompt=texts[f"{key}_reprompt"], offer=offer)
