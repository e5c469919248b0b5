"""The accept bars, drawn from the model's own samples resolved with themselves left out."""

from __future__ import annotations

import zlib
from bisect import bisect_left
from dataclasses import dataclass

from skill.simulator.ranking import Ranker
from skill.simulator.resolution import FALLBACK, WRITES, Candidate
from skill.simulator.templates import Template

SENSITIVITY = {"LOW": 0.35, "MEDIUM": 1.0, "HIGH": 2.0}
"""Per ``fallbackIntentSensitivity`` level, what wrongly accepting an out-of-domain phrase costs
against wrongly rejecting an in-domain one when the accept bar is chosen. LOW, Amazon's default,
keeps the most: on the six development sets 0.35 (bar 62.6) kept 98.0% of requests and rejected
99.0% of out-of-domain phrases, 0.5 (bar 64.1) 97.7% and 99.0%."""
WRITE_COST = 15.0
"""For intents that write, what wrongly accepting an out-of-domain phrase costs against wrongly
rejecting one of theirs (many times any level's): a guess must not write. At 8 the
bar let most left-out look-alikes ("clear my search history") reach DeleteDataIntent; with the
model of development set 20, 10 gave 65.2 and let 10 of 14 through, 15 gives 70.4 (7 of 14, and
12.5% of the intents' own left-out samples missed), 20 gives 73.9 (5 of 14, but 18% missed, and
DeleteDataIntent, which asks before it erases, lost 22 of 246 development requests)."""
FALLBACK_PULL = 0.5
"""How much the closest out-of-domain sample's score counts against an in-domain reading."""
PULL_FLOOR = 30.0
"""Out-of-domain scores up to this are noise and pull nothing."""
PLATEAU = 0.005
"""Bars costing at most this much more than the cheapest are as good as it."""
CALIBRATION_SHARE = 4
"""One in-domain sample in this many is left out to calibrate the bars (for start-up time),
picked by a hash of its own text, so that adding or removing other samples keeps the choice."""


def margin(score: float, pull: float) -> float:
    """A reading's score less the pull of the closest out-of-domain sample (0 if that is closer)."""
    if pull >= score:
        return 0.0
    return score - FALLBACK_PULL * max(0.0, pull - PULL_FLOOR)


def evidence(ranked: list[Candidate]) -> tuple[Candidate | None, float, float]:
    """The best in-domain reading, the best out-of-domain score, and the reading's margin.

    The margin is the reading's score less ``FALLBACK_PULL`` times the closest
    ``AMAZON.FallbackIntent`` sample's: text near an out-of-domain sample needs more.
    """
    best = next((c for c in ranked if c.template.intent != FALLBACK), None)
    pull = next((c.score for c in ranked if c.template.intent == FALLBACK), 0.0)
    return best, pull, margin(best.score, pull) if best else 0.0


def lead(ranked: list[Candidate], best: Candidate) -> float:
    """How far the best reading stands above the best reading of any other intent."""
    other = next((c.score for c in ranked if c.template.intent != best.template.intent), 0.0)
    return best.score - other


def cheapest(
    inside: tuple[float, ...], outside: tuple[float, ...], ratio: float, strict: bool = False
) -> float:
    """The bar with the least share of ``inside`` missed plus ``ratio`` x ``outside`` admitted.

    The cost is nearly flat around its least value, so the middle of the bars within
    ``PLATEAU`` of it is taken: a few samples more or less then move the bar little. ``strict``
    takes the highest of them instead: where bars cost about the same, a guess must not write.
    """
    if not outside:
        return inside[len(inside) // 20] if inside else 0.0
    costs = []
    for bar in sorted({0.0, *inside, *(score + 0.1 for score in outside)}):
        missed = bisect_left(inside, bar) / max(len(inside), 1)
        admitted = 1 - bisect_left(outside, bar) / len(outside)
        costs.append((missed + ratio * admitted, bar))
    least = min(cost for cost, _ in costs)
    near = [bar for cost, bar in costs if cost <= least + PLATEAU]
    return round(near[-1] if strict else (near[0] + near[-1]) / 2, 1)


@dataclass(frozen=True)
class Calibration:
    """What the model's own samples score with themselves left out, and the bars drawn from it.

    Scores are margins (:func:`evidence`). ``inside``: each in-domain sample's margin for its own
    intent (0 when another intent or the fallback won); ``outside``: each out-of-domain sample's
    best in-domain margin; ``inside_writes`` and ``outside_writes``: the same for the intents
    that write (their own samples, and each out-of-domain sample's margin for the closest of
    them).
    """

    inside: tuple[float, ...]
    outside: tuple[float, ...]
    inside_writes: tuple[float, ...] = ()
    outside_writes: tuple[float, ...] = ()

    def bar(self, level: str) -> float:
        """The accept bar that costs least at ``level``: missed in-domain plus admitted outside."""
        return cheapest(self.inside, self.outside, SENSITIVITY[level])

    def write_bar(self, accept: float) -> float:
        """The bar for intents that write: admitting outside costs ``WRITE_COST`` times more, and
        of the bars that cost about the least, the strictest."""
        return max(accept, cheapest(self.inside_writes, self.outside_writes, WRITE_COST, True))


def _example(ranker: Ranker, template: Template, number: int) -> str:
    """A sample as someone would say it: each slot filled with one of its type's values."""
    words = []
    for word in template.text.split():
        if word.startswith("{"):
            slot_type = ranker.model.slot_type(template.intent, word[1:-1])
            if slot_type is None:
                return ""
            phrases = list(slot_type.phrases)
            words.append(phrases[number % len(phrases)])
        else:
            words.append(word)
    return " ".join(words)


def _content(ranker: Ranker, template: Template) -> set[str]:
    """A sample's words of weight: the ones that say what it is about."""
    floor = ranker.model.weights.get("", 1.0) / 2
    return {word for word in template.stems if ranker.model.weight(word) >= floor}


def _inside(ranker: Ranker, numbers: list[int]) -> tuple[list[float], list[float]]:
    """Margins of in-domain samples left out one at a time: a spread of them, and every write."""
    templates = ranker.model.templates
    chosen = {n for n in numbers if zlib.crc32(templates[n].text.encode()) % CALIBRATION_SHARE == 0}
    inside, writes = [], []
    for number in numbers:
        template = templates[number]
        if number not in chosen and template.intent not in WRITES:
            continue
        ranked = ranker.ranked(_example(ranker, template, number), frozenset({number}))
        best, _, score = evidence(ranked)
        own = score if best is not None and best.template.intent == template.intent else 0.0
        if number in chosen:
            inside.append(own)
        if template.intent in WRITES:
            writes.append(own)
    return inside, writes


def _outside(ranker: Ranker, numbers: list[int]) -> tuple[list[float], list[float]]:
    """Best in-domain margins of out-of-domain samples, each with its look-alikes left out."""
    templates = ranker.model.templates
    outside, writes = [], []
    for number in numbers:
        words = _content(ranker, templates[number])
        cluster = frozenset(
            n for n in numbers if n == number or _content(ranker, templates[n]) & words
        )
        ranked = ranker.ranked(_example(ranker, templates[number], number), cluster)
        _, pull, score = evidence(ranked)
        outside.append(score)
        writer = next((c for c in ranked if c.template.intent in WRITES), None)
        writes.append(margin(writer.score, pull) if writer else 0.0)
    return outside, writes


def calibrate(ranker: Ranker) -> Calibration:
    """The model's samples resolved with themselves left out.

    An in-domain sample leaves only itself out (one in ``CALIBRATION_SHARE`` of them, by a hash
    of their text); an out-of-domain sample leaves out every out-of-domain sample that shares a
    word of weight with it, so it stands for a request the fallback's samples do not cover.
    """
    templates = ranker.model.templates
    own = [n for n, t in enumerate(templates) if t.source == "model"]
    inside, inside_writes = _inside(ranker, [n for n in own if templates[n].intent != FALLBACK])
    outside, writes = _outside(ranker, [n for n in own if templates[n].intent == FALLBACK])
    return Calibration(
        tuple(sorted(inside)),
        tuple(sorted(outside)),
        tuple(sorted(inside_writes)),
        tuple(sorted(writes)),
    )
