"""The Reminders API client against the documented JSON and every status it can answer.

Every outbound call is answered by ``responses``; nothing here touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

import pytest
import requests
import responses
from ask_sdk_core.serialize import DefaultSerializer

from skill.reminders import (
    Forbidden,
    Invalid,
    NoPermission,
    NotFound,
    RemindersClient,
    RemindersError,
    ReminderSpec,
    TooMany,
    Unavailable,
)
from tests.reminder_documents import DOCUMENTED_LIST, alert

ENDPOINT = "https://api.amazonalexa.com"
TOKEN = "Atza|secret-access-token"
URL = ENDPOINT + "/v1/alerts/reminders"
STRETCH = ReminderSpec.daily("Time to stretch your feet and calves.", "19:00")


@pytest.fixture
def api() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> RemindersClient:
    return RemindersClient(ENDPOINT + "/", TOKEN)


# Create


def test_create_posts_the_body_with_the_token_and_returns_the_alert_token(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    api.post(URL, status=201, json={"alertToken": "abc-123", "status": "ON", "version": "1"})
    assert client.create(STRETCH, "en-CA") == "abc-123"
    sent = api.calls[0].request
    assert sent.headers["Authorization"] == f"Bearer {TOKEN}"
    body = json.loads(sent.body or b"")
    assert body["alertInfo"]["spokenInfo"]["content"][0]["locale"] == "en-CA"
    assert body["trigger"]["recurrence"]["recurrenceRules"] == list(STRETCH.rules)


def test_create_accepts_200_as_the_sdk_model_declares(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    api.post(URL, status=200, json={"alertToken": "abc-200"})
    assert client.create(STRETCH) == "abc-200"


ERRORS = [
    (400, {"code": "INVALID_TRIGGER", "message": "bad"}, Invalid, False),
    (401, {"code": "UNAUTHORIZED", "message": "no consent"}, NoPermission, False),
    (403, {"code": "FORBIDDEN", "message": "device not supported"}, Forbidden, False),
    (
        403,
        {"code": "ACCESS_DENIED", "message": "User has not given permission"},
        NoPermission,
        False,
    ),
    (403, "<HTML><H1>403 ERROR</H1></HTML>", Forbidden, False),
    (404, {"code": "NOT_FOUND"}, NotFound, False),
    (409, {"code": "CONFLICT"}, Invalid, False),
    (429, {"code": "TOO_MANY_REQUESTS"}, TooMany, False),
    (429, None, TooMany, False),
    (500, {"code": "INTERNAL_ERROR"}, Unavailable, True),
    (502, None, Unavailable, True),
    (503, {"code": "SERVICE_UNAVAILABLE"}, Unavailable, False),
    (504, None, Unavailable, True),
]


@pytest.mark.parametrize(("status", "body", "error", "maybe_created"), ERRORS)
def test_create_raises_a_typed_error_for_every_status(
    api: responses.RequestsMock,
    client: RemindersClient,
    status: int,
    body: object,
    error: type[RemindersError],
    maybe_created: bool,
) -> None:
    if isinstance(body, str) or body is None:
        api.post(URL, status=status, body=body or "")
    else:
        api.post(URL, status=status, json=body)
    with pytest.raises(error) as raised:
        client.create(STRETCH)
    assert type(raised.value) is error
    assert raised.value.status == status
    assert raised.value.maybe_created is maybe_created
    assert str(raised.value).startswith(f"create: HTTP {status}")
    assert "secret" not in str(raised.value) and TOKEN not in repr(raised.value.args)


@pytest.mark.parametrize("status", [400, 403, 429])
def test_the_reminder_limit_is_too_many_whatever_its_status(
    api: responses.RequestsMock, client: RemindersClient, status: int
) -> None:
    api.post(URL, status=status, json={"code": "MAX_REMINDERS_EXCEEDED", "message": "limit"})
    with pytest.raises(TooMany) as raised:
        client.create(STRETCH)
    assert raised.value.limit_reached is True
    assert str(raised.value) == f"create: HTTP {status} MAX_REMINDERS_EXCEEDED"


def test_throttling_is_too_many_without_the_limit(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    api.post(URL, status=429, json={"code": "TOO_MANY_REQUESTS"})
    with pytest.raises(TooMany) as raised:
        client.create(STRETCH)
    assert raised.value.limit_reached is False


def test_an_error_code_that_is_not_an_identifier_is_left_out_of_the_reason(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    api.post(URL, status=400, json={"code": f"bad {TOKEN}", "message": TOKEN})
    with pytest.raises(Invalid) as raised:
        client.create(STRETCH)
    assert str(raised.value) == "create: HTTP 400" and raised.value.code is None


@pytest.mark.parametrize(
    ("failure", "maybe_created"),
    [
        (requests.ConnectTimeout("connect timed out"), False),
        (requests.ReadTimeout("read timed out"), True),
        (requests.ConnectionError("connection reset"), True),
        (requests.exceptions.ChunkedEncodingError("broken"), True),
    ],
)
def test_timeouts_and_broken_connections_are_unavailable(
    api: responses.RequestsMock,
    client: RemindersClient,
    failure: Exception,
    maybe_created: bool,
) -> None:
    api.post(URL, body=failure)
    with pytest.raises(Unavailable) as raised:
        client.create(STRETCH)
    assert raised.value.maybe_created is maybe_created
    assert raised.value.status is None and TOKEN not in str(raised.value)


@pytest.mark.parametrize(
    ("status", "body"), [(201, "not json{"), (201, '{"status": "ON"}'), (204, ""), (201, "[]")]
)
def test_a_success_without_a_readable_token_may_have_created_it(
    api: responses.RequestsMock, client: RemindersClient, status: int, body: str
) -> None:
    api.post(URL, status=status, body=body)
    with pytest.raises(Unavailable) as raised:
        client.create(STRETCH)
    assert raised.value.maybe_created is True


def test_a_redirect_is_not_followed(api: responses.RequestsMock, client: RemindersClient) -> None:
    api.post(URL, status=302, headers={"Location": "https://elsewhere.example/"})
    with pytest.raises(Unavailable):
        client.create(STRETCH)
    assert len(api.calls) == 1


def test_a_lost_answer_is_found_again_by_text(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    api.post(URL, body=requests.ReadTimeout("read timed out"))
    api.get(URL, json=DOCUMENTED_LIST)
    with pytest.raises(Unavailable) as raised:
        client.create(ReminderSpec("Drink a glass of water", ("10:00", "15:00")))
    assert raised.value.maybe_created
    found = client.find_by_text("drink a glass of water")
    assert [r.alert_token for r in found] == ["water"]
    assert client.find_by_text("Stretch") == []  # that one is COMPLETED


# List


def test_the_documented_list_response_is_read(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    api.get(URL, json=DOCUMENTED_LIST)
    once, weekly, water = client.list()
    assert (once.alert_token, once.status, once.text) == (
        "79559745-635b-44cb-ba9d-9f364d41600d",
        "ON",
        "walk the dog",
    )
    assert (once.recurring, once.summary, once.time_zone) == (False, "once", "Europe/London")
    assert once.next_trigger == datetime(2018, 11, 4, 20, 5, 44, 327000)
    assert (weekly.active, weekly.days, weekly.times, weekly.summary) == (
        False,
        ("MO",),
        ("19:00",),
        "MO 19:00",
    )
    assert (water.times, water.days, water.summary) == (("10:00", "15:00"), (), "daily 10:00 15:00")
    assert water.time_zone is None and water.raw["version"] == "2"


@pytest.mark.parametrize(
    "body",
    [{"totalCount": "0", "alerts": [], "links": None}, {"totalCount": 0, "alerts": None}, {}],
)
def test_no_reminders(api: responses.RequestsMock, client: RemindersClient, body: dict) -> None:
    api.get(URL, json=body)
    assert client.list() == []


def test_an_alert_without_a_token_is_skipped(
    api: responses.RequestsMock, client: RemindersClient
) -> None:
    broken = [{"status": "ON"}, "text", alert("", {}), alert("ok", {"recurrence": "weird"})]
    api.get(URL, json={"totalCount": "4", "alerts": broken})
    (only,) = client.list()
    assert (only.alert_token, only.times, only.recurring) == ("ok", (), False)


@pytest.mark.parametrize("body", ["<html>", "[]", '{"alerts": {}}', ""])
def test_an_unreadable_list_is_unavailable(
    api: responses.RequestsMock, client: RemindersClient, body: str
) -> None:
    api.get(URL, body=body)
    with pytest.raises(Unavailable, match=r"^list: HTTP 200"):
        client.list()


@pytest.mark.parametrize(
    ("status", "error"), [(401, NoPermission), (429, TooMany), (500, Unavailable)]
)
def test_list_errors_are_typed(
    api: responses.RequestsMock, client: RemindersClient, status: int, error: type[RemindersError]
) -> None:
    api.get(URL, status=status)
    with pytest.raises(error) as raised:
        client.list()
    assert raised.value.maybe_created is False


# Delete


@pytest.mark.parametrize("status", [200, 204, 404])
def test_delete_is_done_when_deleted_or_already_gone(
    api: responses.RequestsMock, client: RemindersClient, status: int
) -> None:
    api.delete(URL + "/a%2Fb%20c", status=status)
    client.delete("a/b c")
    assert len(api.calls) == 1


@pytest.mark.parametrize(
    ("status", "error"), [(400, Invalid), (401, NoPermission), (403, Forbidden), (503, Unavailable)]
)
def test_delete_errors_are_typed(
    api: responses.RequestsMock, client: RemindersClient, status: int, error: type[RemindersError]
) -> None:
    api.delete(URL + "/abc", status=status)
    with pytest.raises(error, match=rf"^delete: HTTP {status}"):
        client.delete("abc")


def test_delete_needs_a_token(client: RemindersClient) -> None:
    with pytest.raises(ValueError):
        client.delete(" ")


# The client's edges


def test_the_client_needs_endpoint_and_token_and_never_shows_the_token() -> None:
    with pytest.raises(ValueError):
        RemindersClient(ENDPOINT, "")
    assert TOKEN not in repr(RemindersClient(ENDPOINT, TOKEN))


def test_a_client_from_a_request_envelope(api: responses.RequestsMock) -> None:
    envelope = DefaultSerializer().deserialize(
        json.dumps(
            {
                "version": "1.0",
                "context": {"System": {"apiEndpoint": ENDPOINT, "apiAccessToken": TOKEN}},
                "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"},
            }
        ),
        "ask_sdk_model.RequestEnvelope",
    )
    api.get(URL, json={"alerts": []})
    assert RemindersClient.from_envelope(envelope).list() == []


@pytest.mark.parametrize(
    ("answer", "zone"),
    [
        ({"json": "America/Chicago"}, "America/Chicago"),
        ({"status": 403, "json": {"code": "FORBIDDEN"}}, None),
        ({"body": requests.ReadTimeout("slow")}, None),
        ({"json": {"zone": "x"}}, None),
    ],
)
def test_the_device_time_zone_or_none(
    api: responses.RequestsMock, client: RemindersClient, answer: dict, zone: str | None
) -> None:
    api.get(ENDPOINT + "/v2/devices/dev%2F1/settings/System.timeZone", **answer)
    assert client.device_time_zone("dev/1") == zone
