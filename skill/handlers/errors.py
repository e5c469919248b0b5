"""The last line of defence: any exception becomes a spoken apology."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.content import get_content
from skill.reply import ask_prompt

logger = logging.getLogger(__name__)


class ApologiseOnError(AbstractExceptionHandler):
    """Log the fault and apologise, keeping the session open."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        """Every exception."""
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        """Log the exception (type and handler, never the request) and ask again."""
        request = handler_input.request_envelope.request
        logger.error(
            "turn failed on %s: %s",
            getattr(request, "object_type", "?"),
            type(exception).__name__,
            exc_info=exception,
        )
        return ask_prompt(handler_input, get_content().prompt("error"))
