"""Read slot values the way Alexa resolves them: by entity-resolution id."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Slot
from ask_sdk_model.slu.entityresolution import StatusCode


def slot_value(handler_input: HandlerInput, name: str) -> str | None:
    """What the person said for slot ``name``, or None when it is empty or missing."""
    slot = _slot(handler_input, name)
    value = slot.value if slot is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def resolved_id(handler_input: HandlerInput, name: str, known: tuple[str, ...]) -> str | None:
    """The matched value id of slot ``name`` if it is one of ``known``, else None."""
    slot = _slot(handler_input, name)
    if slot is None:
        return None
    resolutions = slot.resolutions.resolutions_per_authority if slot.resolutions else None
    for authority in resolutions or []:
        if authority.status and authority.status.code == StatusCode.ER_SUCCESS_MATCH:
            for item in authority.values or []:
                if item.value and item.value.id in known:
                    return item.value.id
    spoken = slot_value(handler_input, name)
    candidate = spoken.upper().replace(" ", "_") if spoken else None
    return candidate if candidate in known else None


def _slot(handler_input: HandlerInput, name: str) -> Slot | None:
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    slots = intent.slots if intent is not None else None
    return slots.get(name) if slots else None
