"""Where the person is in the conversation, kept in session attributes."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.handler_input import HandlerInput

OFFER = "offer"
LAST_SPEECH = "last_speech"
LAST_REPROMPT = "last_reprompt"
EXPECTS = "expects"
ROUTINE = "routine"


def session_attributes(handler_input: HandlerInput) -> dict[str, Any]:
    """This session's attributes; a throwaway dict for requests that carry no session."""
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes


def is_index(value: Any, size: int) -> bool:
    """True for an int (not a bool) from 0 to ``size - 1``: stored places are checked with it."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size


def get_offer(handler_input: HandlerInput) -> dict[str, Any] | None:
    """The offer the skill last made ("would you like ...?"), if it is still open and sound."""
    offer = session_attributes(handler_input).get(OFFER)
    if not isinstance(offer, dict) or not isinstance(offer.get("action"), str):
        return None
    if not all(isinstance(offer.get(key, ""), str) for key in ("id", "no")):
        return None
    return offer


def set_offer(handler_input: HandlerInput, offer: dict[str, Any] | None) -> None:
    """Record the offer that "yes" will accept, or clear it."""
    attributes = session_attributes(handler_input)
    if offer is None:
        attributes.pop(OFFER, None)
    else:
        attributes[OFFER] = offer


def remember_turn(handler_input: HandlerInput, speech: str, reprompt: str) -> None:
    """Keep what was just said, so "repeat" can say it again."""
    attributes = session_attributes(handler_input)
    attributes[LAST_SPEECH] = speech
    attributes[LAST_REPROMPT] = reprompt


def last_turn(handler_input: HandlerInput) -> tuple[str, str] | None:
    """The last speech and reprompt, if there was one this session."""
    attributes = session_attributes(handler_input)
    speech, reprompt = attributes.get(LAST_SPEECH), attributes.get(LAST_REPROMPT)
    if isinstance(speech, str) and isinstance(reprompt, str):
        return speech, reprompt
    return None


def set_expected_answer(handler_input: HandlerInput, slot_type: str | None) -> None:
    """Record which slot type a bare answer to the last question should be read as."""
    attributes = session_attributes(handler_input)
    if slot_type is None:
        attributes.pop(EXPECTS, None)
    else:
        attributes[EXPECTS] = slot_type


def expected_answer(handler_input: HandlerInput) -> str | None:
    """The slot type the last question asked for, if any."""
    value = session_attributes(handler_input).get(EXPECTS)
    return value if isinstance(value, str) else None
