"""Strings kept in order of length, so that a text is compared only with strings near its length.

Two strings far apart in length cannot be alike as strings (``fuzz.ratio``), so there is no need
to compare them: this is what makes string similarity affordable against thousands of samples.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

K = TypeVar("K")


@dataclass(frozen=True)
class ByLength(Generic[K]):
    """Strings sorted by length, each standing for a key (a sample's number, a value's phrase)."""

    lengths: tuple[int, ...] = ()
    texts: tuple[str, ...] = ()
    keys: tuple[K, ...] = ()

    @classmethod
    def of(cls, items: Iterable[tuple[K, str]]) -> ByLength[K]:
        """The ``(key, text)`` items, sorted by the length of their text."""
        ordered = sorted(items, key=lambda item: len(item[1]))
        return cls(
            tuple(len(text) for _, text in ordered),
            tuple(text for _, text in ordered),
            tuple(key for key, _ in ordered),
        )

    def alike(self, text: str, ratio: float, cutoff: float, limit: int) -> list[K]:
        """The keys of the ``limit`` strings most alike ``text`` (at least ``cutoff``), best first,
        among those at most ``ratio`` times longer or shorter than it."""
        low = bisect_left(self.lengths, len(text) / ratio)
        high = bisect_right(self.lengths, len(text) * ratio)
        found = process.extract(
            text, self.texts[low:high], scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff
        )
        return [self.keys[low + place] for _, _, place in found]
