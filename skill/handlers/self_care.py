"""What helps: an overview of self-care, and one topic at a time."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.handlers.base import IntentHandler
from skill.handlers.slots import resolved_id, slot_value
from skill.rules.content import TOPIC_IDS, get_content
from skill.rules.interaction_model import match_slot_value
from skill.voice.reply import ask

TOPIC_TYPE = "SelfCareTopic"


def speak_overview(handler_input: HandlerInput) -> Response:
    """All six tips in one sentence, a question, and the details on a card."""
    content = get_content()
    care = content.self_care
    card = "\n".join(f"- {entry.card}" for entry in content.topic_entries.values())
    return ask(
        handler_input,
        care["overview"],
        care["overview_question"],
        reprompt=care["overview_reprompt"],
        offer={"action": "topic", "id": TOPIC_IDS[0]},
        card=(care["card_title"], card),
        expects=TOPIC_TYPE,
    )


def speak_topic(handler_input: HandlerInput, topic_id: str) -> Response:
    """One tip, then an offer of the next one (or of the doctor advice after the last)."""
    content = get_content()
    care = content.self_care
    entry = content.topic_entries[topic_id]
    position = TOPIC_IDS.index(topic_id)
    if position + 1 == len(TOPIC_IDS):
        return ask(
            handler_input,
            entry.detail,
            care["last_question"],
            reprompt=care["last_reprompt"],
            offer={"action": "doctor"},
        )
    following = content.topic_entries[TOPIC_IDS[position + 1]]
    return ask(
        handler_input,
        entry.detail,
        care["next_question"].format(name=following.name),
        reprompt=care["next_reprompt"].format(name=following.name),
        offer={"action": "topic", "id": following.id},
    )


class SelfCareHandler(IntentHandler):
    """SelfCareIntent: "how do I stop it" or "tips on {topic}"."""

    intent_names = ("SelfCareIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Give the topic asked for, or the overview when none (or an unknown one) was named."""
        topic_id = resolved_id(handler_input, "topic", TOPIC_IDS)
        if topic_id is None:
            return speak_overview(handler_input)
        return speak_topic(handler_input, topic_id)


def topic_from_answer(handler_input: HandlerInput, slot_name: str) -> str:
    """Read a bare answer to "which tip?" that Alexa filed under another slot as a topic.

    Only a word that names a topic counts, so "tell me about medicines" still gets the cause.
    """
    return match_slot_value(TOPIC_TYPE, slot_value(handler_input, slot_name)) or ""
