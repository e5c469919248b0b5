"""A request Alexa sends again (same request id) is answered again, but written once."""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import UTC, datetime

import pytest

from skill.builder import build_skill, handle_event
from skill.persistence.sqlite import sqlite_storage
from tests.alexa import RequestFactory, speech_text
from tests.storage_fixtures import Clock, make_storage

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
OLD_SCHEMA = """
CREATE TABLE attributes (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE diary (
    entry INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL,
    foot TEXT
);
CREATE INDEX diary_by_user ON diary (user_id, at);
"""


@pytest.fixture(params=["sqlite", "dynamodb"])
def storage(request, tmp_path):
    with make_storage(request.param, tmp_path) as made:
        made.clock = Clock(NOW)
        yield made


def diary_size(storage, person: RequestFactory) -> int:
    return len(storage.diary.times(person.user_id, datetime(2000, 1, 1, tzinfo=UTC)))


def test_a_log_replayed_five_times_is_one_entry(storage):
    skill, person = build_skill(storage), RequestFactory()
    envelope = person.envelope(person.intent("LogTwitchIntent", {"foot": "LEFT"}), {}, False)
    heard = [speech_text(handle_event(json.dumps(envelope), skill)) for _ in range(5)]
    assert heard == [heard[0]] * 5
    assert "Logged a twitch in your left foot. That's one twitch this week" in heard[0]
    assert diary_size(storage, person) == 1
    again = person.envelope(person.intent("LogTwitchIntent"), {}, False)  # a new request id
    assert "That's 2 twitches this week" in speech_text(handle_event(again, skill))
    assert diary_size(storage, person) == 2


def test_the_same_request_id_for_another_person_is_their_own_entry(storage):
    storage.diary.add("alice", NOW, None, "amzn1.echo-api.request.1")
    storage.diary.add("bob", NOW, None, "amzn1.echo-api.request.1")
    storage.diary.add("alice", NOW, None, "amzn1.echo-api.request.1")
    storage.diary.add("alice", NOW, None)  # no request id: always a new entry
    storage.diary.add("alice", NOW, None)
    since = datetime(2000, 1, 1, tzinfo=UTC)
    assert len(storage.diary.times("alice", since)) == 3
    assert len(storage.diary.times("bob", since)) == 1


def test_erasure_forgets_request_ids_too(storage):
    storage.diary.add("alice", NOW, None, "amzn1.echo-api.request.1")
    storage.diary.erase("alice")
    storage.diary.add("alice", NOW, None, "amzn1.echo-api.request.1")
    assert len(storage.diary.times("alice", datetime(2000, 1, 1, tzinfo=UTC))) == 1


def test_a_database_made_by_the_older_schema_is_migrated_and_keeps_its_rows(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    person = RequestFactory()
    with sqlite3.connect(database) as connection:
        connection.executescript(OLD_SCHEMA)
        connection.execute(
            "INSERT INTO diary (user_id, at, foot) VALUES (?, ?, 'LEFT')",
            (person.user_id, datetime.now(UTC).isoformat()),
        )
    skill = build_skill(sqlite_storage(database))
    envelope = person.envelope(person.intent("LogTwitchIntent"), {}, False)
    heard = [speech_text(handle_event(json.dumps(envelope), skill)) for _ in range(5)]
    assert all("That's 2 twitches this week" in said for said in heard)
    with sqlite3.connect(database) as connection:
        stored = connection.execute("SELECT foot, request_id FROM diary ORDER BY entry").fetchall()
    assert stored == [("LEFT", None), (None, envelope["request"]["requestId"])]


def test_skill_disabled_without_a_user_is_answered_and_logged_once(storage, caplog):
    person = RequestFactory()
    storage.diary.add(person.user_id, NOW, None)
    event = person.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, {}, True)
    del event["session"]
    del event["context"]["System"]["user"]
    with caplog.at_level(logging.WARNING):
        response = handle_event(event, build_skill(storage))
    assert response["response"] == {}
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in warnings] == [
        "skill disabled without a user id: nothing to erase"
    ]
    assert diary_size(storage, person) == 1, "nobody's data was touched"


def test_the_web_host_answers_skill_disabled_without_a_user_with_200(tmp_path):
    from skill.hosting.web import create_app

    app = create_app(
        {"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False, "DATABASE": str(tmp_path / "d")}
    )
    person = RequestFactory()
    event = person.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, {}, True)
    del event["session"]
    event["context"]["System"]["user"] = {}
    response = app.test_client().post("/alexa", data=json.dumps(event))
    assert response.status_code == 200
    assert response.get_json()["response"] == {}
