"""The one handler for launches and intents: (intent, state) -> move -> reply and next state."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_request_type
from ask_sdk_model import Response

from skill.dialogue.state import get_state
from skill.dialogue.table import INTENT_WORDS, Word, move_for, topic_move
from skill.handlers.base import NeedsStorage
from skill.handlers.turn import Move, Turn
from skill.voice.reply import render

CONVERSATION_REQUESTS = ("LaunchRequest", "IntentRequest", "Connections.Response")


def request_name(handler_input: HandlerInput) -> str:
    """The intent's name, or the request type for a request that carries no intent."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    name = getattr(intent, "name", None)
    return name if isinstance(name, str) and name else str(get_request_type(handler_input))


def choose_move(handler_input: HandlerInput) -> Move:
    """Look the request up: a topic means the same everywhere; other words depend on the state."""
    name = request_name(handler_input)
    state = get_state(handler_input)
    word = INTENT_WORDS.get(name, Word.FALLBACK)
    return topic_move(name) or move_for(state.question, word, state.subject)


class DialogueHandler(NeedsStorage, AbstractRequestHandler):
    """LaunchRequest and every IntentRequest, unknown intents included (as "fallback")."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """True for the requests a person makes by speaking."""
        return get_request_type(handler_input) in CONVERSATION_REQUESTS

    def handle(self, handler_input: HandlerInput) -> Response:
        """Make the move the table gives, and build its response."""
        move = choose_move(handler_input)
        return render(
            handler_input, move(Turn(handler_input, get_state(handler_input), self.storage))
        )
