"""Normalise typed text the way the interaction model is written: lowercase spoken words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"), (100, "hundred"))
ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
SYMBOLS = {"&": " and ", "%": " percent ", "+": " plus ", "@": " at ", "#": " number "}
_ORDINAL = re.compile(r"\b(\d{1,9})(?:st|nd|rd|th)\b")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_NOT_SPOKEN = re.compile(r"[^\w\s']|_")
_STRAY_APOSTROPHE = re.compile(r"(?<!\w)'+|'+(?!\w)")


def number_words(number: int) -> str:
    """Spell a whole number the way the model writes numbers: 12 -> "twelve"."""
    if number < 20:
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens] + (f" {ONES[ones]}" if ones else "")
    for size, name in SCALES:
        if number >= size:
            high, rest = divmod(number, size)
            return f"{number_words(high)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")  # pragma: no cover


def ordinal_words(number: int) -> str:
    """Spell an ordinal: 2 -> "second", 21 -> "twenty first"."""
    *head, last = number_words(number).split()
    if last in ORDINAL_WORDS:
        last = ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return " ".join([*head, last])


def _spell_number(match: re.Match[str]) -> str:
    text = match.group(0).replace(",", "")
    whole, _, fraction = text.partition(".")
    if len(whole) > 12:
        return " ".join(ONES[int(digit)] for digit in text if digit.isdigit())
    words = number_words(int(whole))
    if fraction:
        words += " point " + " ".join(ONES[int(digit)] for digit in fraction)
    return f" {words} "


def normalise(text: str) -> str:
    """Lowercase words and apostrophes only, digits spelled out, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(APOSTROPHES).lower()
    for symbol, words in SYMBOLS.items():
        text = text.replace(symbol, words)
    text = _ORDINAL.sub(lambda m: f" {ordinal_words(int(m.group(1)))} ", text)
    text = _LETTER_DIGIT.sub(" ", text)
    text = _NUMBER.sub(_spell_number, text)
    text = _NOT_SPOKEN.sub(" ", text)
    text = _STRAY_APOSTROPHE.sub(" ", text)
    return " ".join(TYPED.get(word, word) for word in text.split())


_APOSTROPHED = (
    "i'm", "i've", "i'll", "i'd", "don't", "doesn't", "didn't", "can't", "won't", "isn't",
    "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "couldn't", "shouldn't",
    "wouldn't", "what's", "that's", "there's", "here's", "who's", "where's", "when's", "how's",
    "why's", "let's", "you're", "they're", "we're", "it'll", "that'll",
)  # fmt: skip
TYPED = {word.replace("'", ""): word for word in _APOSTROPHED}
"""Words as people type them without the apostrophe ("im ready")."""


FILLERS = frozenset(
    {
        "a",
        "an",
        "the",
        "um",
        "uh",
        "oh",
        "er",
        "erm",
        "hmm",
        "actually",
        "alright",
        "honestly",
        "please",
        "just",
        "so",
        "well",
        "like",
        "really",
        "very",
        "now",
        "okay",
        "ok",
        "hey",
        "alexa",
        "some",
        "that",
        "this",
        "thing",
        "one",
        "bit",
        "about",
        "of",
    }
)
"""Words that carry little meaning on their own; they weigh less when comparing text."""
_SUFFIXES = ("ing", "ed", "es", "s")
IRREGULAR = {
    "does": "do",
    "did": "do",
    "doing": "do",
    "done": "do",
    "has": "have",
    "had": "have",
    "having": "have",
    "feet": "foot",
    "toes": "toe",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "am": "be",
    "note": "note",
    "notes": "note",
    "noted": "note",
    "noting": "note",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem so word forms meet: twitching, twitches, twitched -> "twitch"."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) < 4 or "'" in word or word.startswith("{"):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word


CONTRACTIONS = {
    "n't": " not",
    "'m": " am",
    "'re": " are",
    "'ve": " have",
    "'ll": " will",
    "'d": " would",
    "'s": " is",
}
_CONTRACTION = re.compile(r"(?:n't|'m|'re|'ve|'ll|'d|'s)\b")
SPECIAL_NOTS = {"won't": "will not", "can't": "can not", "don't": "do not", "let's": "let us"}


@lru_cache(maxsize=65536)
def _word_stems(word: str) -> tuple[str, ...]:
    opened = SPECIAL_NOTS.get(word) or _CONTRACTION.sub(lambda m: CONTRACTIONS[m.group(0)], word)
    return tuple(stem(part) for part in opened.split())


def word_stems(text: str) -> list[str]:
    """Normalised text as stems for comparing, contractions opened: "what's" -> what, be."""
    words: list[str] = []
    for word in text.split():
        words += _word_stems(word)
    return words
