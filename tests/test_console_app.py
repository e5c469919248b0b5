"""``toe-twitch console``'s web app and command line, without a browser."""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from skill.console import command
from skill.console.app import allowed_hosts, create_console_app
from skill.persistence.sqlite import sqlite_storage
from tests.test_console import in_process

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1:5001"


@pytest.fixture
def session(tmp_path):
    """A console conversation with the skill in-process."""
    return in_process(sqlite_storage(tmp_path / "console.sqlite"))


@pytest.fixture
def client(session):
    """The console app as a loopback console on port 5001 serves it."""
    app = create_console_app(session, {"ALLOWED_HOSTS": allowed_hosts("127.0.0.1", 5001)})
    return app.test_client()


def post(client, path: str, body: Any, host: str = HOST) -> Any:
    return client.post(path, json=body, headers={"Host": host})


# -- the API -----------------------------------------------------------------------------------


def test_the_page_and_its_scripts_are_served(client):
    with client.get("/", headers={"Host": HOST}) as page:
        assert page.status_code == 200 and b"console.js" in page.data
    for name in ("console.js", "panels.js", "apl.js", "speech.js", "console.css"):
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
        {"type": "text", "locale": "en-GB", "userInput": ["open toe twitch helper", "help"]}
    )
    answer = post(client, "/api/replay", {"name": "dialog.json", "text": text}).get_json()
    assert [turn["utterance"] for turn in answer["turns"]] == ["open toe twitch helper", "help"]
    assert answer["settings"]["locale"] == "en-GB"


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/api/say", {"text": "   "}, "type something"),
        ("/api/say", {"text": 5}, "must be a string"),
        ("/api/replay", {"name": "notes.txt", "text": "hello"}, "notes.txt is not a replay file"),
        ("/api/settings", {"device": "toaster", "locale": "en-US", "person": ""}, "unknown device"),
        ("/api/replay", {"text": '{"locale": "fr-FR", "userInput": ["hi"]}'}, "is not one of"),
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


def test_python_dash_m_runs_the_same_command(capsys):
    from skill.console.__main__ import main

    assert main(["--host", "0.0.0.0"]) == 2
    assert "not a loopback address" in capsys.readouterr().err


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
        (("--host", "no-such-host.invalid"), "no such address"),
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
