"""Build request envelopes the way Alexa does, and hold a session across turns."""

from __future__ import annotations

import copy
import itertools
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from skill.voice.envelopes import session_ended
from skill.voice.ssml import check_response, ssml_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL_REQUESTS = FIXTURES / "real-requests"
TEMPLATE = "launch_request_geolocation_consent_2019-07-15.json"
ER_AUTHORITY = "amzn1.er-authority.echo-sdk.{skill}.{slot_type}"
SLOT_TYPES = {"cause": "CauseType", "topic": "SelfCareTopic"}

_ids = itertools.count(1)


def load_real_request(name: str) -> dict[str, Any]:
    """One of the captured requests Alexa really sent."""
    return json.loads((REAL_REQUESTS / name).read_text(encoding="utf-8"))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slot(name: str, spec: Any, skill_id: str) -> dict[str, Any]:
    """A slot as Alexa fills it: a value id matches, ``{"value": ...}`` alone does not."""
    if spec is None:
        return {"name": name, "confirmationStatus": "NONE"}
    if isinstance(spec, str):
        spec = {"id": spec, "value": spec.lower().replace("_", " ")}
    authority = ER_AUTHORITY.format(skill=skill_id, slot_type=SLOT_TYPES.get(name, name))
    resolution: dict[str, Any] = {"authority": authority}
    if spec.get("id"):
        resolution["status"] = {"code": "ER_SUCCESS_MATCH"}
        resolution["values"] = [{"value": {"name": spec["value"], "id": spec["id"]}}]
    else:
        resolution["status"] = {"code": "ER_SUCCESS_NO_MATCH"}
    return {
        "name": name,
        "value": spec["value"],
        "resolutions": {"resolutionsPerAuthority": [resolution]},
        "confirmationStatus": "NONE",
        "source": "USER",
    }


class RequestFactory:
    """Request envelopes shaped like the captured en-US LaunchRequest, with fresh ids."""

    def __init__(
        self,
        locale: str = "en-US",
        interfaces: dict[str, Any] | None = None,
        user_id: str | None = None,
        person_id: str | None = None,
    ):
        self.template = load_real_request(TEMPLATE)
        self.locale = locale
        self.user_id = user_id or f"amzn1.ask.account.TEST{uuid.uuid4().hex.upper()}"
        self.template["context"]["System"]["user"] = {"userId": self.user_id}
        self.template["session"]["user"] = {"userId": self.user_id}
        if person_id is not None:
            person = {"personId": person_id, "accessToken": "a-person-token"}
            self.template["context"]["System"]["person"] = person
        if interfaces is not None:
            self.template["context"]["System"]["device"]["supportedInterfaces"] = interfaces

    @property
    def skill_id(self) -> str:
        """The application id the envelopes carry."""
        return self.template["context"]["System"]["application"]["applicationId"]

    def envelope(self, request: dict[str, Any], attributes: dict[str, Any] | None, new: bool):
        """Wrap ``request`` in an envelope with session state."""
        envelope = copy.deepcopy(self.template)
        envelope["session"]["new"] = new
        envelope["session"]["attributes"] = attributes or {}
        base = {"requestId": f"amzn1.echo-api.request.test-{next(_ids)}", "timestamp": _now()}
        envelope["request"] = {**base, "locale": self.locale, **request}
        return envelope

    def launch(self) -> dict[str, Any]:
        """The request part of "open toe twitch helper"."""
        return {"type": "LaunchRequest", "shouldLinkResultBeReturned": False}

    def intent(self, name: str, slots: dict[str, Any] | None = None) -> dict[str, Any]:
        """The request part of an IntentRequest; slot specs as in :func:`slot`."""
        intent: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
        if slots:
            intent["slots"] = {k: slot(k, v, self.skill_id) for k, v in slots.items()}
        return {"type": "IntentRequest", "dialogState": "STARTED", "intent": intent}

    def session_ended(self, reason: str = "USER_INITIATED") -> dict[str, Any]:
        """The request part of a SessionEndedRequest."""
        return {"type": "SessionEndedRequest", "reason": reason}


Invoke = Callable[[dict[str, Any]], dict[str, Any]]


class Conversation:
    """One Alexa session: keeps attributes between turns, checks every response's speech."""

    def __init__(self, invoke: Invoke, factory: RequestFactory):
        self.invoke = invoke
        self.factory = factory
        self.attributes: dict[str, Any] = {}
        self.new = True
        self.ended = False
        self.responses: list[dict[str, Any]] = []

    def send(self, request: dict[str, Any]) -> dict[str, Any]:
        """Send one turn; return the response envelope."""
        if self.ended:
            self.attributes, self.new, self.ended = {}, True, False
        envelope = self.factory.envelope(request, self.attributes, self.new)
        response = self.invoke(envelope)
        check_response(response)
        self.new = False
        self.attributes = response.get("sessionAttributes") or {}
        self.ended = session_ended(response)
        self.responses.append(response)
        return response

    def launch(self) -> dict[str, Any]:
        """Open the skill."""
        return self.send(self.factory.launch())

    def say(self, intent: str, **slots: Any) -> dict[str, Any]:
        """Send an intent, slots given as value ids or ``{"value": ...}``."""
        return self.send(self.factory.intent(intent, slots or None))


def speech_text(response: dict[str, Any]) -> str:
    """The plain words of a response's speech, tags removed."""
    output = response["response"].get("outputSpeech") or {}
    return ssml_text(output.get("ssml", ""))


def reprompt_text(response: dict[str, Any]) -> str:
    """The plain words of a response's reprompt."""
    reprompt = response["response"].get("reprompt") or {}
    return ssml_text((reprompt.get("outputSpeech") or {}).get("ssml", ""))
