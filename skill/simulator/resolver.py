"""Resolve typed text to an intent and slots with the skill's own interaction model, offline.

Roughly what Alexa does with speech, for text: an exact sample wins; a sample whose words around
a ``{slot}`` match takes the words in the slot's place and resolves them against the slot type's
values and synonyms (``ER_SUCCESS_MATCH``, else ``ER_SUCCESS_NO_MATCH``); otherwise the closest
sample wins if it is close enough, and anything else goes to ``AMAZON.FallbackIntent``.
"Close" blends rapidfuzz string similarity with word overlap weighted by how rare a word is
across intents, so "stop" counts for more than "please".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from skill.rules.interaction_model import DEFAULT_LOCALE
from skill.simulator.compiled_model import (
    Model,
    SlotFill,
    SlotType,
    Template,
    load_model,
)
from skill.simulator.text import FILLERS, normalise, stem, word_stems

__all__ = ["FALLBACK", "Candidate", "Resolution", "Resolver", "SlotFill", "get_resolver", "resolve"]

FALLBACK = "AMAZON.FallbackIntent"
ACCEPT = 45.0
"""The least score (0-100) for an intent to be chosen over the fallback."""
MAX_WORDS = 60
MAX_CHARS = 500
"""Longer input is not one request: it goes to the fallback (Alexa caps samples at 200 chars)."""
WORD_SHARE = 0.6
"""How much weighted word overlap counts against string similarity in a fuzzy score."""
INTENT_SHARE = 0.4
"""How much the share of the input's words that an intent's samples use counts in a score."""
EVIDENCE = 2.5
"""The least word weight an input needs to be fully explained (so "the" alone is not)."""
SUPPORT = 0.25
"""How much the intent's second-best sample counts: a real match is near several samples."""
SHORTLIST = 12
LOOSE_WORDS = FILLERS | {"my", "your", "its", "it's"}


@dataclass(frozen=True)
class Resolution:
    """What typed text resolved to: an intent, its filled slots, and how sure (0-100)."""

    intent: str
    score: float
    slots: tuple[SlotFill, ...] = ()
    declared: tuple[str, ...] = ()
    sample: str = ""

    @property
    def slot_ids(self) -> dict[str, str | None]:
        """Each filled slot's value id (None when it matched no value)."""
        return {fill.name: fill.value_id for fill in self.slots}

    def intent_json(self, skill_id: str) -> dict[str, Any]:
        """The ``intent`` object of an IntentRequest, every declared slot present."""
        intent: dict[str, Any] = {"name": self.intent, "confirmationStatus": "NONE"}
        if self.declared:
            filled = {fill.name: fill for fill in self.slots}
            intent["slots"] = {
                name: filled[name].to_json(skill_id)
                if name in filled
                else {"name": name, "confirmationStatus": "NONE"}
                for name in self.declared
            }
        return intent


@dataclass(frozen=True)
class _Spot:
    start: int
    end: int
    fill: SlotFill


@dataclass(frozen=True)
class Candidate:
    """One reading of the input: a sample, how well it fits (0-100), and its slot fills."""

    score: float
    template: Template
    fills: tuple[SlotFill, ...] = ()


def _spans(words: list[str], longest: int) -> Iterator[tuple[int, int]]:
    """Every (start, end) run of up to ``longest`` words, longest runs first."""
    for size in range(min(longest, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            yield start, start + size


def _spots(model: Model, words: list[str]) -> list[_Spot]:
    """Every exact slot value in the words, longest first, without overlaps within a type."""
    found: list[_Spot] = []
    for slot_type in model.slot_types.values():
        taken: list[_Spot] = []
        for start, end in _spans(words, slot_type.longest):
            fill = slot_type.exact(" ".join(words[start:end]))
            if fill and not any(s.start < end and start < s.end for s in taken):
                taken.append(_Spot(start, end, fill))
        found += taken
    return found


def _resolve_words(slot_type: SlotType, slot: str, words: list[str], strict: bool) -> SlotFill:
    """The words in a slot's place resolved: a value they name, one they are close to, or none.

    Strict (words matched a carrier phrase exactly): besides the value, only filler words.
    """
    for start, end in _spans(words, slot_type.longest):
        fill = slot_type.exact(" ".join(words[start:end]))
        rest = words[:start] + words[end:]
        if fill and (not strict or all(word in LOOSE_WORDS for word in rest)):
            return fill.named(slot)
    said = " ".join(words)
    close = slot_type.closest(said)
    return close.named(slot) if close else SlotFill(slot, slot_type.name, said)


def _aligned_words(template: Template, slot: str, words: list[str]) -> list[str]:
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


def _second(scores: list[float]) -> float:
    """The runner-up score of an intent's samples (half the best when it has only one)."""
    return scores[1] if len(scores) > 1 else scores[0] * 0.5


class Resolver:
    """Resolve typed text against one compiled model."""

    def __init__(self, model: Model):
        self.model = model
        self.slotted = [t for t in model.templates if t.pattern is not None]
        self.vocabulary = [word for word in model.weights if word]

    def _known(self, word: str) -> str:
        """The model's own word for a typo or unknown form, when one is close."""
        if word in self.model.weights or len(word) < 5:
            return word
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        return best[0] if best else word

    def _regex(self, text: str) -> list[Candidate]:
        found = []
        for template in self.slotted:
            match = template.pattern.fullmatch(text) if template.pattern else None
            if not match:
                continue
            fills = tuple(
                _resolve_words(slot_type, slot, match.group(slot).split(), strict=True)
                for slot in template.slots
                if (slot_type := self.model.slot_type(template.intent, slot))
            )
            weigh = self.model.weight
            carrier = sum(weigh(word) for word in template.stems if not word.startswith("{"))
            said = sum(weigh(stem(word)) for fill in fills for word in fill.value.split())
            coverage = carrier / max(carrier + said, 0.001)
            matched = bool(fills) and all(fill.value_id for fill in fills)
            score = 96.0 + 4 * coverage if matched else 30.0 + 50 * coverage
            found.append(Candidate(score, template, fills))
        return found

    def _scores(self, text: str, choices: dict[int, str] | list[str]) -> dict[int, float]:
        """Blend weighted word overlap and string similarity for the most likely samples."""
        model = self.model
        query = [self._known(word) for word in word_stems(text)]
        weights = {word: model.weight(word) for word in query}
        query_total = sum(model.weight(word) for word in query)
        allowed = choices if isinstance(choices, dict) else None
        matched: dict[int, float] = {}
        for word, weight in weights.items():
            for number in model.index.get(word, ()):
                if allowed is None or number in allowed:
                    matched[number] = matched.get(number, 0.0) + weight
        overlap: dict[int, float] = {}
        for number, weight in matched.items():
            precision, recall = weight / query_total, weight / model.totals[number]
            overlap[number] = 200 * precision * recall / (precision + recall)
        shortlist = set(sorted(overlap, key=overlap.__getitem__)[-SHORTLIST:])
        stemmed = " ".join(query)
        for _, _, key in process.extract(stemmed, choices, scorer=fuzz.ratio, limit=SHORTLIST):
            shortlist.add(key)
        explained: dict[str, float] = {}
        scores = {}
        for number in shortlist:
            template = model.templates[number]
            if template.intent not in explained:
                vocabulary = model.vocabulary[template.intent]
                used = sum(weight for word, weight in weights.items() if word in vocabulary)
                explained[template.intent] = 100 * used / max(query_total, EVIDENCE)
            sample = " ".join(template.stems)
            similar = max(fuzz.ratio(stemmed, sample), fuzz.token_sort_ratio(stemmed, sample))
            score = WORD_SHARE * overlap.get(number, 0.0) + (1 - WORD_SHARE) * similar
            scores[number] = (1 - INTENT_SHARE) * score + INTENT_SHARE * explained[template.intent]
        return scores

    def _fuzzy(self, text: str, words: list[str], spots: list[_Spot]) -> list[Candidate]:
        model = self.model
        found = []
        for number, score in self._scores(text, model.choices).items():
            template = model.templates[number]
            fills = tuple(
                _resolve_words(slot_type, slot, aligned, strict=False)
                for slot in template.slots
                if (slot_type := model.slot_type(template.intent, slot))
                and (aligned := _aligned_words(template, slot, words))
            )
            found.append(Candidate(score, template, fills))
        for spot in spots:
            for slot, choices in model.by_slot.items():
                wanted = {
                    number: sample
                    for number, sample in choices.items()
                    if model.slot_type_of.get((model.templates[number].intent, slot))
                    == spot.fill.type
                }
                if not wanted:
                    continue
                variant = " ".join([*words[: spot.start], f"{{{slot}}}", *words[spot.end :]])
                for number, score in self._scores(variant, wanted).items():
                    found.append(
                        Candidate(score, model.templates[number], (spot.fill.named(slot),))
                    )
        return found

    def rank(self, text: str) -> list[Candidate]:
        """Every reading of normalised text, best first; none for empty or overlong text."""
        words = text.split()
        if not words or len(words) > MAX_WORDS or len(text) > MAX_CHARS:
            return []
        return self._rank(text, words, _spots(self.model, words))

    def _rank(self, text: str, words: list[str], spots: list[_Spot]) -> list[Candidate]:
        exact = self.model.exact.get(text)
        if exact is not None and not exact.slots:
            return [Candidate(100.0, exact)]
        fuzzy = self._fuzzy(text, words, spots)
        by_intent: dict[str, list[float]] = {}
        for candidate in sorted(fuzzy, key=lambda c: -c.score):
            by_intent.setdefault(candidate.template.intent, []).append(candidate.score)
        supported = [
            replace(
                c, score=(1 - SUPPORT) * c.score + SUPPORT * _second(by_intent[c.template.intent])
            )
            for c in fuzzy
        ]
        return sorted(self._regex(text) + supported, key=lambda c: -c.score)

    def resolve(self, text: str) -> Resolution:
        """The intent and slots for typed text; the fallback when nothing is close enough."""
        normal = normalise(text)
        ranked = self.rank(normal)
        if not ranked or ranked[0].score < ACCEPT:
            return Resolution(FALLBACK, 0.0, declared=self.model.intents.get(FALLBACK, ()))
        return self._resolution(ranked, _spots(self.model, normal.split()))

    def _resolution(self, ranked: list[Candidate], spots: list[_Spot]) -> Resolution:
        """The best reading, each declared slot filled as Alexa would if the words allow."""
        best = ranked[0]
        intent = best.template.intent
        declared = self.model.intents.get(intent, ())
        fills = {fill.name: fill for fill in best.fills}
        for slot in declared:
            if slot in fills:
                continue
            wanted = self.model.slot_type_of.get((intent, slot))
            spot = next((s for s in spots if s.fill.type == wanted), None)
            if spot is not None:
                fills[slot] = spot.fill.named(slot)
                continue
            # A carrier phrase of the same intent ("walk me through the {stretch}") that matched
            # word for word gives its slot words, unless the best sample already says them.
            borrowed = next(
                (
                    fill
                    for candidate in ranked
                    if candidate.template.intent == intent and candidate.template.pattern
                    for fill in candidate.fills
                    if fill.name == slot
                ),
                None,
            )
            if borrowed and not set(word_stems(borrowed.value)) & set(best.template.stems):
                fills[slot] = borrowed
        return Resolution(
            intent, round(best.score, 1), tuple(fills.values()), declared, best.template.text
        )


@cache
def get_resolver(locale: str = DEFAULT_LOCALE) -> Resolver:
    """The resolver for ``locale``, built once per process."""
    return Resolver(load_model(locale))


def resolve(text: str, locale: str = DEFAULT_LOCALE) -> Resolution:
    """Resolve typed text to an intent and slots with the skill's interaction model."""
    return get_resolver(locale).resolve(text)
