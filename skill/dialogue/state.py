"""The one typed dialogue state: read from session attributes once, written back once.

Session attributes come back from the client, so every part is validated and bounded: a part
that is missing, of the wrong type, out of range or of an unknown kind reads as "no state" and is
logged once. Nothing the skill did not write goes back.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.rules.content import Prompt, use_locale

logger = logging.getLogger(__name__)

MAX_SAID_CHARS = 8000
_STATE = "dialogue_state"
MAX_SUBJECT_CHARS = 60


class Question(StrEnum):
    """What the skill asked last: the row of the table that gives the next word its meaning."""

    MENU = "menu"
    CAUSES = "causes"
    WHICH_CAUSE = "which_cause"
    CAUSE = "cause"
    TIPS = "tips"
    TIP = "tip"
    DOCTOR_OFFER = "doctor_offer"
    DOCTOR_SIGNS = "doctor_signs"
    CHECKS_OFFER = "checks_offer"
    REPORTED = "reported"
    WHAT_SYMPTOM = "what_symptom"
    CHECK = "check"
    VERDICT = "verdict"
    OFFER_STRETCH = "offer_stretch"
    SETUP = "setup"
    BETWEEN = "between"
    PAUSED = "paused"
    FINISHED = "finished"
    RESUME_SAVED = "resume_saved"
    BACK_TO_ROUTINE = "back_to_routine"
    DIARY = "diary"
    DIARY_EMPTY = "diary_empty"
    ERASE = "erase"
    SUMMARY_OFFER = "summary_offer"
    REMINDER_OFFER = "reminder_offer"
    REMINDER_TIME = "reminder_time"
    REMINDER_PERMISSION = "reminder_permission"
    LOST = "lost"


ROUTINE_STAGES = (Question.SETUP, Question.BETWEEN, Question.PAUSED)
ANSWERS = ("yes", "no", "unsure")


@dataclass(frozen=True)
class RoutinePlace:
    """A place in the stretch routine: the hold's index and the stage at it."""

    step: int
    stage: Question = Question.SETUP

    def to_json(self) -> dict[str, Any]:
        """The place as stored, in the session and in the person's record alike."""
        return {"step": self.step, "stage": self.stage.value}

    @classmethod
    def from_json(cls, value: Any, steps: int) -> RoutinePlace | None:
        """A place read back, or None if it is not one (a record without a stage is at set-up)."""
        if not isinstance(value, dict) or not _is_index(value.get("step"), steps):
            return None
        stage = _enum(value.get("stage", Question.SETUP.value))
        if stage not in ROUTINE_STAGES:
            return None
        return cls(value["step"], stage)


@dataclass(frozen=True)
class CheckPlace:
    """The symptom check: the question asked, each question's answer, and signs reported."""

    index: int = 0
    answers: tuple[str | None, ...] = ()
    reported: tuple[str, ...] = ()

    def answered(self, index: int, answer: str) -> CheckPlace:
        """The check with question ``index`` answered (a later answer replaces an earlier one)."""
        answers = list(self.answers) + [None] * (index + 1 - len(self.answers))
        answers[index] = answer
        return replace(self, answers=tuple(answers))

    def at(self, index: int) -> CheckPlace:
        """The check at question ``index``."""
        return replace(self, index=index)

    def with_reported(self, sign: str) -> CheckPlace:
        """The check with a warning sign the person reported in their own words."""
        return self if sign in self.reported else replace(self, reported=(*self.reported, sign))

    def to_json(self) -> dict[str, Any]:
        """The check as kept in the session."""
        return {"index": self.index, "answers": list(self.answers), "reported": list(self.reported)}

    @classmethod
    def from_json(cls, value: Any, questions: int, signs: frozenset[str]) -> CheckPlace | None:
        """A check read back, or None if any part of it is not sound."""
        if not isinstance(value, dict) or not _is_index(value.get("index"), questions):
            return None
        answers, reported = value.get("answers", []), value.get("reported", [])
        if not isinstance(answers, list) or len(answers) > questions:
            return None
        if any(answer is not None and answer not in ANSWERS for answer in answers):
            return None
        if not isinstance(reported, list) or len(reported) > len(signs):
            return None
        if any(not isinstance(sign, str) or sign not in signs for sign in reported):
            return None
        return cls(value["index"], tuple(answers), tuple(dict.fromkeys(reported)))


@dataclass(frozen=True)
class DialogueState:
    """Where the person is: the pending question, its subject, and the routine and check places."""

    question: Question = Question.MENU
    subject: str = ""
    routine: RoutinePlace | None = None
    check: CheckPlace | None = None
    advised: bool = False
    said: Prompt | None = field(default=None, compare=False)  # SSML, checked before replaying

    def asking(self, question: Question, subject: str = "") -> DialogueState:
        """The same places, now waiting on ``question`` about ``subject``."""
        return replace(self, question=question, subject=subject)

    def with_routine(self, place: RoutinePlace | None) -> DialogueState:
        """The state with the routine at ``place`` (None: no routine under way)."""
        return replace(self, routine=place)

    def with_check(self, check: CheckPlace | None) -> DialogueState:
        """The state with the check at ``check`` (None: no check under way)."""
        return replace(self, check=check)

    def having_said(self, speech: str, reprompt: str) -> DialogueState:
        """The state remembering what was just said."""
        return replace(self, said=Prompt(speech, reprompt))

    def to_attributes(self) -> dict[str, Any]:
        """The session attributes that carry this state to the next turn."""
        attributes: dict[str, Any] = {"question": self.question.value}
        if self.subject:
            attributes["subject"] = self.subject
        if self.routine is not None:
            attributes["routine"] = self.routine.to_json()
        if self.check is not None:
            attributes["check"] = self.check.to_json()
        if self.advised:
            attributes["advised"] = True
        if self.said is not None:
            attributes["said"] = {"speech": self.said.speech, "reprompt": self.said.reprompt}
        return attributes


@dataclass(frozen=True)
class Limits:
    """What a sound state can hold: the routine's steps, the check's questions, the signs."""

    steps: int
    questions: int
    signs: frozenset[str]
    subjects: Mapping[Question, frozenset[str] | re.Pattern[str]] = field(default_factory=dict)

    def subject_ok(self, question: Question, subject: object) -> bool:
        """Whether ``subject`` is one ``question`` can be about (most are about nothing)."""
        allowed = self.subjects.get(question, frozenset({""}))
        if not isinstance(subject, str) or len(subject) > MAX_SUBJECT_CHARS:
            return False
        return (
            bool(allowed.fullmatch(subject))
            if isinstance(allowed, re.Pattern)
            else (subject in allowed)
        )


def parse_state(attributes: Any, limits: Limits) -> DialogueState:
    """Read the state from session attributes; unsound parts are dropped and logged once."""
    if not isinstance(attributes, dict) or not attributes:
        return DialogueState()
    faults: list[str] = []
    question = _enum(attributes.get("question", Question.MENU.value))
    if question is None:
        faults.append("question")
        question = Question.LOST
    subject = attributes.get("subject", "")
    if not limits.subject_ok(question, subject):
        faults.append("subject")
        subject = ""
        if question in limits.subjects:
            question = Question.LOST
    routine = _part(attributes, "routine", faults, RoutinePlace.from_json, limits.steps)
    check = _part(attributes, "check", faults, CheckPlace.from_json, limits.questions, limits.signs)
    said = _said(attributes.get("said"))
    if "said" in attributes and said is None:
        faults.append("said")
    if (question in ROUTINE_STAGES and routine is None) or (
        question == Question.CHECK and not check
    ):
        faults.append("question without its place")
        question = Question.LOST
    if faults:
        logger.warning("session attributes not sound, read as no state: %s", ", ".join(faults))
    advised = attributes.get("advised") is True
    return DialogueState(question, subject, routine, check, advised, said)


def _part(attributes: dict[str, Any], key: str, faults: list[str], parse: Any, *args: Any) -> Any:
    if key not in attributes:
        return None
    value = parse(attributes[key], *args)
    if value is None:
        faults.append(key)
    return value


def _said(value: Any) -> Prompt | None:
    if not isinstance(value, dict):
        return None
    speech, reprompt = value.get("speech"), value.get("reprompt")
    if not isinstance(speech, str) or not isinstance(reprompt, str):
        return None
    if len(speech) > MAX_SAID_CHARS or len(reprompt) > MAX_SAID_CHARS:
        return None
    return Prompt(speech, reprompt)


def _enum(value: Any) -> Question | None:
    try:
        return Question(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _is_index(value: Any, size: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size


def get_state(handler_input: HandlerInput) -> DialogueState:
    """This turn's state, as read at the start of the turn (or as a move has set it since)."""
    state = handler_input.attributes_manager.request_attributes.get(_STATE)
    return state if isinstance(state, DialogueState) else DialogueState()


def set_state(handler_input: HandlerInput, state: DialogueState) -> None:
    """The state the response will carry to the next turn."""
    handler_input.attributes_manager.request_attributes[_STATE] = state


def _has_session(handler_input: HandlerInput) -> bool:
    return handler_input.request_envelope.session is not None


class ReadDialogueState(AbstractRequestInterceptor):
    """At the start of every turn, read the state from the session attributes, once."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def process(self, handler_input: HandlerInput) -> None:
        """Parse and keep the state for the turn; never raises."""
        raw = (
            handler_input.attributes_manager.session_attributes
            if _has_session(handler_input)
            else None
        )
        set_state(handler_input, parse_state(raw, self.limits))
        use_locale(getattr(handler_input.request_envelope.request, "locale", None))


class WriteDialogueState(AbstractResponseInterceptor):
    """At the end of every turn, the session attributes become the state's, and only those."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        """Replace the session attributes with the turn's state."""
        write_state(handler_input)
        use_locale(None)  # the next thing this thread says is en-US unless a request says


def write_state(handler_input: HandlerInput) -> None:
    """Replace the session attributes with the turn's state (also used after a failed turn)."""
    if not _has_session(handler_input):
        return
    handler_input.attributes_manager.session_attributes = get_state(handler_input).to_attributes()
