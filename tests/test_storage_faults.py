"""When storage fails, the skill still answers, says so when it matters, and loses nothing."""

from __future__ import annotations

import json
import logging
import sqlite3

import pytest

from skill.builder import build_skill, handle_event
from skill.persistence.dynamodb import dynamodb_storage
from skill.persistence.sqlite import sqlite_storage
from tests.alexa import Conversation, RequestFactory, speech_text
from tests.storage_fixtures import ATTRIBUTES_TABLE, DIARY_TABLE


def conversation_on(storage, person: RequestFactory | None = None) -> Conversation:
    skill = build_skill(storage)
    return Conversation(lambda envelope: handle_event(envelope, skill), person or RequestFactory())


@pytest.mark.parametrize("junk", ["not json", "[1, 2]", '"a string"'])
def test_a_corrupt_record_is_logged_left_alone_and_the_skill_still_answers(tmp_path, caplog, junk):
    database = tmp_path / "db.sqlite"
    storage = sqlite_storage(database)
    person = RequestFactory()
    storage.diary.add("warm-up", storage.clock(), None)  # creates the schema
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO attributes VALUES (?, ?)", (person.user_id, junk))
    conversation = conversation_on(storage, person)
    with caplog.at_level(logging.WARNING):
        greeting = speech_text(conversation.launch())
        conversation.say("StartStretchIntent")
        conversation.say("AMAZON.StopIntent")
    assert "Welcome to Toe Twitch Helper" in greeting
    assert "stored record unavailable: PersistenceException" in caplog.text
    with sqlite3.connect(database) as connection:
        stored = connection.execute("SELECT data FROM attributes").fetchone()[0]
    assert stored == junk, "nothing was written over the record"


def test_a_database_that_cannot_be_opened_still_gets_answers(tmp_path):
    folder_not_file = tmp_path / "a-folder"
    folder_not_file.mkdir()
    conversation = conversation_on(sqlite_storage(folder_not_file))
    assert "Welcome to Toe Twitch Helper" in speech_text(conversation.launch())
    logged = conversation.say("LogTwitchIntent")
    assert "couldn't save that to your diary" in speech_text(logged)
    assert logged["response"]["shouldEndSession"] is False
    assert "can't reach your diary" in speech_text(conversation.say("TwitchHistoryIntent"))
    assert "usual triggers" in speech_text(conversation.say("TwitchCausesIntent"))


def test_dynamodb_errors_still_get_answers():
    import boto3
    from moto import mock_aws

    with mock_aws():
        resource = boto3.resource("dynamodb", region_name="us-east-1")
        conversation = conversation_on(dynamodb_storage(ATTRIBUTES_TABLE, DIARY_TABLE, resource))
        assert "Welcome to Toe Twitch Helper" in speech_text(conversation.launch())
        assert "couldn't save" in speech_text(conversation.say("LogTwitchIntent"))
        conversation.say("DeleteDataIntent")
        failed = conversation.say("AMAZON.YesIntent")
        assert "couldn't erase your data" in speech_text(failed)


def test_without_storage_the_diary_says_it_cannot_keep_one():
    conversation = conversation_on(None)
    assert "nowhere to keep a diary" in speech_text(conversation.say("LogTwitchIntent"))
    assert "professional medical advice" in speech_text(conversation.launch())


def test_a_record_is_written_only_when_it_changed(tmp_path):
    storage = sqlite_storage(tmp_path / "db.sqlite")
    writes = []
    real_save = storage.adapter.save_attributes

    def counting_save(request_envelope, attributes):
        writes.append(json.dumps(attributes))
        real_save(request_envelope, attributes)

    storage.adapter.save_attributes = counting_save
    person = RequestFactory()
    conversation_on(storage, person).launch()
    assert len(writes) == 1
    again = conversation_on(storage, person)
    again.launch()
    again.say("TwitchCausesIntent")
    again.say("AMAZON.StopIntent")
    assert len(writes) == 1


def test_an_unreadable_diary_entry_is_skipped_not_fatal(tmp_path):
    database = tmp_path / "db.sqlite"
    storage = sqlite_storage(database)
    person = RequestFactory()
    conversation = conversation_on(storage, person)
    conversation.say("LogTwitchIntent")
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO diary (user_id, at, foot) VALUES (?, 'garbage', NULL)", (person.user_id,)
        )
    assert "2 twitches this week" in speech_text(conversation.say("LogTwitchIntent"))


def test_a_dynamodb_record_that_is_not_a_map_still_lets_the_person_stop():
    import boto3
    from moto import mock_aws

    from tests.storage_fixtures import create_tables

    with mock_aws():
        resource = boto3.resource("dynamodb", region_name="us-east-1")
        create_tables(resource)
        person = RequestFactory()
        resource.Table(ATTRIBUTES_TABLE).put_item(
            Item={"id": person.user_id, "attributes": "not a map"}
        )
        conversation = conversation_on(
            dynamodb_storage(ATTRIBUTES_TABLE, DIARY_TABLE, resource), person
        )
        assert "Welcome to Toe Twitch Helper" in speech_text(conversation.launch())
        conversation.say("StartStretchIntent")
        assert conversation.say("AMAZON.StopIntent")["response"]["shouldEndSession"] is True


def test_the_web_host_answers_a_failed_erasure_with_503(tmp_path, monkeypatch):
    from skill.hosting.web import create_app

    app = create_app(
        {"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False, "DATABASE": str(tmp_path / "d")}
    )

    def broken_erase(database, account):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("skill.persistence.sqlite.erase_everyone", broken_erase)
    person = RequestFactory()
    event = person.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, {}, True)
    del event["session"]
    response = app.test_client().post("/alexa", data=json.dumps(event))
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "60"
