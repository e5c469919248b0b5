"""``toe-twitch console`` without a browser: the checks, the turn records, the API, the command."""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from skill.builder import build_skill, handle_event
from skill.console import command
from skill.console.app import allowed_hosts, create_console_app
from skill.console.changes import compare
from skill.console.checks import ConsoleError, parse_replay, response_problems
from skill.console.devices import DEVICES, PERSONS
from skill.console.session import ConsoleSession
from skill.persistence.sqlite import sqlite_storage
from skill.simulator.requests import DEFAULT_SKILL_ID, SimulatorError

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1:5001"
ALEX = next(person for person in PERSONS if "ALEX" in person)


@pytest.fixture
def storage(tmp_path):
    """A SQLite store of the test's own."""
    return sqlite_storage(tmp_path / "console.sqlite")


@pytest.fixture
def session(storage) -> ConsoleSession:
    """A console conversation with the skill in-process."""
    skill = build_skill(storage)
    return ConsoleSession(
        lambda envelope: handle_event(envelope, skill), storage, DEFAULT_SKILL_ID, "en-US"
    )


@pytest.fixture
def client(session):
    """The console app as a loopback console on port 5001 serves it."""
    app = create_console_app(session, {"ALLOWED_HOSTS": allowed_hosts("127.0.0.1", 5001)})
    return app.test_client()


def post(client, path: str, body: Any, host: str = HOST) -> Any:
    return client.post(path, json=body, headers={"Host": host})


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
    assert rows["diary[0]"]["change"] == "added"
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
    assert record["request"]["request"]["type"] == "LaunchRequest"
    assert not session.simulator.in_session


def test_a_response_that_is_not_alexa_json_is_a_turn_that_says_so():
    session = ConsoleSession(lambda envelope: {"hello": "world"}, None, DEFAULT_SKILL_ID, "en-US")
    record = session.say("open toe twitch helper")
    assert "not valid Alexa JSON" in record["error"] and "Alexa would refuse" in record["error"]
    assert record["response"] == {"hello": "world"}
    assert session.skill_io()["invocations"][0]["response"] == {"hello": "world"}


# -- the API -----------------------------------------------------------------------------------


def test_the_page_and_its_scripts_are_served(client):
    with client.get("/", headers={"Host": HOST}) as page:
        assert page.status_code == 200 and b"console.js" in page.data
    for name in ("console.js", "apl.js", "speech.js", "console.css"):
        with client.get(f"/static/{name}", headers={"Host": HOST}) as script:
            assert script.status_code == 200


def test_a_conversation_through_the_api_downloads_as_replay_and_skill_io(client):
    for text in ("open toe twitch helper", "why is my toe twitching"):
        assert post(client, "/api/say", {"text": text}).status_code == 200
    replay = client.get("/api/download/replay", headers={"Host": HOST})
    assert "attachment" in replay.headers["Content-Disposition"]
    assert replay.get_json()["userInput"] == ["open toe twitch helper", "why is my toe twitching"]
    skill_io = client.get("/api/download/skill-io", headers={"Host": HOST}).get_json()
    assert [i["request"]["request"]["type"] for i in skill_io["invocations"]] == [
        "LaunchRequest",
        "IntentRequest",
    ]
    state = client.get("/api/session", headers={"Host": HOST}).get_json()
    assert len(state["turns"]) == 2 and state["inSession"]


def test_a_replay_file_runs_in_a_new_conversation(client):
    post(client, "/api/say", {"text": "open toe twitch helper"})
    text = json.dumps(
        {"type": "text", "locale": "en-AU", "userInput": ["open toe twitch helper", "help"]}
    )
    answer = post(client, "/api/replay", {"name": "dialog.json", "text": text}).get_json()
    assert [turn["utterance"] for turn in answer["turns"]] == ["open toe twitch helper", "help"]
    assert answer["settings"]["locale"] == "en-AU"


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/api/say", {"text": "   "}, "type something"),
        ("/api/say", {"text": 5}, "must be a string"),
        ("/api/replay", {"name": "notes.txt", "text": "hello"}, "notes.txt is not a replay file"),
        ("/api/settings", {"device": "toaster", "locale": "en-US", "person": ""}, "unknown device"),
    ],
)
def test_bad_input_is_answered_with_what_was_wrong(client, path, body, message):
    answer = post(client, path, body)
    assert answer.status_code == 400 and message in answer.get_json()["error"]


def test_only_json_posts_are_taken_so_a_cross_site_form_cannot_talk(client):
    answer = client.post("/api/say", data={"text": "delete my data"}, headers={"Host": HOST})
    assert answer.status_code == 400 and "application/json" in answer.get_json()["error"]


def test_a_host_the_console_was_not_started_for_is_refused(client):
    assert client.get("/api/session", headers={"Host": "evil.example:5001"}).status_code == 403
    assert client.get("/api/session", headers={"Host": "localhost:5001"}).status_code == 200


def test_unknown_paths_answer_json_not_a_stack_trace(client):
    answer = client.get("/nowhere", headers={"Host": HOST})
    assert answer.status_code == 404 and answer.get_json() == {"error": "Not Found"}


def test_a_fault_in_the_console_is_one_line_for_the_page(session, monkeypatch, caplog):
    app = create_console_app(session)
    monkeypatch.setattr(session, "say", lambda text: 1 / 0)
    answer = app.test_client().post("/api/say", json={"text": "hi"})
    assert answer.status_code == 500
    assert answer.get_json() == {"error": "the console failed (ZeroDivisionError); see its log"}


# -- the command -------------------------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    root = argparse.ArgumentParser()
    command.add_parser(root.add_subparsers(dest="command"))
    return root.parse_args(["console", *argv])


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("8.8.8.8", False),
    ],
)
def test_only_loopback_addresses_count_as_loopback(host, loopback):
    assert command.is_loopback(host) is loopback


def test_a_public_address_is_refused_without_the_flag(capsys):
    assert command.run(parse("--host", "0.0.0.0")) == 2
    assert "--allow-remote" in capsys.readouterr().err


def test_a_public_address_with_the_flag_warns(capsys, monkeypatch):
    served = []
    monkeypatch.setattr(command, "_serve", lambda args, chosen: served.append(args.host))
    assert command.run(parse("--host", "0.0.0.0", "--allow-remote")) == 0
    assert served == ["0.0.0.0"] and "WARNING" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--url", "ftp://example.com/alexa"), "--url must be an http"),
        (("--locale", "fr-FR"), "--locale must be one of"),
        (("--port", "70000"), "--port must be from 1 to 65535"),
    ],
)
def test_operator_mistakes_end_in_one_line(capsys, argv, message):
    assert command.run(parse(*argv)) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_the_temporary_database_is_removed_at_the_end(monkeypatch):
    monkeypatch.delenv("DATABASE")
    folders = []
    monkeypatch.setattr(command, "_serve", lambda args, chosen: folders.append(chosen.folder))
    assert command.run(parse()) == 0
    assert folders and not Path(folders[0]).exists()


def test_the_lambda_artifact_leaves_the_console_out(tmp_path):
    for name in ("skill/console/app.py", "skill/console/static/index.html", "skill/builder.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    subprocess.run(
        ["make", "--no-print-directory", "lambda-prune", f"ARTIFACTS_DIR={tmp_path}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert not (tmp_path / "skill/console").exists() and (tmp_path / "skill/builder.py").exists()
