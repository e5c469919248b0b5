"""The interaction model compiled for offline matching: samples, slot values, word weights."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from rapidfuzz import fuzz, process

from skill.rules.interaction_model import DEFAULT_LOCALE, interaction_model
from skill.simulator.builtins import BUILTIN_PHRASES
from skill.simulator.text import FILLERS, normalise, stem, word_stems

ER_AUTHORITY = "amzn1.er-authority.echo-sdk.{skill_id}.{slot_type}"
SLOT_CUTOFF = 85.0
"""The least similarity (0-100) for words in a slot to resolve to a value they do not name."""
FILLER_WEIGHT = 0.2
UNKNOWN_WEIGHT = 0.7
"""How much a word the model has never seen weighs, against its rarest word."""
BARE_WORDS = FILLERS | {"my", "your"}
"""Words a sample may have besides its one slot and still be a bare value ("the {cause} one")."""
LOOSE_WORDS = (
    BARE_WORDS
    | {"its", "it's", "is", "are", "be", "been", "i", "i'm"}
    | {
        "lot",
        "lots",
        "quite",
        "much",
        "too",
        "also",
        "as",
        "again",
        "lately",
        "recently",
        "still",
        "today",
        "all",
        "day",
        "properly",
        "totally",
        "completely",
        "bad",
        "badly",
        "terribly",
    }
)
"""Words that may stand beside a slot value without changing what it names."""
LEVELS = ("LOW", "MEDIUM", "HIGH")
"""Alexa's ``fallbackIntentSensitivity`` levels; LOW is Amazon's default."""
INTENSIFIERS = frozenset(
    {"really", "very", "so", "quite", "pretty", "bit", "little", "extremely", "super", "a"}
    | {"totally", "completely", "kind", "of", "sort", "proper", "real", "too", "more"}
)
"""Words that may sit inside a value without changing it ("walking is really hard")."""
RUNS_KEPT = 4096
"""How many word lists' slot-value runs are remembered (the same words recur across samples)."""
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
    """A custom slot type: every value name and synonym, normalised, mapped to (id, name).

    ``rank`` is each value's place in the model: when words name two values, the first listed
    wins (SymptomType lists the most urgent sign first).
    """

    name: str
    phrases: dict[str, tuple[str, str]]
    stemmed: dict[str, str]
    longest: int
    by_stems: dict[str, str] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)
    words: frozenset[str] = frozenset()

    def exact(self, words: str) -> SlotFill | None:
        """The value these words name exactly (slot name left empty), or None."""
        found = self.phrases.get(words)
        return SlotFill("", self.name, words, *found) if found else None

    def same_stems(self, words: str) -> SlotFill | None:
        """The value these words name in another form ("tingles" for "tingly"), or None."""
        phrase = self.by_stems.get(stems(words))
        return SlotFill("", self.name, words, *self.phrases[phrase]) if phrase else None

    def priority(self, fill: SlotFill) -> int:
        """Where the fill's value stands in the model's list (lower comes first)."""
        return self.rank.get(fill.value_id or "", len(self.rank))

    def closest(self, words: str) -> SlotFill | None:
        """The value these words are close to (word forms and typos forgiven), or None."""
        best = process.extractOne(
            stems(words), self.stemmed, scorer=fuzz.ratio, score_cutoff=SLOT_CUTOFF
        )
        return SlotFill("", self.name, words, *self.phrases[best[2]]) if best else None


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
    choices: list[str] = field(default_factory=list)
    by_slot: dict[str, dict[int, str]] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    index: dict[str, list[int]] = field(default_factory=dict)
    totals: list[float] = field(default_factory=list)
    vocabulary: dict[str, frozenset[str]] = field(default_factory=dict)
    values: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    value_stems: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    longest_value: int = 1
    carrier_pairs: frozenset[str] = frozenset()
    _runs: dict[tuple[str, ...], list[tuple[int, int, SlotFill, bool]]] = field(
        default_factory=dict, repr=False
    )

    def runs(
        self, words: list[str], only: str | None = None
    ) -> list[tuple[int, int, SlotFill, bool]]:
        """Every run of the words that names a slot value: (start, end, fill, word for word).

        Longest runs first; a run in another word form ("tingles") counts when no value is named
        word for word. ``only`` keeps one slot type.
        """
        key = tuple(words)
        if key not in self._runs:
            if len(self._runs) > RUNS_KEPT:
                self._runs.clear()
            self._runs[key] = self._find_runs(words)
        found = self._runs[key]
        return found if only is None else [run for run in found if run[2].type == only]

    def _find_runs(self, words: list[str]) -> list[tuple[int, int, SlotFill, bool]]:
        found = self._runs_in(words, list(range(len(words))))
        kept = [i for i, word in enumerate(words) if word not in INTENSIFIERS]
        if 0 < len(kept) < len(words):
            seen = {(start, end, fill.value_id) for start, end, fill, _ in found}
            for run in self._runs_in([words[i] for i in kept], kept):
                if (run[0], run[1], run[2].value_id) not in seen:
                    found.append(run)
            found.sort(key=lambda run: run[0] - run[1])
        return found

    def _runs_in(
        self, words: list[str], places: list[int]
    ) -> list[tuple[int, int, SlotFill, bool]]:
        """Runs of ``words`` naming values; ``places`` maps each word to its place in the text."""
        per_word = [word_stems(word) for word in words]
        found = []
        for size in range(min(self.longest_value, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                hits, exact = self.values.get(phrase), True
                if hits is None:
                    run_stems = " ".join(
                        s for stems in per_word[start : start + size] for s in stems
                    )
                    hits, exact = self.value_stems.get(run_stems), False
                for type_name, value_id, value_name in hits or ():
                    fill = SlotFill("", type_name, phrase, value_id, value_name)
                    found.append((places[start], places[start + size - 1] + 1, fill, exact))
        return found

    def weight(self, word_stem: str) -> float:
        """How much a word says about the intent: rare across intents weighs more."""
        return self.weights.get(word_stem, self.weights.get("", 1.0))

    def slot_type(self, intent: str, slot: str) -> SlotType | None:
        """The custom type of an intent's slot, if it has one."""
        return self.slot_types.get(self.slot_type_of.get((intent, slot), ""))


def _template(intent: str, sample: str, source: str = "model") -> Template:
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
    carrier = [word for word in " ".join(words).split() if not _PLACEHOLDER.fullmatch(word)]
    bare = len(slots) == 1 and all(word in BARE_WORDS for word in carrier)
    return Template(
        intent,
        text,
        slots,
        pattern,
        tuple(word_stems(text)),
        frozenset(" ".join(carrier).split()),
        bare,
        source,
    )


def _slot_type(slot_type: dict[str, Any]) -> SlotType:
    phrases: dict[str, tuple[str, str]] = {}
    rank: dict[str, int] = {}
    for value in slot_type.get("values", []):
        name = value["name"]
        value_id = value.get("id") or name["value"]
        rank.setdefault(value_id, len(rank))
        for phrase in [name["value"], *name.get("synonyms", [])]:
            phrases.setdefault(normalise(phrase), (value_id, name["value"]))
    longest = max((len(p.split()) for p in phrases), default=1)
    stemmed = {p: stems(p) for p in phrases}
    by_stems: dict[str, str] = {}
    for phrase, phrase_stems in stemmed.items():
        by_stems.setdefault(phrase_stems, phrase)
    words = frozenset(word for phrase_stems in stemmed.values() for word in phrase_stems.split())
    return SlotType(slot_type["name"], phrases, stemmed, longest, by_stems, rank, words)


def _weigh(model: Model) -> None:
    """Inverse intent frequency per word stem; fillers weigh little; an index by stem.

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
    for word, count in seen.items():
        scale = FILLER_WEIGHT if word in fillers else 1.0
        model.weights[word] = scale * math.log(total / count)
    model.weights[""] = UNKNOWN_WEIGHT * math.log(total)
    for number, template in enumerate(model.templates):
        for word in set(template.stems):
            model.index.setdefault(word, []).append(number)
        model.totals.append(sum(model.weight(w) for w in template.stems))


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
            model.templates += [
                _template(name, p, "built-in") for p in phrases if normalise(p) not in taken
            ]
    for slot_type in model.slot_types.values():
        for phrase, (value_id, value_name) in slot_type.phrases.items():
            model.values.setdefault(phrase, []).append((slot_type.name, value_id, value_name))
        for phrase_stems, phrase in slot_type.by_stems.items():
            value_id, value_name = slot_type.phrases[phrase]
            model.value_stems.setdefault(phrase_stems, []).append(
                (slot_type.name, value_id, value_name)
            )
        model.longest_value = max(model.longest_value, slot_type.longest)
    pairs = set()
    for template in model.templates:
        words = template.text.split()
        pairs |= {f"{a} {b}" for a, b in pairwise(words) if "{" not in a + b}
    model.carrier_pairs = frozenset(pairs)
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
