"""What Alexa would refuse: a response that is not valid Alexa JSON, a file that is no replay."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from skill.voice.ssml import SpeechError, check_ssml

MAX_RESPONSE_BYTES = 24 * 1024
CARD_TYPES = frozenset({"Simple", "Standard", "LinkAccount", "AskForPermissionsConsent"})
MAX_REPLAY_INPUTS = 200
MAX_UTTERANCE_CHARS = 500


class ConsoleError(Exception):
    """Something the page should say in place: the message is one readable sentence."""


def utterance(text: str) -> str:
    """Typed words, spaces tidied; ConsoleError if there are none or far too many."""
    words = " ".join(text.split())
    if not words:
        raise ConsoleError("type something to say first")
    if len(words) > MAX_UTTERANCE_CHARS:
        raise ConsoleError(f"that is over {MAX_UTTERANCE_CHARS} characters; Alexa hears less")
    return words


def _speech_problems(where: str, speech: Any) -> list[str]:
    if not isinstance(speech, dict):
        return [f"{where} is not an object"]
    kind = speech.get("type")
    if kind == "PlainText":
        return [] if isinstance(speech.get("text"), str) else [f"{where}.text is not a string"]
    if kind != "SSML":
        return [f'{where}.type is {kind!r}, not "PlainText" or "SSML"']
    document = speech.get("ssml")
    if not isinstance(document, str):
        return [f"{where}.ssml is not a string"]
    try:
        check_ssml(document)
    except SpeechError as failure:
        return [f"{where}.ssml: {failure}"]
    return []


def _body_problems(body: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if "outputSpeech" in body:
        problems += _speech_problems("response.outputSpeech", body["outputSpeech"])
    if "reprompt" in body:
        reprompt = body["reprompt"]
        inner = reprompt.get("outputSpeech") if isinstance(reprompt, dict) else None
        problems += _speech_problems("response.reprompt.outputSpeech", inner)
    card = body.get("card")
    if card is not None and (not isinstance(card, dict) or card.get("type") not in CARD_TYPES):
        problems.append("response.card is not a card (its type must be Simple, Standard, ...)")
    if body.get("shouldEndSession") not in (None, True, False):
        problems.append("response.shouldEndSession is not true, false or null")
    directives = body.get("directives", [])
    if not isinstance(directives, list) or not all(
        isinstance(item, dict) and isinstance(item.get("type"), str) for item in directives
    ):
        problems.append("response.directives is not a list of objects with a type")
    return problems


def response_problems(envelope: Any) -> list[str]:
    """Why Alexa would refuse this response envelope; [] when it would accept it."""
    if not isinstance(envelope, dict):
        return [f"the answer is a JSON {type(envelope).__name__}, not an object"]
    problems: list[str] = []
    if not isinstance(envelope.get("version"), str):
        problems.append('"version" is missing or not a string')
    if not isinstance(envelope.get("sessionAttributes", {}), dict):
        problems.append('"sessionAttributes" is not an object')
    body = envelope.get("response")
    if not isinstance(body, dict):
        problems.append('"response" is missing or not an object')
    else:
        problems += _body_problems(body)
    size = len(json.dumps(envelope, separators=(",", ":")))
    if size > MAX_RESPONSE_BYTES:
        problems.append(f"it is {size} bytes; Alexa takes at most {MAX_RESPONSE_BYTES}")
    return problems


@dataclass(frozen=True)
class Replay:
    """An ASK CLI replay file: what to say, and optionally the locale and skill id."""

    inputs: tuple[str, ...]
    locale: str | None = None
    skill_id: str | None = None


def parse_replay(text: str, name: str = "the file") -> Replay:
    """Read an ASK CLI replay file's text; ConsoleError says what is wrong with it."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as failure:
        raise ConsoleError(
            f"{name} is not a replay file: it is not valid JSON ({failure})"
        ) from None
    if not isinstance(document, dict):
        raise ConsoleError(f"{name} is not a replay file: it must hold a JSON object")
    inputs = document.get("userInput")
    if not isinstance(inputs, list) or not all(isinstance(item, str) for item in inputs):
        raise ConsoleError(f'{name} is not a replay file: it needs "userInput", a list of strings')
    if not inputs or len(inputs) > MAX_REPLAY_INPUTS:
        raise ConsoleError(f'{name}: "userInput" must hold 1 to {MAX_REPLAY_INPUTS} utterances')
    if document.get("type", "text") != "text":
        raise ConsoleError(f'{name}: only replay files of "type": "text" can be run')
    for number, text in enumerate(inputs, 1):
        try:
            utterance(text)
        except ConsoleError as problem:
            raise ConsoleError(f"{name}: utterance {number}: {problem}") from None
    for key in ("skillId", "locale"):
        if key in document and not isinstance(document[key], str):
            raise ConsoleError(f'{name}: "{key}" must be a string')
    return Replay(tuple(inputs), document.get("locale"), document.get("skillId"))


def replay_document(inputs: list[str], locale: str, skill_id: str) -> dict[str, Any]:
    """An ASK CLI replay file (``ask dialog --replay``) for what was said."""
    return {"skillId": skill_id, "locale": locale, "type": "text", "userInput": inputs}
