"""The interaction model compiled for offline matching: samples, slot values, word weights."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from skill.rules.interaction_model import DEFAULT_LOCALE, interaction_model
from skill.simulator.builtins import BUILTIN_PHRASES
from skill.simulator.text import FILLERS, normalise, stem, word_stems

ER_AUTHORITY = "amzn1.er-authority.echo-sdk.{skill_id}.{slot_type}"
SLOT_CUTOFF = 85.0
"""The least similarity (0-100) for words in a slot to resolve to a value they do not name."""
FILLER_WEIGHT = 0.2
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class SlotFill:
    """One filled slot: the words said, and the value they resolved to (if any)."""

    name: str
    type: str
    value: str
    value_id: str | None = None
    value_name: str | None = None

    def named(self, name: str) -> SlotFill:
        """The same fill for slot ``name``."""
        return SlotFill(name, self.type, self.value, self.value_id, self.value_name)

    def to_json(self, skill_id: str) -> dict[str, Any]:
        """The slot as it appears in an IntentRequest, with entity resolution."""
        authority = ER_AUTHORITY.format(skill_id=skill_id, slot_type=self.type)
        resolution: dict[str, Any] = {"authority": authority}
        if self.value_id is None:
            resolution["status"] = {"code": "ER_SUCCESS_NO_MATCH"}
        else:
            resolution["status"] = {"code": "ER_SUCCESS_MATCH"}
            resolution["values"] = [{"value": {"name": self.value_name, "id": self.value_id}}]
        resolutions = {"resolutionsPerAuthority": [resolution]}
        return {
            "name": self.name,
            "value": self.value,
            "resolutions": resolutions,
            "confirmationStatus": "NONE",
            "source": "USER",
            "slotValue": {"type": "Simple", "value": self.value, "resolutions": resolutions},
        }


def stems(text: str) -> str:
    """Normalised text as stems, for comparing word forms: "pinched nerves" -> "pinch nerv"."""
    return " ".join(word_stems(text))


@dataclass(frozen=True)
class SlotType:
    """A custom slot type: every value name and synonym, normalised, mapped to (id, name)."""

    name: str
    phrases: dict[str, tuple[str, str]]
    stemmed: dict[str, str]
    longest: int

    def exact(self, words: str) -> SlotFill | None:
        """The value these words name exactly (slot name left empty), or None."""
        found = self.phrases.get(words)
        return SlotFill("", self.name, words, *found) if found else None

    def closest(self, words: str) -> SlotFill | None:
        """The value these words are close to (word forms and typos forgiven), or None."""
        best = process.extractOne(
            stems(words), self.stemmed, scorer=fuzz.ratio, score_cutoff=SLOT_CUTOFF
        )
        return SlotFill("", self.name, words, *self.phrases[best[2]]) if best else None


@dataclass(frozen=True)
class Template:
    """One sample utterance, normalised, with its slots, carrier regex and word stems."""

    intent: str
    text: str
    slots: tuple[str, ...]
    pattern: re.Pattern[str] | None
    stems: tuple[str, ...]


@dataclass
class Model:
    """The interaction model, compiled once for matching."""

    invocation: str = ""
    intents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    slot_types: dict[str, SlotType] = field(default_factory=dict)
    slot_type_of: dict[tuple[str, str], str] = field(default_factory=dict)
    exact: dict[str, Template] = field(default_factory=dict)
    templates: list[Template] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    by_slot: dict[str, dict[int, str]] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    index: dict[str, list[int]] = field(default_factory=dict)
    totals: list[float] = field(default_factory=list)
    vocabulary: dict[str, frozenset[str]] = field(default_factory=dict)

    def weight(self, word_stem: str) -> float:
        """How much a word says about the intent: rare across intents weighs more."""
        return self.weights.get(word_stem, self.weights.get("", 1.0))

    def slot_type(self, intent: str, slot: str) -> SlotType | None:
        """The custom type of an intent's slot, if it has one."""
        return self.slot_types.get(self.slot_type_of.get((intent, slot), ""))


def _template(intent: str, sample: str) -> Template:
    spaced = _PLACEHOLDER.sub(lambda m: f" {{{m.group(1)}}} ", sample.lower())
    text = " ".join(w if _PLACEHOLDER.fullmatch(w) else normalise(w) for w in spaced.split())
    words = text.split()
    slots = tuple(_PLACEHOLDER.findall(text))
    pattern = None
    if slots:
        parts = [
            rf"(?P<{w[1:-1]}>.+?)" if _PLACEHOLDER.fullmatch(w) else re.escape(w) for w in words
        ]
        pattern = re.compile(" ".join(parts))
    return Template(intent, text, slots, pattern, tuple(word_stems(text)))


def _slot_type(slot_type: dict[str, Any]) -> SlotType:
    phrases: dict[str, tuple[str, str]] = {}
    for value in slot_type.get("values", []):
        name = value["name"]
        for phrase in [name["value"], *name.get("synonyms", [])]:
            phrases.setdefault(normalise(phrase), (value.get("id") or name["value"], name["value"]))
    longest = max((len(p.split()) for p in phrases), default=1)
    return SlotType(slot_type["name"], phrases, {p: stems(p) for p in phrases}, longest)


def _weigh(model: Model) -> None:
    """Inverse intent frequency per word stem; fillers weigh little; an index by stem."""
    by_intent: dict[str, set[str]] = {}
    for template in model.templates:
        by_intent.setdefault(template.intent, set()).update(template.stems)
    seen = Counter(word for words in by_intent.values() for word in words)
    fillers = {stem(word) for word in FILLERS}
    total = len(by_intent) + 1
    model.vocabulary = {intent: frozenset(words) for intent, words in by_intent.items()}
    for word, count in seen.items():
        scale = FILLER_WEIGHT if word in fillers else 1.0
        model.weights[word] = scale * math.log(total / count)
    model.weights[""] = math.log(total)
    for number, template in enumerate(model.templates):
        for word in set(template.stems):
            model.index.setdefault(word, []).append(number)
        model.totals.append(sum(model.weight(w) for w in template.stems))


def compile_model(document: dict[str, Any]) -> Model:
    """Compile a parsed interaction model (plus the built-in phrase table) for matching."""
    language = document["interactionModel"]["languageModel"]
    model = Model(invocation=normalise(language.get("invocationName", "")))
    for slot_type in language.get("types", []):
        model.slot_types[slot_type["name"]] = _slot_type(slot_type)
    for intent in language.get("intents", []):
        name = intent["name"]
        model.intents[name] = tuple(slot["name"] for slot in intent.get("slots", []))
        for slot in intent.get("slots", []):
            model.slot_type_of[(name, slot["name"])] = slot["type"]
        model.templates += [_template(name, sample) for sample in intent.get("samples", [])]
    taken = {template.text for template in model.templates}
    for name, phrases in BUILTIN_PHRASES.items():
        if name in model.intents:
            model.templates += [_template(name, p) for p in phrases if normalise(p) not in taken]
    for number, template in enumerate(model.templates):
        model.choices.append(template.text)
        for slot in template.slots:
            model.by_slot.setdefault(slot, {})[number] = template.text
        model.exact.setdefault(template.text, template)
    _weigh(model)
    return model


@cache
def load_model(locale: str = DEFAULT_LOCALE) -> Model:
    """The compiled model for ``locale``, read from the bundled model once per process."""
    return compile_model(interaction_model(locale))
