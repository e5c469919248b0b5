"""The person's stored record: read only when a turn needs it, written only when it changed.

A failed or unreadable read is never followed by a write, so good data is never replaced by
an empty record. Failures are logged and the turn goes on without the stored data.
"""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from typing import Any

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

logger = logging.getLogger(__name__)

_SNAPSHOT = "profile_snapshot"
_FAILED = "profile_failed"
_ERASED = "profile_erased"


def load_profile(handler_input: HandlerInput) -> dict[str, Any] | None:
    """The person's record (a dict the turn may change), or None when it cannot be read."""
    request_attributes = handler_input.attributes_manager.request_attributes
    if request_attributes.get(_FAILED) or request_attributes.get(_ERASED):
        return None
    try:
        record = handler_input.attributes_manager.persistent_attributes
    except AttributesManagerException:  # no storage configured: nothing to read, nothing to say
        request_attributes[_FAILED] = True
        return None
    except Exception as failure:  # a database fault, a corrupt record
        logger.warning("stored record unavailable: %s", type(failure).__name__)
        request_attributes[_FAILED] = True
        return None
    if not isinstance(record, dict):
        logger.warning("stored record unavailable: not an object")
        request_attributes[_FAILED] = True
        return None
    if _SNAPSHOT not in request_attributes:
        plain = _plain(record)
        record.clear()
        record.update(plain)
        request_attributes[_SNAPSHOT] = json.dumps(record, sort_keys=True)
    return record


def _plain(value: Any) -> Any:
    """JSON-shaped data: DynamoDB hands numbers back as Decimal."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def mark_erased(handler_input: HandlerInput) -> None:
    """After an erasure, nothing about the person may be written again this turn."""
    handler_input.attributes_manager.request_attributes[_ERASED] = True


def save_profile(handler_input: HandlerInput) -> None:
    """Write the record if this turn read it successfully and changed it."""
    request_attributes = handler_input.attributes_manager.request_attributes
    snapshot = request_attributes.get(_SNAPSHOT)
    if snapshot is None or request_attributes.get(_FAILED) or request_attributes.get(_ERASED):
        return
    record = handler_input.attributes_manager.persistent_attributes
    if json.dumps(record, sort_keys=True) == snapshot:
        return
    try:
        handler_input.attributes_manager.save_persistent_attributes()
    except Exception as failure:
        logger.error("stored record not saved: %s", type(failure).__name__)


class SaveProfile(AbstractResponseInterceptor):
    """At the end of every turn, save the record if it changed."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        """Save, never letting a storage fault break the turn."""
        save_profile(handler_input)
