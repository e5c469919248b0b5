"""A symptom the person mentions, at any moment: medical advice, or emergency advice first."""

from __future__ import annotations

from skill.dialogue import history
from skill.dialogue.state import Question
from skill.handlers import summary, symptom_check
from skill.handlers.turn import END, Turn, leads_to
from skill.rules import triage
from skill.rules.content import get_content
from skill.voice.reply import Reply, ask, tell
from skill.voice.ssml import fill

EMERGENCY_CARD_TITLE = "Get help now"


@leads_to(END)
def emergency(turn: Turn) -> Reply:
    """Emergency advice with the local number, and nothing else: the session ends."""
    texts = get_content().symptoms
    spoken, printed = turn.emergency()
    card = (EMERGENCY_CARD_TITLE, texts["emergency_card"].format(emergency=printed))
    return tell(turn.state.with_check(None), fill(texts["emergency"], emergency=spoken), card=card)


def speak_report(turn: Turn, sign: str) -> Reply:
    """Advice for one warning sign: the check records it; a stretch stops first."""
    history.note_sign(turn.handler_input, sign, summary.today(turn))
    if triage.classify(sign) == triage.EMERGENCY:
        return emergency(turn)
    texts = get_content().symptoms
    advice = (texts["see_provider"].format(why=texts["why"][sign]), texts["doctor_may"])
    state = turn.state
    if state.check is not None:
        state = state.with_check(state.check.with_reported(sign))
    if turn.state.question == Question.CHECK and state.check is not None:
        resume = texts["check"]["resume"]
        return symptom_check.ask_question(turn, state, state.check.index, *advice, resume)
    if state.routine is not None:
        stretches = get_content().stretches
        return ask(
            state.asking(Question.BACK_TO_ROUTINE),
            stretches["stop_for_sign"],
            *advice,
            stretches["offer_back"],
            reprompt=stretches["offer_back_reprompt"],
        )
    return summary.offer_notes_or(
        turn,
        state.asking(Question.REPORTED, sign),
        *advice,
        question=texts["report_question"],
        reprompt=texts["report_reprompt"],
    )


@leads_to(
    END,
    Question.CHECK,
    Question.BACK_TO_ROUTINE,
    Question.REPORTED,
    Question.SUMMARY_OFFER,
    Question.MENU,
)
def report_symptom(turn: Turn) -> Reply:
    """ReportSymptomIntent: advise on the sign; say honestly when it is not one the skill knows.

    The words said count as well as the value Alexa matched: "numb all of a sudden" may match
    plain numbness, but said suddenly or severely it is an emergency.
    """
    from skill.rules.severity import SUDDEN_SIGNS, says_severe, says_sudden  # ~20 ms of patterns

    sign = turn.slot_id("symptom", tuple(sorted(triage.ALL_SIGNS)))
    said = (turn.slot_value("symptom") or "").lower()
    if said and (says_severe(said) or (says_sudden(said) and sign in (*SUDDEN_SIGNS, None))):
        sign = "SUDDEN_SEVERE"
    if sign is not None:
        return speak_report(turn, sign)
    texts = get_content().symptoms
    if turn.slot_value("symptom"):
        state, key = turn.state.asking(Question.MENU), "unknown_symptom"
    else:
        state, key = turn.state.asking(Question.WHAT_SYMPTOM), "no_symptom"
    return ask(state, texts[key], reprompt=texts[f"{key}_reprompt"])
