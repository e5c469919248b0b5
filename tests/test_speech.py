"""The SSML builder and the speech check every response goes through."""

from __future__ import annotations

import pytest

from skill.voice.ssml import (
    MAX_WORDS,
    SpeechError,
    check_response,
    check_ssml,
    escape,
    pause,
    say,
    ssml_text,
)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("salt & pepper", "salt &amp; pepper"), ("a < b > c", "a &lt; b &gt; c"), ("it's", "it's")],
)
def test_escape_keeps_text_speakable(text, escaped):
    assert escape(text) == escaped
    check_ssml(say(text))
    assert ssml_text(say(text)) == text


@pytest.mark.parametrize(("seconds", "time"), [(0.5, "500ms"), (10, "10000ms"), (45, "10000ms")])
def test_pause_never_exceeds_ten_seconds(seconds, time):
    assert pause(seconds) == f'<break time="{time}"/>'


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ("<speak>Tom & Jerry</speak>", "well-formed"),
        ("<speak>unclosed <s>sentence</speak>", "well-formed"),
        ('<speak>hi <break time="11s"/></speak>', "10 seconds"),
        ('<speak>hi <break time="soon"/></speak>', "bad break time"),
        ("<speak>hi <b>bold</b></speak>", "not an SSML tag"),
        ("<voice-over>hi</voice-over>", "wrapped in <speak>"),
        ("<speak>" + "word " * 1700 + "</speak>", "limit is 8000"),
        ("<speak> </speak>", "says nothing"),
    ],
)
def test_check_ssml_rejects_what_alexa_would_refuse(document, problem):
    with pytest.raises(SpeechError, match=problem):
        check_ssml(document)


def test_check_ssml_accepts_amazon_tags():
    check_ssml('<speak><amazon:emotion name="excited" intensity="low">Hi</amazon:emotion></speak>')


def _response(speech=None, reprompt=None, end=False):
    body = {"shouldEndSession": end}
    if speech is not None:
        body["outputSpeech"] = {"type": "SSML", "ssml": speech}
    if reprompt is not None:
        body["reprompt"] = {"outputSpeech": {"type": "SSML", "ssml": reprompt}}
    return {"version": "1.0", "response": body}


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        (_response("<speak>Which one?</speak>"), "needs both speech and a reprompt"),
        (_response(None, "<speak>Well?</speak>"), "needs both speech and a reprompt"),
        (_response("<speak>ok</speak>", "<speak>a & b</speak>"), "well-formed"),
        (_response("<speak>" + "word " * (MAX_WORDS + 1) + "</speak>", end=True), "too long"),
    ],
)
def test_check_response_catches_dead_ends_and_long_turns(response, problem):
    with pytest.raises(SpeechError, match=problem):
        check_response(response)


def test_check_response_accepts_a_question_and_a_silent_end():
    check_response(_response("<speak>Ready?</speak>", "<speak>Say ready.</speak>"))
    check_response({"version": "1.0", "response": {}})
