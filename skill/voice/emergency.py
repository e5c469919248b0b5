"""The emergency number for the person's locale, to speak and to print."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput

from skill.rules.content import get_content
from skill.voice.ssml import Markup


def emergency_number(handler_input: HandlerInput) -> tuple[Markup, str]:
    """The local emergency number as SSML (read digit by digit) and as plain text."""
    emergency = get_content().prompts["emergency"]
    request = handler_input.request_envelope.request
    number = emergency["numbers"].get(getattr(request, "locale", None) or "")
    if number is None:
        return Markup(emergency["general"]), emergency["general"]
    return Markup(f'<say-as interpret-as="telephone">{number}</say-as>'), number
