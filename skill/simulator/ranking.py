"""Rank the readings of typed text: exact samples, carrier patterns with slots, fuzzy matches."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from skill.simulator.builtin_slots import NUMBER, NUMBER_WORDS, BuiltInSlotType, spoken_number
from skill.simulator.compiled_model import Model
from skill.simulator.resolution import Candidate
from skill.simulator.scoring import SHORTLIST, Pool, score_samples
from skill.simulator.slot_reading import Spot, aligned_words, read_slot, spots
from skill.simulator.slot_values import SlotFill
from skill.simulator.text import stem, word_stems

MAX_WORDS = 22
MAX_CHARS = 200
"""Longer input is a story, not one request: it goes to the fallback (sudden or severe signs are
read before this). The longest request in the development sets has 15 words, the shortest
out-of-domain ramble 24; Alexa caps samples at 200 characters."""
SUPPORT = 0.25
"""How much the intent's second-best sample counts: a real match is near several samples."""
NEW_VALUE = 36.0
"""The least score of a carrier whose slot holds words that name no value ("tips on chocolate"):
Alexa fills the slot with ER_SUCCESS_NO_MATCH and the skill says what it knows instead."""
CLAUSE_WORDS = frozenset({"and", "but", "because", "plus", "also", "so", "cos", "coz", "cause"})
"""Words that join two clauses: each clause is read on its own as well."""
CLAUSE_SHARE = 0.95
"""A clause's reading counts for a little less than a reading of the whole utterance."""
CLAUSES_READ, CLAUSE_WORDS_READ = 4, 24
"""Clauses are read for up to four clauses in up to 24 words (longer talk is not a request)."""
DISCOURSE = frozenset(
    {"um", "uh", "er", "erm", "hmm", "oh", "so", "well", "okay", "ok", "alright", "actually"}
    | {"just", "please", "now", "then", "thanks", "hey", "alexa", "right", "oops", "sorry"}
    | {"kindly", "mate", "ta", "cheers", "love", "buddy", "pal", "dear", "och", "look", "listen"}
    | {"basically", "anyway", "honestly", "like", "yeah", "sadly", "unfortunately", "wait"}
)  # fmt: skip
"""Words around a request that do not change it ("um the rest one", "resume please")."""
LOADED = frozenset({"now", "then"})
"""Discourse words that make a phrase of their own with a word or two ("what now", "go on then"):
a short request without them is not the same request word for word."""
OPENINGS = tuple(
    tuple(frame.split())
    for frame in (
        "i was wondering if", "i was wondering whether", "i was wondering", "i wonder if",
        "i wonder", "can you please", "could you please", "would you please", "can you",
        "could you", "would you", "will you", "would you mind", "do you know", "any idea",
        "i want to know", "i'd like to know", "i need to know", "i'd like you to",
        "i want you to", "i need you to", "is it possible to", "are you able to",
        "would you be so kind as to", "be so kind as to", "could you possibly", "please could you",
        "i wanted to ask", "i want to ask", "i'd like to ask", "quick question", "good morning",
        "good afternoon", "good evening", "excuse me", "hello", "hi",
    )
)  # fmt: skip
"""Ways into a request that say nothing of what it is ("could you tell me why...")."""
CLOSINGS = tuple(
    tuple(frame.split())
    for frame in ("for me", "if you can", "if you could", "if you don't mind", "thank you")
)
"""Ways out of a request that say nothing of what it is ("...for me please")."""
MODIFIERS = frozenset(
    {"big", "little", "small", "second", "third", "fourth", "baby", "pinky", "wee", "whole"}
    | {"entire", "poor", "bloody", "damn", "stupid", "silly", "really", "very", "quite"}
    | {"pretty", "proper", "real", "super", "so", "all", "totally", "completely", "stupid"}
)  # fmt: skip
"""Words that say which toe or how much, not what the request is: a carrier may skip them."""
HOLD_SECONDS = frozenset(range(10, 65, 5))
"""Numbers that, said alone, can answer how long a hold should be (the skill offers 20 or 30)."""
CLAUSE_LEAST = 2
"""A clause of one word ("on and off") is no request of its own."""


def _trim(words: list[str]) -> list[str]:
    """The words without discourse words and openings or closings around them."""
    start, end, moved = 0, len(words), True
    while moved:
        moved = False
        while start < end and words[start] in DISCOURSE:
            start, moved = start + 1, True
        while end > start and words[end - 1] in DISCOURSE:
            end, moved = end - 1, True
        for frame in OPENINGS:
            if tuple(words[start : start + len(frame)]) == frame and start + len(frame) < end:
                start, moved = start + len(frame), True
                break
        for frame in CLOSINGS:
            if tuple(words[end - len(frame) : end]) == frame and end - len(frame) > start:
                end, moved = end - len(frame), True
                break
    return words[start:end]


def _bare_reading(text: str, fill: SlotFill) -> bool:
    """Whether a value said alone can be the answer a bare sample stands for: any custom value,
    a time said as one ("half six"), or a number that could be a hold in seconds ("twenty")."""
    if not set(text.split()) <= NUMBER_WORDS:
        return True
    if fill.type != NUMBER or not fill.value.isdigit():
        return False
    said = int(fill.value)  # "two thousand and twenty five" is no "twenty five"
    return said == spoken_number(text.split()) and said in HOLD_SECONDS


def core(words: list[str]) -> list[str]:
    """The words that say the request, or all of them if nothing is left."""
    return _trim(words) or words


def _second(scores: list[float]) -> float:
    """The runner-up score of an intent's samples (half the best when it has only one)."""
    return scores[1] if len(scores) > 1 else scores[0] * 0.5


class Ranker:
    """Every reading of typed text against one compiled model, best first."""

    def __init__(self, model: Model):
        self.model = model
        slotted = [n for n, t in enumerate(model.templates) if t.pattern is not None]
        self.carried: dict[str, list[int]] = {}
        for number in slotted:
            for word in model.templates[number].needs:
                self.carried.setdefault(word, []).append(number)
        self.uncarried = [n for n in slotted if not model.templates[n].needs]
        choices = {n: " ".join(t.stems) for n, t in enumerate(model.templates) if not t.bare}
        self.everything = Pool.of(model, choices)
        typed: dict[str, dict[str, dict[int, str]]] = {}
        for slot, numbers in model.by_slot.items():
            for number in numbers:
                kind = model.slot_type_of.get((model.templates[number].intent, slot), "")
                if number in choices:
                    typed.setdefault(kind, {}).setdefault(slot, {})[number] = choices[number]
        self.pools = {
            kind: {slot: Pool.of(model, wanted) for slot, wanted in slots.items()}
            for kind, slots in typed.items()
        }
        self.vocabulary = [word for word in model.weights if word]

    def known(self, word: str) -> str:
        """The model's own word for a typo or unknown form, when one is close."""
        if word in self.model.weights or len(word) < 5:
            return word
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        return best[0] if best else word

    def _pattern_score(self, candidate: Candidate, clean: float) -> float:
        """How well a carrier pattern's reading fits: its carrier's share and the slot's quality."""
        model, template, fills = self.model, candidate.template, candidate.fills
        carrier = sum(model.weight(word) for word in template.stems if not word.startswith("{"))
        said = sum(model.weight(stem(word)) for fill in fills for word in fill.value.split())
        coverage = carrier / max(carrier + said, 0.001)
        if clean >= 1.0:
            return 96.0 + 4 * coverage
        if clean > 0:
            return 50.0 + 40 * clean + 6 * coverage
        # Words another intent uses ("the next tip") are not a new value of this slot.
        vocabulary = model.vocabulary.get(template.intent, frozenset())
        said_stems = [stem(word) for fill in fills for word in fill.value.split()]
        foreign = [w for w in said_stems if w in model.weights and w not in vocabulary]
        return (NEW_VALUE + (100 - NEW_VALUE) * coverage) * (
            1 - 0.5 * len(foreign) / max(len(said_stems), 1)
        )

    def patterns(self, text: str, exclude: frozenset[int]) -> list[Candidate]:
        """Readings of samples whose carrier words match the text around their slots."""
        found = []
        hits: dict[int, int] = {}
        for word in set(text.split()):
            for number in self.carried.get(word, ()):
                hits[number] = hits.get(number, 0) + 1
        templates = self.model.templates
        fitting = [n for n, count in hits.items() if count == len(templates[n].needs)]
        for number in sorted(fitting + self.uncarried):
            template = templates[number]
            if number in exclude:
                continue
            match = template.pattern.fullmatch(text) if template.pattern else None
            if not match:
                continue
            read = [
                read_slot(self.model, slot_type, slot, match.group(slot).split())
                for slot in template.slots
                if (slot_type := self.model.slot_type(template.intent, slot))
            ]
            if not read:
                continue
            clean = min(quality for _, quality in read)
            if template.bare and (clean < 0.9 or not _bare_reading(text, read[0][0])):
                continue  # "{cause}" matches any words; "seven" alone is no time or hold
            candidate = Candidate(0.0, template, tuple(fill for fill, _ in read), clean >= 1.0)
            found.append(candidate.scored(self._pattern_score(candidate, clean)))
        return found

    def fuzzy(
        self, text: str, words: list[str], spotted: list[Spot], exclude: frozenset[int]
    ) -> list[Candidate]:
        """Readings of the closest samples, and of slotted samples with a named value in place."""
        model = self.model
        query = [self.known(word) for word in word_stems(text)]
        found = []
        for number, score in score_samples(model, query, self.everything, exclude).items():
            template = model.templates[number]
            read = [
                read_slot(model, slot_type, slot, aligned)
                for slot in template.slots
                if (slot_type := model.slot_type(template.intent, slot))
                and (aligned := aligned_words(template, slot, words))
            ]
            exact = bool(read) and all(quality >= 1.0 for _, quality in read)
            found.append(Candidate(score, template, tuple(fill for fill, _ in read), exact))
        for spot in spotted:
            slot_type = model.slot_types[spot.fill.type]
            said = " ".join(words[spot.start : spot.end])
            exact = slot_type.exact(said) is not None
            alone = spot.end - spot.start == len(words)
            if alone and (isinstance(slot_type, BuiltInSlotType) or not exact):
                continue  # a value said alone must name it word for word; a number alone is none
            for slot, pool in self.pools.get(spot.fill.type, {}).items():
                variant = [*words[: spot.start], f"{{{slot}}}", *words[spot.end :]]
                query = [
                    w if w.startswith("{") else self.known(w) for w in word_stems(" ".join(variant))
                ]
                for number, score in score_samples(model, query, pool, exclude).items():
                    fill = (spot.fill.named(slot),)
                    found.append(Candidate(score, model.templates[number], fill, exact))
        return found

    def rank(self, text: str) -> list[Candidate]:
        """Every reading of normalised text, best first; none for empty or overlong text."""
        return self.ranked(text)

    def ranked(
        self, text: str, exclude: frozenset[int] = frozenset(), clauses: bool = True
    ) -> list[Candidate]:
        """The readings of ``text`` leaving out samples ``exclude``; clauses read apart too."""
        words = text.split()
        if not words or len(words) > MAX_WORDS or len(text) > MAX_CHARS:
            return []
        once = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
        kept = core(once)
        trimmed = set(once) - set(kept)
        exact_forms = [text, " ".join(once)]
        if not trimmed & LOADED or len(kept) > 2:
            exact_forms.append(" ".join(kept))
        for said in dict.fromkeys(exact_forms):
            exact = self.model.exact.get(said)
            if exact is not None and not exact.slots and not exclude:
                return [Candidate(100.0 if said == text else 99.0, exact, (), True)]
        text, words = " ".join(once), once  # a word said twice running counts once ("bye bye")
        fuzzy = self.fuzzy(text, words, spots(self.model, words), exclude)
        by_intent: dict[str, list[float]] = {}
        for candidate in sorted(fuzzy, key=lambda c: -c.score):
            by_intent.setdefault(candidate.template.intent, []).append(candidate.score)
        ranked = [
            c.scored((1 - SUPPORT) * c.score + SUPPORT * _second(by_intent[intent]))
            for c in fuzzy
            if (intent := c.template.intent)
        ]
        plain = [word for word in kept if word not in MODIFIERS]
        for said in dict.fromkeys((text, " ".join(kept), " ".join(plain or kept))):
            ranked += self.patterns(said, exclude)
        if clauses:
            ranked += self._clauses(words, exclude)
        return sorted(ranked, key=lambda c: -c.score)

    def _clauses(self, words: list[str], exclude: frozenset[int]) -> list[Candidate]:
        """Readings of each clause of "X and Y": people chain what they notice."""
        parts: list[list[str]] = [[]]
        for place, word in enumerate(words):
            if word == "and" and set(words[place - 1 : place + 2 : 2]) <= NUMBER_WORDS:
                parts[-1].append(word)  # "two thousand and twenty five" is one number
            elif word in CLAUSE_WORDS and parts[-1]:
                parts.append([])
            else:
                parts[-1].append(word)
        parts = [part for part in parts if len(part) >= CLAUSE_LEAST]
        if not 2 <= len(parts) <= CLAUSES_READ or len(words) > CLAUSE_WORDS_READ:
            return []
        found = []
        for part in parts:
            for candidate in self.ranked(" ".join(part), exclude, clauses=False)[:SHORTLIST]:
                found.append(candidate.scored(candidate.score * CLAUSE_SHARE))
        return found
