"""Repair what speech recognition mishears before reading: joined words and known sound-alikes.

Alexa hears speech, not text; a transcript of it can run two words together ("checkmy
symptoms") or put a sound-alike in a word's place ("my big too", "the foot role"). Only forms
that cannot mean anything else here are repaired: a joined word the model does not know that
splits into a little word and a word it knows, and sound-alikes beside the words that give them
away.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from skill.simulator.phonetic import sound

SOUND_ALIKES = {
    "reddy": "ready",
    "stretchers": "stretches",
    "streches": "stretches",
    "sympton": "symptom",
    "symptons": "symptoms",
    "cafe": "calf",
    "hertz": "hurts",
    "simpton": "symptom",
    "simptons": "symptoms",
}
"""Words misheard for one word of the skill's, whatever stands beside them."""
AFTER_A_FOOT_WORD = {
    "too": "toe", "toad": "toe", "tone": "toe", "tow": "toe", "tows": "toes", "fought": "foot"
}  # fmt: skip
"""Sound-alikes of "toe" and "foot", repaired after a word that says which toe or whose."""
AFTER_A_TOE = {"switching": "twitching", "switches": "twitches", "switched": "twitched"}
"""Sound-alikes of "twitching", repaired after a toe or foot ("my toe switching")."""
TOES = frozenset({"toe", "toes", "foot", "feet", "toe's"})
"""Words a sound-alike of "twitching" is repaired after."""
FOOT_WORDS = frozenset(
    {"my", "big", "little", "baby", "pinky", "second", "third", "fourth", "middle", "wee"}
    | {"your", "her", "his", "the"}
)  # fmt: skip
"""Words that say which toe or whose: a sound-alike of "toe" after them is repaired."""
IN_CONTEXT = ((FOOT_WORDS, AFTER_A_FOOT_WORD), (TOES, AFTER_A_TOE))
"""Sound-alikes repaired only after the words that give them away: (those words, repairs)."""
PAIRS = {
    ("dock", "ter"): "doctor",
    ("doc", "tor"): "doctor",
    ("some", "tom"): "symptom",
    ("some", "toms"): "symptoms",
    ("foot", "role"): "foot roll",
    ("lock", "a"): "log a",
    ("his", "tree"): "history",
    ("week", "ness"): "weakness",
    ("wall", "cough"): "wall calf",
    ("towel", "cough"): "towel calf",
    ("cough", "stretch"): "calf stretch",
    ("cough", "stretches"): "calf stretches",
    ("cough", "raises"): "calf raises",
    ("cough", "muscle"): "calf muscle",
    ("cough", "muscles"): "calf muscles",
}
"""Two words misheard for one phrase of the skill's."""
PARTICLES = frozenset(
    {"lah", "leh", "lor", "meh", "po", "abeg", "eish", "bru", "bruh", "bro", "innit", "yaar"}
    | {"sha", "jor", "ehn", "o", "eh", "ja", "hey", "mate", "sweetie", "hun", "darling"}
    | {"ma'am", "maam", "sir", "boss", "dude", "bud", "buddy", "pal", "love", "man", "ji", "b'y"}
    | {"madam", "deadass", "fam", "bestie", "babe", "pet", "ag", "oya", "hen", "chief"}
)  # fmt: skip
"""Words that soften or address ("yes lah", "cancel po", "abeg help me", "ready bru"): they are
dropped wherever they stand, as long as something else was said."""
JOINED_LEAST = 5
"""Shorter unknown words are not split (too many short words join into something)."""
JOINERS = frozenset({"my", "is", "me", "a", "to", "the", "i", "it", "of", "in", "on", "up", "for"})
"""Little words a transcript runs into the next or last one ("checkmy", "whyis"): a split must
give one of them and a known word of three letters or more ("toothache" stays whole)."""


SOUND_LEAST, SHORT_SOUND_LEAST = 50.0, 75.0
"""How alike as letters (0-100) a word and the known word it sounds like must be; more alike
when the sound is short ("bak" is "back", but "moon" is not "main")."""
LAST_PIECES = frozenset({"my", "me", "is", "it"})
"""The little words a run-together word may end with ("checkmy"; "pasta" is not "past a")."""


def in_context(before: list[str], word: str) -> str:
    """``word``, or the word it was misheard for when the word before gives it away
    ("my big too" -> "toe", "my toe switching" -> "twitching")."""
    for givers, repairs in IN_CONTEXT:
        if before and before[0] in givers and word in repairs:
            return repairs[word]
    return word


class Hearing:
    """Repairs for one model's words: the words it knows, the pairs its samples say, and the
    requests it knows word for word."""

    def __init__(
        self,
        known: Iterable[str],
        pairs: Iterable[str] = (),
        whole: Iterable[str] = (),
    ):
        self.known = frozenset(known)
        self.pairs = frozenset(pairs)
        self.whole = frozenset(whole)
        self.by_sound: dict[str, list[str]] = {}
        for word in sorted(self.known):
            if len(key := sound(word)) > 1:
                self.by_sound.setdefault(key, []).append(word)

    def _alike(self, word: str) -> list[str]:
        """Known words that sound like ``word``, the most alike in letters first."""
        if len(word) < 3 or "'" in word or word in JOINERS:
            return []
        key = sound(word)
        alike = [w for w in self.by_sound.get(key, []) if w != word]
        least = SOUND_LEAST if len(key) > 2 else SHORT_SOUND_LEAST
        found = process.extract(word, alike, scorer=fuzz.ratio, score_cutoff=least)
        return [w for w, _, _ in found]

    def _fits(self, words: list[str], place: int, word: str) -> bool:
        """Whether ``word`` at ``place`` makes a pair the samples say (or a whole request)."""
        if len(words) == 1:
            return word in self.whole
        before = f"{words[place - 1]} {word}" if place else ""
        after = f"{word} {words[place + 1]}" if place + 1 < len(words) else ""
        return before in self.pairs or after in self.pairs

    def sounds_like(self, words: list[str], place: int) -> str | None:
        """The word the one at ``place`` was misheard for: for a word the model does not know,
        a known word that sounds the same and makes a pair the samples say ("dilute my data")."""
        heard = words[place]
        if heard in self.known or self._fits(words, place, heard):
            return None
        return next((w for w in self._alike(heard) if self._fits(words, place, w)), None)

    def dropped_g(self, word: str) -> str:
        """A word said with its last g dropped ("evenin", "twitchin"), when the model knows it
        with the g and not without."""
        full = word + "g"
        if word.endswith("in") and len(word) > 4 and word not in self.known and full in self.known:
            return full
        return word

    def stammered(self, word: str, after: list[str]) -> bool:
        """Whether ``word`` is a false start of the next word ("y y yes", "t toe"): a part of it
        that is no word of its own here."""
        return (
            bool(after)
            and (after[0] == word or after[0].startswith(word))
            and word not in self.known
            and word not in {"a", "i"}
        )

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
            if tail in self.known and (tail in LAST_PIECES or len(tail) > 2):
                pieces = [head, tail]
            elif most > 2:
                pieces = [head, *(self._pieces(tail, most - 1) or [])]
            else:
                continue
            if len(pieces) > 1 and any(p in JOINERS for p in pieces):
                return pieces
        return None

    def repair(self, text: str) -> str:
        """Normalised text with particles dropped, joined words split and sound-alikes put
        right."""
        said = text.split()
        kept = [w for w in said if w not in PARTICLES]
        if kept and len(kept) < len(said):
            said = kept
        said = [w for i, w in enumerate(said) if not self.stammered(w, said[i + 1 : i + 2])]
        words: list[str] = []
        for word in said:
            words += self.split(self.dropped_g(SOUND_ALIKES.get(word, word)))
        for place in range(len(words) - 1, 0, -1):
            first, second = words[place - 1], words[place]
            if first in self.known or second in self.known:
                continue
            joined = [*words[: place - 1], first + second, *words[place + 1 :]]
            like = self.sounds_like(joined, place - 1)
            if like or (first + second) in self.known:
                words = [*words[: place - 1], like or first + second, *words[place + 1 :]]
        words = [self.sounds_like(words, place) or word for place, word in enumerate(words)]
        mended: list[str] = []
        for word in words:
            pair = (mended[-1], word) if mended else None
            if pair in PAIRS:
                mended[-1:] = PAIRS[pair].split()
            else:
                mended.append(in_context(mended[-1:], word))
        return " ".join(mended)
