"""Read Alexa's JSON into the SDK's models, and write responses, faster than the SDK's own.

The SDK looks up every model class by name and walks every field on every request; here each
type's plan is made once. Responses are written by the C JSON encoder in one pass, strictly
(no NaN, nothing that is not JSON).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer

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
                return _populate(model_type(), fields, keys, payload, read)
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
            return _populate(obj_type(), fields, keys, payload, self.deserialize_parsed)
        except Exception as failure:
            raise SerializationException(str(failure)) from failure

    def _learn(self, model: type) -> tuple[tuple[tuple[str, str, Any], ...], frozenset[str]]:
        types = model.deserialized_types  # type: ignore[attr-defined]
        names = getattr(model, "attribute_map", {})
        fields = tuple((name, names.get(name, name), kind) for name, kind in types.items())
        learned = (fields, frozenset(key for _, key, _ in fields))
        self._fields[model] = learned
        return learned


def _populate(
    model: Any,
    fields: tuple[tuple[str, str, Any], ...],
    keys: frozenset[str],
    payload: Any,
    read: Callable[[Any, Any], Any],
) -> Any:
    """Set a model's declared fields from the payload (read to their types), then the rest as is."""
    for name, key, kind in fields:
        if key in payload:
            setattr(model, name, read(payload[key], kind))
    for key in payload:
        if key not in keys:
            setattr(model, key, payload[key])
    return model


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
