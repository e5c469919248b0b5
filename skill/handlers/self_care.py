"""What helps: an overview of self-care, and one tip at a time."""

from __future__ import annotations

from skill.dialogue.state import Question
from skill.handlers import doctor
from skill.handlers.turn import Turn, leads_to
from skill.rules.content import TOPIC_IDS, get_content
from skill.rules.interaction_model import match_slot_value
from skill.voice.reply import Reply, ask

TOPIC_TYPE = "SelfCareTopic"


@leads_to(Question.TIPS)
def overview(turn: Turn) -> Reply:
    """All six tips in one sentence, a question, and the details on a card."""
    content = get_content()
    care = content.self_care
    card = "\n".join(f"- {entry.card}" for entry in content.topic_entries.values())
    return ask(
        turn.state.asking(Question.TIPS),
        care["overview"],
        care["overview_question"],
        reprompt=care["overview_reprompt"],
        card=(care["card_title"], card),
    )


def speak_topic(turn: Turn, topic_id: str) -> Reply:
    """One tip, then an offer of the next one (or of the doctor advice after the last)."""
    content = get_content()
    care = content.self_care
    entry = content.topic_entries[topic_id]
    position = TOPIC_IDS.index(topic_id)
    if position + 1 == len(TOPIC_IDS):
        state = turn.state.asking(Question.DOCTOR_OFFER, topic_id)
        return ask(state, entry.detail, care["last_question"], reprompt=care["last_reprompt"])
    following = content.topic_entries[TOPIC_IDS[position + 1]]
    return ask(
        turn.state.asking(Question.TIP, topic_id),
        entry.detail,
        care["next_question"].format(name=following.name),
        reprompt=care["next_reprompt"].format(name=following.name),
    )


@leads_to(Question.TIPS, Question.TIP, Question.DOCTOR_OFFER)
def self_care(turn: Turn) -> Reply:
    """SelfCareIntent: the tip asked for, or the overview when none (or an unknown one)."""
    topic_id = turn.slot_id("topic", TOPIC_IDS)
    return overview(turn) if topic_id is None else speak_topic(turn, topic_id)


@leads_to(Question.TIP)
def first_tip(turn: Turn) -> Reply:
    """ "Yes" to the overview: start with the first tip."""
    return speak_topic(turn, TOPIC_IDS[0])


@leads_to(Question.TIP, Question.DOCTOR_OFFER, Question.DOCTOR_SIGNS)
def next_tip(turn: Turn) -> Reply:
    """The tip after the one just given; after the last, when to see a doctor."""
    position = TOPIC_IDS.index(turn.state.subject) + 1
    if position == len(TOPIC_IDS):
        return doctor.warning_signs(turn)
    return speak_topic(turn, TOPIC_IDS[position])


@leads_to(Question.TIP, Question.TIPS)
def previous_tip(turn: Turn) -> Reply:
    """The tip before the one just given; before the first, the overview."""
    position = TOPIC_IDS.index(turn.state.subject)
    return speak_topic(turn, TOPIC_IDS[position - 1]) if position else overview(turn)


def topic_from_answer(turn: Turn, slot_name: str) -> str:
    """Read a bare answer to "which tip?" that Alexa filed under another slot as a tip.

    Only a word that names a tip counts, so "tell me about medicines" still gets the cause.
    """
    return match_slot_value(TOPIC_TYPE, turn.slot_value(slot_name)) or ""
