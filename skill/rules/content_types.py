"""The typed pieces the skill speaks from, and the error bad content raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_LOCALE = "en-US"  # the base content; content/locales/<locale>.yaml changes it
LOCALES_DIR = "locales"  # <locale>.yaml: what a locale says differently (skill/rules/locales.py)


class ContentError(Exception):
    """A content file is missing, unreadable, or does not match its schema."""


@dataclass(frozen=True)
class Prompt:
    """Something to say, and what to say again if the person is silent."""

    speech: str
    reprompt: str


@dataclass(frozen=True)
class Entry:
    """One cause or self-care topic: its id, spoken name, card line and spoken detail."""

    id: str
    name: str
    card: str
    detail: str
    helps: str = ""


@dataclass(frozen=True)
class Stretch:
    """One stretch of the routine: spoken name, set-up, whether both feet do it, a safety line."""

    id: str
    short: str
    name: str
    setup: str
    each_side: bool
    safety: str
    start: str


@dataclass(frozen=True)
class Content:
    """Everything the skill says, checked and ready to use."""

    causes: dict[str, Any]
    cause_entries: dict[str, Entry]
    self_care: dict[str, Any]
    topic_entries: dict[str, Entry]
    doctor: dict[str, Any]
    prompts: dict[str, Any]
    stretches: dict[str, Any]
    stretch_entries: dict[str, Stretch]
    symptoms: dict[str, Any]
    diary: dict[str, Any]
    dialogue: dict[str, Any]

    def prompt(self, key: str, **values: str) -> Prompt:
        """Return prompt ``key`` with ``{placeholders}`` filled from ``values``."""
        raw = self.prompts[key]
        return Prompt(raw["speech"].format(**values), raw["reprompt"].format(**values))

    def twitch_count(self, count: int) -> str:
        """'no twitches', 'one twitch' or '3 twitches'."""
        twitches = self.diary["twitches"]
        if count < 2:
            return twitches["none" if count == 0 else "one"]
        return twitches["many"].format(count=count)

    def cause_names(self, last_word: str = "or") -> str:
        """The six causes' spoken names as one list, ending in ``last_word``."""
        return spoken_list([entry.name for entry in self.cause_entries.values()], last_word)


def spoken_list(items: list[str], last_word: str = "and") -> str:
    """Join items the way people say lists: 'a, b, and c'."""
    if len(items) < 3:
        return f" {last_word} ".join(items)
    return f"{', '.join(items[:-1])}, {last_word} {items[-1]}"
