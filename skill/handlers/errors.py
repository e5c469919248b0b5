"""The last line of defence: any exception becomes a spoken apology."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, get_request_type
from ask_sdk_model import Response

from skill.persistence import ErasureFailed
from skill.rules.content import get_content
from skill.voice.reply import ask_prompt, tell

logger = logging.getLogger(__name__)


class ApologiseOnError(AbstractExceptionHandler):
    """Log the fault and apologise, keeping the session open."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        """Every exception, except a failed erasure: that one must reach the host (retry)."""
        return not isinstance(exception, ErasureFailed)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        """Log the exception (type and handler, never the request) and ask again."""
        request = handler_input.request_envelope.request
        logger.error(
            "turn failed on %s: %s",
            getattr(request, "object_type", "?"),
            type(exception).__name__,
            exc_info=exception,
        )
        if get_request_type(handler_input) not in ("IntentRequest", "LaunchRequest"):
            return handler_input.response_builder.response  # events allow no speech
        if get_intent_name(handler_input) in ("AMAZON.StopIntent", "AMAZON.CancelIntent"):
            return tell(handler_input, get_content().prompts["goodbye"])
        return ask_prompt(handler_input, get_content().prompt("error"))
