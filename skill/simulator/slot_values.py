"""Slot values: what a filled slot sends, and a custom slot type's values and synonyms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from skill.simulator.by_length import ByLength
from skill.simulator.text import normalise, word_stems

ER_AUTHORITY = "amzn1.er-authority.echo-sdk.{skill_id}.{slot_type}"
SLOT_CUTOFF = 85.0
"""The least similarity (0-100) for words in a slot to resolve to a value they do not name."""
CLOSE_LENGTH = (200 - SLOT_CUTOFF) / SLOT_CUTOFF
"""How many times longer or shorter than the words a phrase may be and still reach
``SLOT_CUTOFF``: no other phrase can."""
CLOSE_KEPT = 4096
"""How many word runs' closest values each slot type remembers."""
BUILT_IN_PREFIX = "AMAZON."
"""Amazon's own slot types: their value is the thing said, normalised, with no entity resolution."""
UNREAD = "?"
"""The value Alexa sends for a built-in slot whose words it could not read."""


@dataclass(frozen=True)
class SlotFill:
    """One filled slot: the words said, and the value they resolved to (if any).

    For a built-in type (``AMAZON.NUMBER``, ``AMAZON.TIME``) ``value`` is what Alexa sends ("20",
    "19:00") and there is no value id.
    """

    name: str
    type: str
    value: str
    value_id: str | None = None
    value_name: str | None = None

    @property
    def resolved(self) -> bool:
        """Whether the words named a value (for a built-in type: whether they could be read)."""
        if self.type.startswith(BUILT_IN_PREFIX):
            return self.value != UNREAD
        return self.value_id is not None

    @property
    def outcome(self) -> str:
        """What the words resolved to, as shown to a developer: the value id, "no match", or
        nothing for a built-in type (Alexa sends its value as read)."""
        if self.type.startswith(BUILT_IN_PREFIX):
            return ""
        return f" ({self.value_id or 'no match'})"

    def named(self, name: str) -> SlotFill:
        """The same fill for slot ``name``."""
        return SlotFill(name, self.type, self.value, self.value_id, self.value_name)

    def to_json(self, skill_id: str) -> dict[str, Any]:
        """The slot as it appears in an IntentRequest, with entity resolution for custom types."""
        slot: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "confirmationStatus": "NONE",
            "source": "USER",
        }
        if self.type.startswith(BUILT_IN_PREFIX):
            slot["slotValue"] = {"type": "Simple", "value": self.value}
            return slot
        authority = ER_AUTHORITY.format(skill_id=skill_id, slot_type=self.type)
        resolution: dict[str, Any] = {"authority": authority}
        if self.value_id is None:
            resolution["status"] = {"code": "ER_SUCCESS_NO_MATCH"}
        else:
            resolution["status"] = {"code": "ER_SUCCESS_MATCH"}
            resolution["values"] = [{"value": {"name": self.value_name, "id": self.value_id}}]
        resolutions = {"resolutionsPerAuthority": [resolution]}
        slot["resolutions"] = resolutions
        slot["slotValue"] = {"type": "Simple", "value": self.value, "resolutions": resolutions}
        return slot


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
    longest: int
    by_stems: dict[str, str] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    near: dict[str, SlotFill | None] = field(default_factory=dict, compare=False, repr=False)
    by_length: ByLength[str] = field(default_factory=ByLength)
    """The phrases as stems, by length: only phrases of a near length can be close enough."""

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
        if words not in self.near:
            if len(self.near) > CLOSE_KEPT:
                self.near.clear()
            best = self.by_length.alike(stems(words), CLOSE_LENGTH, SLOT_CUTOFF, limit=1)
            self.near[words] = (
                SlotFill("", self.name, words, *self.phrases[best[0]]) if best else None
            )
        return self.near[words]


def build_slot_type(slot_type: dict[str, Any]) -> SlotType:
    """A custom slot type of the model, compiled."""
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
    by_length = ByLength.of(stemmed.items())
    return SlotType(slot_type["name"], phrases, longest, by_stems, rank, words, by_length=by_length)
