"""The interaction model compiled for offline matching: samples, slot types, word weights."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from skill.rules.interaction_model import DEFAULT_LOCALE, interaction_model
from skill.simulator.builtin_slots import BUILT_IN_TYPES
from skill.simulator.builtins import BUILTIN_PHRASES
from skill.simulator.slot_values import SlotFill, SlotType, build_slot_type, stems
from skill.simulator.templates import BARE_WORDS, Template, make_template
from skill.simulator.text import FILLERS, normalise, stem
from skill.simulator.value_runs import Run, ValueRuns

__all__ = [
    "BARE_WORDS",
    "DEFAULT_LOCALE",
    "LEVELS",
    "Model",
    "SlotFill",
    "SlotType",
    "Template",
    "compile_model",
    "load_model",
    "stems",
]

FILLER_WEIGHT = 0.2
UNKNOWN_WEIGHT = 0.7
"""How much a word the model has never seen weighs, against its rarest word."""
FALLBACK = "AMAZON.FallbackIntent"
LEVELS = ("LOW", "MEDIUM", "HIGH")
"""Alexa's ``fallbackIntentSensitivity`` levels; LOW is Amazon's default."""


@dataclass
class Model:
    """The interaction model, compiled once for matching."""

    invocation: str = ""
    level: str = LEVELS[0]
    intents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    slot_types: dict[str, SlotType] = field(default_factory=dict)
    slot_type_of: dict[tuple[str, str], str] = field(default_factory=dict)
    exact: dict[str, Template] = field(default_factory=dict)
    templates: list[Template] = field(default_factory=list)
    by_slot: dict[str, dict[int, str]] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    totals: list[float] = field(default_factory=list)
    vocabulary: dict[str, frozenset[str]] = field(default_factory=dict)
    value_runs: ValueRuns = field(default_factory=ValueRuns)
    carrier_pairs: frozenset[str] = frozenset()

    def runs(self, words: list[str], only: str | None = None) -> list[Run]:
        """Every run of the words that names a slot value: (start, end, fill, word for word)."""
        return self.value_runs.runs(words, only)

    def weight(self, word_stem: str) -> float:
        """How much a word says about the intent: rare across intents weighs more."""
        return self.weights.get(word_stem, self.weights.get("", 1.0))

    def slot_type(self, intent: str, slot: str) -> SlotType | None:
        """The type of an intent's slot, custom or a built-in one the resolver reads."""
        return self.slot_types.get(self.slot_type_of.get((intent, slot), ""))


def _weigh(model: Model) -> None:
    """Inverse intent frequency per word stem; fillers weigh little; per-sample totals.

    An intent's vocabulary is its samples' words and the words of its slots' values.
    """
    by_intent: dict[str, set[str]] = {}
    for template in model.templates:
        by_intent.setdefault(template.intent, set()).update(template.stems)
    seen = Counter(word for words in by_intent.values() for word in words)
    fillers = {stem(word) for word in FILLERS}
    total = len(by_intent) + 1
    for (intent, _), type_name in model.slot_type_of.items():
        if type_name in model.slot_types and intent in by_intent:
            by_intent[intent] |= model.slot_types[type_name].words
    model.vocabulary = {intent: frozenset(words) for intent, words in by_intent.items()}
    fillers |= {
        f"{{{slot}}}" for (_, slot), kind in model.slot_type_of.items() if kind in BUILT_IN_TYPES
    }  # a number or time says little about the request: the words around it do
    for word, count in seen.items():
        scale = FILLER_WEIGHT if word in fillers else 1.0
        model.weights[word] = scale * math.log(total / count)
    model.weights[""] = UNKNOWN_WEIGHT * math.log(total)
    model.totals = [sum(model.weight(w) for w in t.stems) for t in model.templates]


def _add_intents(model: Model, language: dict[str, Any]) -> None:
    """The model's intents, their slots' types and samples, then the built-in phrase table."""
    for intent in language.get("intents", []):
        name = intent["name"]
        model.intents[name] = tuple(slot["name"] for slot in intent.get("slots", []))
        for slot in intent.get("slots", []):
            model.slot_type_of[(name, slot["name"])] = slot["type"]
            if slot["type"] in BUILT_IN_TYPES:
                model.slot_types[slot["type"]] = BUILT_IN_TYPES[slot["type"]]
        model.templates += [make_template(name, sample) for sample in intent.get("samples", [])]
    taken = {template.text for template in model.templates}
    for name, phrases in BUILTIN_PHRASES.items():
        if name in model.intents:
            model.templates += [
                make_template(name, p, "built-in") for p in phrases if normalise(p) not in taken
            ]


def compile_model(document: dict[str, Any]) -> Model:
    """Compile a parsed interaction model (plus the built-in phrase table) for matching."""
    language = document["interactionModel"]["languageModel"]
    configuration = language.get("modelConfiguration", {}).get("fallbackIntentSensitivity", {})
    level = configuration.get("level", LEVELS[0])
    model = Model(
        invocation=normalise(language.get("invocationName", "")),
        level=level if level in LEVELS else LEVELS[0],
    )
    for slot_type in language.get("types", []):
        model.slot_types[slot_type["name"]] = build_slot_type(slot_type)
    _add_intents(model, language)
    for slot_type in model.slot_types.values():
        model.value_runs.add(slot_type)
    pairs = set()
    for number, template in enumerate(model.templates):
        words = template.text.split()
        if template.intent != FALLBACK:  # what other skills hear decides no word's meaning here
            pairs |= {f"{a} {b}" for a, b in pairwise(words) if "{" not in a + b}
        for slot in template.slots:
            model.by_slot.setdefault(slot, {})[number] = template.text
        model.exact.setdefault(template.text, template)
    model.carrier_pairs = frozenset(pairs)
    _weigh(model)
    return model


@cache
def load_model(locale: str = DEFAULT_LOCALE) -> Model:
    """The compiled model for ``locale``, read from the bundled model once per process."""
    return compile_model(interaction_model(locale))
