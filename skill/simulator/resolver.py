"""Resolve typed text to an intent and slots with the skill's own interaction model, offline.

Roughly what Alexa does with speech, for text: an exact sample wins; a sample whose words around
a ``{slot}`` match takes the words in the slot's place and resolves them against the slot type's
values and synonyms (``ER_SUCCESS_MATCH``, else ``ER_SUCCESS_NO_MATCH``); otherwise the closest
sample wins if it is close enough. "Close" blends rapidfuzz string similarity with word overlap
weighted by how rare a word is across intents, so "stop" counts for more than "please".

A reading is weighed against the closest ``AMAZON.FallbackIntent`` sample (its margin, see
:meth:`Resolver.evidence`), and what is not close enough goes to the fallback by bars derived from
the model itself (:class:`Calibration`), never from per-phrase rules: each sample is resolved with
itself left out, so the model's own samples show how high a new in-domain phrasing scores and how
high a new out-of-domain one (a fallback sample with its look-alikes left out) can reach. The
accept bar is the one that costs least at the model's ``fallbackIntentSensitivity`` level. Intents
that write or erase (:data:`WRITES`) get a stricter bar, drawn the same way with a wrongly admitted
phrase costing sixteen times as much; a bare slot value ("water") counts only when it names a
value word for word. :func:`skill.simulator.explain.explain` shows the readings and the decision.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from skill.rules.interaction_model import DEFAULT_LOCALE
from skill.simulator.compiled_model import (
    LOOSE_WORDS,
    Model,
    SlotFill,
    SlotType,
    Template,
    load_model,
)
from skill.simulator.text import normalise, stem, word_stems

__all__ = [
    "FALLBACK",
    "SENSITIVITY",
    "WRITES",
    "Calibration",
    "Candidate",
    "Decision",
    "Resolution",
    "Resolver",
    "SlotFill",
    "get_resolver",
    "resolve",
]

FALLBACK = "AMAZON.FallbackIntent"
WRITES = frozenset({"LogTwitchIntent", "DeleteDataIntent"})
"""Intents that write or erase the person's data: a guess must never reach them."""
SENSITIVITY = {"LOW": 0.5, "MEDIUM": 1.0, "HIGH": 2.0}
"""Per ``fallbackIntentSensitivity`` level, what wrongly accepting an out-of-domain phrase costs
against wrongly rejecting an in-domain one when the accept bar is chosen."""
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
CLAUSE_WORDS = frozenset({"and", "but", "because", "plus", "also"})
"""Words that join two clauses: each clause is read on its own as well."""
CLAUSE_SHARE = 0.95
"""A clause's reading counts for a little less than a reading of the whole utterance."""
CLAUSES_READ, CLAUSE_WORDS_READ = 3, 24
"""Clauses are read for up to three clauses in up to 24 words (longer talk is not a request)."""
DISCOURSE = frozenset(
    {"um", "uh", "er", "erm", "hmm", "oh", "so", "well", "okay", "ok", "alright", "actually"}
    | {"just", "please", "now", "then", "thanks", "hey", "alexa", "right", "oops", "sorry"}
)  # fmt: skip
"""Words around a request that do not change it ("um the rest one", "resume please")."""
FALLBACK_PULL = 0.5
"""How much the closest out-of-domain sample's score counts against an in-domain reading."""
PULL_FLOOR = 30.0
"""Out-of-domain scores up to this are noise and pull nothing."""
WRITE_COST = 8.0
"""For intents that write, what wrongly accepting an out-of-domain phrase costs against wrongly
rejecting one of theirs (sixteen times the LOW level's 0.5): a guess must not write."""
CALIBRATION_SAMPLES = 400
"""At most this many in-domain samples are left out to calibrate the bars (for start-up time)."""
FILL_MARGIN = 10.0
"""How far below the best reading a reading of the same intent may be and still fill a slot."""


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
class Candidate:
    """One reading of the input: a sample, how well it fits (0-100), and its slot fills.

    ``exact`` says every slot was filled by words that name a value exactly.
    """

    score: float
    template: Template
    fills: tuple[SlotFill, ...] = ()
    exact: bool = False


@dataclass(frozen=True)
class Decision:
    """The reading chosen (or the best one, when rejected), whether it stands, and why."""

    candidate: Candidate | None
    accepted: bool
    reason: str


@dataclass(frozen=True)
class _Pool:
    """Samples to compare text with (number -> stems) and an index of them by word stem."""

    choices: dict[int, str]
    index: dict[str, list[int]]

    @classmethod
    def of(cls, model: Model, choices: dict[int, str]) -> _Pool:
        """The pool of ``choices``, indexed."""
        index: dict[str, list[int]] = {}
        for number in choices:
            for word in set(model.templates[number].stems):
                index.setdefault(word, []).append(number)
        return cls(choices, index)


@dataclass(frozen=True)
class _Spot:
    start: int
    end: int
    fill: SlotFill


def _core(words: list[str]) -> list[str]:
    """The words without the discourse words around them, or all of them if nothing is left."""
    start, end = 0, len(words)
    while start < end and words[start] in DISCOURSE:
        start += 1
    while end > start and words[end - 1] in DISCOURSE:
        end -= 1
    return words[start:end] or words


def _spots(model: Model, words: list[str]) -> list[_Spot]:
    """Every slot value the words name, longest first, without overlaps within a type.

    A value word that the model's own samples use as a carrier word beside the next or previous
    word ("right" in "right now") is read as that carrier, not as a value.
    """
    taken: dict[str, list[_Spot]] = {}
    for start, end, fill, _ in model.runs(words):
        spots = taken.setdefault(fill.type, [])
        before = " ".join(words[max(start - 1, 0) : end]) if start else ""
        after = " ".join(words[start : end + 1]) if end < len(words) else ""
        if before in model.carrier_pairs or after in model.carrier_pairs:
            continue
        if not any(s.start < end and start < s.end for s in spots):
            spots.append(_Spot(start, end, fill))
    return [spot for spots in taken.values() for spot in spots]


def _read_slot(
    model: Model, slot_type: SlotType, slot: str, words: list[str]
) -> tuple[SlotFill, float]:
    """The words in a slot's place resolved, and how cleanly (1.0: they name a value, no more).

    Words that name a value, in another word form, or among other words count for less; words
    only close to a value count for less again; no value at all scores 0.
    """
    said = " ".join(words)
    runs = model.runs(words, slot_type.name)
    whole = [run for run in runs if run[1] - run[0] == len(words)]
    if whole:
        return whole[0][2].named(slot), 1.0 if whole[0][3] else 0.9
    if runs:
        start, end, fill, exact = min(runs, key=lambda run: slot_type.priority(run[2]))
        rest = words[:start] + words[end:]
        stray = [w for w in rest if w not in LOOSE_WORDS and stem(w) not in slot_type.words]
        clean = (0.85 if exact else 0.8) if not stray else 0.7 - 0.3 * len(stray) / len(words)
        return SlotFill(slot, slot_type.name, said, fill.value_id, fill.value_name), clean
    close = slot_type.closest(said)
    if close:
        return close.named(slot), 0.5
    return SlotFill(slot, slot_type.name, said), 0.0


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


def _margin(score: float, pull: float) -> float:
    """A reading's score less the pull of the closest out-of-domain sample (0 if that is closer)."""
    if pull >= score:
        return 0.0
    return score - FALLBACK_PULL * max(0.0, pull - PULL_FLOOR)


@dataclass(frozen=True)
class Calibration:
    """What the model's own samples score with themselves left out, and the bars drawn from it.

    Scores are margins (:meth:`Resolver.evidence`). ``inside``: each in-domain sample's margin
    for its own intent (0 when another intent or the fallback won); ``outside``: each
    out-of-domain sample's best in-domain margin; ``inside_writes`` and ``outside_writes``: the
    same for the intents that write (their own samples, and each out-of-domain sample's margin
    for the closest of them).
    """

    inside: tuple[float, ...]
    outside: tuple[float, ...]
    inside_writes: tuple[float, ...] = ()
    outside_writes: tuple[float, ...] = ()

    def bar(self, level: str) -> float:
        """The accept bar that costs least at ``level``: missed in-domain plus admitted outside."""
        return _cheapest(self.inside, self.outside, SENSITIVITY[level])

    def write_bar(self, accept: float) -> float:
        """The bar for intents that write: admitting outside costs ``WRITE_COST`` times more."""
        return max(accept, _cheapest(self.inside_writes, self.outside_writes, WRITE_COST))


def _cheapest(inside: tuple[float, ...], outside: tuple[float, ...], ratio: float) -> float:
    """The bar with the least share of ``inside`` missed plus ``ratio`` x ``outside`` admitted."""
    if not outside:
        return inside[len(inside) // 20] if inside else 0.0
    best, best_cost = 0.0, float("inf")
    for bar in sorted({0.0, *inside, *(score + 0.1 for score in outside)}):
        missed = bisect_left(inside, bar) / max(len(inside), 1)
        admitted = 1 - bisect_left(outside, bar) / len(outside)
        cost = missed + ratio * admitted
        if cost < best_cost:
            best, best_cost = bar, cost
    return round(best, 1)


class Resolver:
    """Resolve typed text against one compiled model."""

    def __init__(self, model: Model):
        self.model = model
        self.slotted = [n for n, t in enumerate(model.templates) if t.pattern is not None]
        choices = {n: " ".join(t.stems) for n, t in enumerate(model.templates) if not t.bare}
        self.everything = _Pool.of(model, choices)
        typed: dict[str, dict[str, dict[int, str]]] = {}
        for slot, numbers in model.by_slot.items():
            for number in numbers:
                kind = model.slot_type_of.get((model.templates[number].intent, slot), "")
                if number in choices:
                    typed.setdefault(kind, {}).setdefault(slot, {})[number] = choices[number]
        self.pools = {
            kind: {slot: _Pool.of(model, wanted) for slot, wanted in slots.items()}
            for kind, slots in typed.items()
        }
        self.vocabulary = [word for word in model.weights if word]
        self.level = model.level

    def _known(self, word: str) -> str:
        """The model's own word for a typo or unknown form, when one is close."""
        if word in self.model.weights or len(word) < 5:
            return word
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        return best[0] if best else word

    # -- calibration -------------------------------------------------------------------------

    @cached_property
    def calibration(self) -> Calibration:
        """The model's samples resolved with themselves left out (computed once, on first use).

        An in-domain sample leaves only itself out (at most ``CALIBRATION_SAMPLES`` of them,
        evenly spread); an out-of-domain sample leaves out every out-of-domain sample that shares
        a word of weight with it, so it stands for a request the fallback's samples do not cover.
        """
        model = self.model
        own = [n for n, t in enumerate(model.templates) if t.source == "model"]
        outside_numbers = [n for n in own if model.templates[n].intent == FALLBACK]
        inside_numbers = [n for n in own if model.templates[n].intent != FALLBACK]
        stride = max(1, -(-len(inside_numbers) // CALIBRATION_SAMPLES))
        chosen = set(inside_numbers[::stride])
        inside, inside_writes = [], []
        for number in inside_numbers:
            template = model.templates[number]
            if number not in chosen and template.intent not in WRITES:
                continue
            ranked = self._rank(self._example(template, number), frozenset({number}))
            best, _, margin = self.evidence(ranked)
            own_intent = best is not None and best.template.intent == template.intent
            if number in chosen:
                inside.append(margin if own_intent else 0.0)
            if template.intent in WRITES:
                inside_writes.append(margin if own_intent else 0.0)
        outside, writes = [], []
        for number in outside_numbers:
            words = self._content(model.templates[number])
            cluster = frozenset(
                n
                for n in outside_numbers
                if n == number or self._content(model.templates[n]) & words
            )
            ranked = self._rank(self._example(model.templates[number], number), cluster)
            _, pull, margin = self.evidence(ranked)
            outside.append(margin)
            writer = next((c for c in ranked if c.template.intent in WRITES), None)
            writes.append(_margin(writer.score, pull) if writer else 0.0)
        return Calibration(
            tuple(sorted(inside)),
            tuple(sorted(outside)),
            tuple(sorted(inside_writes)),
            tuple(sorted(writes)),
        )

    def _content(self, template: Template) -> set[str]:
        """A sample's words of weight: the ones that say what it is about."""
        floor = self.model.weights.get("", 1.0) / 2
        return {word for word in template.stems if self.model.weight(word) >= floor}

    def _example(self, template: Template, number: int) -> str:
        """A sample as someone would say it: each slot filled with one of its type's values."""
        words = []
        for word in template.text.split():
            if word.startswith("{"):
                slot_type = self.model.slot_type(template.intent, word[1:-1])
                if slot_type is None:
                    return ""
                phrases = list(slot_type.phrases)
                words.append(phrases[number % len(phrases)])
            else:
                words.append(word)
        return " ".join(words)

    def bar_for(self, level: str) -> float:
        """The accept bar the model's samples give at ``level`` (LOW, MEDIUM or HIGH)."""
        return self.calibration.bar(level)

    @cached_property
    def accept(self) -> float:
        """The accept bar at the model's own ``fallbackIntentSensitivity`` level."""
        return self.bar_for(self.level)

    @cached_property
    def write_bar(self) -> float:
        """The bar for intents that write or erase."""
        return self.calibration.write_bar(self.accept)

    # -- reading the text --------------------------------------------------------------------

    def _regex(self, text: str, words: set[str], exclude: frozenset[int]) -> list[Candidate]:
        found = []
        weigh = self.model.weight
        for number in self.slotted:
            template = self.model.templates[number]
            if number in exclude or not template.needs <= words:
                continue
            match = template.pattern.fullmatch(text) if template.pattern else None
            if not match:
                continue
            read = [
                _read_slot(self.model, slot_type, slot, match.group(slot).split())
                for slot in template.slots
                if (slot_type := self.model.slot_type(template.intent, slot))
            ]
            if not read:
                continue
            fills = tuple(fill for fill, _ in read)
            clean = min(quality for _, quality in read)
            if template.bare and clean < 0.9:
                continue  # "{cause}" matches any words; only a value's own words count
            carrier = sum(weigh(word) for word in template.stems if not word.startswith("{"))
            said = sum(weigh(stem(word)) for fill in fills for word in fill.value.split())
            coverage = carrier / max(carrier + said, 0.001)
            if clean >= 1.0:
                score = 96.0 + 4 * coverage
            elif clean > 0:
                score = 50.0 + 40 * clean + 6 * coverage
            else:
                # Words another intent uses ("the next tip") are not a new value of this slot.
                vocabulary = self.model.vocabulary.get(template.intent, frozenset())
                said_stems = [stem(word) for fill in fills for word in fill.value.split()]
                foreign = [w for w in said_stems if w in self.model.weights and w not in vocabulary]
                score = (30.0 + 70 * coverage) * (1 - 0.5 * len(foreign) / max(len(said_stems), 1))
            found.append(Candidate(score, template, fills, clean >= 1.0))
        return found

    def _scores(self, query: list[str], pool: _Pool, exclude: frozenset[int]) -> dict[int, float]:
        """Blend weighted word overlap and string similarity for the most likely samples."""
        model = self.model
        weights = {word: model.weight(word) for word in query}
        query_total = sum(model.weight(word) for word in query)
        choices, index = pool.choices, pool.index
        totals = model.totals
        matched: dict[int, float] = {}
        for word, weight in weights.items():
            for number in index.get(word, ()):
                matched[number] = matched.get(number, 0.0) + weight
        for number in exclude:
            matched.pop(number, None)
        overlap: dict[int, float] = {}
        for number, weight in matched.items():
            precision, recall = weight / query_total, weight / totals[number]
            overlap[number] = 200 * precision * recall / (precision + recall)
        shortlist = set(heapq.nlargest(SHORTLIST, overlap, key=overlap.__getitem__))
        stemmed = " ".join(query)
        for _, _, key in process.extract(
            stemmed, choices, scorer=fuzz.ratio, limit=SHORTLIST + len(exclude)
        ):
            if key not in exclude:
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

    def _fuzzy(
        self, text: str, words: list[str], spots: list[_Spot], exclude: frozenset[int]
    ) -> list[Candidate]:
        model = self.model
        query = [self._known(word) for word in word_stems(text)]
        found = []
        for number, score in self._scores(query, self.everything, exclude).items():
            template = model.templates[number]
            read = [
                _read_slot(model, slot_type, slot, aligned)
                for slot in template.slots
                if (slot_type := model.slot_type(template.intent, slot))
                and (aligned := _aligned_words(template, slot, words))
            ]
            fills = tuple(fill for fill, _ in read)
            exact = bool(read) and all(quality >= 1.0 for _, quality in read)
            found.append(Candidate(score, template, fills, exact))
        for spot in spots:
            for slot, pool in self.pools.get(spot.fill.type, {}).items():
                variant = [*words[: spot.start], f"{{{slot}}}", *words[spot.end :]]
                query = [
                    w if w.startswith("{") else self._known(w)
                    for w in word_stems(" ".join(variant))
                ]
                said = " ".join(words[spot.start : spot.end])
                exact = self.model.slot_types[spot.fill.type].exact(said) is not None
                for number, score in self._scores(query, pool, exclude).items():
                    found.append(
                        Candidate(score, model.templates[number], (spot.fill.named(slot),), exact)
                    )
        return found

    def rank(self, text: str) -> list[Candidate]:
        """Every reading of normalised text, best first; none for empty or overlong text."""
        return self._rank(text)

    def _rank(
        self, text: str, exclude: frozenset[int] = frozenset(), clauses: bool = True
    ) -> list[Candidate]:
        words = text.split()
        if not words or len(words) > MAX_WORDS or len(text) > MAX_CHARS:
            return []
        once = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
        core = _core(once)
        for said in dict.fromkeys((text, " ".join(once), " ".join(core))):
            exact = self.model.exact.get(said)
            if exact is not None and not exact.slots and not exclude:
                return [Candidate(100.0 if said == text else 99.0, exact, (), True)]
        text, words = " ".join(once), once  # a word said twice running counts once ("bye bye")
        spots = _spots(self.model, words)
        fuzzy = self._fuzzy(text, words, spots, exclude)
        by_intent: dict[str, list[float]] = {}
        for candidate in sorted(fuzzy, key=lambda c: -c.score):
            by_intent.setdefault(candidate.template.intent, []).append(candidate.score)
        ranked = [
            Candidate(
                (1 - SUPPORT) * c.score + SUPPORT * _second(by_intent[c.template.intent]),
                c.template,
                c.fills,
                c.exact,
            )
            for c in fuzzy
        ]
        for said in dict.fromkeys((text, " ".join(core))):
            ranked += self._regex(said, set(said.split()), exclude)
        if clauses:
            ranked += self._clauses(words, exclude)
        return sorted(ranked, key=lambda c: -c.score)

    def _clauses(self, words: list[str], exclude: frozenset[int]) -> list[Candidate]:
        """Readings of each clause of "X and Y": people chain what they notice."""
        parts: list[list[str]] = [[]]
        for word in words:
            if word in CLAUSE_WORDS and parts[-1]:
                parts.append([])
            else:
                parts[-1].append(word)
        parts = [part for part in parts if part]
        if not 2 <= len(parts) <= CLAUSES_READ or len(words) > CLAUSE_WORDS_READ:
            return []
        found = []
        for part in parts:
            for candidate in self._rank(" ".join(part), exclude, clauses=False)[:SHORTLIST]:
                found.append(replace(candidate, score=candidate.score * CLAUSE_SHARE))
        return found

    # -- deciding ----------------------------------------------------------------------------

    @staticmethod
    def evidence(ranked: list[Candidate]) -> tuple[Candidate | None, float, float]:
        """The best in-domain reading, the best out-of-domain score, and the reading's margin.

        The margin is the reading's score less ``FALLBACK_PULL`` times the closest
        ``AMAZON.FallbackIntent`` sample's: text near an out-of-domain sample needs more.
        """
        best = next((c for c in ranked if c.template.intent != FALLBACK), None)
        pull = next((c.score for c in ranked if c.template.intent == FALLBACK), 0.0)
        return best, pull, _margin(best.score, pull) if best else 0.0

    def decide(self, ranked: list[Candidate], accept: float | None = None) -> Decision:
        """Whether the best reading stands: the bars, the stricter ones, and the fallback's own."""
        if not ranked:
            return Decision(None, False, "rejected: nothing to match")
        accept = self.accept if accept is None else accept
        best, pull, margin = self.evidence(ranked)
        closest = next((c for c in ranked if c.template.intent == FALLBACK), None)
        if best is None or (closest and closest.score >= best.score):
            text = closest.template.text if closest else ""
            return Decision(best, False, f'rejected: closest to out-of-domain "{text}"')
        intent = best.template.intent
        weighed = f"{best.score:.1f}"
        if margin < best.score:
            weighed += (
                f" - {best.score - margin:.1f} for an out-of-domain sample at {pull:.1f}"
                f" = {margin:.1f}"
            )
        if margin < accept:
            return Decision(best, False, f"rejected: {weighed} is below threshold {accept:.1f}")
        write_bar = max(self.write_bar, accept)
        if intent in WRITES and margin < write_bar:
            return Decision(
                best,
                False,
                f"rejected: {intent} writes data; {weighed} is below its threshold {write_bar:.1f}",
            )
        if best.template.bare and not best.exact:
            return Decision(best, False, "rejected: a bare slot value must name a value exactly")
        return Decision(best, True, f"accepted: {weighed} >= threshold {accept:.1f}")

    def resolve(self, text: str, accept: float | None = None) -> Resolution:
        """The intent and slots for typed text; the fallback when nothing is close enough."""
        normal = normalise(text)
        ranked = self.rank(normal)
        decision = self.decide(ranked, accept)
        if not decision.accepted or decision.candidate is None:
            return Resolution(FALLBACK, 0.0, declared=self.model.intents.get(FALLBACK, ()))
        return self._resolution(ranked, decision.candidate, normal.split())

    def slots_for(
        self, ranked: list[Candidate], best: Candidate, words: list[str]
    ) -> dict[str, SlotFill]:
        """The slots the chosen reading fills, as Alexa would fill them if the words allow.

        A slot the reading leaves empty takes a value from a reading of the same intent nearly
        as good; when the words name several values of a slot's type, the first listed wins.
        """
        intent = best.template.intent
        fills = {fill.name: fill for fill in best.fills}
        for slot in self.model.intents.get(intent, ()):
            if slot in fills:
                continue
            other = next(
                (
                    fill
                    for candidate in ranked
                    if candidate.template.intent == intent
                    and candidate.exact
                    and candidate.score >= best.score - FILL_MARGIN
                    for fill in candidate.fills
                    if fill.name == slot and fill.value_id
                ),
                None,
            )
            if other:
                fills[slot] = other
        spots = _spots(self.model, words)
        for name, fill in list(fills.items()):
            slot_type = self.model.slot_types.get(fill.type)
            named = [s.fill for s in spots if s.fill.type == fill.type]
            if slot_type and named:
                first = min(named, key=slot_type.priority)
                if slot_type.priority(first) < slot_type.priority(fill):
                    fills[name] = first.named(name)
        return fills

    def _resolution(self, ranked: list[Candidate], best: Candidate, words: list[str]) -> Resolution:
        fills = self.slots_for(ranked, best, words)
        intent = best.template.intent
        declared = self.model.intents.get(intent, ())
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
