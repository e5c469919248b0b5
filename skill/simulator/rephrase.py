"""Read past how people put a request: a correction midway, a phrase said twice, whose toe it is.

"the wall one no wait the towel one" asks for the towel one; "start over start over" is one
request; "my husband's toe keeps twitching why" asks what a toe twitch is about, whoever's it is.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from skill.simulator.text import normalise

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
HAS = (
    "gone|got|been|had|just|not|always|never|going|getting|doing|having|very|really|so|a|an|the"
    "|in|on|at|out|asleep|here|there|fine|ok|okay|still|also|too|now|complaining|saying|worried"
)
"""Words after "my husband's" that make it "my husband has" or "is", not whose toe."""
WHOSE = re.compile(
    rf"\b(?:my|our) (?:{RELATIVES})(?:'s| s)(?= (?!{HAS}\b)\w)"
    r"|\b(?:his|her|their)(?= (?:big |little |wee |second |foot )?(?:toes?|foot|feet|legs?|calf"
    r"|calves|symptoms|stretches|diary|data|details|information|reminders|twitch\w*)\b)"
)
"""Someone else's toe or foot: read as the person's own ("my dad's toe" -> "my toe")."""
FOR_WHOM = re.compile(rf"\b(remind|help) (?:my |our )?(?:{RELATIVES})\b(?! (?:and|or) )")
"""A request made for someone else ("remind mum to stretch"): read as the person's own."""
NEGATED_NO = re.compile(
    r"^(?:no|nope|nah|naw)\b,? (?:i (?:don't|haven't|have not|do not|didn't|am not|won't)|i'm not"
    r"|it (?:doesn't|hasn't|isn't|didn't)|it's not|not(?! you)|never|none|nothing"
    r"|(?:it's|it is|that's) (?:only|just|the same|normal|fine)|only ever"
    r"|(?:my \w+|it|they|both) (?:isn't|is not|aren't|doesn't|hasn't|wasn't|has not)"
    r"|i can (?:still )?(?:move|walk|stand|feel)"
    r"|(?:i|it|my \w+|they|both|everything)(?: \w+){0,4} (?:fine|normal|okay|all right|alright"
    r"|as always|as usual)$)\b"
)
"""A no said with its reason ("no i haven't had any numbness"): an answer of no."""


TAGS = re.compile(
    r"(?<=\w) (?:so (?:it|i|they|he|she|we) (?:is|am|are|does|do|has|have|was|did)"
    r"|isn't it|innit|you know|or what|or not|know what i mean)$"
)
"""A tag after a statement ("it's a bit sore so it is"): it asks nothing of its own."""
LAUNCH_VERBS = ("open", "launch", "start", "begin", "load", "run", "use", "talk to")
ONE_SHOT_VERBS = ("ask", "tell")
CONNECTORS = ("to", "about", "for", "if", "whether", "that", "and")
NAMED_AFTER = r"\b(?:on|in|from|with|using|to) {name}\b"
"""The skill named after a request ("cancel my reminders from toe twitch helper")."""
LEAD_IN = re.compile(r"^(?:(?:okay|ok|hey|um|uh|er|so|right|oh|well) )*(?:alexa )?")
"""Words before the wake word and the skill's name ("okay alexa ask toe twitch helper...")."""
INVOKED = re.compile(rf"{LEAD_IN.pattern}(?:{'|'.join((*LAUNCH_VERBS, *ONE_SHOT_VERBS))}) \w+ \w+")
"""Words that may call the skill by name, the only ones worth comparing with the name."""
NAME_LIKE = 85.0
"""How alike (0-100) heard words must be to the skill's name to be it ("toe switch helper")."""


def _called(words: list[str], name: str) -> bool:
    """Whether words are the skill's name, or a near miss of it as speech recognition hears."""
    heard = " ".join(words)
    return heard == name or fuzz.ratio(heard, name) >= NAME_LIKE


def invocation(text: str, name: str) -> tuple[str, str] | None:
    """Split "ask <name> to <utterance>" into ("ask", utterance); None if ``name`` is not invoked.

    Launch phrases ("open <name>") give ("open", "") or, with words after the name, the words.
    """
    words = LEAD_IN.sub("", normalise(text)).split()
    size = len(name.split())
    for verb in (*LAUNCH_VERBS, *ONE_SHOT_VERBS):
        said = verb.split()
        if name and words[: len(said)] == said and _called(words[len(said) :][:size], name):
            rest = words[len(said) + size :]
            if rest and rest[0] in CONNECTORS and len(rest) > 1:
                rest = rest[1:]
            return verb, " ".join(rest)
    return None


def untagged(text: str, name: str = "") -> str:
    """The statement without its tag, and without the skill's own name around it: Alexa takes
    the name off ("ask toe twitch helper why my toes are jumping") before the skill hears it."""
    text = TAGS.sub("", text)
    called = invocation(text, name) if name and INVOKED.match(text) else None
    if called:
        text = called[1]
    elif name and name in text:
        text = re.sub(NAMED_AFTER.format(name=re.escape(name)), "", text)
    return " ".join(text.split())


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
    return FOR_WHOM.sub(r"\1 me", WHOSE.sub("my", text))


def is_negated_no(text: str) -> bool:
    """Whether the text is a no with its reason after it."""
    return bool(NEGATED_NO.match(text))


def rephrase(text: str, name: str = "") -> str:
    """The request as plainly as it can be read: corrected, said once, about the person."""
    return own(said_once(correction(untagged(text, name)) or text))
