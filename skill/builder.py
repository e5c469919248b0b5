"""Build the one skill object that every host runs, and answer one request with it."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache, cached_property
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
from skill.handlers.reminders import KINDS, PENDING
from skill.handlers.session import IgnoredRequestHandler, SessionEndedHandler
from skill.persistence import ErasureFailed, Storage, storage_from_settings
from skill.rules.content import CAUSE_IDS, TOPIC_IDS, get_content
from skill.rules.triage import ALL_SIGNS
from skill.voice.ssml import say

_SDK_PARSE_DATETIME = getattr(DefaultSerializer, "_DefaultSerializer__deserialize_datetime", None)
_LIST_TYPE = re.compile(r"list\[(.*)\]")  # the SDK's own patterns for its type strings
_DICT_TYPE = re.compile(r"dict\(([^,]*), (.*)\)")


class FastSerializer(DefaultSerializer):
    """The SDK's serializer, made cheaper per turn; what it builds and writes is the same.

    - ``deserialize_parsed`` builds the request's model objects from the parsed JSON the way
      the SDK's private ``__deserialize`` does, with each type string and model class looked
      up once per process instead of once per field (the SDK imports and re-parses them on
      every field of every request).
    - Timestamps are read with ``datetime.fromisoformat``: the SDK's ``dateutil`` parse is
      about 40 µs a turn and 5 ms of imports on a cold start. Anything ``fromisoformat``
      refuses still goes to the SDK's own parse.
    - :func:`response_text` writes a response model straight to JSON text, in one pass of the
      C encoder, instead of the SDK's ``serialize`` (a Python copy) and then ``json.dumps``.

    tests/test_speed_serializer.py holds these to the SDK's results.
    """

    def __init__(self) -> None:
        super().__init__()
        self._types: dict[str, Any] = {}
        self._fields: dict[type, tuple[tuple[tuple[str, str, Any], ...], frozenset[str]]] = {}
        self._plans: dict[Any, Callable[[Any], Any]] = {}

    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        """The SDK's private hook for date and datetime fields, overridden."""
        if isinstance(payload, str):
            try:
                parsed = datetime.fromisoformat(payload)
            except ValueError:
                parsed = None
            if parsed is not None:
                return parsed.date() if obj_type is date else parsed
        if _SDK_PARSE_DATETIME is None:
            raise SerializationException(f"Failed to parse {payload!r} as a timestamp")
        return _SDK_PARSE_DATETIME(self, payload, obj_type)

    def deserialize_parsed(self, payload: Any, obj_type: Any) -> Any:
        """What the SDK's ``deserialize`` makes of this payload once ``json.loads`` parsed it."""
        if payload is None:
            return None
        plan = self._plans.get(obj_type)
        if plan is None:
            plan = self._plans[obj_type] = self._plan(obj_type)
        return plan(payload)

    def _plan(self, obj_type: Any) -> Callable[[Any], Any]:
        """How to read a non-null payload of ``obj_type``, step for step as the SDK's
        ``__deserialize`` does, with the type string looked at once.
        """
        read = self.deserialize_parsed
        if isinstance(obj_type, str):
            if obj_type.startswith("list["):
                match = _LIST_TYPE.match(obj_type)
                if match is None:
                    return lambda payload: []
                inner = match.group(1)
                if "," in inner:
                    kinds = [kind.strip() for kind in inner.split(",")]
                    return lambda payload: [
                        read(item, kind)
                        for item, kind in zip(payload, kinds)  # noqa: B905
                    ]
                inner = inner.strip()
                return lambda payload: [read(item, inner) for item in payload]
            if obj_type.startswith("dict("):
                match = _DICT_TYPE.match(obj_type)
                if match is None:
                    return lambda payload: {}
                inner = match.group(2)
                return lambda payload: {key: read(item, inner) for key, item in payload.items()}
            obj_type = self._type(obj_type)
        if obj_type in self.PRIMITIVE_TYPES:
            return _primitive(obj_type)
        if obj_type is object:
            return lambda payload: payload
        if obj_type is date or obj_type is datetime:
            return lambda payload: self._DefaultSerializer__deserialize_datetime(payload, obj_type)
        if (
            isinstance(obj_type, type)
            and not issubclass(obj_type, Enum)
            and hasattr(obj_type, "deserialized_types")
            and not hasattr(obj_type, "get_real_child_model")
        ):
            return self._fill(obj_type)
        return lambda payload: self._model(payload, obj_type)

    def _fill(self, model_type: type) -> Callable[[Any], Any]:
        """The plan for a model class without a discriminator: :meth:`_model`'s last steps."""
        fields, keys = self._fields.get(model_type) or self._learn(model_type)
        read = self.deserialize_parsed

        def fill(payload: Any) -> Any:
            try:
                model = model_type()
                for name, key, kind in fields:
                    if key in payload:
                        setattr(model, name, read(payload[key], kind))
                for key in payload:
                    if key not in keys:
                        setattr(model, key, payload[key])
                return model
            except Exception as failure:
                raise SerializationException(str(failure)) from failure

        return fill

    def _type(self, name: str) -> Any:
        found = self._types.get(name)
        if found is None:
            found = self.NATIVE_TYPES_MAPPING.get(name)
            if found is None:
                found = self._DefaultSerializer__load_class_from_name(name)  # type: ignore[attr-defined]
            self._types[name] = found
        return found

    def _model(self, payload: Any, obj_type: Any) -> Any:
        try:
            if issubclass(obj_type, Enum):
                return obj_type(payload)
            if not hasattr(obj_type, "deserialized_types"):
                return payload
            if hasattr(obj_type, "get_real_child_model"):
                child = obj_type.get_real_child_model(payload)
                if not child:
                    raise SerializationException(
                        f"Couldn't resolve object by discriminator type for {obj_type} class"
                    )
                obj_type = self._type(child)
            fields, keys = self._fields.get(obj_type) or self._learn(obj_type)
            model = obj_type()
            read = self.deserialize_parsed
            for name, key, kind in fields:
                if key in payload:
                    setattr(model, name, read(payload[key], kind))
            for key in payload:
                if key not in keys:
                    setattr(model, key, payload[key])
            return model
        except Exception as failure:
            raise SerializationException(str(failure)) from failure

    def _learn(self, model: type) -> tuple[tuple[tuple[str, str, Any], ...], frozenset[str]]:
        types = model.deserialized_types  # type: ignore[attr-defined]
        names = getattr(model, "attribute_map", {})
        fields = tuple((name, names.get(name, name), kind) for name, kind in types.items())
        learned = (fields, frozenset(key for _, key, _ in fields))
        self._fields[model] = learned
        return learned


def _primitive(kind: type) -> Callable[[Any], Any]:
    """The SDK's ``__deserialize_primitive`` for one type (text already text is kept as is)."""

    def read(payload: Any) -> Any:
        if kind is str and type(payload) is str:
            return payload
        try:
            return kind(payload)
        except UnicodeEncodeError:
            return str(payload)
        except TypeError:
            return payload
        except ValueError:
            raise SerializationException(
                f"Failed to parse {payload} into '{kind.__name__}' object"
            ) from None

    return read


def _json_value(value: Any) -> Any:
    """What the SDK's ``serialize`` makes of a value ``json.dumps`` cannot write itself."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return int(value) if value % 1 == 0 else float(value)
    types = getattr(type(value), "deserialized_types", None)
    if not isinstance(types, dict):
        raise TypeError(f"{type(value).__name__} is not JSON")
    fields = _RESPONSE_FIELDS.get(type(value))
    if fields is None:
        names: dict[str, str] = getattr(value, "attribute_map", {})
        fields = tuple((name, names.get(name, name)) for name in map(str, types))
        _RESPONSE_FIELDS[type(value)] = fields
    found = {}
    for name, key in fields:
        item = getattr(value, name)
        if item is not None:
            found[key] = item
    return found


_RESPONSE_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def response_text(response: Any) -> str:
    """Strict, compact JSON of a response model (or plain data), as the SDK would serialize it.

    Raises ``TypeError``, ``ValueError`` or ``RecursionError`` for what is not strict JSON.
    """
    return json.dumps(response, default=_json_value, allow_nan=False, separators=(",", ":"))


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
