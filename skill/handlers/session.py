"""Launch, the menu, goodbye, the end of a session, and requests the skill has no use for."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response, SessionEndedRequest

from skill.dialogue import routine
from skill.dialogue.state import DialogueState, Question, get_state
from skill.handlers.base import RequestTypeHandler
from skill.handlers.turn import END, Turn, leads_to
from skill.logs import safe_log_text
from skill.persistence import person_id
from skill.rules.content import get_content
from skill.voice.reply import Reply, ask, ask_prompt, needs_disclaimer, tell
from skill.voice.ssml import Markup, escape, fill

logger = logging.getLogger(__name__)


@leads_to(Question.MENU, Question.RESUME_SAVED)
def launch(turn: Turn) -> Reply:
    """Welcome: the disclaimer the first time; later the diary and any unfinished routine."""
    content = get_content()
    locale = getattr(turn.handler_input.request_envelope.request, "locale", None) or "en-US"
    before = () if locale.startswith("en") else (content.prompts["unsupported_locale"],)
    fresh = DialogueState()
    if needs_disclaimer(turn.handler_input):
        prompt = content.prompt("welcome", disclaimer=content.prompts["disclaimer"])
        return ask_prompt(fresh, prompt, *before)
    texts = content.diary
    person = person_id(turn.handler_input.request_envelope)
    welcome = texts["welcome_back"]
    if person is not None:
        name = Markup(f'<alexa:name type="first" personId="{escape(person)}"/>')
        welcome = fill(texts["welcome_back_named"], name=name)
    greeting = [*before, welcome, *diary_mention(turn)]
    place = routine.saved_place(turn.handler_input)
    if place is None:
        return ask_prompt(fresh, content.prompt("menu"), *greeting)
    saved = routine.steps()[place.step]
    offer = texts["resume_offer"].format(name=saved.stretch.name, side=routine.side_words(saved))
    state = fresh.with_routine(place).asking(Question.RESUME_SAVED)
    return ask(state, *greeting, offer, reprompt=texts["resume_reprompt"])


def diary_mention(turn: Turn) -> list[str]:
    """ "You've logged 3 twitches this week", when there are any (nothing on a fault)."""
    if turn.storage is None:
        return []
    try:
        count = turn.storage.trend(turn.handler_input.request_envelope).this_week
    except Exception as failure:
        logger.warning("diary unavailable at launch: %s", type(failure).__name__)
        return []
    if not count:
        return []
    content = get_content()
    return [content.diary["diary_this_week"].format(count=content.twitch_count(count))]


@leads_to(Question.MENU)
def menu(turn: Turn) -> Reply:
    """Say what the skill can do and ask what the person wants."""
    return ask_prompt(turn.state.asking(Question.MENU), get_content().prompt("menu"))


@leads_to(Question.MENU)
def menu_again(turn: Turn) -> Reply:
    """ "Yes" to "anything else?": suggest what to ask."""
    return ask_prompt(turn.state.asking(Question.MENU), get_content().prompt("yes_without_offer"))


@leads_to(Question.MENU)
def declined(turn: Turn) -> Reply:
    """ "No" to an offer: fine, anything else?"""
    return ask_prompt(turn.state.asking(Question.MENU), get_content().prompt("declined"))


@leads_to(END)
def goodbye(turn: Turn) -> Reply:
    """Close the session, keeping the place in any routine for the next visit.

    When the skill ends a session itself, Alexa sends no SessionEndedRequest: this is the
    last chance to save.
    """
    if turn.state.routine is not None:
        routine.save_place(turn.handler_input, turn.state.routine)
    return tell(turn.state, get_content().prompts["goodbye"])


class SessionEndedHandler(RequestTypeHandler):
    """SessionEndedRequest: log why the session ended; Alexa allows no speech here."""

    request_types = ("SessionEndedRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Keep the place in any routine, log the reason and any error; an empty response."""
        place = get_state(handler_input).routine
        if place is not None:
            routine.save_place(handler_input, place)
        request = handler_input.request_envelope.request
        if not isinstance(request, SessionEndedRequest):
            return handler_input.response_builder.response
        reason = getattr(request.reason, "value", request.reason)
        error = request.error
        if error is not None:
            error_type = getattr(error.object_type, "value", error.object_type)
            message = safe_log_text(error.message)
            logger.warning("session ended: %s, error %s: %s", reason, error_type, message)
        else:
            logger.info("session ended: %s", reason)
        return handler_input.response_builder.response


class IgnoredRequestHandler(AbstractRequestHandler):
    """Any other request type (skill events, system messages): an empty, valid response."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Accept every request; registered last."""
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        """Return an empty response."""
        return handler_input.response_builder.response
