"""Help, repeat, home, and anything the skill did not understand."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue import check as symptom_check
from skill.dialogue import routine
from skill.dialogue.state import last_turn
from skill.handlers.answers import ask_menu
from skill.handlers.base import IntentHandler, RequestTypeHandler
from skill.rules.content import get_content
from skill.voice.emergency import emergency_number
from skill.voice.reply import ask, ask_prompt, replay
from skill.voice.ssml import fill


class HelpHandler(IntentHandler):
    """AMAZON.HelpIntent: what the person can say here."""

    intent_names = ("AMAZON.HelpIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Inside the routine, its commands; elsewhere the skill and emergency services."""
        if symptom_check.in_check(handler_input):
            check = symptom_check.get_check(handler_input)
            help_text = get_content().symptoms["check"]["help"]
            return symptom_check.ask_question(handler_input, check["index"], help_text)
        place = routine.get_place(handler_input)
        if place is not None:
            texts = get_content().stretches
            paused = place["stage"] == routine.PAUSED
            return ask(
                handler_input,
                texts["help_paused" if paused else "help"],
                reprompt=texts["paused_reprompt" if paused else "help_reprompt"],
                offer=routine.stage_offer(place["stage"]),
                routine_hint=False,
            )
        help_prompt = get_content().prompts["help"]
        spoken, _ = emergency_number(handler_input)
        speech = fill(help_prompt["speech"], emergency=spoken)
        return ask(handler_input, speech, reprompt=help_prompt["reprompt"])


class RepeatHandler(IntentHandler):
    """AMAZON.RepeatIntent: say the last thing again."""

    intent_names = ("AMAZON.RepeatIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Replay the last speech, keeping the pending offer."""
        turn = last_turn(handler_input)
        if turn is None:
            return ask_prompt(handler_input, get_content().prompt("nothing_to_repeat"))
        return replay(handler_input, *turn)


class NavigateHomeHandler(IntentHandler):
    """AMAZON.NavigateHomeIntent: back to the start of the skill."""

    intent_names = ("AMAZON.NavigateHomeIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Offer the main menu."""
        return ask_menu(handler_input)


class FallbackHandler(RequestTypeHandler):
    """AMAZON.FallbackIntent, and any intent this skill does not know."""

    request_types = ("IntentRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Say what the skill can do and ask again."""
        return ask_prompt(handler_input, get_content().prompt("fallback"))
