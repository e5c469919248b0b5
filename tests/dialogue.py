"""Play a dialogue written as data, checking each turn's response.

A turn either sends a request (``send: LaunchRequest``, ``send: AMAZON.YesIntent``,
``send: {intent: ..., slots: ...}``) or says what a person would say (``say: why is my toe
twitching``), resolved with the interaction model as ``toe-twitch simulate`` does; a ``say:`` turn
may also check what it resolved to (``intent: TwitchCausesIntent``, ``slots: {cause: STRESS}``).
"""

from __future__ import annotations

from typing import Any

from skill.simulator.requests import invocation, request_for
from skill.simulator.resolver import get_resolver
from tests.alexa import Conversation, reprompt_text, speech_text

REQUEST_TYPES = {"LaunchRequest", "SessionEndedRequest"}


def _spoken(conversation: Conversation, turn: dict[str, Any], number: int) -> dict[str, Any]:
    """The request for ``say:``, resolved like ``toe-twitch simulate`` resolves typed text."""
    factory = conversation.factory
    text = "" if turn["say"] is None else str(turn["say"])
    if invocation(text, get_resolver(factory.locale).model.invocation) is not None:
        conversation.ended = True
    request, resolution = request_for(text, factory.skill_id, factory.locale)
    if "intent" in turn:
        got = resolution.intent if resolution else request["type"]
        assert got == turn["intent"], f"turn {number}: {text!r} resolved to {got}"
    if "slots" in turn:
        got_ids = resolution.slot_ids if resolution else {}
        assert got_ids == turn["slots"], f"turn {number}: {text!r} filled {got_ids}"
    return request


def _request(conversation: Conversation, turn: dict[str, Any], number: int) -> dict[str, Any]:
    if "say" in turn:
        return _spoken(conversation, turn, number)
    factory = conversation.factory
    sent = turn["send"]
    if sent == "LaunchRequest":
        return factory.launch()
    if sent == "SessionEndedRequest":
        return factory.session_ended()
    if isinstance(sent, str) and "." in sent and not sent.startswith("AMAZON."):
        return {"type": sent}
    if isinstance(sent, str):
        return factory.intent(sent)
    return factory.intent(sent["intent"], sent.get("slots"))


def _contains(text: str, phrases: list[str] | str, where: str, turn_number: int) -> None:
    for phrase in [phrases] if isinstance(phrases, str) else phrases:
        assert isinstance(phrase, str), f"turn {turn_number}: quote {phrase!r} in the YAML"
        assert phrase.lower() in text.lower(), (
            f"turn {turn_number}: {where} lacks {phrase!r}; it said: {text!r}"
        )


def check_turn(response: dict[str, Any], expect: dict[str, Any], turn_number: int) -> None:
    """Assert what one response must say, show and do."""
    body = response["response"]
    speech = speech_text(response)
    if "says" in expect:
        _contains(speech, expect["says"], "speech", turn_number)
    for phrase in expect.get("not_says", []):
        assert phrase.lower() not in speech.lower(), (
            f"turn {turn_number}: speech should not contain {phrase!r}; it said: {speech!r}"
        )
    if "reprompt" in expect:
        _contains(reprompt_text(response), expect["reprompt"], "reprompt", turn_number)
    if "card" in expect:
        card = body.get("card") or {}
        assert card.get("title") == expect["card"], f"turn {turn_number}: card is {card!r}"
    if expect.get("silent"):
        assert "outputSpeech" not in body, f"turn {turn_number}: expected no speech"
    if "ends" in expect:
        ended = body.get("shouldEndSession") is not False
        assert ended == expect["ends"], f"turn {turn_number}: session ended is {ended}"


def run_dialogue(conversation: Conversation, turns: list[dict[str, Any]]) -> None:
    """Send every turn in order and check what came back."""
    for number, turn in enumerate(turns, start=1):
        response = conversation.send(_request(conversation, turn, number))
        check_turn(response, turn.get("expect", {}), number)
