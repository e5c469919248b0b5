"""The last line of defence: any exception becomes a spoken apology that keeps the question."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_request_type
from ask_sdk_model import Response

from skill.dialogue.state import get_state, write_state
from skill.handlers.dispatch import CONVERSATION_REQUESTS, request_name
from skill.handlers.navigation import ask_again
from skill.handlers.turn import Turn
from skill.persistence import ErasureFailed
from skill.rules.content import get_content
from skill.voice.reply import render, tell

logger = logging.getLogger(__name__)
ENDING_INTENTS = ("AMAZON.StopIntent", "AMAZON.CancelIntent")


class ApologiseOnError(AbstractExceptionHandler):
    """Log the fault and apologise, asking the pending question again."""

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
        try:
            if get_request_type(handler_input) not in CONVERSATION_REQUESTS:
                return handler_input.response_builder.response  # events allow no speech
            turn = Turn(handler_input, get_state(handler_input))
            apology = get_content().prompts["error"]["speech"]
            if request_name(handler_input) in ENDING_INTENTS:
                reply = tell(turn.state, get_content().prompts["goodbye"])
            else:
                reply = ask_again(turn, apology)
            return render(handler_input, reply)
        finally:
            write_state(handler_input)
