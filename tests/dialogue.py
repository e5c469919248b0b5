"""Play a dialogue written as data, checking each turn's response."""

from __future__ import annotations

from typing import Any

from tests.alexa import Conversation, reprompt_text, speech_text

REQUEST_TYPES = {"LaunchRequest", "SessionEndedRequest"}


def _request(conversation: Conversation, turn: dict[str, Any]) -> dict[str, Any]:
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
        response = conversation.send(_request(conversation, turn))
        check_turn(response, turn.get("expect", {}), number)
