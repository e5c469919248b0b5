"""The symptom check: one yes, no or not-sure question at a time, then a verdict."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from skill import symptom_check, triage
from skill.content import get_content
from skill.emergency import emergency_number
from skill.handlers.base import IntentHandler
from skill.handlers.symptoms import speak_emergency
from skill.reply import ask
from skill.speech import fill
from skill.symptom_check import ask_question

ANSWER_BY_INTENT = {
    "AMAZON.YesIntent": triage.YES,
    "AMAZON.NoIntent": triage.NO,
    "NotSureIntent": triage.UNSURE,
}


def _list(labels: list[str]) -> str:
    if len(labels) > 2:
        return get_content().symptoms["check"]["several"]
    return " and ".join(labels)


def speak_verdict(handler_input: HandlerInput, answers: dict[str, str]) -> Response:
    """Say what the answers add up to, and offer the next step."""
    texts = get_content().symptoms["check"]
    result = triage.verdict(answers)
    symptom_check.end_check(handler_input)
    if result.kind == triage.EMERGENCY:
        return speak_emergency(handler_input)
    signs = _list(symptom_check.labels_for(result.signs)) if result.signs else ""
    if result.kind == triage.SELF_CARE:
        return ask(
            handler_input,
            texts["self_care"],
            texts["offer_stretch"],
            reprompt=texts["offer_stretch_reprompt"],
            offer={"action": "stretch"},
        )
    if result.kind == triage.SEE_PROVIDER:
        verdict_speech = [
            texts["see_provider"].format(signs=signs),
            get_content().symptoms["doctor_may"],
        ]
    else:
        spoken, _ = emergency_number(handler_input)
        verdict_speech = [fill(texts["unsure"], signs=signs, emergency=spoken)]
    return ask(
        handler_input,
        *verdict_speech,
        texts["anything_else"],
        reprompt=texts["anything_else_reprompt"],
        offer={"action": "menu"},
    )


class SymptomCheckHandler(IntentHandler):
    """SymptomCheckIntent: "check my symptoms"; picks up a check already under way."""

    intent_names = ("SymptomCheckIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Start at the first question, or carry on at the current one."""
        texts = get_content().symptoms["check"]
        check = symptom_check.get_check(handler_input)
        if check is not None:
            return ask_question(handler_input, check["index"], texts["resume"])
        symptom_check.set_check(handler_input, 0, {})
        intro = texts["intro"].format(count=len(symptom_check.questions()))
        return ask_question(handler_input, 0, intro)


class CheckAnswerHandler(IntentHandler):
    """Yes, no or not sure, when the skill has just asked a check question."""

    intent_names = tuple(ANSWER_BY_INTENT)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Only while a check question is waiting for its answer."""
        return super().can_handle(handler_input) and symptom_check.in_check(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Record the answer; emergencies end the check at once."""
        check = symptom_check.get_check(handler_input)
        answer = ANSWER_BY_INTENT[get_intent_name(handler_input)]
        question = symptom_check.questions()[check["index"]]
        given = triage.answer_all(question["signs"], answer)
        answers = triage.merge_answers(check["answers"], given)
        if triage.verdict(answers).kind == triage.EMERGENCY:
            symptom_check.end_check(handler_input)
            return speak_emergency(handler_input)
        following = check["index"] + 1
        if following < len(symptom_check.questions()):
            symptom_check.set_check(handler_input, following, answers)
            return ask_question(handler_input, following)
        return speak_verdict(handler_input, answers)


class NotSureHandler(IntentHandler):
    """NotSureIntent outside the check: reassure, and say what the skill can do."""

    intent_names = ("NotSureIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Offer the menu."""
        prompt = get_content().symptoms["not_sure_elsewhere"]
        return ask(handler_input, prompt["speech"], reprompt=prompt["reprompt"])
