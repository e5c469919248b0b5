"""Build responses: a question keeps the session open, a statement closes it."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill.dialogue.profile import load_profile
from skill.dialogue.state import (
    ROUTINE,
    remember_turn,
    session_attributes,
    set_expected_answer,
    set_offer,
)
from skill.rules.content import Prompt, get_content
from skill.voice.ssml import escape, say

Offer = dict[str, Any]
DISCLAIMER_HEARD = "disclaimer_heard"


def ask(
    handler_input: HandlerInput,
    *sentences: str,
    reprompt: str,
    offer: Offer | None = None,
    card: tuple[str, str] | None = None,
    expects: str | None = None,
    routine_hint: bool = True,
    repeat: tuple[str, ...] | None = None,
) -> Response:
    """Say ``sentences`` and wait; ``offer`` is what "yes" accepts, ``expects`` a slot type.

    Mid-routine, the reprompt also says how to get back to the stretches unless
    ``routine_hint`` is false. "Repeat" says ``repeat`` if given, else the whole speech.
    """
    speech = say(*sentences)
    if routine_hint and session_attributes(handler_input).get(ROUTINE):
        reprompt = f"{reprompt} {get_content().stretches['return_hint']}"
    reprompt_ssml = say(reprompt)
    remember_turn(handler_input, say(*repeat) if repeat else speech, reprompt_ssml)
    set_offer(handler_input, offer)
    set_expected_answer(handler_input, expects)
    return _build(handler_input, _with_disclaimer(handler_input, speech), reprompt_ssml, card)


def ask_prompt(
    handler_input: HandlerInput, prompt: Prompt, *before: str, **kwargs: Any
) -> Response:
    """Ask a content prompt, optionally after some ``before`` sentences."""
    return ask(handler_input, *before, prompt.speech, reprompt=prompt.reprompt, **kwargs)


def tell(
    handler_input: HandlerInput, *sentences: str, card: tuple[str, str] | None = None
) -> Response:
    """Say ``sentences`` and end the session."""
    builder = handler_input.response_builder.speak(say(*sentences))
    if card is not None:
        builder.set_card(SimpleCard(title=card[0], content=card[1]))
    return builder.set_should_end_session(True).response


def replay(handler_input: HandlerInput, speech: str, reprompt: str) -> Response:
    """Say already-built SSML again, keeping the session and the pending offer."""
    return _build(handler_input, speech, reprompt, None)


def needs_disclaimer(handler_input: HandlerInput) -> bool:
    """True until the person has heard the disclaimer once (always, without storage)."""
    profile = load_profile(handler_input)
    if profile is None:
        return True
    if profile.get(DISCLAIMER_HEARD):
        return False
    profile[DISCLAIMER_HEARD] = True
    return True


def _with_disclaimer(handler_input: HandlerInput, speech: str) -> str:
    envelope = handler_input.request_envelope
    if envelope.session is None or not envelope.session.new:
        return speech
    if envelope.request.object_type == "LaunchRequest" or not needs_disclaimer(handler_input):
        return speech
    disclaimer = escape(get_content().prompts["disclaimer"])
    return speech.replace("<speak>", f"<speak>{disclaimer} ", 1)


def _build(
    handler_input: HandlerInput, speech: str, reprompt: str, card: tuple[str, str] | None
) -> Response:
    builder = handler_input.response_builder.speak(speech).ask(reprompt)
    if card is not None:
        builder.set_card(SimpleCard(title=card[0], content=card[1]))
    return builder.set_should_end_session(False).response
