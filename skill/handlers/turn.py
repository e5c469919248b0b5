"""One turn as a move sees it: the request, the state before it, and the storage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ask_sdk_core.handler_input import HandlerInput

from skill.dialogue.state import DialogueState, Question
from skill.handlers.slots import resolved_id, slot_value
from skill.persistence import Storage
from skill.voice.apl import supports_apl
from skill.voice.emergency import emergency_number
from skill.voice.reply import Reply
from skill.voice.ssml import Markup

SAME = "same"
END = "end"


@dataclass(frozen=True)
class Turn:
    """The request being answered, the dialogue state it arrived in, and where data is kept."""

    handler_input: HandlerInput
    state: DialogueState
    storage: Storage | None = None

    def slot_id(self, name: str, known: tuple[str, ...]) -> str | None:
        """The resolved id of slot ``name`` if it is one of ``known``."""
        return resolved_id(self.handler_input, name, known)

    def slot_value(self, name: str) -> str | None:
        """What the person said for slot ``name``."""
        return slot_value(self.handler_input, name)

    def emergency(self) -> tuple[Markup, str]:
        """The local emergency number, to speak and to print."""
        return emergency_number(self.handler_input)

    @property
    def has_screen(self) -> bool:
        """True when the device renders APL."""
        return supports_apl(self.handler_input)


Move = Callable[[Turn], Reply]
M = TypeVar("M", bound=Move)


def leads_to(*targets: Question | str) -> Callable[[M], M]:
    """Declare the questions a move can lead to (``SAME``: keeps the question; ``END``: closes).

    The table's diagram is drawn from these.
    """

    def mark(move: M) -> M:
        move.leads_to = targets  # type: ignore[attr-defined]
        return move

    return mark


def targets_of(move: Move) -> tuple[Question | str, ...]:
    """The questions ``move`` declares it can lead to."""
    return getattr(move, "leads_to", ())
