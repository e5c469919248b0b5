"""Real captured requests, odd requests, and the Lambda entry point."""

from __future__ import annotations

import logging

import pytest

from skill.dialogue.table import TOPICS
from skill.hosting import lambda_function
from skill.voice.ssml import check_response
from tests.alexa import REAL_REQUESTS, load_real_request, speech_text

CAPTURED = sorted(path.name for path in REAL_REQUESTS.glob("*.json"))


def test_all_seven_captured_requests_are_here():
    assert len(CAPTURED) == 7


@pytest.mark.parametrize("name", CAPTURED)
def test_every_captured_request_gets_a_valid_response(name):
    envelope = load_real_request(name)
    response = lambda_function.handler(envelope, None)
    check_response(response)
    assert response["version"] == "1.0"
    if envelope["request"]["type"] == "SessionEndedRequest":
        assert "outputSpeech" not in response["response"]
    else:
        assert speech_text(response)
        assert response["response"]["shouldEndSession"] is False


def test_captured_unknown_intent_with_foreign_attributes_gets_the_fallback():
    response = lambda_function.handler(
        load_real_request("intent_slot_er_no_match_session_attrs_echo_show_2019-12-26.json"), None
    )
    assert "Sorry" in speech_text(response)
    assert "level" not in response["sessionAttributes"], "only the skill's own state goes back"


def test_a_session_ended_with_an_error_is_logged(caplog):
    with caplog.at_level(logging.WARNING):
        lambda_function.handler(
            load_real_request("session_ended_error_invalid_response_echo_show_2019-12-22.json"),
            None,
        )
    assert "INVALID_RESPONSE" in caplog.text


@pytest.mark.parametrize(
    "attributes",
    [
        {"offer": "not a dict"},
        {"offer": {"action": "topic", "id": "NOPE"}},
        {"offer": {"action": "topic", "id": ["a", "list"]}},
        {"offer": {"x": 1}},
        {"routine": {"step": 99, "stage": "setup"}, "offer": {"action": "ready"}},
    ],
)
def test_stale_or_corrupt_session_state_gets_a_fresh_start(conversation, attributes):
    conversation.attributes, conversation.new = attributes, False
    response = conversation.say("AMAZON.YesIntent")
    assert "went wrong" not in speech_text(response)
    fresh_starts = ("Try asking", "What would you like", "Let's do 5 gentle")
    assert any(start in speech_text(response) for start in fresh_starts)


def test_a_fault_in_a_handler_is_an_apology_with_the_session_open(
    conversation, monkeypatch, caplog
):
    def broken(handler_input):
        raise RuntimeError("boom")

    monkeypatch.setitem(TOPICS, "TwitchCausesIntent", broken)
    with caplog.at_level(logging.ERROR):
        response = conversation.say("TwitchCausesIntent")
    assert "something went wrong" in speech_text(response)
    assert response["response"]["shouldEndSession"] is False
    assert "RuntimeError" in caplog.text


def test_a_slot_with_a_strange_value_shape_still_gets_an_answer(conversation):
    request = conversation.factory.intent("CauseDetailIntent", {"cause": {"value": "   "}})
    response = conversation.send(request)
    assert "six common causes" in speech_text(response)


@pytest.mark.parametrize(
    "request_part",
    [{"type": "Alexa.Something.NewerThanTheSdk"}, {"type": "IntentRequest", "intent": "oops"}],
    ids=["unknown-type", "malformed-intent"],
)
def test_a_request_the_sdk_cannot_read_gets_an_empty_valid_response(request_part):
    envelope = load_real_request("launch_request_geolocation_consent_2019-07-15.json")
    envelope["request"] = {**envelope["request"], **request_part}
    response = lambda_function.handler(envelope, None)
    assert response == {"version": "1.0", "response": {}}
