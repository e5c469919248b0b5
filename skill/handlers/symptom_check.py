"""The symptom check: one yes, no or not-sure question at a time, then a verdict."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from skill.dialogue import check as symptom_check
from skill.dialogue.check import ask_question
from skill.handlers.base import IntentHandler
from skill.handlers.symptoms import speak_emergency
from skill.rules import triage
from skill.rules.content import get_content, spoken_list
from skill.voice.emergency import emergency_number
from skill.voice.reply import ask
from skill.voice.ssml import fill

MAX_SPOKEN_LABELS = 3
ANSWER_BY_INTENT = {
    "AMAZON.YesIntent": triage.YES,
    "AMAZON.NoIntent": triage.NO,
    "NotSureIntent": triage.UNSURE,
}


def _spoken_signs(labels: list[str]) -> str:
    texts = get_content().symptoms["check"]
    if len(labels) > MAX_SPOKEN_LABELS:
        return texts["and_more"].format(first=labels[0], second=labels[1])
    return spoken_list(labels)


def speak_verdict(handler_input: HandlerInput, answers: dict[str, str]) -> Response:
    """Say what the answers add up to, name what was said, and offer the next step."""
    texts = get_content().symptoms["check"]
    result = triage.verdict(answers)
    symptom_check.end_check(handler_input)
    if result.kind == triage.EMERGENCY:
        return speak_emergency(handler_input)
    spoken_number, printed_number = emergency_number(handler_input)
    urgent = [fill(texts["unsure_emergency"], emergency=spoken_number)]
    first = urgent if result.unsure_emergency else []
    if result.kind == triage.SELF_CARE:
        return ask(
            handler_input,
            *first,
            texts["self_care"],
            texts["offer_stretch"],
            reprompt=texts["offer_stretch_reprompt"],
            offer={"action": "stretch"},
        )
    labels = symptom_check.labels_for(result.signs)
    if result.kind == triage.SEE_PROVIDER:
        key, advice = "see_provider", [get_content().symptoms["doctor_may"]]
    else:
        key, advice = (
            "unsure",
            urgent
            if result.unsure_emergency
            else [fill(texts["unsure_later"], emergency=spoken_number)],
        )
        first = []
    card_text = texts[f"card_{key}"].format(
        signs="\n".join(f"- {label}" for label in labels), emergency=printed_number
    )
    return ask(
        handler_input,
        *first,
        texts[key].format(signs=_spoken_signs(labels)),
        *advice,
        texts["anything_else"],
        reprompt=texts["anything_else_reprompt"],
        offer={"action": "menu"},
        card=(texts["card_title"], card_text),
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
