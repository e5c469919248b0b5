"""The symptom check's questions, and what a check's answers add up to."""

from __future__ import annotations

from typing import Any

from skill.dialogue.state import CheckPlace
from skill.rules import triage
from skill.rules.content import get_content


def questions() -> list[dict[str, Any]]:
    """The check's questions, in the order they are asked."""
    return get_content().symptoms["check"]["questions"]


def answers_by_sign(check: CheckPlace) -> dict[str, str]:
    """Every sign's answer so far: each question's answer for its signs, then signs reported."""
    answers: dict[str, str] = {}
    for question, answer in zip(questions(), check.answers, strict=False):
        if answer is not None:
            given = triage.answer_all(question["signs"], answer)
            answers = triage.merge_answers(answers, given)
    return triage.merge_answers(answers, {sign: triage.YES for sign in check.reported})


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
