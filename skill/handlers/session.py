"""Launch, stop, the end of a session, and requests the skill has no use for."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.content import get_content
from skill.handlers.base import IntentHandler, RequestTypeHandler
from skill.reply import ask_prompt, tell

logger = logging.getLogger(__name__)


class LaunchHandler(RequestTypeHandler):
    """LaunchRequest: "open toe twitch helper"."""

    request_types = ("LaunchRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Welcome the person, with the disclaimer, and ask what they want."""
        content = get_content()
        locale = handler_input.request_envelope.request.locale or "en-US"
        before = () if locale.startswith("en") else (content.prompts["unsupported_locale"],)
        prompt = content.prompt("welcome", disclaimer=content.prompts["disclaimer"])
        return ask_prompt(handler_input, prompt, *before)


class StopHandler(IntentHandler):
    """AMAZON.StopIntent and AMAZON.CancelIntent: end at once."""

    intent_names = ("AMAZON.StopIntent", "AMAZON.CancelIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        """Say goodbye and close the session."""
        return tell(handler_input, get_content().prompts["goodbye"])


class SessionEndedHandler(RequestTypeHandler):
    """SessionEndedRequest: log why the session ended; Alexa allows no speech here."""

    request_types = ("SessionEndedRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Log the reason and any error, and return an empty response."""
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
