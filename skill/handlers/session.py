"""Launch, stop, the end of a session, and requests the skill has no use for."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue import routine
from skill.handlers.base import IntentHandler, NeedsStorage, RequestTypeHandler
from skill.rules.content import get_content
from skill.voice.reply import ask, ask_prompt, needs_disclaimer, tell

logger = logging.getLogger(__name__)


def goodbye(handler_input: HandlerInput) -> Response:
    """Close the session, keeping the place in any routine for the next visit.

    When the skill ends a session itself, Alexa sends no SessionEndedRequest: this is the
    last chance to save.
    """
    routine.save_place(handler_input)
    return tell(handler_input, get_content().prompts["goodbye"])


class LaunchHandler(NeedsStorage, RequestTypeHandler):
    """LaunchRequest: "open toe twitch helper"."""

    request_types = ("LaunchRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Welcome: the disclaimer the first time; later the diary and any unfinished routine."""
        content = get_content()
        locale = handler_input.request_envelope.request.locale or "en-US"
        before = () if locale.startswith("en") else (content.prompts["unsupported_locale"],)
        if needs_disclaimer(handler_input):
            prompt = content.prompt("welcome", disclaimer=content.prompts["disclaimer"])
            return ask_prompt(handler_input, prompt, *before)
        texts = content.diary
        greeting = [*before, texts["welcome_back"], *self.diary_mention(handler_input)]
        step = routine.saved_step(handler_input)
        if step is None:
            return ask_prompt(handler_input, content.prompt("menu"), *greeting)
        saved = routine.steps()[step]
        offer_text = texts["resume_offer"].format(
            name=saved.stretch.name, side=routine.side_words(saved)
        )
        return ask(
            handler_input,
            *greeting,
            offer_text,
            reprompt=texts["resume_reprompt"],
            offer={"action": "resume_saved", "no": "forget_saved"},
        )

    def diary_mention(self, handler_input: HandlerInput) -> list[str]:
        """ "You've logged 3 twitches this week", when there are any (nothing on a fault)."""
        if self.storage is None:
            return []
        try:
            count = self.storage.trend(handler_input.request_envelope).this_week
        except Exception as failure:
            logger.warning("diary unavailable at launch: %s", type(failure).__name__)
            return []
        if not count:
            return []
        return [
            get_content().diary["diary_this_week"].format(count=get_content().twitch_count(count))
        ]


class StopHandler(IntentHandler):
    """AMAZON.StopIntent and AMAZON.CancelIntent: end at once."""

    intent_names = ("AMAZON.StopIntent", "AMAZON.CancelIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        """Keep the place in any routine, say goodbye and close the session."""
        return goodbye(handler_input)


class SessionEndedHandler(RequestTypeHandler):
    """SessionEndedRequest: log why the session ended; Alexa allows no speech here."""

    request_types = ("SessionEndedRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Keep the place in any routine, log the reason and any error; an empty response."""
        routine.save_place(handler_input)
        request = handler_input.request_envelope.request
        reason = getattr(request.reason, "value", request.reason)
        error = request.error
        if error is not None:
            error_type = getattr(error.object_type, "value", error.object_type)
            logger.warning("session ended: %s, error %s: %s", reason, error_type, error.message)
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
