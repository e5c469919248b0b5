"""Find the runs of words that name a slot value, word for word or in another word form."""

from __future__ import annotations

from dataclasses import dataclass, field

from skill.simulator.builtin_slots import BuiltInSlotType
from skill.simulator.slot_values import SlotFill, SlotType
from skill.simulator.text import word_stems

INTENSIFIERS = frozenset(
    {"really", "very", "so", "quite", "pretty", "bit", "little", "extremely", "super", "a"}
    | {"totally", "completely", "kind", "of", "sort", "proper", "real", "too", "more"}
)
"""Words that may sit inside a value without changing it ("walking is really hard")."""
RUNS_KEPT = 4096
"""How many word lists' slot-value runs are remembered (the same words recur across samples)."""

Run = tuple[int, int, SlotFill, bool]
"""A run of words naming a value: (start, end, fill with no slot name, word for word)."""


@dataclass
class ValueRuns:
    """Every value phrase of the model's slot types, by its words and by its stems."""

    values: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    value_stems: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    longest: int = 1
    built_in: tuple[BuiltInSlotType, ...] = ()
    _cache: dict[tuple[str, ...], list[Run]] = field(default_factory=dict, repr=False)

    def add(self, slot_type: SlotType) -> None:
        """Index a slot type's phrases (a built-in type reads its values instead)."""
        if isinstance(slot_type, BuiltInSlotType):
            self.built_in += (slot_type,)
            return
        for phrase, (value_id, value_name) in slot_type.phrases.items():
            self.values.setdefault(phrase, []).append((slot_type.name, value_id, value_name))
        for phrase_stems, phrase in slot_type.by_stems.items():
            value_id, value_name = slot_type.phrases[phrase]
            named = (slot_type.name, value_id, value_name)
            self.value_stems.setdefault(phrase_stems, []).append(named)
        self.longest = max(self.longest, slot_type.longest)

    def runs(self, words: list[str], only: str | None = None) -> list[Run]:
        """Every run of the words that names a slot value, longest first.

        A run in another word form ("tingles") counts when no value is named word for word;
        ``only`` keeps one slot type.
        """
        key = tuple(words)
        if key not in self._cache:
            if len(self._cache) > RUNS_KEPT:
                self._cache.clear()
            self._cache[key] = self._find(words)
        found = self._cache[key]
        return found if only is None else [run for run in found if run[2].type == only]

    def _find(self, words: list[str]) -> list[Run]:
        found = self._runs_in(words, list(range(len(words))))
        kept = [i for i, word in enumerate(words) if word not in INTENSIFIERS]
        if 0 < len(kept) < len(words):
            seen = {(start, end, fill.value_id) for start, end, fill, _ in found}
            for run in self._runs_in([words[i] for i in kept], kept):
                if (run[0], run[1], run[2].value_id) not in seen:
                    found.append(run)
        for slot_type in self.built_in:
            found += [(start, end, fill, True) for start, end, fill in slot_type.runs(words)]
        found.sort(key=lambda run: run[0] - run[1])
        return found

    def _runs_in(self, words: list[str], places: list[int]) -> list[Run]:
        """Runs of ``words`` naming values; ``places`` maps each word to its place in the text."""
        per_word = [word_stems(word) for word in words]
        found = []
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                hits, exact = self.values.get(phrase), True
                if hits is None:
                    run_stems = " ".join(s for part in per_word[start : start + size] for s in part)
                    hits, exact = self.value_stems.get(run_stems), False
                for type_name, value_id, value_name in hits or ():
                    fill = SlotFill("", type_name, phrase, value_id, value_name)
                    found.append((places[start], places[start + size - 1] + 1, fill, exact))
        return found
