"""Reminders in the conversation: permission asked by voice, set, listed, cancelled, erased."""

from __future__ import annotations

import pytest
import responses

from skill.reminders.fake import FakeRemindersApi
from skill.simulator.requests import API_ENDPOINT
from tests.alexa import Conversation, speech_text

REMINDERS_URL = f"{API_ENDPOINT}/v1/alerts/reminders"
SEVEN_PM = {"value": "19:00"}


@pytest.fixture
def reminders_api():
    """The Reminders API, faked in memory; permission not yet given, as for a new person."""
    fake = FakeRemindersApi(granted=False)
    with fake.activate(API_ENDPOINT) as mock:
        yield fake, mock


def connections_response(conversation: Conversation, status: str) -> dict:
    """Alexa's answer after asking the person for the reminders permission."""
    request = {
        "type": "Connections.Response",
        "name": "AskFor",
        "status": {"code": "200", "message": "OK"},
        "token": "",
        "payload": {"permissionScope": "alexa::alerts:reminders:skill:readwrite", "status": status},
    }
    return conversation.send(request)


def directive_types(response: dict) -> list[str]:
    return [d["type"] for d in response["response"].get("directives", [])]


def test_a_daily_stretch_reminder_asks_permission_then_is_set_listed_and_cancelled(
    conversation, reminders_api
):
    fake, _ = reminders_api
    asked = conversation.say("SetReminderIntent", reminder="STRETCH", time={"value": "19:00"})
    assert directive_types(asked) == ["Connections.SendRequest"]
    assert "need your permission" in speech_text(asked)
    assert "shouldEndSession" not in asked["response"]
    assert fake.texts() == []
    fake.grant()
    done = connections_response(conversation, "ACCEPTED")
    assert "remind you to stretch every day at 7 p m" in speech_text(done)
    assert len(fake.texts()) == 1 and "stretches" in fake.texts()[0]
    listed = conversation.say("ListRemindersIntent")
    assert "one reminder" in speech_text(listed) and "7 p m" in speech_text(listed)
    cancelled = conversation.say("CancelRemindersIntent", reminder="STRETCH")
    assert "cancelled your reminders to stretch" in speech_text(cancelled)
    assert fake.texts() == []


def test_permission_refused_gets_a_clear_answer_and_a_card(conversation, reminders_api):
    conversation.say("SetReminderIntent", reminder="WATER", time={"value": "10:00"})
    refused = connections_response(conversation, "DENIED")
    assert "no reminder for now" in speech_text(refused)
    card = refused["response"]["card"]
    assert card["type"] == "AskForPermissionsConsent"
    assert card["permissions"] == ["alexa::alerts:reminders:skill:readwrite"]
    assert refused["response"]["shouldEndSession"] is False


def test_without_a_time_the_skill_asks_for_one(conversation, reminders_api):
    fake, _ = reminders_api
    fake.grant()
    asked = conversation.say("SetReminderIntent", reminder="STRETCH")
    assert "What time" in speech_text(asked) and fake.texts() == []
    done = conversation.say("SetReminderIntent", time={"value": "EV"})
    assert "every day at 7 p m" in speech_text(done)


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (403, "can't set reminders on this device"),
        (429, "as many reminders as it allows"),
        (500, "aren't working just now"),
        (503, "aren't working just now"),
    ],
)
def test_every_api_failure_gets_a_spoken_answer_and_nothing_is_half_created(
    conversation, status, said
):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(REMINDERS_URL, status=status, json={"code": "ERROR", "message": "no"})
        mock.get(REMINDERS_URL, json={"totalCount": "0", "alerts": [], "links": None})
        response = conversation.say(
            "SetReminderIntent", reminder="STRETCH", time={"value": "07:30"}
        )
    assert said in speech_text(response)
    assert "Done" not in speech_text(response)
    assert response["response"]["shouldEndSession"] is False


def test_a_timeout_never_acknowledges_a_reminder_it_cannot_find(conversation):
    from requests.exceptions import ReadTimeout

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(REMINDERS_URL, body=ReadTimeout("slow"))
        mock.get(REMINDERS_URL, json={"totalCount": "0", "alerts": [], "links": None})
        response = conversation.say(
            "SetReminderIntent", reminder="STRETCH", time={"value": "07:30"}
        )
    assert "aren't working just now" in speech_text(response)


def test_delete_my_data_cancels_the_reminders_too(conversation, reminders_api):
    fake, _ = reminders_api
    fake.grant()
    conversation.say("SetReminderIntent", reminder="WATER", time={"value": "10:00"})
    conversation.say("SetReminderIntent", reminder="STRETCH", time={"value": "19:00"})
    assert len(fake.texts()) == 2
    conversation.say("DeleteDataIntent")
    erased = conversation.say("AMAZON.YesIntent")
    assert "cancelled the reminders" in speech_text(erased)
    assert fake.texts() == []


def test_a_finished_routine_offers_a_reminder_once_and_never_after_a_no(invoke, reminders_api):
    from tests.alexa import RequestFactory

    person = RequestFactory()
    first = Conversation(invoke, person)
    first.say("StartStretchIntent", stretch="FOOT_ROLL")
    first.say("ReadyIntent")
    offered = first.say("ReadyIntent")
    assert "remind you to stretch every day" in speech_text(offered)
    first.say("AMAZON.NoIntent")
    again = Conversation(invoke, person)
    again.say("StartStretchIntent", stretch="FOOT_ROLL")
    again.say("ReadyIntent")
    assert "remind you" not in speech_text(again.say("ReadyIntent"))


def test_a_new_time_replaces_the_old_reminder_instead_of_adding_a_second(
    conversation, reminders_api
):
    fake, _ = reminders_api
    fake.grant()
    conversation.say("SetReminderIntent", reminder="STRETCH", time={"value": "19:00"})
    moved = conversation.say("SetReminderIntent", reminder="STRETCH", time={"value": "08:30"})
    assert "8:30 a m" in speech_text(moved)
    assert len(fake.texts()) == 1


@pytest.mark.parametrize("value", ["?", "banana", "25:99", ""])
def test_a_time_the_skill_cannot_read_gets_asked_again(conversation, reminders_api, value):
    fake, _ = reminders_api
    fake.grant()
    response = conversation.say("SetReminderIntent", reminder="WATER", time={"value": value})
    assert "What time" in speech_text(response) and fake.texts() == []


def test_thirty_reminders_already_set_is_said_plainly(conversation):
    fake = FakeRemindersApi(granted=True, limit=0)
    with fake.activate(API_ENDPOINT):
        response = conversation.say(
            "SetReminderIntent", reminder="STRETCH", time={"value": "19:00"}
        )
    assert "as many reminders as it allows" in speech_text(response)


def test_the_manifest_declares_the_reminders_permission():
    import json
    from pathlib import Path

    manifest = json.loads(
        (Path(__file__).resolve().parents[1] / "interaction_model" / "skill.json").read_text()
    )
    names = [p["name"] for p in manifest["manifest"]["permissions"]]
    assert names == ["alexa::alerts:reminders:skill:readwrite"]
