"""The symptom check: one yes, no or not-sure question at a time, then a verdict."""

from __future__ import annotations

from dataclasses import replace

from skill.dialogue import check, history
from skill.dialogue.state import CheckPlace, DialogueState, Question
from skill.handlers import reminders, summary, symptoms
from skill.handlers.turn import END, Turn, leads_to
from skill.rules import triage
from skill.rules.content import get_content, spoken_list
from skill.voice.reply import Reply, ask
from skill.voice.ssml import fill

MAX_SPOKEN_LABELS = 3
AFTER_AN_ANSWER = (
    Question.CHECK,
    Question.REMINDER_OFFER,
    Question.VERDICT,
    Question.MENU,
    Question.SUMMARY_OFFER,
    Question.BACK_TO_ROUTINE,
    END,
)


def ask_question(turn: Turn, state: DialogueState, index: int, *before: str) -> Reply:
    """Ask question ``index`` of the check; "yes", "no" and "not sure" answer it."""
    texts = get_content().symptoms["check"]
    question = check.questions()[index]["ask"]
    place = (state.check or CheckPlace()).at(index)
    return ask(
        state.with_check(place).asking(Question.CHECK),
        *before,
        question,
        reprompt=texts["question_reprompt"].format(question=question),
    )


@leads_to(Question.CHECK)
def start_check(turn: Turn) -> Reply:
    """SymptomCheckIntent: start at the first question, or carry on at the current one."""
    texts = get_content().symptoms["check"]
    place = turn.state.check
    if place is not None:
        return ask_question(turn, turn.state, place.index, texts["resume"])
    return restart_check(turn)


@leads_to(Question.CHECK)
def restart_check(turn: Turn) -> Reply:
    """The check from its first question, with no answers."""
    texts = get_content().symptoms["check"]
    intro = texts["intro"].format(count=len(check.questions()))
    return ask_question(turn, turn.state.with_check(CheckPlace()), 0, intro)


def _answer(turn: Turn, answer: str) -> Reply:
    """Record the answer to the question asked; emergencies end the check at once."""
    place = turn.state.check or CheckPlace()
    place = place.answered(place.index, answer)
    answers = check.answers_by_sign(place)
    result = triage.verdict(answers)
    if result.kind == triage.EMERGENCY:
        history.note_check(turn.handler_input, result.kind, result.signs, summary.today(turn))
        return symptoms.emergency(turn)
    following = place.index + 1
    if following < len(check.questions()):
        return ask_question(turn, turn.state.with_check(place), following)
    return verdict(turn, answers)


@leads_to(*AFTER_AN_ANSWER)
def answer_yes(turn: Turn) -> Reply:
    """ "Yes" to a check question."""
    return _answer(turn, triage.YES)


@leads_to(*AFTER_AN_ANSWER)
def answer_no(turn: Turn) -> Reply:
    """ "No" to a check question."""
    return _answer(turn, triage.NO)


@leads_to(*AFTER_AN_ANSWER)
def answer_unsure(turn: Turn) -> Reply:
    """ "Not sure" to a check question."""
    return _answer(turn, triage.UNSURE)


@leads_to(Question.CHECK)
def previous_question(turn: Turn) -> Reply:
    """ "Go back": the question before, whose answer can now be changed."""
    place = turn.state.check or CheckPlace()
    if place.index == 0:
        first = get_content().dialogue["check_first_question"]
        return ask_question(turn, turn.state, 0, first)
    return ask_question(turn, turn.state, place.index - 1)


@leads_to(Question.CHECK)
def finish_check_first(turn: Turn) -> Reply:
    """A routine word during the check: finish the check first."""
    place = turn.state.check or CheckPlace()
    first = get_content().stretches["finish_check_first"]
    return ask_question(turn, turn.state, place.index, first)


def _spoken_signs(labels: list[str]) -> str:
    texts = get_content().symptoms["check"]
    if len(labels) > MAX_SPOKEN_LABELS:
        return texts["and_more"].format(first=labels[0], second=labels[1])
    return spoken_list(labels)


def verdict(turn: Turn, answers: dict[str, str]) -> Reply:
    """Say what the answers add up to, name what was said, and offer the next step.

    A routine that was under way before the check is offered again.
    """
    texts = get_content().symptoms["check"]
    result = triage.verdict(answers)
    history.note_check(turn.handler_input, result.kind, result.signs, summary.today(turn))
    state = turn.state.with_check(None)
    spoken_number, printed_number = turn.emergency()
    urgent = [fill(texts["unsure_emergency"], emergency=spoken_number)]
    first = urgent if result.unsure_emergency else []
    stretches = get_content().stretches
    if result.kind == triage.SELF_CARE:
        offer = (stretches["offer_back"], stretches["offer_back_reprompt"])
        if state.routine is None:
            offer = (texts["offer_stretch"], texts["offer_stretch_reprompt"])
            return reminders.offer_or(
                turn,
                state.asking(Question.VERDICT),
                *first,
                texts["self_care"],
                question=offer[0],
                reprompt=offer[1],
            )
        return ask(
            state.asking(Question.VERDICT), *first, texts["self_care"], offer[0], reprompt=offer[1]
        )
    labels = check.labels_for(result.signs)
    if result.kind == triage.SEE_PROVIDER:
        key, advice = "see_provider", [get_content().symptoms["doctor_may"]]
    else:
        later = [fill(texts["unsure_later"], emergency=spoken_number)]
        key, advice, first = "unsure", urgent if result.unsure_emergency else later, []
    card_text = texts[f"card_{key}"].format(
        signs="\n".join(f"- {label}" for label in labels), emergency=printed_number
    )
    said = (*first, texts[key].format(signs=_spoken_signs(labels)), *advice)
    card = (texts["card_title"], card_text)
    if state.routine is not None:
        back = state.asking(Question.BACK_TO_ROUTINE)
        offer, reprompt = stretches["offer_back"], stretches["offer_back_reprompt"]
        return ask(back, *said, offer, reprompt=reprompt, card=card)
    closing = (texts["anything_else"], texts["anything_else_reprompt"])
    reply = summary.offer_notes_or(
        turn, state.asking(Question.MENU), *said, question=closing[0], reprompt=closing[1]
    )
    return replace(reply, card=card)
