"""Build SSML that Alexa accepts, and check it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_SPEECH_CHARS = 8000
MAX_BREAK_SECONDS = 10.0
MAX_WORDS = 65
ALLOWED_TAGS = frozenset(
    {
        "speak",
        "amazon:domain",
        "amazon:effect",
        "amazon:emotion",
        "alexa:name",
        "audio",
        "break",
        "emphasis",
        "lang",
        "p",
        "phoneme",
        "prosody",
        "s",
        "say-as",
        "sub",
        "voice",
        "w",
    }
)
_BREAK_TIME = re.compile(r"^(\d+(?:\.\d+)?)(ms|s)$")
_AMAZON_NS = "https://developer.amazon.com/alexa/ssml"
_ALEXA_NS = "https://developer.amazon.com/alexa/ssml/alexa"


class SpeechError(ValueError):
    """SSML that Alexa would reject or read badly."""


class Markup(str):
    """Text that is already SSML: :func:`escape` leaves it alone."""

    __slots__ = ()


def escape(text: str) -> str:
    """Escape the characters that SSML reserves in text: ``& < >`` (Markup passes through)."""
    if isinstance(text, Markup):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fill(template: str, **values: str) -> Markup:
    """Escape ``template`` and fill its ``{placeholders}``; Markup values go in as they are."""
    return Markup(escape(template).format(**{k: escape(v) for k, v in values.items()}))


def pause(seconds: float) -> Markup:
    """A ``<break>`` of ``seconds``, capped at the 10-second maximum Alexa allows."""
    milliseconds = round(min(max(seconds, 0.0), MAX_BREAK_SECONDS) * 1000)
    return Markup(f'<break time="{milliseconds}ms"/>')


def ssml(*parts: str) -> str:
    """Wrap already-escaped SSML fragments in ``<speak>``, separated by spaces."""
    return "<speak>" + " ".join(part for part in parts if part) + "</speak>"


def say(*sentences: str) -> str:
    """Sentences (plain text, escaped; or Markup, as is) wrapped as one SSML document."""
    return ssml(*(escape(sentence).strip() for sentence in sentences))


def break_seconds(value: str) -> float:
    """Parse a ``<break time>`` value such as ``500ms`` or ``2s`` into seconds."""
    match = _BREAK_TIME.match(value.strip())
    if not match:
        raise SpeechError(f"bad break time {value!r}")
    number, unit = float(match.group(1)), match.group(2)
    return number / 1000 if unit == "ms" else number


def _parse(document: str) -> Element:
    from xml.etree import ElementTree  # only checks need a parser; a turn never does

    declared = f'<speak xmlns:amazon="{_AMAZON_NS}" xmlns:alexa="{_ALEXA_NS}">'
    namespaced = document.replace("<speak>", declared, 1)
    try:
        return ElementTree.fromstring(namespaced)
    except ElementTree.ParseError as error:
        raise SpeechError(f"speech is not well-formed SSML: {error}") from error


def _tag_name(tag: str) -> str:
    return tag.replace("{" + _AMAZON_NS + "}", "amazon:").replace("{" + _ALEXA_NS + "}", "alexa:")


def check_ssml(document: str) -> None:
    """Raise :class:`SpeechError` unless ``document`` is SSML Alexa will speak."""
    if len(document) > MAX_SPEECH_CHARS:
        raise SpeechError(f"speech is {len(document)} characters; the limit is {MAX_SPEECH_CHARS}")
    root = _parse(document)
    if root.tag != "speak":
        raise SpeechError("speech must be wrapped in <speak>")
    for element in root.iter():
        name = _tag_name(element.tag)
        if name not in ALLOWED_TAGS:
            raise SpeechError(f"<{name}> is not an SSML tag Alexa supports")
        time = element.attrib.get("time") if name == "break" else None
        if time is not None and break_seconds(time) > MAX_BREAK_SECONDS:
            raise SpeechError("a <break> may last at most 10 seconds")
    if not "".join(root.itertext()).strip() and not any(True for _ in root.iter("audio")):
        raise SpeechError("speech says nothing")


def ssml_text(document: str) -> str:
    """The words of an SSML document, without its tags."""
    if not document:
        return ""
    return " ".join("".join(_parse(document).itertext()).split())


def check_response(envelope: dict[str, Any]) -> None:
    """Raise :class:`SpeechError` unless a response envelope is one Alexa will speak well.

    Speech and reprompt must be valid SSML, a turn at most ``MAX_WORDS`` words, and a
    response that keeps the session open must carry a reprompt.
    """
    response = envelope.get("response") or {}
    speech = response.get("outputSpeech")
    if speech is not None:
        if speech.get("type") != "SSML":
            raise SpeechError("speech must be SSML")
        check_ssml(speech.get("ssml", ""))
        words = len(ssml_text(speech["ssml"]).split())
        if words > MAX_WORDS:
            raise SpeechError(f"a turn of {words} words is too long to follow by ear")
    if response.get("shouldEndSession") is False:
        reprompt = (response.get("reprompt") or {}).get("outputSpeech")
        if speech is None or reprompt is None:
            raise SpeechError("an open session needs both speech and a reprompt")
        check_ssml(reprompt.get("ssml", ""))
