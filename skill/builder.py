"""Build the one skill object that every host runs, and answer one request with it."""

from __future__ import annotations

import json
import logging
import os
import re
from functools import cache, cached_property
from typing import Any, cast

from ask_sdk_core.exceptions import SerializationException
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
from skill.handlers.reminders import KINDS, PENDING
from skill.handlers.session import IgnoredRequestHandler, SessionEndedHandler
from skill.persistence import ErasureFailed, Storage, storage_from_settings
from skill.rules.content import CAUSE_IDS, TOPIC_IDS, get_content
from skill.rules.triage import ALL_SIGNS
from skill.serializer import FastSerializer, response_text
from skill.voice.ssml import say

_serializer = FastSerializer()
logger = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 24 * 1024  # Alexa refuses a larger response envelope
# The SDK deep-copies session attributes, recursively. The skill's own nest 3 deep in about
# 20 values; Alexa sends back what the skill's last (at most 24 KB) response held. Bounds well
# above that keep hostile attributes from costing a deep copy, or a RecursionError.
MAX_ATTRIBUTE_DEPTH = 32
MAX_ATTRIBUTE_ITEMS = 2_000
SPEAKING_REQUESTS = frozenset({"LaunchRequest", "IntentRequest"})  # may answer with speech
EMPTY_RESPONSE: dict[str, Any] = {"version": "1.0", "response": {}}


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
    subjects: dict[Question, frozenset[str] | re.Pattern[str]] = {
        Question.CAUSE: causes,
        Question.TIP: tips,
        Question.DOCTOR_OFFER: causes | tips,
        Question.REPORTED: ALL_SIGNS,
        Question.CHECKS_OFFER: frozenset({DOCTOR_CHAIN, DIARY_ADVICE}),
        Question.REMINDER_TIME: frozenset(KINDS),
        Question.REMINDER_PERMISSION: PENDING,
    }
    return Limits(len(steps()), len(questions()), ALL_SIGNS, subjects)


@cache
def get_skill() -> CustomSkill:
    """The process-wide skill, with storage from the environment, built on first use."""
    return build_skill(storage_from_settings(os.environ))


class Answer:
    """A response's JSON text (strict JSON, at most ``MAX_RESPONSE_BYTES``) and its envelope."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def envelope(self) -> dict[str, Any]:
        """The response envelope, parsed from :attr:`text` when first asked for (Lambda)."""
        return cast(dict[str, Any], json.loads(self.text))


def apology() -> dict[str, Any]:
    """A spoken apology that keeps the session open, for a turn the skill could not finish."""
    prompt = get_content().prompt("error")
    speak = {"type": "SSML", "ssml": say(prompt.speech)}
    reprompt = {"outputSpeech": {"type": "SSML", "ssml": say(prompt.reprompt)}}
    return {
        "version": "1.0",
        "response": {"outputSpeech": speak, "reprompt": reprompt, "shouldEndSession": False},
    }


def fallback(request_type: str | None) -> dict[str, Any]:
    """The answer to a request the skill could not run: spoken if Alexa allows, else empty."""
    return apology() if request_type in SPEAKING_REQUESTS else dict(EMPTY_RESPONSE)


def request_type_of(event: Any) -> str | None:
    """The ``request.type`` of a parsed envelope, if it is a string."""
    request = event.get("request") if isinstance(event, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return kind if isinstance(kind, str) else None


def _deserialize(event: Any) -> RequestEnvelope | None:
    # The SDK's public deserialize() takes JSON text; the event is already parsed (Lambda,
    # or the web host's verified envelope): no json.dumps and json.loads again.
    return cast(RequestEnvelope | None, _serializer.deserialize_parsed(event, RequestEnvelope))


def _run(event: Any, skill: CustomSkill | None, kind: str | None) -> Any:
    try:
        envelope = _deserialize(event)
    except (SerializationException, RecursionError, ValueError) as failure:
        name = type(failure).__name__
        logger.warning("request the SDK cannot read (%s); answered without the skill", name)
        return fallback(kind)
    if envelope is None or envelope.request is None:
        logger.warning("request envelope without a request; answered without the skill")
        return fallback(kind)
    session = envelope.session
    if session is not None and not within_bounds(
        session.attributes, MAX_ATTRIBUTE_DEPTH, MAX_ATTRIBUTE_ITEMS
    ):
        logger.warning("session attributes nested too deep or too many; read as none")
        session.attributes = {}
    return (skill or get_skill()).invoke(request_envelope=envelope, context=None)


def within_bounds(value: Any, depth: int, items: int) -> bool:
    """Whether ``value`` nests at most ``depth`` lists and dicts deep, holding at most ``items``.

    Walked with a stack, not recursion, and it stops as soon as a bound is passed.
    """
    if not isinstance(value, dict | list):
        return True
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if level >= depth:
            return False
        items -= len(children)
        if items < 0:
            return False
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return True


def _encode(response: Any) -> str | None:
    try:
        text = response_text(response)
    except (TypeError, ValueError, RecursionError) as failure:
        logger.error("response is not strict JSON (%s); sent a fallback", type(failure).__name__)
        return None
    if len(text) > MAX_RESPONSE_BYTES:  # ASCII only (ensure_ascii), so characters are bytes
        logger.error("response of %d bytes is over Alexa's limit; sent a fallback", len(text))
        return None
    return text


def answer_event(event: dict[str, Any] | str, skill: CustomSkill | None = None) -> Answer:
    """Run one Alexa request through the skill; the answer is always one Alexa accepts.

    A request the SDK cannot read, a fault past the skill's own exception handler, or a
    response that is not strict JSON or is over 24 KB gets :func:`fallback` instead.
    :class:`ErasureFailed` propagates, so that the host fails the request and Alexa retries.
    """
    parsed: Any = event
    if isinstance(event, str):
        try:
            parsed = json.loads(event)
        except (ValueError, RecursionError):
            parsed = None  # refused below, as any envelope the SDK cannot read
    kind = request_type_of(parsed)
    try:
        response = _run(parsed, skill, kind)
    except ErasureFailed:
        raise
    except RecursionError:  # no traceback: it would be a thousand frames long
        logger.error("turn failed outside the skill: RecursionError")
        response = fallback(kind)
    except Exception as failure:
        logger.exception("turn failed outside the skill: %s", type(failure).__name__)
        response = fallback(kind)
    text = _encode(response)
    if text is None:
        text = json.dumps(fallback(kind), separators=(",", ":"))
    return Answer(text)


def handle_event(event: dict[str, Any] | str, skill: CustomSkill | None = None) -> dict[str, Any]:
    """Run one Alexa request (JSON text, or already parsed) through the skill; return JSON.

    The Lambda entry point; see :func:`answer_event` for what comes back when a turn fails.
    """
    return answer_event(event, skill).envelope
