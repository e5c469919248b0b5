"""Repair what speech recognition mishears before reading: joined words and known sound-alikes.

Alexa hears speech, not text; a transcript of it can run two words together ("checkmy
symptoms") or put a sound-alike in a word's place ("my big too", "the foot role"). Only forms
that cannot mean anything else here are repaired: a joined word the model does not know that
splits into a little word and a word it knows, and sound-alikes beside the words that give them
away.
"""

from __future__ import annotations

from collections.abc import Iterable

SOUND_ALIKES = {
    "reddy": "ready",
    "stretchers": "stretches",
    "streches": "stretches",
    "sympton": "symptom",
    "symptons": "symptoms",
    "cafe": "calf",
    "twitchin": "twitching",
    "jumpin": "jumping",
}
"""Words misheard for one word of the skill's, whatever stands beside them."""
AFTER_A_FOOT_WORD = {"too": "toe", "toad": "toe", "tone": "toe", "tow": "toe", "tows": "toes"}
"""Sound-alikes of "toe", repaired after a word that says which toe or whose."""
FOOT_WORDS = frozenset(
    {"my", "big", "little", "baby", "pinky", "second", "third", "fourth", "middle", "wee"}
    | {"your", "her", "his", "the"}
)  # fmt: skip
PAIRS = {
    ("dock", "ter"): "doctor",
    ("doc", "tor"): "doctor",
    ("some", "tom"): "symptom",
    ("some", "toms"): "symptoms",
    ("foot", "role"): "foot roll",
    ("lock", "a"): "log a",
}
"""Two words misheard for one phrase of the skill's."""
JOINED_LEAST = 5
"""Shorter unknown words are not split (too many short words join into something)."""
JOINERS = frozenset({"my", "is", "me", "a", "to", "the", "i", "it", "of", "in", "on", "up", "for"})
"""Little words a transcript runs into the next or last one ("checkmy", "whyis"): a split must
give one of them and a known word of three letters or more ("toothache" stays whole)."""


class Hearing:
    """Repairs for one model's words."""

    def __init__(self, known: Iterable[str]):
        self.known = frozenset(known)

    def split(self, word: str) -> list[str]:
        """An unknown word as the known words it runs together, else the word itself.

        Up to three words ("logatwitch"); one must be a little word (:data:`JOINERS`) and the
        others known words of three letters or more, so that "toothache" stays whole.
        """
        if word in self.known or len(word) < JOINED_LEAST or "'" in word:
            return [word]
        return self._pieces(word, 3) or [word]

    def _pieces(self, word: str, most: int) -> list[str] | None:
        for cut in range(len(word) - 1, 0, -1):
            head, tail = word[:cut], word[cut:]
            if head not in self.known or (head not in JOINERS and len(head) < 3):
                continue
            if tail in self.known and (tail in JOINERS or len(tail) > 2):
                pieces = [head, tail]
            elif most > 2:
                pieces = [head, *(self._pieces(tail, most - 1) or [])]
            else:
                continue
            if len(pieces) > 1 and any(p in JOINERS for p in pieces):
                return pieces
        return None

    def repair(self, text: str) -> str:
        """Normalised text with joined words split and sound-alikes put right."""
        words: list[str] = []
        for word in text.split():
            words += self.split(SOUND_ALIKES.get(word, word))
        mended: list[str] = []
        for word in words:
            pair = (mended[-1], word) if mended else None
            if pair in PAIRS:
                mended[-1:] = PAIRS[pair].split()
            elif mended and mended[-1] in FOOT_WORDS and word in AFTER_A_FOOT_WORD:
                mended.append(AFTER_A_FOOT_WORD[word])
            else:
                mended.append(word)
        return " ".join(mended)
