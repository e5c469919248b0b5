"""One console conversation: the simulated device, and a record of every turn for the page."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from skill.console.changes import state_view, stored_view, view
from skill.console.checks import (
    ConsoleError,
    Replay,
    replay_document,
    response_problems,
    utterance,
)
from skill.console.devices import DEVICES, LOCALES, PERSONS, Device
from skill.persistence import ErasureFailed, Storage
from skill.simulator.explain import explain
from skill.simulator.requests import Send, Simulator, SimulatorError, Turn, invocation, plain_speech
from skill.simulator.resolution import FALLBACK
from skill.simulator.resolver import get_resolver
from skill.voice.ssml import say

INVALID = "Alexa would refuse this response and end the session with an error"
ERASURE_FAILED = "the skill could not erase the data (storage failed); Alexa would send it again"


@dataclass
class ConsoleSimulator(Simulator):
    """The simulator on a chosen device, with a recognised person if one is chosen."""

    device: Device = field(default_factory=lambda: DEVICES["voice"])
    person_id: str = ""

    def envelope(self, request: dict[str, Any]) -> dict[str, Any]:
        """The simulator's envelope, with the device's screen and the person added."""
        self.interfaces = self.device.interfaces()
        envelope = super().envelope(request)
        context = envelope["context"]
        context.update(self.device.context())
        if self.person_id:
            context["System"]["person"] = {"personId": self.person_id}
        return envelope

    def close_session(self) -> None:
        """Forget the session, as Alexa does after a response it refused."""
        self.session_id, self.attributes, self.new = None, {}, True


@dataclass
class Exchange:
    """What the console saw of one request: the envelope, the raw answer, the store around it."""

    request: dict[str, Any] | None = None
    response: Any = None
    stored_before: dict[str, Any] | None = None
    stored_after: dict[str, Any] | None = None


def _card(body: dict[str, Any]) -> dict[str, str] | None:
    card = body.get("card")
    if not isinstance(card, dict):
        return None
    text = card.get("text") or card.get("content") or ""
    return {"title": str(card.get("title", "")), "text": str(text)}


def _apl(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "token": d.get("token"),
            "document": d.get("document"),
            "datasources": d.get("datasources"),
        }
        for d in body.get("directives") or []
        if d.get("type") == "Alexa.Presentation.APL.RenderDocument"
    ]


def _ssml(speech: Any) -> str:
    if not isinstance(speech, dict):
        return ""
    if speech.get("type") == "PlainText":
        return say(str(speech.get("text", "")))
    return str(speech.get("ssml", ""))


class ConsoleSession:
    """The conversation the page shows: settings, the simulator, and every turn's record."""

    def __init__(self, send: Send, storage: Storage | None, skill_id: str, locale: str) -> None:
        self._target = send
        self.storage = storage
        self.lock = threading.Lock()
        self.skill_id = skill_id
        self.records: list[dict[str, Any]] = []
        self.exchange = Exchange()
        self.simulator = ConsoleSimulator(self._send, locale=locale, skill_id=skill_id)

    def settings(self) -> dict[str, Any]:
        """The device, locale and person the next request will carry."""
        device = next(key for key, value in DEVICES.items() if value == self.simulator.device)
        return {
            "device": device,
            "locale": self.simulator.locale,
            "person": self.simulator.person_id,
        }

    def configure(self, device: str, locale: str, person: str) -> None:
        """Change the device, locale and person from the next request on."""
        if device not in DEVICES or locale not in LOCALES or person not in PERSONS:
            raise ConsoleError("unknown device, locale or person")
        self.simulator.device, self.simulator.locale = DEVICES[device], locale
        self.simulator.person_id = person

    def _stored(self, envelope: dict[str, Any]) -> dict[str, Any] | None:
        return stored_view(self.storage, envelope) if self.storage else None

    def _send(self, envelope: dict[str, Any]) -> dict[str, Any]:
        self.exchange = Exchange(envelope, None, self._stored(envelope))
        try:
            response = self._target(envelope)
        except ErasureFailed:
            raise SimulatorError(ERASURE_FAILED) from None
        finally:
            self.exchange.stored_after = self._stored(envelope)
        self.exchange.response = response
        problems = response_problems(response)
        if problems:
            raise SimulatorError(
                f"the skill's response is not valid Alexa JSON: {'; '.join(problems)}"
            )
        return response

    def say(self, text: str) -> dict[str, Any]:
        """Send one utterance and return the turn's record; a failure is a record too."""
        text = utterance(text)
        settings = self.settings()
        self.exchange = Exchange()
        try:
            turn = self.simulator.say(text)
        except SimulatorError as failure:
            self.simulator.close_session()
            record = self._failed(text, str(failure))
        else:
            record = self._record(turn)
        record.update(index=len(self.records), settings=settings)
        self.records.append(record)
        return record

    def _failed(self, text: str, message: str) -> dict[str, Any]:
        exchange = self.exchange
        if exchange.response is not None:
            message = f"{message}. {INVALID}."
        return {
            "utterance": text,
            "error": message,
            "request": exchange.request,
            "response": exchange.response,
            "ended": True,
            "stored": self._stored_view(),
        }

    def _stored_view(self) -> dict[str, Any] | None:
        exchange = self.exchange
        if self.storage is None or exchange.stored_before is None:
            return None
        return view(exchange.stored_before, exchange.stored_after)

    def _record(self, turn: Turn) -> dict[str, Any]:
        body = turn.response.get("response") or {}
        request = turn.request["request"]
        reprompt = (body.get("reprompt") or {}).get("outputSpeech")
        before = turn.request["session"].get("attributes", {})
        return {
            "utterance": turn.utterance,
            "label": self._label(turn),
            "fallback": turn.resolution is not None and turn.resolution.intent == FALLBACK,
            "explain": self._explain(turn),
            "request": turn.request,
            "response": turn.response,
            "speech": {
                "ssml": _ssml(body.get("outputSpeech")),
                "text": plain_speech(body.get("outputSpeech")),
            },
            "reprompt": plain_speech(reprompt),
            "card": _card(body),
            "apl": _apl(body),
            "ended": turn.ended or request["type"] == "SessionEndedRequest",
            "state": view(state_view(before), state_view(turn.response.get("sessionAttributes"))),
            "stored": self._stored_view(),
        }

    @staticmethod
    def _label(turn: Turn) -> str:
        request = turn.request["request"]
        if turn.resolution is None:
            return " ".join(filter(None, (request["type"], request.get("reason"))))
        slots = ", ".join(
            f"{fill.name}={fill.value!r} ({fill.value_id or 'no match'})"
            for fill in turn.resolution.slots
        )
        return f"{turn.resolution.intent} {slots}".strip()

    def _explain(self, turn: Turn) -> str | None:
        if turn.resolution is None:
            return None
        called = invocation(turn.utterance, get_resolver(self.simulator.locale).model.invocation)
        return explain(called[1] if called else turn.utterance, self.simulator.locale)

    def replay(self, replay: Replay) -> list[dict[str, Any]]:
        """Run a replay file's utterances in a new conversation; stop at ``.quit``."""
        if replay.locale and replay.locale not in LOCALES:
            raise ConsoleError(
                f"the replay file's locale {replay.locale} is not one of {', '.join(LOCALES)}"
            )
        self.reset()
        self.simulator.locale = replay.locale or self.simulator.locale
        records = []
        for text in replay.inputs:
            if text.strip() == ".quit":
                break
            records.append(self.say(text))
        return records

    def reset(self) -> None:
        """A new conversation: no turns, no session (the stored record stays)."""
        self.records = []
        self.simulator.close_session()
        self.simulator.turns = []

    def replay_file(self) -> dict[str, Any]:
        """What was said, as an ASK CLI replay file."""
        inputs = [record["utterance"] for record in self.records]
        return replay_document(inputs, self.simulator.locale, self.skill_id)

    def skill_io(self) -> dict[str, Any]:
        """Every request and the answer it got, as ``{"invocations": [...]}``."""
        pairs = [r for r in self.records if r.get("request") is not None]
        return {
            "invocations": [{"request": r["request"], "response": r["response"]} for r in pairs]
        }
