"""A rough sound key for English words, so that a misheard spelling meets the word it sounds like.

Consonant sounds in order, vowels dropped after the first letter, silent and doubled letters
folded: "nekst" and "next" -> "NKST", "paws" and "pause" -> "PS", "rite" and "right" -> "RT".
"""

from __future__ import annotations

import re
from functools import lru_cache

SPELLINGS = (
    (r"^kn|^gn|^pn|^wr", lambda m: m.group(0)[1]),
    (r"ph", "f"),
    (r"ck|q", "k"),
    (r"tch|ch|sh", "X"),
    (r"th", "0"),
    (r"dge|dg", "j"),
    (r"igh|gh(?=t)", "i"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"x", "ks"),
    (r"z", "s"),
    (r"wh", "w"),
    (r"(?<=[aeiou])h|h(?![aeiou])", ""),
    (r"(?<=[aeiou])[wy](?![aeiou])", ""),
)
"""How spellings sound: each pattern and what it stands for, in order."""
VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=16384)
def sound(word: str) -> str:
    """The sound key of a lowercase word ("" for one of no letters)."""
    text = re.sub(r"[^a-z]", "", word)
    if not text:
        return ""
    for pattern, spoken in SPELLINGS:
        text = re.sub(pattern, spoken, text)
    if not text:
        return ""
    head, rest = text[0], VOWELS.sub("", text[1:])
    key = (head if not VOWELS.match(head) else "A") + rest
    return re.sub(r"(.)\1+", r"\1", key).upper()
