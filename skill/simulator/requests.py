"""Talk to the skill without an Amazon account: typed text becomes real-shaped Alexa requests.

A :class:`Simulator` keeps one Alexa session the way Alexa does: the first request of a session
has ``session.new`` true, a response's ``sessionAttributes`` come back in the next request's
``session.attributes``, and once a response ends the session the next utterance starts a new one
(with a new ``sessionId``). Utterances are resolved with :mod:`skill.simulator.resolver`.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from skill.simulator.rephrase import invocation
from skill.simulator.resolver import Resolution, get_resolver
from skill.simulator.text import normalise
from skill.voice.envelopes import session_ended
from skill.voice.ssml import SpeechError, ssml_text

DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000000"
USER_ID = "amzn1.ask.account.OFFLINE-SIMULATOR"
DEVICE_ID = "amzn1.ask.device.OFFLINE-SIMULATOR"
API_ENDPOINT = "https://api.amazonalexa.com"
API_ACCESS_TOKEN = "offline-simulator-token"
EXIT_PHRASES = frozenset({"exit", "alexa exit"})
"""Said inside a session, Alexa closes it and sends the skill a SessionEndedRequest."""

Send = Callable[[dict[str, Any]], dict[str, Any]]


class SimulatorError(Exception):
    """The skill could not be reached, or answered with something that is not a response."""


@dataclass
class Turn:
    """One exchange: what was typed, the request sent, the response, and the resolution."""

    utterance: str
    request: dict[str, Any]
    response: dict[str, Any]
    resolution: Resolution | None = None

    @property
    def ended(self) -> bool:
        """Whether the response closed the session."""
        return session_ended(self.response)


def now() -> str:
    """The current UTC time as Alexa writes request timestamps."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def launch_request() -> dict[str, Any]:
    """The request part of "open toe twitch helper"."""
    return {"type": "LaunchRequest", "shouldLinkResultBeReturned": False}


def intent_request(resolution: Resolution, skill_id: str) -> dict[str, Any]:
    """The request part of an IntentRequest for a resolved utterance."""
    return {
        "type": "IntentRequest",
        "dialogState": "STARTED",
        "intent": resolution.intent_json(skill_id),
    }


def session_ended_request(reason: str = "USER_INITIATED") -> dict[str, Any]:
    """The request part of a SessionEndedRequest."""
    return {"type": "SessionEndedRequest", "reason": reason}


def request_for(
    text: str, skill_id: str = DEFAULT_SKILL_ID, locale: str = "en-US"
) -> tuple[dict[str, Any], Resolution | None]:
    """The request part for one utterance (invocation phrases included) and its resolution."""
    resolver = get_resolver(locale)
    called = invocation(text, resolver.model.invocation)
    if called is not None:
        text = called[1]
        if not text:
            return launch_request(), None
    resolution = resolver.resolve(text)
    return intent_request(resolution, skill_id), resolution


@dataclass
class Simulator:
    """One person on one device: sessions, ids and attributes kept as Alexa keeps them.

    The user id stays the same from run to run, so with storage configured (``DATABASE``) the
    skill remembers the simulated person as it would remember a real one.
    """

    send: Send
    locale: str = "en-US"
    skill_id: str = DEFAULT_SKILL_ID
    interfaces: dict[str, Any] = field(default_factory=dict)
    user_id: str = USER_ID
    session_id: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    new: bool = True
    turns: list[Turn] = field(default_factory=list)

    @property
    def in_session(self) -> bool:
        """Whether a session is open (the skill is listening for the next utterance)."""
        return self.session_id is not None

    def envelope(self, request: dict[str, Any]) -> dict[str, Any]:
        """Wrap a request part in a full request envelope for the current session."""
        application = {"applicationId": self.skill_id}
        user = {"userId": self.user_id}
        session: dict[str, Any] = {
            "new": self.new,
            "sessionId": self.session_id,
            "application": application,
            "user": user,
        }
        if not self.new:
            session["attributes"] = self.attributes
        system = {
            "application": application,
            "user": user,
            "device": {"deviceId": DEVICE_ID, "supportedInterfaces": self.interfaces},
            "apiEndpoint": API_ENDPOINT,
            "apiAccessToken": API_ACCESS_TOKEN,
        }
        head = {
            "type": request["type"],
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": now(),
            "locale": self.locale,
        }
        return {
            "version": "1.0",
            "session": session,
            "context": {"System": system},
            "request": {**head, **request},
        }

    def _start_session(self) -> None:
        self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
        self.attributes, self.new = {}, True

    def say(self, text: str) -> Turn:
        """Send one utterance; return the turn. See the module docstring for sessions."""
        resolver = get_resolver(self.locale)
        called = invocation(text, resolver.model.invocation)
        if called is None and self.in_session and normalise(text) in EXIT_PHRASES:
            return self._exchange(text, session_ended_request(), None)
        if called is not None or not self.in_session:
            self._start_session()
        if called is not None and not called[1]:
            return self._exchange(text, launch_request(), None)
        resolution = resolver.resolve(called[1] if called else text)
        return self._exchange(text, intent_request(resolution, self.skill_id), resolution)

    def _exchange(self, text: str, request: dict[str, Any], resolution: Resolution | None) -> Turn:
        envelope = self.envelope(request)
        response = self.send(envelope)
        if not isinstance(response, dict):
            raise SimulatorError("the skill answered with something that is not a JSON object")
        turn = Turn(text, envelope, response, resolution)
        self.turns.append(turn)
        self.new = False
        self.attributes = response.get("sessionAttributes") or {}
        if request["type"] == "SessionEndedRequest" or turn.ended:
            self.session_id, self.attributes, self.new = None, {}, True
        return turn

    def answer_permission(self, accepted: bool) -> Turn:
        """Answer the skill's permission request as a person would: yes, or no."""
        payload = {
            "permissionScope": "alexa::alerts:reminders:skill:readwrite",
            "status": "ACCEPTED" if accepted else "DENIED",
        }
        request = {
            "type": "Connections.Response",
            "name": "AskFor",
            "status": {"code": "200", "message": "OK"},
            "token": "",
            "payload": payload,
        }
        label = "(allows reminders)" if accepted else "(does not allow reminders)"
        return self._exchange(label, request, None)

    def skill_io(self) -> dict[str, Any]:
        """Every request and response so far, as ``{"invocations": [...]}``."""
        return {"invocations": [{"request": t.request, "response": t.response} for t in self.turns]}


def http_sender(url: str, timeout: float = 30.0) -> Send:
    """Send envelopes to a running ``toe-twitch serve --insecure-dev`` at ``url``."""
    import requests

    def send(envelope: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(envelope).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        try:
            reply = requests.post(url, data=body, headers=headers, timeout=timeout)
        except requests.RequestException as failure:
            raise SimulatorError(f"cannot reach {url}: {type(failure).__name__}") from None
        if reply.status_code != 200:
            first = (reply.text.strip().splitlines() or [""])[0][:200]
            hint = " (is it running with --insecure-dev?)" if reply.status_code == 400 else ""
            raise SimulatorError(f"{url} answered HTTP {reply.status_code}{hint}: {first}")
        try:
            return reply.json()
        except ValueError:
            raise SimulatorError(f"{url} answered with something that is not JSON") from None

    return send


def plain_speech(speech: dict[str, Any] | None) -> str:
    """The words of an outputSpeech object, SSML tags removed."""
    if not speech:
        return ""
    if speech.get("type") == "PlainText":
        return " ".join(str(speech.get("text", "")).split())
    document = str(speech.get("ssml", ""))
    try:
        return ssml_text(document)
    except (SpeechError, ValueError):
        return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", document)).split())


def _slot_line(resolution: Resolution) -> str:
    parts = [f"{fill.name}={fill.value!r}{fill.outcome}" for fill in resolution.slots]
    return f" {', '.join(parts)}" if parts else ""


def describe(turn: Turn) -> str:
    """What a person would hear and see for one turn, as plain text lines."""
    request = turn.request["request"]
    label = request["type"]
    if turn.resolution is not None:
        label = f"{turn.resolution.intent}{_slot_line(turn.resolution)}"
    elif label == "SessionEndedRequest":
        label = f"SessionEndedRequest {request.get('reason', '')}".rstrip()
    body = turn.response.get("response") or {}
    lines = [f"You: {turn.utterance}", f"  -> {label}"]
    speech = plain_speech(body.get("outputSpeech"))
    lines.append(f"Alexa: {speech}" if speech else "Alexa: (says nothing)")
    card = body.get("card") or {}
    if card:
        lines.append(f"  Card: {card.get('title', '')}")
        text = card.get("text") or card.get("content") or ""
        lines += [f"    {line}" for line in str(text).splitlines() if line.strip()]
    reprompt = plain_speech((body.get("reprompt") or {}).get("outputSpeech"))
    if reprompt:
        lines.append(f"  Reprompt: {reprompt}")
    for directive in body.get("directives") or []:
        lines.append(f"  Directive: {directive.get('type', '?')}")
    lines.append("  [session ended]" if turn.ended else "  [session open]")
    return "\n".join(lines)
