"""Read the words in a slot's place: which value they name, and how cleanly."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from skill.rules.negation import negated
from skill.simulator.compiled_model import Model
from skill.simulator.slot_values import BUILT_IN_PREFIX, UNREAD, SlotFill, SlotType
from skill.simulator.templates import BARE_WORDS, Template
from skill.simulator.text import stem

LOOSE_WORDS = (
    BARE_WORDS
    | {"its", "it's", "is", "are", "be", "been", "i", "i'm", "lot", "lots", "quite", "much"}
    | {"too", "also", "as", "again", "lately", "recently", "still", "today", "all", "day"}
    | {"properly", "totally", "completely", "bad", "badly", "terribly"}
)
"""Words that may stand beside a slot value without changing what it names."""


ARGUMENT_WORDS = frozenset({"for", "to", "of", "with"})
"""Little words that make the word beside them an argument, never part of an idiom: "water" in
"a reminder for water" names a value even though a sample says "for water" word for word."""


@dataclass(frozen=True)
class Spot:
    """Words ``start:end`` of the text name ``fill`` (its slot name left empty)."""

    start: int
    end: int
    fill: SlotFill


def spots(model: Model, words: list[str]) -> list[Spot]:
    """Every slot value the words name, longest first, without overlaps within a type.

    A value word that the model's own samples use as a carrier word beside the next or previous
    word ("right" in "right now") is read as that carrier, not as a value, unless that word is a
    little word that makes it an argument (:data:`ARGUMENT_WORDS`).
    """
    taken: dict[str, list[Spot]] = {}
    for start, end, fill, _ in model.runs(words):
        found = taken.setdefault(fill.type, [])
        before = " ".join(words[max(start - 1, 0) : end]) if start else ""
        after = " ".join(words[start : end + 1]) if end < len(words) else ""
        if (before in model.carrier_pairs and words[start - 1] not in ARGUMENT_WORDS) or (
            after in model.carrier_pairs and words[end] not in ARGUMENT_WORDS
        ):
            continue
        if not any(s.start < end and start < s.end for s in found):
            found.append(Spot(start, end, fill))
    return [spot for found in taken.values() for spot in found]


def read_slot(
    model: Model, slot_type: SlotType, slot: str, words: list[str]
) -> tuple[SlotFill, float]:
    """The words in a slot's place resolved, and how cleanly (1.0: they name a value, no more).

    Words that name a value, in another word form, or among other words count for less; words
    only close to a value count for less again; no value at all scores 0. Of several values, a
    value denied ("not numb, more like pins and needles") gives way to one affirmed.
    """
    said = " ".join(words)
    runs = model.runs(words, slot_type.name)
    whole = [run for run in runs if run[1] - run[0] == len(words)]
    if whole:
        return whole[0][2].named(slot), 1.0 if whole[0][3] else 0.9
    if runs:
        affirmed = [run for run in runs if not negated(words[: run[0]])] or runs
        start, end, fill, exact = min(affirmed, key=lambda run: slot_type.priority(run[2]))
        rest = words[:start] + words[end:]
        stray = [w for w in rest if w not in LOOSE_WORDS and stem(w) not in slot_type.words]
        clean = (0.85 if exact else 0.8) if not stray else 0.7 - 0.3 * len(stray) / len(words)
        value = said if fill.value_id else fill.value
        return SlotFill(slot, slot_type.name, value, fill.value_id, fill.value_name), clean
    close = slot_type.closest(said)
    if close:
        return close.named(slot), 0.5
    if slot_type.name.startswith(BUILT_IN_PREFIX):
        return SlotFill(slot, slot_type.name, UNREAD), 0.0
    return SlotFill(slot, slot_type.name, said), 0.0


def aligned_words(template: Template, slot: str, words: list[str]) -> list[str]:
    """The input words that stand where ``{slot}`` stands in the template."""
    sample = template.text.split()
    place = sample.index(f"{{{slot}}}")
    taken: list[str] = []
    for op in Levenshtein.opcodes(sample, words):
        covers = op.tag == "replace" and op.src_start <= place < op.src_end
        beside = op.tag == "insert" and op.src_start in (place, place + 1)
        if covers or beside:
            taken += words[op.dest_start : op.dest_end]
    return taken
