"""Asking for the reminders permission by voice, the consent card, and the answer Alexa sends."""

from __future__ import annotations

import json
from typing import Any

import pytest
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.reminders import (
    REMINDERS_SCOPE,
    ask_for_reminders_directive,
    consent_card,
    permission_outcome,
)

SERIALIZER = DefaultSerializer()


def connections_response(
    status: str | None = "ACCEPTED",
    code: str = "200",
    name: str = "AskFor",
    token: str = "set-stretch",
    **payload: Any,
) -> dict:
    """A Connections.Response request as Alexa sends it after an AskFor."""
    body: dict[str, Any] = {"permissionScope": REMINDERS_SCOPE, **payload}
    if status is not None:
        body["status"] = status
    return {
        "type": "Connections.Response",
        "requestId": "amzn1.echo-api.request.1",
        "timestamp": "2024-05-06T12:00:00Z",
        "locale": "en-US",
        "status": {"code": code, "message": "OK"},
        "name": name,
        "payload": body,
        "token": token,
    }


def deserialized(request: dict) -> Any:
    """The request as the SDK hands it to a handler."""
    envelope = {
        "version": "1.0",
        "context": {"System": {"apiEndpoint": "https://api.amazonalexa.com"}},
        "request": request,
    }
    return SERIALIZER.deserialize(json.dumps(envelope), RequestEnvelope).request


def test_the_ask_for_directive_is_the_documented_send_request() -> None:
    assert SERIALIZER.serialize(ask_for_reminders_directive("set-stretch")) == {
        "type": "Connections.SendRequest",
        "name": "AskFor",
        "payload": {
            "@type": "AskForPermissionsConsentRequest",
            "@version": "2",
            "permissionScopes": [
                {
                    "permissionScope": "alexa::alerts:reminders:skill:readwrite",
                    "consentLevel": "ACCOUNT",
                }
            ],
        },
        "token": "set-stretch",
    }


def test_the_directive_goes_into_a_response_the_sdk_builds() -> None:
    factory = ResponseFactory()
    factory.speak("I need your permission to set reminders.")
    factory.add_directive(ask_for_reminders_directive())
    response: Any = SERIALIZER.serialize(factory.response)
    assert response["directives"][0]["type"] == "Connections.SendRequest"
    assert response["directives"][0]["token"] == ""


def test_the_consent_card_names_the_reminders_scope() -> None:
    assert SERIALIZER.serialize(consent_card()) == {
        "type": "AskForPermissionsConsent",
        "permissions": ["alexa::alerts:reminders:skill:readwrite"],
    }


@pytest.mark.parametrize(
    ("status", "outcome"),
    [("ACCEPTED", "granted"), ("DENIED", "denied"), ("NOT_ANSWERED", "not_answered")],
)
def test_the_answers_alexa_reports(status: str, outcome: str) -> None:
    request = deserialized(connections_response(status))
    assert type(request).__name__ == "ConnectionsResponse"
    assert permission_outcome(request) == outcome
    assert permission_outcome(request, token="set-stretch") == outcome
    assert permission_outcome(connections_response(status)) == outcome  # the raw JSON too


@pytest.mark.parametrize(
    "request_json",
    [
        connections_response(code="500"),
        connections_response(code="400"),
        connections_response(code=""),
        connections_response(status="MAYBE"),
        connections_response(status=None),
        connections_response(name="Buy"),
        connections_response(permissionScope="alexa::profile:email:read"),
        connections_response(
            permissionScopes=[
                {"permissionScope": "alexa::profile:name:read", "consentLevel": "ACCOUNT"}
            ],
            permissionScope=None,
        ),
        {"type": "IntentRequest", "requestId": "r", "intent": {"name": "AMAZON.YesIntent"}},
        {**connections_response(), "payload": None},
    ],
)
def test_anything_else_is_an_error(request_json: dict) -> None:
    assert permission_outcome(deserialized(request_json)) == "error"
    assert permission_outcome(request_json) == "error"


def test_an_answer_to_another_request_is_an_error() -> None:
    request = deserialized(connections_response(token="something-else"))
    assert permission_outcome(request, token="set-stretch") == "error"
    assert permission_outcome(request) == "granted"  # when the caller does not check
