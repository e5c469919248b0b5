"""What the resolver hands back: a reading of the text, the decision on it, and the result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skill.simulator.slot_values import SlotFill
from skill.simulator.templates import Template

FALLBACK = "AMAZON.FallbackIntent"
WRITES = frozenset({"LogTwitchIntent", "DeleteDataIntent"})
"""Intents that write or erase the person's data: a guess must never reach them."""


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
        """Each filled slot's value id (None when it matched no value, or for a built-in type)."""
        return {fill.name: fill.value_id for fill in self.slots}

    @property
    def slot_values(self) -> dict[str, str]:
        """Each filled slot's value as Alexa sends it ("20" for AMAZON.NUMBER)."""
        return {fill.name: fill.value for fill in self.slots}

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

    def scored(self, score: float) -> Candidate:
        """The same reading with another score."""
        return Candidate(score, self.template, self.fills, self.exact)


@dataclass(frozen=True)
class Decision:
    """The reading chosen (or the best one, when rejected), whether it stands, and why."""

    candidate: Candidate | None
    accepted: bool
    reason: str
