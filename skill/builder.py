"""Build the one skill object that every host runs."""

from __future__ import annotations

import json
import logging
import os
from functools import cache
from typing import Any, cast

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope

from skill.dialogue.check import questions
from skill.dialogue.profile import SaveProfile
from skill.dialogue.routine import steps
from skill.dialogue.state import Limits, Question, ReadDialogueState, WriteDialogueState
from skill.handlers.diary import DIARY_ADVICE, SkillDisabledHandler
from skill.handlers.dispatch import DialogueHandler
from skill.handlers.doctor import DOCTOR_CHAIN
from skill.handlers.errors import ApologiseOnError
from skill.handlers.session import IgnoredRequestHandler, SessionEndedHandler
from skill.persistence import Storage, storage_from_settings
from skill.rules.content import CAUSE_IDS, TOPIC_IDS, get_content
from skill.rules.triage import ALL_SIGNS

_serializer = DefaultSerializer()
logger = logging.getLogger(__name__)


def build_skill(storage: Storage | None = None) -> CustomSkill:
    """Check the content, register every handler with the storage, then create the skill."""
    get_content()
    adapter = storage.adapter if storage else None
    builder = CustomSkillBuilder(persistence_adapter=adapter)  # type: ignore[arg-type]
    builder.add_global_request_interceptor(ReadDialogueState(dialogue_limits()))
    builder.add_request_handler(DialogueHandler(storage))
    builder.add_request_handler(SessionEndedHandler())
    builder.add_request_handler(SkillDisabledHandler(storage))
    builder.add_request_handler(IgnoredRequestHandler())
    builder.add_global_response_interceptor(WriteDialogueState())
    builder.add_global_response_interceptor(SaveProfile())
    builder.add_exception_handler(ApologiseOnError())
    return builder.create()


def dialogue_limits() -> Limits:
    """What a sound dialogue state can hold, from the content."""
    causes, tips = frozenset(CAUSE_IDS), frozenset(TOPIC_IDS)
    subjects = {
        Question.CAUSE: causes,
        Question.TIP: tips,
        Question.DOCTOR_OFFER: causes | tips,
        Question.REPORTED: ALL_SIGNS,
        Question.CHECKS_OFFER: frozenset({DOCTOR_CHAIN, DIARY_ADVICE}),
    }
    return Limits(len(steps()), len(questions()), ALL_SIGNS, subjects)


@cache
def get_skill() -> CustomSkill:
    """The process-wide skill, with storage from the environment, built on first use."""
    return build_skill(storage_from_settings(os.environ))


EMPTY_RESPONSE: dict[str, Any] = {"version": "1.0", "response": {}}


def handle_event(event: dict[str, Any] | str, skill: CustomSkill | None = None) -> dict[str, Any]:
    """Run one Alexa request (JSON text, or already parsed) through the skill; return JSON.

    A request the SDK cannot read (a request type newer than it, a malformed envelope)
    gets an empty, valid response.
    """
    payload = event if isinstance(event, str) else json.dumps(event)
    try:
        envelope = _serializer.deserialize(payload=payload, obj_type=RequestEnvelope)
    except SerializationException:
        logger.warning("request the SDK cannot read; answered with an empty response")
        return dict(EMPTY_RESPONSE)
    response = (skill or get_skill()).invoke(request_envelope=envelope, context=None)
    return cast(dict[str, Any], _serializer.serialize(response))
