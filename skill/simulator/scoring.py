"""Score text against samples: IDF-weighted word overlap blended with string similarity."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from skill.simulator.compiled_model import Model

WORD_SHARE = 0.6
"""How much weighted word overlap counts against string similarity in a fuzzy score."""
INTENT_SHARE = 0.4
"""How much the share of the input's words that an intent's samples use counts in a score."""
EVIDENCE = 2.5
"""The least word weight an input needs to be fully explained (so "the" alone is not)."""
SHORTLIST = 12
"""How many samples are scored in full: the best by word overlap and by string similarity."""


@dataclass(frozen=True)
class Pool:
    """Samples to compare text with (number -> stems) and an index of them by word stem."""

    choices: dict[int, str]
    index: dict[str, list[int]]

    @classmethod
    def of(cls, model: Model, choices: dict[int, str]) -> Pool:
        """The pool of ``choices``, indexed."""
        index: dict[str, list[int]] = {}
        for number in choices:
            for word in set(model.templates[number].stems):
                index.setdefault(word, []).append(number)
        return cls(choices, index)


def _overlap(
    model: Model, weights: dict[str, float], total: float, pool: Pool, exclude: frozenset[int]
) -> dict[int, float]:
    """Per sample, the F1 of the weighted words it shares with the query (0-100)."""
    matched: dict[int, float] = {}
    for word, weight in weights.items():
        for number in pool.index.get(word, ()):
            matched[number] = matched.get(number, 0.0) + weight
    overlap: dict[int, float] = {}
    for number, weight in matched.items():
        if number in exclude:
            continue
        precision, recall = weight / total, weight / model.totals[number]
        overlap[number] = 200 * precision * recall / (precision + recall)
    return overlap


def score_samples(
    model: Model, query: list[str], pool: Pool, exclude: frozenset[int]
) -> dict[int, float]:
    """Blend weighted word overlap, string similarity and intent vocabulary for likely samples."""
    weights = {word: model.weight(word) for word in query}
    query_total = sum(model.weight(word) for word in query)
    overlap = _overlap(model, weights, query_total, pool, exclude)
    shortlist = set(heapq.nlargest(SHORTLIST, overlap, key=overlap.__getitem__))
    stemmed = " ".join(query)
    for _, _, key in process.extract(
        stemmed, pool.choices, scorer=fuzz.ratio, limit=SHORTLIST + len(exclude)
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
