"""Why toes twitch: the list of causes, and any one cause in detail."""

from __future__ import annotations

from functools import cache

from skill.dialogue.state import Question
from skill.handlers import self_care
from skill.handlers.navigation import nothing_before
from skill.handlers.turn import Turn, leads_to
from skill.rules.content import CAUSE_IDS, DOCTOR, get_content
from skill.voice.reply import Reply, ask, ask_prompt


@cache
def _causes_card() -> tuple[str, str]:
    content = get_content()
    lines = [content.causes["card_intro"], *(f"- {e.card}" for e in content.cause_entries.values())]
    return "Why toes twitch", "\n".join(lines)


@leads_to(Question.CAUSES)
def list_causes(turn: Turn) -> Reply:
    """The six causes in one breath, a question, and the full list on a card."""
    content = get_content()
    causes = content.causes
    return ask(
        turn.state.asking(Question.CAUSES),
        causes["intro"],
        causes["list_sentence"].format(names=content.cause_names("and")),
        causes["list_question"],
        reprompt=causes["list_reprompt"],
        card=_causes_card(),
    )


@leads_to(Question.WHICH_CAUSE)
def which_cause(turn: Turn) -> Reply:
    """Ask which cause the person wants to hear about."""
    content = get_content()
    prompt = content.prompt("cause_which", names=content.cause_names())
    return ask_prompt(turn.state.asking(Question.WHICH_CAUSE), prompt)


def speak_cause(turn: Turn, cause_id: str) -> Reply:
    """One cause in detail, then an offer of the tip that helps with it (or the doctor)."""
    content = get_content()
    entry = content.cause_entries[cause_id]
    if entry.helps == DOCTOR:
        state, prompt = turn.state.asking(Question.DOCTOR_OFFER, cause_id), "cause_doctor"
    else:
        state, prompt = turn.state.asking(Question.CAUSE, cause_id), "cause_helps"
    return ask_prompt(state, content.prompt(prompt), entry.detail)


@leads_to(Question.CAUSE, Question.DOCTOR_OFFER, Question.WHICH_CAUSE, Question.TIP)
def cause_detail(turn: Turn) -> Reply:
    """CauseDetailIntent: the cause asked for; a bare tip name when tips were offered."""
    if turn.state.question in (Question.TIPS, Question.TIP):
        topic_id = self_care.topic_from_answer(turn, "cause")
        if topic_id:
            return self_care.speak_topic(turn, topic_id)
    cause_id = turn.slot_id("cause", CAUSE_IDS)
    if cause_id is not None:
        return speak_cause(turn, cause_id)
    content = get_content()
    prompt = content.prompt("unknown_cause", names=content.cause_names())
    return ask_prompt(turn.state.asking(Question.WHICH_CAUSE), prompt)


@leads_to(Question.TIP)
def tip_for_cause(turn: Turn) -> Reply:
    """ "Yes" to a tip that helps with the cause just explained."""
    return self_care.speak_topic(turn, get_content().cause_entries[turn.state.subject].helps)


@leads_to(Question.CAUSE, Question.DOCTOR_OFFER, Question.WHICH_CAUSE)
def next_cause(turn: Turn) -> Reply:
    """The cause after the one just explained; after the last, which one."""
    position = CAUSE_IDS.index(turn.state.subject) + 1
    return (
        speak_cause(turn, CAUSE_IDS[position]) if position < len(CAUSE_IDS) else which_cause(turn)
    )


@leads_to(Question.CAUSE, Question.DOCTOR_OFFER)
def previous_cause(turn: Turn) -> Reply:
    """The cause before the one just explained."""
    position = CAUSE_IDS.index(turn.state.subject)
    return speak_cause(turn, CAUSE_IDS[position - 1]) if position else nothing_before(turn)
