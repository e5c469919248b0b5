"""``toe-twitch simulate``: talk to the skill offline, as the Alexa simulator would."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime

import pytest

from skill.builder import handle_event
from skill.hosting.cli import main
from skill.simulator.requests import DEFAULT_SKILL_ID, Simulator, invocation, request_for

CAUSES = "The usual triggers are dehydration"


def simulate(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["simulate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_one_shot_question_prints_the_causes(capsys):
    code, out, _ = simulate(capsys, "ask toe twitch helper why is my toe twitching")
    assert code == 0
    assert "-> TwitchCausesIntent" in out
    assert CAUSES in out
    assert "Card: Why toes twitch" in out
    assert "Reprompt: You can name one" in out
    assert "<speak>" not in out and "[session open]" in out


def test_open_then_ask_keeps_one_session_and_prints_the_causes(capsys):
    code, out, _ = simulate(capsys, "open toe twitch helper", "why is my toe twitching")
    assert code == 0
    launch, causes = out.split("You: why is my toe twitching")
    assert "-> LaunchRequest" in launch and "to Toe Twitch Helper" in launch
    assert CAUSES in causes


def test_stop_ends_the_session(capsys):
    _, out, _ = simulate(capsys, "open toe twitch helper", "stop")
    assert out.rstrip().endswith("[session ended]")
    assert "Goodbye" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("open toe twitch helper", ("open", "")),
        ("Alexa, launch Toe Twitch Helper.", ("launch", "")),
        ("start toe twitch helper", ("start", "")),
        ("ask toe twitch helper why is my toe twitching", ("ask", "why is my toe twitching")),
        ("tell toe twitch helper to start the stretches", ("tell", "start the stretches")),
        ("ask toe twitch helper for tips", ("ask", "tips")),
        ("ask toe twitch helper", ("ask", "")),
        ("why is my toe twitching", None),
        ("open the door", None),
    ],
)
def test_invocation_phrases(text, expected):
    assert invocation(text, "toe twitch helper") == expected


def run_turns(*utterances: str) -> Simulator:
    simulator = Simulator(handle_event)
    for utterance in utterances:
        simulator.say(utterance)
    return simulator


def test_sessions_carry_attributes_and_ids_as_alexa_does():
    simulator = run_turns(
        "open toe twitch helper", "let's stretch", "ready", "stop", "why is my toe twitching"
    )
    requests = [turn.request for turn in simulator.turns]
    responses = [turn.response for turn in simulator.turns]
    assert [r["session"]["new"] for r in requests] == [True, False, False, False, True]
    session_ids = [r["session"]["sessionId"] for r in requests]
    assert len(set(session_ids[:4])) == 1 and session_ids[4] != session_ids[0]
    for before, after in zip(responses[:3], requests[1:4], strict=True):
        assert after["session"]["attributes"] == (before.get("sessionAttributes") or {})
    assert requests[2]["session"]["attributes"], "the routine's place should travel"
    assert "attributes" not in requests[4]["session"]
    assert requests[4]["request"]["intent"]["name"] == "TwitchCausesIntent"


def test_requests_have_the_real_envelope_shape():
    simulator = run_turns("open toe twitch helper", "tell me more about stress", "exit")
    launch, intent, ended = (turn.request for turn in simulator.turns)
    for envelope in (launch, intent, ended):
        assert envelope["version"] == "1.0"
        session, system = envelope["session"], envelope["context"]["System"]
        assert session["application"] == {"applicationId": DEFAULT_SKILL_ID}
        assert session["user"]["userId"].startswith("amzn1.ask.account.")
        assert system["application"] == session["application"]
        assert system["user"] == session["user"]
        assert system["device"]["deviceId"].startswith("amzn1.ask.device.")
        assert system["device"]["supportedInterfaces"] == {}
        assert system["apiEndpoint"] == "https://api.amazonalexa.com"
        request = envelope["request"]
        assert request["requestId"].startswith("amzn1.echo-api.request.")
        assert request["locale"] == "en-US"
        stamp = datetime.strptime(request["timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        assert abs((datetime.now(UTC) - stamp).total_seconds()) < 60
    assert launch["request"]["type"] == "LaunchRequest"
    assert intent["request"]["dialogState"] == "STARTED"
    body = intent["request"]["intent"]
    assert (body["name"], body["confirmationStatus"]) == ("CauseDetailIntent", "NONE")
    assert body["slots"]["cause"]["resolutions"]["resolutionsPerAuthority"][0]["values"] == [
        {"value": {"name": "stress", "id": "STRESS_ANXIETY"}}
    ]
    assert ended["request"] == {**ended["request"], "type": "SessionEndedRequest"}
    assert ended["request"]["reason"] == "USER_INITIATED"
    assert not simulator.in_session


def test_request_for_builds_the_request_part_for_dialogue_tests():
    request, resolution = request_for("open toe twitch helper")
    assert request["type"] == "LaunchRequest" and resolution is None
    request, resolution = request_for("ask toe twitch helper about dehydration")
    assert request["intent"]["name"] == "CauseDetailIntent"
    assert resolution.slot_ids == {"cause": "HYDRATION_ELECTROLYTES"}


def test_replay_file_runs_until_quit_and_saves_skill_io(capsys, tmp_path):
    replay = tmp_path / "replay.json"
    replay.write_text(
        json.dumps(
            {
                "skillId": "amzn1.ask.skill.replayed",
                "locale": "en-GB",
                "type": "text",
                "userInput": [
                    "open toe twitch helper",
                    "my toe is suddenly paralyzed",
                    ".quit",
                    "why is my toe twitching",
                ],
            }
        )
    )
    saved = tmp_path / "skill-io.json"
    code, out, _ = simulate(capsys, "--replay", str(replay), "--save-skill-io", str(saved))
    assert code == 0
    assert "999" in out and CAUSES not in out
    invocations = json.loads(saved.read_text())["invocations"]
    assert len(invocations) == 2
    for turn in invocations:
        assert set(turn) == {"request", "response"}
        assert turn["request"]["request"]["locale"] == "en-GB"
        assert turn["request"]["session"]["application"]["applicationId"] == (
            "amzn1.ask.skill.replayed"
        )
        assert turn["response"]["version"] == "1.0"
    assert invocations[1]["request"]["request"]["intent"]["name"] == "ReportSymptomIntent"


def test_save_skill_io_with_utterances(capsys, tmp_path):
    saved = tmp_path / "io.json"
    simulate(capsys, "--save-skill-io", str(saved), "open toe twitch helper", "help", "stop")
    invocations = json.loads(saved.read_text())["invocations"]
    kinds = [i["request"]["request"].get("intent", {}).get("name") for i in invocations]
    assert kinds == [None, "AMAZON.HelpIntent", "AMAZON.StopIntent"]
    assert invocations[-1]["response"]["response"]["shouldEndSession"] is True


def feed(monkeypatch, *lines: str) -> list[str]:
    """Make ``input()`` return these lines, then raise EOFError; return the prompts shown."""
    prompts: list[str] = []
    remaining = list(lines)

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        if not remaining:
            raise EOFError
        return remaining.pop(0)

    monkeypatch.setattr("builtins.input", fake_input)
    return prompts


def test_interactive_mode_runs_until_the_session_ends(capsys, monkeypatch):
    prompts = feed(
        monkeypatch, "open toe twitch helper", "", "why is my toe twitching", "stop", "x"
    )
    code, out, _ = simulate(capsys)
    assert code == 0
    assert len(prompts) == 4
    assert "Welcome" in out and CAUSES in out and out.rstrip().endswith("[session ended]")


@pytest.mark.parametrize("ending", [[".quit"], []], ids=["quit", "eof"])
def test_interactive_mode_stops_at_quit_or_end_of_input(capsys, monkeypatch, ending):
    feed(monkeypatch, "open toe twitch helper", *ending, "why is my toe twitching")
    if not ending:
        feed(monkeypatch, "open toe twitch helper")
    code, out, _ = simulate(capsys)
    assert code == 0
    assert "Welcome" in out and CAUSES not in out


@pytest.mark.parametrize(
    "text", ["", "!!!", "12345", "x" * 10_000, "MiXeD CaSe BlOrP", "¿Por qué me tiembla el dedo?"]
)
def test_odd_utterances_reach_the_fallback_without_a_crash(capsys, text):
    code, out, _ = simulate(capsys, "open toe twitch helper", text)
    assert code == 0
    assert "-> AMAZON.FallbackIntent" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read replay file"),
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "must hold a JSON object"),
        ('{"userInput": "open toe twitch helper"}', 'needs "userInput"'),
        ('{"type": "voice", "userInput": []}', 'only "type": "text"'),
    ],
)
def test_a_bad_replay_file_is_one_line_on_stderr(capsys, tmp_path, content, message):
    path = tmp_path / "replay.json"
    if content is not None:
        path.write_text(content)
    code, out, err = simulate(capsys, "--replay", str(path))
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_utterances_and_replay_together_are_refused(capsys, tmp_path):
    code, _, err = simulate(capsys, "--replay", str(tmp_path / "r.json"), "help")
    assert code == 1 and "not both" in err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_url_with_nothing_listening_is_one_line_on_stderr(capsys):
    url = f"http://127.0.0.1:{free_port()}/alexa"
    code, _, err = simulate(capsys, "--url", url, "open toe twitch helper")
    assert code == 1
    assert f"cannot reach {url}" in err and len(err.strip().splitlines()) == 1


def test_help_explains_sessions_and_that_url_needs_insecure_dev(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["simulate", "--help"])
    assert exit_info.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--insecure-dev" in help_text
    assert "sent as a one-shot" in help_text


@pytest.fixture
def server(tmp_path):
    """A real ``toe-twitch serve --insecure-dev`` on a free loopback port, its own database."""
    port = free_port()
    skip = {"SKILL_ID", "DATABASE", "ATTRIBUTES_TABLE", "VERIFY_SIGNATURE", "VERIFY_TIMESTAMP"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env["DATABASE"] = str(tmp_path / "server.sqlite")
    command = [
        sys.executable,
        "-m",
        "skill.hosting.cli",
        "serve",
        "--insecure-dev",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError("server did not come up") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/alexa"
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_url_talks_to_a_running_server(capsys, server, tmp_path):
    saved = tmp_path / "io.json"
    code, out, err = simulate(
        capsys,
        "--url",
        server,
        "--save-skill-io",
        str(saved),
        "open toe twitch helper",
        "why is my toe twitching",
        "start the wall stretch",
        "ready",
    )
    assert code == 0, err
    assert "Welcome" in out and CAUSES in out and "standing wall calf stretch" in out
    invocations = json.loads(saved.read_text())["invocations"]
    assert (
        invocations[3]["request"]["session"]["attributes"]
        == (invocations[2]["response"]["sessionAttributes"])
    )
