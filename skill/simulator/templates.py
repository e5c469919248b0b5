"""Sample utterances compiled for matching: words, slots, carrier regex and word stems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from skill.simulator.text import FILLERS, normalise, word_stems

BARE_WORDS = FILLERS | {"my", "your"}
"""Words a sample may have besides its one slot and still be a bare value ("the {cause} one")."""
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Template:
    """One sample utterance, normalised, with its slots, carrier regex and word stems.

    ``needs`` are the carrier's own words (a carrier regex can only match text that has them all);
    ``bare`` is a sample that is one slot with at most filler words ("{topic}", "the {cause} one");
    ``source`` is "model" for a sample in the interaction model, "built-in" for the phrase table.
    """

    intent: str
    text: str
    slots: tuple[str, ...]
    pattern: re.Pattern[str] | None
    stems: tuple[str, ...]
    needs: frozenset[str] = frozenset()
    bare: bool = False
    source: str = "model"


def make_template(intent: str, sample: str, source: str = "model") -> Template:
    """A sample of ``intent`` compiled: normalised like typed text, ``{slot}`` kept whole."""
    spaced = PLACEHOLDER.sub(lambda m: f" {{{m.group(1)}}} ", sample)
    text = " ".join(w if PLACEHOLDER.fullmatch(w) else normalise(w) for w in spaced.split())
    words = text.split()
    slots = tuple(PLACEHOLDER.findall(text))
    pattern = None
    if slots:
        parts = [
            rf"(?P<{w[1:-1]}>.+?)" if PLACEHOLDER.fullmatch(w) else re.escape(w) for w in words
        ]
        pattern = re.compile(" ".join(parts))
    carrier = [word for word in words if not PLACEHOLDER.fullmatch(word)]
    bare = len(slots) == 1 and all(word in BARE_WORDS for word in carrier)
    needs = frozenset(" ".join(carrier).split())
    return Template(intent, text, slots, pattern, tuple(word_stems(text)), needs, bare, source)
