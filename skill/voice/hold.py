"""A timed hold in one response: cues and silences that add up to the hold's length."""

from __future__ import annotations

from typing import Any

from skill.voice.ssml import MAX_BREAK_SECONDS, Markup, escape, pause


def seconds_to_say(text: str, words_per_minute: float) -> float:
    """How long ``text`` takes to say at the stated speaking rate."""
    return len(text.split()) * 60 / words_per_minute


def _silence(seconds: float) -> list[str]:
    breaks: list[str] = []
    while seconds > 0.0005:
        chunk = min(seconds, MAX_BREAK_SECONDS)
        breaks.append(pause(chunk))
        seconds -= chunk
    return breaks


def hold_ssml(hold: dict[str, Any], start: str) -> Markup:
    """``start``, then each cue at its second with silence between, then the release cue.

    The hold runs from the end of the start cue to the start of the release cue.
    """
    rate = hold["words_per_minute"]
    parts = [escape(start)]
    clock = 0.0
    for cue in hold["cues"]:
        parts += _silence(cue["at"] - clock)
        parts.append(escape(cue["say"]))
        clock = cue["at"] + seconds_to_say(cue["say"], rate)
    parts += _silence(hold["seconds"] - clock)
    parts.append(escape(hold["release"]))
    return Markup(" ".join(parts))
