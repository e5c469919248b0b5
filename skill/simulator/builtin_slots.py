"""Amazon's built-in slot types read offline: AMAZON.NUMBER ("thirty five" -> "35") and
AMAZON.TIME ("half past seven pm" -> "19:30"), as Alexa sends their values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from skill.simulator.slot_values import SlotFill, SlotType
from skill.simulator.text import ONES, TENS

NUMBER, TIME = "AMAZON.NUMBER", "AMAZON.TIME"
UNITS = {word: value for value, word in enumerate(ONES)}
DECADES = {word: 10 * value for value, word in enumerate(TENS) if word != "_"}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
NUMBER_WORDS = frozenset(UNITS) | frozenset(DECADES) | frozenset(MULTIPLIERS) | {"and", "a", "an"}
PERIODS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
"""Times of day Alexa sends as codes ("in the morning" alone is MO)."""
NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"} | {
    "twelve noon": "12:00",
    "twelve midnight": "00:00",
}
HALVES = {"pm": "pm", "p m": "pm", "in the evening": "pm", "in the afternoon": "pm"} | {
    "at night": "pm",
    "tonight": "pm",
    "am": "am",
    "a m": "am",
    "in the morning": "am",
}
"""Words after a clock time that put it before or after noon."""
MINUTES = {"quarter": 15, "half": 30}
"""Minutes said by name before "past" or "to" ("quarter past seven"); others are numbers."""
EARLY = {"morning": "am", "evening": "pm", "afternoon": "pm", "night": "pm", "tonight": "pm"}
"""A time of day said before the clock time ("in the evening at half eight")."""
TIME_WORDS = (
    NUMBER_WORDS
    | frozenset(PERIODS)
    | frozenset(NAMED_TIMES)
    | {"o'clock", "oh", "half", "quarter", "past", "to", "after", "of", "in", "the", "at", "this"}
    | {"am", "pm", "a", "p", "m"}
)  # fmt: skip


FILLING = frozenset({"and", "the", "to", "of", "after", "past", "o'clock", "oh", "m", "am", "pm"})
"""Words that go on a number or time but never start one."""
LONGEST = 7
"""No number or time said is longer than this many words ("quarter past seven in the evening")."""


def spoken_number(words: list[str]) -> int | None:
    """The whole number the words say ("one hundred and five" -> 105), or None."""
    if words[:1] in (["a"], ["an"]) and words[1:2] and words[1] in MULTIPLIERS:
        words = ["one", *words[1:]]
    if not words or "and" in (words[0], words[-1]):
        return None
    total, current, last = 0, 0, ""
    for word in words:
        if word in UNITS:
            if last in UNITS or (last in DECADES and current % 10):
                return None
            current += UNITS[word]
        elif word in DECADES:
            if last in UNITS or last in DECADES:
                return None
            current += DECADES[word]
        elif word in MULTIPLIERS:
            if MULTIPLIERS[word] == 100:
                current = max(current, 1) * 100
            else:
                total, current = total + max(current, 1) * MULTIPLIERS[word], 0
        elif word != "and" or last not in MULTIPLIERS:
            return None  # "and" only goes on a hundred or a thousand ("seven and nine" is two)
        last = word
    return total + current


def _relative(words: list[str]) -> tuple[int, int] | None:
    """Hour and minute of "twenty past two", "quarter to eight", "ten after six", or None."""
    for place, word in enumerate(words):
        if word not in ("past", "after", "to", "of") or place == 0:
            continue
        head = words[:place]
        minutes = MINUTES.get(" ".join(head)) or spoken_number(head)
        hour = spoken_number(words[place + 1 :])
        if not minutes or not 0 < minutes < 60 or hour is None or not 1 <= hour <= 12:
            return None
        if word in ("past", "after"):
            return hour, minutes
        return hour - 1 or 12, 60 - minutes
    return None


def _clock(words: list[str]) -> tuple[int, int] | None:
    """Hour and minute of "seven", "seven thirty", "seven oh five", "quarter to eight", "half six"
    (British for half past six)."""
    relative = _relative(words)
    if relative is not None:
        return relative
    if words[:1] == ["half"]:  # British "half six": half past six
        hour = spoken_number(words[1:])
        return (hour, 30) if hour is not None and 1 <= hour <= 12 else None
    if words[-1:] == ["o'clock"]:
        words = words[:-1]
    for split in range(1, len(words) + 1):
        hour, rest = spoken_number(words[:split]), words[split:]
        if rest[:1] == ["oh"]:
            rest = rest[1:]
        minute: int | None = spoken_number(rest) if rest else 0
        if hour is not None and minute is not None and hour <= 23 and minute < 60:
            return hour, minute
    return None


def spoken_time(words: list[str]) -> str | None:
    """The time the words say as Alexa sends it ("seven pm" -> "19:00", "morning" -> "MO")."""
    while words[:1] in (["at"], ["about"], ["around"]):
        words = words[1:]
    text = " ".join(words)
    if text in NAMED_TIMES:
        return NAMED_TIMES[text]
    period = text.removeprefix("in the ").removeprefix("this ")
    if period in PERIODS:
        return PERIODS[period]
    half = ""
    early = text.removeprefix("every ").removeprefix("in the ").removeprefix("this ").split()
    if early[:1] and early[0] in EARLY and early[1:2] == ["at"]:
        half, text = EARLY[early[0]], " ".join(early[2:])
    for mark in sorted(HALVES, key=len, reverse=True):
        if text.endswith(" " + mark):
            text, half = text[: -len(mark) - 1], HALVES[mark]
            break
    clock = _clock(text.split()) if text else None
    if clock is None:
        return None
    hour, minute = clock
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def in_day_half(value: str, words: list[str]) -> str:
    """A clock time read alone, put after noon when the words around it say so.

    "remind me every evening at seven": the slot holds "seven", the sentence says evening.
    """
    said = set(words)
    hour, colon, minute = value.partition(":")
    if not colon or not hour.isdigit() or not 1 <= int(hour) <= 11 or said & {"morning", "am"}:
        return value
    if said & {"evening", "afternoon", "night", "tonight", "pm", "evenings", "nights"}:
        return f"{int(hour) + 12:02d}:{minute}"
    return value


def _number_value(words: list[str]) -> str | None:
    number = spoken_number(words)
    return None if number is None else str(number)


@dataclass(frozen=True)
class BuiltInSlotType(SlotType):
    """An Amazon slot type: its value is read from the words, not looked up among values."""

    read: Callable[[list[str]], str | None] = field(default=_number_value, compare=False)
    vocabulary: frozenset[str] = frozenset()
    openings: frozenset[str] = frozenset()

    def exact(self, words: str) -> SlotFill | None:
        """The value the words say, when all of them say it."""
        value = self.read(words.split())
        return SlotFill("", self.name, value) if value is not None else None

    def same_stems(self, words: str) -> SlotFill | None:
        """Built-in values have no other word forms."""
        return None

    def closest(self, words: str) -> SlotFill | None:
        """Built-in values are read, never guessed."""
        return None

    def runs(self, words: list[str]) -> list[tuple[int, int, SlotFill]]:
        """Every longest run of the words that says a value: (start, end, fill)."""
        found, start = [], 0
        while start < len(words):
            if words[start] not in self.openings:
                start += 1
                continue
            stretch = start
            while stretch < min(len(words), start + LONGEST) and words[stretch] in self.vocabulary:
                stretch += 1
            for end in range(stretch, start, -1):
                value = self.read(words[start:end])
                if value is not None:
                    found.append((start, end, SlotFill("", self.name, value)))
                    start = end - 1
                    break
            start += 1
        return found


def _built_in(
    name: str, examples: tuple[str, ...], read: Callable[[list[str]], str | None]
) -> BuiltInSlotType:
    """A built-in type that reads its values with ``read``; ``examples`` fill its samples."""
    vocabulary = TIME_WORDS if name == TIME else NUMBER_WORDS
    openings = vocabulary - FILLING
    phrases = {example: ("", example) for example in examples}
    return BuiltInSlotType(name, phrases, 4, read=read, vocabulary=vocabulary, openings=openings)


BUILT_IN_TYPES: dict[str, BuiltInSlotType] = {
    NUMBER: _built_in(NUMBER, ("twenty", "thirty", "fifteen", "forty five"), _number_value),
    TIME: _built_in(TIME, ("seven pm", "half past eight", "ten thirty", "noon"), spoken_time),
}
"""The built-in slot types the offline resolver reads, by name."""
