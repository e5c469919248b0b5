"""Real captured requests, odd requests, and the Lambda entry point."""

from __future__ import annotations

import json
import logging

import pytest
from ask_sdk_model import Response, ResponseEnvelope
from ask_sdk_model.ui import Reprompt, SsmlOutputSpeech

from skill import builder
from skill.builder import MAX_RESPONSE_BYTES, answer_event
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
    ("request_part", "spoken"),
    [
        ({"type": "Alexa.Something.NewerThanTheSdk"}, False),
        ({"type": "IntentRequest", "intent": "oops"}, True),
    ],
    ids=["unknown-type", "malformed-intent"],
)
def test_a_request_the_sdk_cannot_read_gets_a_valid_response(request_part, spoken):
    envelope = load_real_request("launch_request_geolocation_consent_2019-07-15.json")
    envelope["request"] = {**envelope["request"], **request_part}
    response = lambda_function.handler(envelope, None)
    check_response(response)
    if spoken:  # a person spoke: an apology, with the session open for another try
        assert "something went wrong" in speech_text(response)
        assert response["response"]["shouldEndSession"] is False
    else:
        assert response == {"version": "1.0", "response": {}}


def _launch_with(attributes):
    envelope = load_real_request("launch_request_geolocation_consent_2019-07-15.json")
    envelope["session"]["attributes"] = attributes
    return envelope


def test_an_intent_request_with_no_intent_gets_the_spoken_fallback():
    envelope = load_real_request("intent_dialog_state_started_2019-01-18.json")
    del envelope["request"]["intent"]
    response = lambda_function.handler(envelope, None)
    check_response(response)
    assert "Sorry, I can't help with that one" in speech_text(response)
    assert response["response"]["shouldEndSession"] is False


def _nested(depth):
    value = "bottom"
    for _ in range(depth):
        value = {"k": [value]}
    return value


@pytest.mark.parametrize("depth", [40, 1_000, 100_000])
def test_deeply_nested_attributes_get_a_spoken_turn_not_a_recursion_error(depth, caplog):
    with caplog.at_level(logging.WARNING):
        response = lambda_function.handler(_launch_with({"question": _nested(depth)}), None)
    check_response(response)
    assert "Welcome" in speech_text(response)
    assert "nested too deep" in caplog.text and "Traceback" not in caplog.text


def test_thousands_of_attributes_are_read_as_none_without_copying_them(monkeypatch):
    copies = []
    monkeypatch.setattr("ask_sdk_core.attributes_manager.deepcopy", copies.append)
    response = lambda_function.handler(_launch_with({str(n): n for n in range(5_000)}), None)
    assert "Welcome" in speech_text(response)
    assert copies == [{}]


def test_nan_in_attributes_never_comes_back():
    attributes = {"question": "menu", "x": float("nan"), "advised": float("inf")}
    response = lambda_function.handler(_launch_with(attributes), None)
    json.dumps(response, allow_nan=False)
    assert "x" not in response["sessionAttributes"]


def test_an_envelope_without_a_request_gets_an_empty_response():
    envelope = _launch_with({})
    del envelope["request"]
    assert lambda_function.handler(envelope, None) == {"version": "1.0", "response": {}}


class _Answers:
    """A stand-in skill whose every turn returns one ready-made response."""

    def __init__(self, response):
        self.response = response

    def invoke(self, request_envelope, context):
        return self.response


def _speaking(speech: str, **attributes) -> Response:
    return Response(
        output_speech=SsmlOutputSpeech(ssml=f"<speak>{speech}</speak>"),
        reprompt=Reprompt(output_speech=SsmlOutputSpeech(ssml="<speak>Well?</speak>")),
        should_end_session=False,
    ), attributes


@pytest.mark.parametrize(
    "attributes",
    [{"x": float("nan")}, {"said": "word " * 6_000}, {"x": b"bytes"}, {"x": 10**5000}],
    ids=["nan", "over-24-kb", "bytes", "huge-int"],
)
def test_a_response_alexa_would_refuse_becomes_an_apology(attributes, caplog):
    response, _ = _speaking("Hello there.")
    envelope = ResponseEnvelope(version="1.0", session_attributes=attributes, response=response)
    with caplog.at_level(logging.ERROR):
        answer = answer_event(_launch_with({}), _Answers(envelope))
    assert json.loads(answer.text) == answer.envelope
    assert len(answer.text) <= MAX_RESPONSE_BYTES
    assert "something went wrong" in speech_text(answer.envelope)
    assert "sent a fallback" in caplog.text


def test_a_parsed_event_is_not_serialized_again(monkeypatch):
    def no_text(*args, **kwargs):
        raise AssertionError("the SDK was handed JSON text")

    monkeypatch.setattr(builder._serializer, "deserialize", no_text)
    envelope = load_real_request("launch_request_geolocation_consent_2019-07-15.json")
    assert "Welcome" in speech_text(lambda_function.handler(envelope, None))


@pytest.mark.parametrize(
    "event",
    [[], None, 5, float("nan"), {}, {"request": None}, "not json", "[" * 100_000, '{"request": 1}'],
)
def test_an_event_that_is_no_envelope_at_all_gets_an_empty_response(event):
    assert builder.handle_event(event) == {"version": "1.0", "response": {}}


def test_json_text_is_still_accepted_and_a_spoken_turn_stays_spoken():
    text = json.dumps({"request": {"type": "IntentRequest", "intent": "not an intent"}})
    assert "something went wrong" in speech_text(builder.handle_event(text))
