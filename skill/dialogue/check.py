"""Where a person is in the symptom check: the question asked, and the answers so far."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue.state import get_offer, is_index, session_attributes
from skill.rules.content import get_content
from skill.rules.triage import ALL_SIGNS, ANSWERS
from skill.voice.reply import ask

CHECK = "check"


def questions() -> list[dict[str, Any]]:
    """The check's questions, in the order they are asked."""
    return get_content().symptoms["check"]["questions"]


def get_check(handler_input: HandlerInput) -> dict[str, Any] | None:
    """``{"index": n, "answers": {sign: answer}}`` while a check is under way, else None."""
    check = session_attributes(handler_input).get(CHECK)
    if not isinstance(check, dict):
        return None
    index, answers = check.get("index"), check.get("answers")
    if not is_index(index, len(questions())) or not isinstance(answers, dict):
        return None
    if any(sign not in ALL_SIGNS or answer not in ANSWERS for sign, answer in answers.items()):
        return None
    return check


def set_check(handler_input: HandlerInput, index: int, answers: dict[str, str]) -> None:
    """Record the question being asked and the answers so far."""
    session_attributes(handler_input)[CHECK] = {"index": index, "answers": answers}


def end_check(handler_input: HandlerInput) -> None:
    """Forget the check: it has reached its verdict."""
    session_attributes(handler_input).pop(CHECK, None)


def labels_for(signs: tuple[str, ...]) -> list[str]:
    """Spoken labels for ``signs``, in question order: a question's label when all of its signs
    are in, else each sign's own label (a reported "pain" is "pain", not the whole question)."""
    wanted, own = set(signs), get_content().symptoms["check"]["sign_labels"]
    labels: list[str] = []
    for question in questions():
        covered = [sign for sign in question["signs"] if sign in wanted]
        if covered and len(covered) == len(question["signs"]):
            labels.append(question["label"])
        else:
            labels.extend(own[sign] for sign in covered)
    return labels


def ask_question(handler_input: HandlerInput, index: int, *before: str) -> Response:
    """Ask question ``index`` of the check; "yes", "no" and "not sure" answer it."""
    texts = get_content().symptoms["check"]
    question = questions()[index]["ask"]
    check = get_check(handler_input)
    answers = check["answers"] if check is not None else {}
    set_check(handler_input, index, answers)
    return ask(
        handler_input,
        *before,
        question,
        reprompt=texts["question_reprompt"].format(question=question),
        offer={"action": "check"},
        routine_hint=False,
    )


def in_check(handler_input: HandlerInput) -> bool:
    """True when the skill's last question was one of the check's."""
    offer = get_offer(handler_input)
    return offer is not None and offer["action"] == "check" and bool(get_check(handler_input))
