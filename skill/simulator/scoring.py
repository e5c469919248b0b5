"""Score text against samples: IDF-weighted word overlap blended with string similarity."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from skill.simulator.by_length import ByLength
from skill.simulator.compiled_model import Model

WORD_SHARE = 0.6
"""How much weighted word overlap counts against string similarity in a fuzzy score."""
INTENT_SHARE = 0.4
"""How much the share of the input's words that an intent's samples use counts in a score."""
EVIDENCE = 2.5
"""The least word weight an input needs to be fully explained (so "the" alone is not)."""
SIMILAR = 45.0
"""Samples less alike than this as strings are not worth scoring in full (and are skipped fast)."""
TELLING = 0.5
"""Words weighing less (in most intents' samples) do not pick the samples to score in full."""
ALIKE_LENGTH = 2.0
"""Samples longer or shorter than this many times the text are not compared as strings. They
could still pass ``SIMILAR`` (up to about 3.4 times), but they are rarely among the most alike
and word overlap still finds them: on the development sets leaving them out put 15 more requests
right and made resolving a fifth faster."""
SHORTLIST = 12
"""How many samples are scored in full: the best by word overlap and by string similarity."""
CONTAINED = 0.8
"""A longer utterance that holds this share of a sample's word weight says that sample ("how do i
stop me toes twitching it's doing my head in")."""
CONTAINED_LEAST = 4
"""Samples of fewer words are too short to be found inside a longer utterance."""
CONTAINED_WEIGHT = 6.0
"""Nor are samples of less word weight (a few common words say little)."""
FOREIGN = 4.0
"""What each unit of weight of the other words costs a contained sample, when another intent
uses them: words of no intent (names, places, stories) cost nothing."""
NEGATIONS = frozenset({"not", "never", "no", "without"})
"""Words that may turn a contained request around ("don't log a twitch"): no containment then."""


@dataclass(frozen=True)
class Pool:
    """Samples to compare text with (number -> stems) and an index of them by word stem."""

    choices: dict[int, str]
    index: dict[str, list[int]]
    words: dict[int, frozenset[str]]
    by_length: ByLength[int] = field(default_factory=ByLength)
    light: dict[int, float] = field(default_factory=dict)
    containable: frozenset[int] = frozenset()

    @classmethod
    def of(cls, model: Model, choices: dict[int, str]) -> Pool:
        """The pool of ``choices``, indexed."""
        index: dict[str, list[int]] = {}
        for number in choices:
            for word in set(model.templates[number].stems):
                index.setdefault(word, []).append(number)
        words = {number: frozenset(model.templates[number].stems) for number in choices}
        light = {
            number: sum(w for w in map(model.weight, model.templates[number].stems) if w < TELLING)
            for number in choices
        }
        containable = frozenset(
            number
            for number in choices
            if not model.templates[number].slots
            and not model.templates[number].intent.startswith("AMAZON.")
            and len(model.templates[number].text.split()) >= CONTAINED_LEAST
            and model.totals[number] >= CONTAINED_WEIGHT
        )
        by_length = ByLength.of(choices.items())
        return cls(choices, index, words, by_length, light, containable)


def _f1(matched: float, total: float, sample_total: float) -> float:
    """The F1 (0-100) of a weighted word overlap against the query's and the sample's totals:
    with precision ``matched / total`` and recall ``matched / sample_total``, 2m / (T + S)."""
    return 200 * matched / (total + sample_total) if matched > 0 else 0.0


def _shared(weights: dict[str, float], pool: Pool, exclude: frozenset[int]) -> dict[int, float]:
    """Each sample's share of the query's telling words, by weight (common words skipped)."""
    matched: dict[int, float] = {}
    for word, weight in weights.items():
        if weight < TELLING:
            continue
        for number in pool.index.get(word, ()):
            matched[number] = matched.get(number, 0.0) + weight
    for number in exclude:
        matched.pop(number, None)
    return matched


def score_samples(
    model: Model, query: list[str], pool: Pool, exclude: frozenset[int]
) -> dict[int, float]:
    """Blend weighted word overlap, string similarity and intent vocabulary for likely samples."""
    weights = {word: model.weight(word) for word in query}
    query_total = sum(weights[word] for word in query)
    matched = _shared(weights, pool, exclude)
    totals = model.totals
    best = heapq.nlargest(  # F1 in its closed form, inline: this runs over every matched sample
        SHORTLIST, [(m / (query_total + totals[n]), n) for n, m in matched.items()]
    )
    shortlist = {number for _, number in best}
    stemmed = " ".join(query)
    alike = pool.by_length.alike(stemmed, ALIKE_LENGTH, SIMILAR, SHORTLIST + len(exclude))
    shortlist.update(number for number in alike if number not in exclude)
    scores = contained_samples(model, weights, pool, matched)
    shortlist -= set(scores)
    explained: dict[str, float] = {}
    for number in shortlist:
        template = model.templates[number]
        if template.intent not in explained:
            vocabulary = model.vocabulary[template.intent]
            used = sum(weight for word, weight in weights.items() if word in vocabulary)
            explained[template.intent] = 100 * used / max(query_total, EVIDENCE)
        sample = " ".join(template.stems)
        similar = max(fuzz.ratio(stemmed, sample), fuzz.token_sort_ratio(stemmed, sample))
        shared = sum(weight for word, weight in weights.items() if word in pool.words[number])
        overlap = _f1(shared, query_total, model.totals[number])
        score = WORD_SHARE * overlap + (1 - WORD_SHARE) * similar
        scores[number] = (1 - INTENT_SHARE) * score + INTENT_SHARE * explained[template.intent]
    return scores


def contained_samples(
    model: Model, weights: dict[str, float], pool: Pool, matched: dict[int, float]
) -> dict[int, float]:
    """Samples said whole inside a longer utterance, scored by how much of them is there.

    The other words of the utterance cost a little when other intents use them; a negation or
    a slot in the sample rules the reading out.
    """
    words = weights.keys()
    if len(words) <= CONTAINED_LEAST or words & NEGATIONS:
        return {}
    found: dict[int, float] = {}
    for number, telling in matched.items():
        total = model.totals[number]
        if number not in pool.containable or telling + pool.light[number] < CONTAINED * total:
            continue  # even every common word of it would not make it whole
        template, sample = model.templates[number], pool.words[number]
        if len(sample) >= len(words):
            continue
        held = sum(model.weight(word) for word in template.stems if word in words)
        share = held / total if total else 0.0
        if share < CONTAINED:
            continue
        vocabulary = model.vocabulary.get(template.intent, frozenset())
        foreign = sum(
            weights[word]
            for word in words - sample
            if word in model.weights and word not in vocabulary
        )
        found[number] = max(0.0, 100 * share - FOREIGN * foreign)
    return found
