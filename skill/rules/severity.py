"""Words that say a symptom came on suddenly or is severe: the emergency signs, as plain text.

Read by the skill from what a person said for a symptom (Alexa's slot value), and by the offline
resolver from a whole utterance, so that sudden or severe onset in any order and any words
("my leg went numb all of a sudden", "out of nowhere I can't move my foot") is never read as an
ordinary sign. Each pattern is one kind of meaning; most count only said of the speaker's own
leg or foot (:data:`BODY`), so that a phone that died suddenly or a severe weather warning is no
emergency, and a loss said to be partial or gradual (:data:`PARTIAL`) is a warning sign instead.
"""

from __future__ import annotations

import re

from skill.rules.emergency_signs import (
    BLADDER,
    BODY,
    CIRCULATION,
    CLINICAL,
    CONFUSED,
    EMERGENCY,
    HOT_RED_SWOLLEN,
    INJURY,
    LEG,
    LOSS,
    MISHAP,
    OWN,
    PAIN,
    SEVERE_PAIN,
    SIGN,
    STROKE,
    WALK_LOSS,
)
from skill.rules.negation import negated
from skill.rules.onset_words import (
    CLAUSES,
    CRAMP,
    GONE,
    GRADUAL,
    HYPOTHETICAL,
    LONG_AGO,
    NOTICED,
    ONSET,
    PARTIAL,
    POSITION,
    REASSURED,
    RECENT,
    TRANSIENT,
    TWITCH,
)

NUMB_OR_WEAK = re.compile(r"\b(?:numb|weak)")
"""Numbness or weakness, the signs that make confusion or not walking an emergency."""
DOUBT_REACH = 6
"""How many words before onset a doubt or a change noticed reaches ("I'm not sure if it came on
suddenly"); after it, only the next word ("suddenly noticed")."""
EVENT = re.compile(r"(?:went|gone|became|become|started|turned|stopped|got|felt|feels|can't)\b")
"""Words after onset that make it the onset of what happened, not of noticing it."""
NOTICED_ANYWHERE = re.compile(r"\b(?:noticed|spotted|realised|realized|saw)\b")
"""A change noticed, wherever it stands before the onset."""
REPORTING = frozenset(
    {"went", "gone", "has", "have", "had", "is", "are", "was", "were", "it's", "can't", "cannot"}
    | {"couldn't", "won't", "wouldn't", "just", "keeps", "swelled", "collapsed", "fell", "fallen"}
    | {"he's", "she's", "i'm", "i've", "we're", "they're", "now"}
)  # fmt: skip
"""Words that report a sign happening, not ask about one (the first word of a question, "is a
twitch a sign of a stroke", does not count)."""
SUDDEN_SIGNS = frozenset(
    {"PAIN", "NUMBNESS", "TINGLING", "WEAKNESS", "DIFFICULTY_WALKING", "GAIT_CHANGE"}
)  # fmt: skip
"""Signs that, come on suddenly, need help now (not spreading, sleep loss or wasting)."""


def said(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` occurs in ``text`` other than just after a negation."""
    return any(not negated(text[: match.start()].split()) for match in pattern.finditer(text))


def says_severe(text: str) -> bool:
    """Whether lowercase words say a severe pain, injury or loss of a leg or foot, or a stroke."""
    if is_hypothetical(text):
        return False
    passed = has_passed(text)
    if (said(EMERGENCY, text) and not passed) or said(CLINICAL, text):
        return True
    if not passed and said(SEVERE_PAIN, text) and re.search(rf"\b{PAIN}", text):
        return True
    old = LONG_AGO.search(text) and not RECENT.search(text)
    if MISHAP.search(text) and not REASSURED.search(text) and not old:
        return True
    if not BODY.search(text):
        return False
    if said(WALK_LOSS, text) and said(NUMB_OR_WEAK, text) and not PARTIAL.search(text):
        return True
    asleep = POSITION.search(text) and TRANSIENT.search(text)
    lasting = not PARTIAL.search(text) or RECENT.search(text) or said(ONSET, text)
    if said(LOSS, text) and lasting and not asleep:
        return True
    leg = LEG.search(text)
    if leg and sum(said(kind, text) for kind in HOT_RED_SWOLLEN.values()) >= 2:
        return True
    injured = said(INJURY, text) and OWN.search(text)
    if injured and not old and not REASSURED.search(text):
        return True
    if CONFUSED.search(text) and (said(NUMB_OR_WEAK, text) or said(LOSS, text)):
        return True
    if leg and said(CIRCULATION, text):
        return True
    if not old and said(STROKE, text):
        return True
    return any(said(pattern, text) for pattern in (SEVERE_PAIN, BLADDER)) and not passed


def _onset_stands(match: re.Match[str], text: str) -> bool:
    """Whether onset said here is not denied, nor undone by a doubt or a change only noticed in
    its own clause."""
    if negated(text[: match.start()].split()):
        return False
    starts = [0, *(b.end() for b in CLAUSES.finditer(text) if b.end() <= match.start())]
    before = " ".join(text[starts[-1] : match.start()].split()[-DOUBT_REACH:])
    after = " ".join(text[match.end() :].split()[:1])
    if NOTICED.search(after):
        return False
    if EVENT.match(after):  # "I noticed my foot suddenly went weak": the onset is the event's
        before = NOTICED_ANYWHERE.sub("", before)
    return not GRADUAL.search(before)


def is_hypothetical(text: str) -> bool:
    """Whether the words only ask about a sign ("what if my leg suddenly goes numb", "should I
    call 911 for a twitching toe"): a question with no report in it. A question beside a report
    ("should I call an ambulance, he can't move his leg") is a report."""
    if not HYPOTHETICAL.search(text):
        return False
    words = text.split()
    return not any(word in REPORTING for word in words[1:]) and not words[0].endswith("'s")


def has_passed(text: str) -> bool:
    """Whether the words say a cramp that has passed ("agony for a minute, then it went")."""
    return bool(CRAMP.search(text) and TRANSIENT.search(text))


def says_sudden(text: str) -> bool:
    """Whether lowercase words say something came on suddenly: not a doubt, a change only
    noticed, nor a twitch alone ("it suddenly started twitching")."""
    if is_hypothetical(text):
        return False
    if not any(_onset_stands(match, text) for match in ONSET.finditer(text)) or GONE.search(text):
        return False
    if LONG_AGO.search(text) and not RECENT.search(text):
        return False
    return not TWITCH.search(text) or said(SIGN, text) or said(LOSS, text)
