"""The local fake of the Reminders API answers as the real one, so the simulator can run offline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests
import responses

from skill.reminders import (
    NoPermission,
    RemindersClient,
    ReminderSpec,
    TooMany,
    Unavailable,
    reminder_request_json,
)
from skill.reminders.fake import FakeRemindersApi
from tests.reminder_documents import DOCUMENTED_LIST

ENDPOINT = "https://api.eu.amazonalexa.com"
URL = ENDPOINT + "/v1/alerts/reminders"
MONDAY_NOON = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)  # 08:00 in New York
STRETCH = ReminderSpec.daily("Time to stretch.", "19:00", "America/New_York")
HEADERS = {"Authorization": "Bearer token"}


@pytest.fixture
def fake() -> Iterator[FakeRemindersApi]:
    api = FakeRemindersApi(clock=lambda: MONDAY_NOON)
    with api.activate(ENDPOINT):
        yield api


@pytest.fixture
def client() -> RemindersClient:
    return RemindersClient(ENDPOINT, "token")


def test_set_listed_cancelled(fake: FakeRemindersApi, client: RemindersClient) -> None:
    token = client.create(STRETCH)
    (listed,) = client.list()
    assert (listed.alert_token, listed.text, listed.status) == (token, "Time to stretch.", "ON")
    assert (listed.times, listed.days, listed.time_zone) == (("19:00",), (), "America/New_York")
    assert listed.next_trigger == datetime(2024, 5, 6, 19, 0)
    client.delete(token)
    assert client.list() == [] and fake.reminders == {}
    client.delete(token)  # already gone: 404, counted as done


def test_the_next_trigger_follows_the_days_and_the_earliest_time(
    fake: FakeRemindersApi, client: RemindersClient
) -> None:
    client.create(ReminderSpec("Water", ("07:30", "06:00"), ("WE",), "America/New_York"))
    client.create(ReminderSpec("Stretch", ("07:00",)))  # no zone: the fake's device is on UTC
    water, stretch = client.list()
    assert water.next_trigger == datetime(2024, 5, 8, 6, 0)
    assert stretch.next_trigger == datetime(2024, 5, 7, 7, 0)
    assert fake.texts() == ["Water", "Stretch"]


def test_the_answers_have_the_documented_shapes(fake: FakeRemindersApi) -> None:
    created = requests.post(URL, json=reminder_request_json(STRETCH, "en-GB"), headers=HEADERS)
    assert created.status_code == 201
    assert created.json().keys() == {
        "alertToken",
        "createdTime",
        "updatedTime",
        "status",
        "version",
        "href",
    }
    listed = requests.get(URL, headers=HEADERS).json()
    assert listed.keys() == DOCUMENTED_LIST.keys() and listed["totalCount"] == "1"
    assert listed["alerts"][0].keys() == DOCUMENTED_LIST["alerts"][0].keys()
    one = requests.get(f"{URL}/{created.json()['alertToken']}", headers=HEADERS)
    assert one.json() == listed["alerts"][0]
    assert requests.get(f"{URL}/missing", headers=HEADERS).status_code == 404


def test_without_the_permission_every_call_is_401(client: RemindersClient) -> None:
    api = FakeRemindersApi(granted=False)
    with api.activate(ENDPOINT):
        for call in (lambda: client.create(STRETCH), client.list, lambda: client.delete("x")):
            with pytest.raises(NoPermission, match="HTTP 401"):
                call()
        api.grant()
        assert client.create(STRETCH)


def test_a_permission_revoked_between_turns(
    fake: FakeRemindersApi, client: RemindersClient
) -> None:
    token = client.create(STRETCH)  # one turn
    fake.revoke()  # the person switches it off in the Alexa app
    with pytest.raises(NoPermission):
        client.list()  # the next turn
    with pytest.raises(NoPermission):
        client.delete(token)
    assert list(fake.reminders) == [token]  # nothing was deleted or half-done


def test_a_request_without_a_bearer_token_is_401(fake: FakeRemindersApi) -> None:
    assert requests.get(URL, headers={"Authorization": "Bearer "}).status_code == 401
    assert requests.get(URL).status_code == 401


def test_past_the_limit_is_429_and_nothing_is_made(client: RemindersClient) -> None:
    api = FakeRemindersApi(limit=2)
    with api.activate(ENDPOINT):
        client.create(STRETCH)
        client.create(STRETCH)
        with pytest.raises(TooMany) as raised:
            client.create(STRETCH)
    assert raised.value.status == 429 and raised.value.limit_reached
    assert len(api.reminders) == 2


def test_an_outage_is_unavailable(fake: FakeRemindersApi, client: RemindersClient) -> None:
    fake.outage = 503
    with pytest.raises(Unavailable, match="HTTP 503"):
        client.list()


BAD_BODIES = [
    "not json",
    {"trigger": {"type": "SCHEDULED_ABSOLUTE"}},
    {"alertInfo": {"spokenInfo": {"content": []}}},
    {"alertInfo": {"spokenInfo": {"content": [{"locale": "en-US", "text": " "}]}}},
    {"pushNotification": {"status": "LOUD"}},
    {"trigger": {"type": "SCHEDULED_SOMETIME"}},
    {"trigger": {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": -5}},
    {"trigger": {"type": "SCHEDULED_ABSOLUTE", "scheduledTime": "2030-01-01T19:00:00Z"}},
    {"trigger": {"type": "SCHEDULED_ABSOLUTE", "scheduledTime": "2020-01-01T19:00:00.000"}},
    {"trigger": {"type": "SCHEDULED_ABSOLUTE", "timeZoneId": "Mars/Olympus", "recurrence": {}}},
    {"trigger": {"type": "SCHEDULED_ABSOLUTE", "recurrence": {"recurrenceRules": []}}},
    {"trigger": {"type": "SCHEDULED_ABSOLUTE", "recurrence": {"recurrenceRules": ["FREQ=DAILY"]}}},
    {"requestTime": None},
]


@pytest.mark.parametrize("change", BAD_BODIES)
def test_a_malformed_create_is_400(fake: FakeRemindersApi, change: object) -> None:
    body = reminder_request_json(STRETCH, "en-US")
    data = change if isinstance(change, str) else json.dumps({**body, **change})  # type: ignore[dict-item]
    answer = requests.post(URL, data=data, headers=HEADERS)
    assert answer.status_code == 400 and answer.json()["code"]
    assert fake.reminders == {}


def test_valid_one_off_and_relative_reminders_are_kept(fake: FakeRemindersApi) -> None:
    body = reminder_request_json(STRETCH, "en-US")
    triggers = [
        {"type": "SCHEDULED_ABSOLUTE", "scheduledTime": "2030-01-01T19:00:00.000"},
        {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 600},
    ]
    for trigger in triggers:
        answer = requests.post(URL, json={**body, "trigger": trigger}, headers=HEADERS)
        assert answer.status_code == 201
    times = [a["trigger"]["scheduledTime"] for a in fake.reminders.values()]
    assert times == ["2030-01-01T19:00:00.000", "2024-05-06T12:10:00.000"]


def test_the_fake_plugs_into_a_mock_of_the_callers_own() -> None:
    api = FakeRemindersApi()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        api.install(mock, ENDPOINT + "/")
        mock.get("https://example.com/other", json={"ok": True})
        assert RemindersClient(ENDPOINT, "t").list() == []
        assert requests.get("https://example.com/other").json() == {"ok": True}
