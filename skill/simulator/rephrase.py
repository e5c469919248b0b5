"""Read past how people put a request: a correction midway, a phrase said twice, whose toe it is.

"the wall one no wait the towel one" asks for the towel one; "start over start over" is one
request; "my husband's toe keeps twitching why" asks what a toe twitch is about, whoever's it is.
"""

from __future__ import annotations

import re

CORRECTION = re.compile(
    r"^.+?\b(?:no wait|wait no|no sorry|sorry no|no actually|actually no|no hang on|hang on no"
    r"|sorry i meant|no i meant|i meant to say|or rather|scratch that|make that)\b\s*(.+)$"
)
"""A correction midway: what follows it is what the person wants."""
RELATIVES = (
    "husband|wife|partner|son|daughter|kid|child|baby|mum|mom|mam|mother|dad|father|nan|nana"
    "|gran|granny|grandma|grandad|grandpa|grandfather|grandmother|brother|sister|friend|mate"
    "|boyfriend|girlfriend|lola|lolo|aunt|auntie|uncle|neighbour|neighbor"
)
WHOSE = re.compile(
    rf"\b(?:my|our) (?:{RELATIVES})(?:'s| s)(?= )"
    r"|\b(?:his|her|their)(?= (?:big |little |wee |second )?(?:toes?|foot|feet|leg|calf)\b)"
)
"""Someone else's toe or foot: read as the person's own ("my dad's toe" -> "my toe")."""
NEGATED_NO = re.compile(
    r"^(?:no|nope|nah|naw)\b,? (?:i (?:don't|haven't|have not|do not|didn't|am not|won't)|i'm not"
    r"|it (?:doesn't|hasn't|isn't|didn't)|it's not|not(?! you)|never|none)\b"
)
"""A no said with its reason ("no i haven't had any numbness"): an answer of no."""


def correction(text: str) -> str:
    """What a corrected request asks for ("the tired one no actually the nerve one" -> the
    nerve one); the text itself when nothing was corrected."""
    while match := CORRECTION.match(text):
        text = match.group(1).removeprefix("i meant ").removeprefix("i mean ")
    return text


def said_once(text: str) -> str:
    """A phrase said twice running, once ("start over start over" -> "start over")."""
    words = text.split()
    half = len(words) // 2
    if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


def own(text: str) -> str:
    """Someone else's toe as the person's own, for reading ("my son's toe" -> "my toe")."""
    return WHOSE.sub("my", text)


def is_negated_no(text: str) -> bool:
    """Whether the text is a no with its reason after it."""
    return bool(NEGATED_NO.match(text))


def rephrase(text: str) -> str:
    """The request as plainly as it can be read: corrected, said once, about the person."""
    return own(said_once(correction(text)))
