"""Why toes twitch: the list of causes, and any one cause in detail."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue.state import expected_answer
from skill.handlers.base import IntentHandler
from skill.handlers.self_care import TOPIC_TYPE, speak_topic, topic_from_answer
from skill.handlers.slots import resolved_id
from skill.rules.content import CAUSE_IDS, DOCTOR, get_content
from skill.voice.reply import ask, ask_prompt


def speak_causes(handler_input: HandlerInput) -> Response:
    """The six causes in one breath, a question, and the full list on a card."""
    content = get_content()
    causes = content.causes
    card_lines = [causes["card_intro"], *(f"- {e.card}" for e in content.cause_entries.values())]
    return ask(
        handler_input,
        causes["intro"],
        causes["list_sentence"].format(names=content.cause_names("and")),
        causes["list_question"],
        reprompt=causes["list_reprompt"],
        offer={"action": "cause_which"},
        card=("Why toes twitch", "\n".join(card_lines)),
    )


def ask_which_cause(handler_input: HandlerInput) -> Response:
    """Ask which cause the person wants to hear about."""
    content = get_content()
    prompt = content.prompt("cause_which", names=content.cause_names())
    return ask_prompt(handler_input, prompt, offer={"action": "cause_which"})


def speak_cause(handler_input: HandlerInput, cause_id: str) -> Response:
    """One cause in detail, then an offer of the tip that helps with it."""
    content = get_content()
    entry = content.cause_entries[cause_id]
    if entry.helps == DOCTOR:
        prompt, offer = content.prompt("cause_doctor"), {"action": "doctor"}
    else:
        prompt, offer = content.prompt("cause_helps"), {"action": "topic", "id": entry.helps}
    return ask_prompt(handler_input, prompt, entry.detail, offer=offer)


class TwitchCausesHandler(IntentHandler):
    """TwitchCausesIntent: "why is my toe twitching"."""

    intent_names = ("TwitchCausesIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Summarise the causes."""
        return speak_causes(handler_input)


class CauseDetailHandler(IntentHandler):
    """CauseDetailIntent: "tell me more about {cause}"."""

    intent_names = ("CauseDetailIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Explain the cause asked for, or list the ones there are."""
        cause_id = resolved_id(handler_input, "cause", CAUSE_IDS)
        if expected_answer(handler_input) == TOPIC_TYPE:
            topic_id = topic_from_answer(handler_input, "cause")
            if topic_id:
                return speak_topic(handler_input, topic_id)
        if cause_id is not None:
            return speak_cause(handler_input, cause_id)
        content = get_content()
        prompt = content.prompt("unknown_cause", names=content.cause_names())
        return ask_prompt(handler_input, prompt, offer={"action": "cause_which"})
