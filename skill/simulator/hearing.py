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
        """An unknown word as the two known words it runs together, else the word itself."""
        if word in self.known or len(word) < JOINED_LEAST or "'" in word:
            return [word]
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            joined = (head in JOINERS and len(tail) > 2) or (tail in JOINERS and len(head) > 2)
            if joined and head in self.known and tail in self.known:
                return [head, tail]
        return [word]

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
