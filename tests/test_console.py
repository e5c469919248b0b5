"""``toe-twitch console`` without a browser: what Alexa would refuse, and each turn's record."""

from __future__ import annotations

from typing import Any

import pytest

from skill.builder import build_skill, handle_event
from skill.console.changes import compare
from skill.console.checks import ConsoleError, parse_replay, response_problems
from skill.console.devices import DEVICES, PERSONS
from skill.console.session import ConsoleSession
from skill.persistence import Storage
from skill.persistence.sqlite import sqlite_storage
from skill.simulator.requests import DEFAULT_SKILL_ID, SimulatorError

ALEX = next(person for person in PERSONS if "ALEX" in person)


@pytest.fixture
def storage(tmp_path):
    """A SQLite store of the test's own."""
    return sqlite_storage(tmp_path / "console.sqlite")


def in_process(storage: Storage) -> ConsoleSession:
    """A console conversation with the skill in-process."""
    skill = build_skill(storage)
    return ConsoleSession(
        lambda envelope: handle_event(envelope, skill), storage, DEFAULT_SKILL_ID, "en-US"
    )


@pytest.fixture
def session(storage) -> ConsoleSession:
    """A console conversation with the skill in-process."""
    return in_process(storage)


def changed(view: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {
        row["path"]: (row["before"], row["after"])
        for row in view["rows"]
        if row["change"] != "same"
    }


# -- what Alexa would refuse -------------------------------------------------------------------


def test_the_skills_own_answers_are_valid_alexa_json(session):
    for text in ("open toe twitch helper", "why is my toe twitching", "stop"):
        record = session.say(text)
        assert "error" not in record
        assert response_problems(record["response"]) == []


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        ([], "not an object"),
        ({"response": {}}, '"version" is missing'),
        ({"version": "1.0"}, '"response" is missing'),
        (
            {"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>hi"}}},
            "well-formed",
        ),
        ({"version": "1.0", "response": {"outputSpeech": {"type": "Voice"}}}, 'not "PlainText"'),
        ({"version": "1.0", "response": {"shouldEndSession": "yes"}}, "shouldEndSession"),
        ({"version": "1.0", "response": {"card": {"type": "Fancy"}}}, "card"),
        ({"version": "1.0", "response": {"directives": [{}]}}, "directives"),
        ({"version": "1.0", "response": {}, "sessionAttributes": []}, "sessionAttributes"),
        (
            {"version": "1.0", "response": {"card": {"type": "Simple", "content": "x" * 30000}}},
            "bytes",
        ),
    ],
)
def test_responses_alexa_would_refuse_are_named(response, problem):
    assert any(problem in found for found in response_problems(response))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"userInput": "hello"}', "list of strings"),
        ('{"userInput": []}', "1 to 200"),
        ('{"userInput": ["hi"], "type": "voice"}', '"type": "text"'),
        ('{"userInput": ["hi"], "locale": 7}', '"locale" must be a string'),
        ('{"userInput": ["hi", " "]}', "utterance 2: type something"),
    ],
)
def test_a_file_that_is_no_replay_file_is_refused_saying_why(text, message):
    with pytest.raises(ConsoleError, match=message):
        parse_replay(text, "dialog.json")


def test_a_replay_file_is_read():
    replay = parse_replay('{"skillId": "x", "locale": "en-GB", "type": "text", "userInput": ["a"]}')
    assert (replay.inputs, replay.locale, replay.skill_id) == (("a",), "en-GB", "x")


# -- before and after --------------------------------------------------------------------------


def test_compare_marks_changed_added_and_removed_leaves():
    rows = compare({"a": 1, "b": {"c": 2}, "d": []}, {"a": 1, "b": {"c": 3}, "d": ["x"], "e": True})
    assert {row["path"]: row["change"] for row in rows} == {
        "a": "same",
        "b.c": "changed",
        "d[0]": "added",
        "e": "added",
    }
    assert compare({"gone": 1}, {})[0]["change"] == "removed"


def test_a_turn_shows_the_dialogue_state_before_and_after(session):
    session.say("open toe twitch helper")
    record = session.say("why is my toe twitching")
    assert record["label"] == "TwitchCausesIntent"
    assert changed(record["state"])["question"] == ("menu", "causes")
    assert record["card"]["title"] and record["reprompt"] and not record["ended"]


def test_a_logged_twitch_shows_in_the_stored_diary(session):
    record = session.say("ask toe twitch helper to log a twitch in my left foot")
    rows = {row["path"]: row for row in record["stored"]["rows"]}
    assert rows["diary[0].foot"]["change"] == "added" and rows["diary[0].foot"]["after"] == "LEFT"
    assert record["stored"]["before"]["diary"] == []


def test_an_utterance_nothing_matches_is_sent_as_fallback_with_the_intents_considered(session):
    record = session.say("ask toe twitch helper blorp zazzle quux")
    assert record["fallback"] and record["label"] == "AMAZON.FallbackIntent"
    assert "decision: AMAZON.FallbackIntent" in record["explain"]


# -- the device, the person, the locale --------------------------------------------------------


def test_a_screen_device_sends_apl_and_a_viewport_and_gets_the_countdown(session):
    session.configure("show5", "en-US", "")
    session.say("open toe twitch helper")
    session.say("walk me through a stretch")
    record = session.say("ready")
    context = record["request"]["context"]
    assert "Alexa.Presentation.APL" in context["System"]["device"]["supportedInterfaces"]
    assert context["Viewport"]["pixelWidth"] == DEVICES["show5"].width
    (screen,) = record["apl"]
    assert screen["datasources"]["hold"]["seconds"] == 30
    assert '<break time="10000ms"/>' in record["speech"]["ssml"]


def test_a_voice_only_device_sends_no_apl_and_gets_no_screen(session):
    session.say("ask toe twitch helper to walk me through a stretch")
    record = session.say("ready")
    assert record["request"]["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert "Viewport" not in record["request"]["context"] and record["apl"] == []


def test_a_recognised_person_and_a_locale_go_in_the_request(session):
    session.configure("voice", "en-GB", ALEX)
    request = session.say("ask toe twitch helper what should i do if it's sudden and severe")[
        "request"
    ]
    assert request["context"]["System"]["person"] == {"personId": ALEX}
    assert request["request"]["locale"] == "en-GB"
    assert session.settings() == {"device": "voice", "locale": "en-GB", "person": ALEX}


def test_unknown_settings_are_refused(session):
    with pytest.raises(ConsoleError):
        session.configure("toaster", "en-US", "")


# -- failures said in place --------------------------------------------------------------------


def test_a_skill_that_does_not_answer_is_a_turn_that_says_so(storage):
    def unreachable(envelope: dict[str, Any]) -> dict[str, Any]:
        raise SimulatorError("cannot reach http://127.0.0.1:9/alexa: ConnectionError")

    session = ConsoleSession(unreachable, None, DEFAULT_SKILL_ID, "en-US")
    record = session.say("open toe twitch helper")
    assert "cannot reach" in record["error"] and record["response"] is None
    assert record["stored"] is None  # no store to read: the skill runs elsewhere
    assert record["request"]["request"]["type"] == "LaunchRequest"
    assert not session.simulator.in_session


def test_a_response_that_is_not_alexa_json_is_a_turn_that_says_so():
    session = ConsoleSession(lambda envelope: {"hello": "world"}, None, DEFAULT_SKILL_ID, "en-US")
    record = session.say("open toe twitch helper")
    assert "not valid Alexa JSON" in record["error"] and "Alexa would refuse" in record["error"]
    assert record["response"] == {"hello": "world"}
    assert session.skill_io()["invocations"][0]["response"] == {"hello": "world"}
