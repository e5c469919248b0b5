"""A timed hold in one response: a start chime, cues and silences that fill the hold, an end chime.

The hold runs from the end of the start chime to the start of the end chime, so a sound that is
longer, shorter or missing never changes it. Each cue is placed at its second; the silence before
it is the time left after the cue before, whose length comes from a speaking-time model fitted to
rendered speech (``bench/bench_hold.py --fit``): seconds per syllable at a reference rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from skill.voice.ssml import MAX_BREAK_SECONDS, Markup, escape, pause

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
MIN_GAP_SECONDS = 3.0


def syllables(text: str) -> int:
    """About how many syllables ``text`` has (vowel groups, a silent final e dropped)."""
    count = 0
    for word in re.findall(r"[a-z']+", text.lower()):
        groups = len(_VOWEL_GROUPS.findall(word))
        if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
            groups -= 1
        count += max(groups, 1)
    return count


def seconds_to_say(text: str, speech: dict[str, Any]) -> float:
    """How long ``text`` takes to say, by the fitted model (``hold.speech`` in content)."""
    return syllables(text) * speech["seconds_per_syllable"]


@dataclass(frozen=True)
class Cue:
    """Something said during the hold, ``at`` seconds after it began."""

    at: float
    say: str


def cues_for(hold: dict[str, Any], seconds: int) -> list[Cue]:
    """The cues of a hold of ``seconds``: those counted from the end, and halfway if it fits."""
    cues = [Cue(seconds - cue["remaining"], cue["say"]) for cue in hold["cues"]]
    cues = [cue for cue in cues if cue.at > 0]
    middle = seconds / 2
    if all(abs(cue.at - middle) >= MIN_GAP_SECONDS for cue in cues):
        cues.append(Cue(middle, hold["halfway"]))
    return sorted(cues, key=lambda cue: cue.at)


def _silence(seconds: float) -> list[str]:
    breaks: list[str] = []
    while seconds > 0.0005:
        chunk = min(seconds, MAX_BREAK_SECONDS)
        breaks.append(pause(chunk))
        seconds -= chunk
    return breaks


def _sound(source: str) -> str:
    return f'<audio src="{escape(source)}"/>'


def hold_ssml(hold: dict[str, Any], start: str, seconds: int) -> Markup:
    """``start``, the start chime, the timed hold of ``seconds``, the end chime, the release."""
    parts = [escape(start), _sound(hold["sounds"]["start"])]
    clock = 0.0
    for cue in cues_for(hold, seconds):
        parts += _silence(cue.at - clock)
        parts.append(escape(cue.say))
        clock = cue.at + seconds_to_say(cue.say, hold["speech"])
    parts += _silence(seconds - clock)
    parts += [_sound(hold["sounds"]["end"]), escape(hold["release"])]
    return Markup(" ".join(parts))


def hold_seconds(hold: dict[str, Any], chosen: Any) -> int:
    """The person's chosen hold length if it is one the skill offers, else the default."""
    return chosen if chosen in hold["choices"] else hold["default_seconds"]
