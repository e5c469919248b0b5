"""Replies: what a move says and the state it leads to; a question keeps the session open."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import Card, SimpleCard

from skill.dialogue.profile import load_profile
from skill.dialogue.state import ROUTINE_STAGES, DialogueState, Question, set_state
from skill.rules.content import Prompt, get_content
from skill.voice.ssml import Markup, escape, say

DISCLAIMER_HEARD = "disclaimer_heard"
_ABOUT_THE_ROUTINE = (*ROUTINE_STAGES, Question.CHECK, Question.BACK_TO_ROUTINE)


@dataclass(frozen=True)
class Reply:
    """What to say, what to ask again if the person is silent (None ends), and the next state."""

    speech: tuple[str, ...]
    reprompt: str | None
    state: DialogueState
    card: tuple[str, str] | Card | None = None
    directives: tuple[Any, ...] = ()
    repeat: tuple[str, ...] | None = None
    hand_over: bool = False

    @property
    def ends(self) -> bool:
        """True when the session closes after this reply (not when it is handed to Alexa)."""
        return self.reprompt is None and not self.hand_over

    def with_directives(self, *directives: Any) -> Reply:
        """The same reply, with directives (a screen, or a request Alexa answers)."""
        return replace(self, directives=directives)


def ask(
    state: DialogueState,
    *sentences: str,
    reprompt: str,
    card: tuple[str, str] | Card | None = None,
    repeat: tuple[str, ...] | None = None,
) -> Reply:
    """Say ``sentences`` and wait in ``state``; "repeat" says ``repeat`` if given, else all."""
    return Reply(sentences, reprompt, state, card, (), repeat)


def ask_prompt(state: DialogueState, prompt: Prompt, *before: str, **kwargs: Any) -> Reply:
    """Ask a content prompt, optionally after some ``before`` sentences."""
    return ask(state, *before, prompt.speech, reprompt=prompt.reprompt, **kwargs)


def tell(
    state: DialogueState, *sentences: str, card: tuple[str, str] | Card | None = None
) -> Reply:
    """Say ``sentences`` and end the session."""
    return Reply(sentences, None, state, card)


def render(handler_input: HandlerInput, reply: Reply) -> Response:
    """Build the response, remember what was said for "repeat", and keep the next state."""
    speech = say(*reply.speech)
    spoken = speech if reply.ends else _with_disclaimer(handler_input, speech)
    builder = handler_input.response_builder.speak(spoken)
    if isinstance(reply.card, tuple):
        builder.set_card(SimpleCard(title=reply.card[0], content=reply.card[1]))
    elif reply.card is not None:
        builder.set_card(reply.card)
    for directive in reply.directives:
        builder.add_directive(directive)
    state = reply.state
    if reply.reprompt is None:
        set_state(handler_input, state)
        if reply.hand_over:  # Alexa takes the turn (a permission request) and answers later
            return builder.response
        return builder.set_should_end_session(True).response
    remembered = say(*reply.repeat) if reply.repeat else speech
    question = say(reply.reprompt)
    set_state(handler_input, state.having_said(remembered, question))
    hint = _routine_hint(state)
    reprompt = say(reply.reprompt, *hint) if hint else question
    return builder.ask(reprompt).set_should_end_session(False).response


def _routine_hint(state: DialogueState) -> tuple[str, ...]:
    """Away from a routine that is under way, the reprompt says how to get back to it."""
    if state.routine is None or state.question in _ABOUT_THE_ROUTINE:
        return ()
    return (get_content().stretches["return_hint"],)


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
    """A one-shot request opening a session hears the disclaimer first, once."""
    envelope = handler_input.request_envelope
    if envelope.session is None or not envelope.session.new:
        return speech
    launch = getattr(envelope.request, "object_type", None) == "LaunchRequest"
    if launch or not needs_disclaimer(handler_input):
        return speech
    disclaimer = escape(get_content().prompts["disclaimer"])
    return speech.replace("<speak>", f"<speak>{disclaimer} ", 1)


def inner(ssml_document: str) -> Markup:
    """The body of a ``<speak>`` document, to speak inside another one."""
    return Markup(ssml_document.removeprefix("<speak>").removesuffix("</speak>"))
