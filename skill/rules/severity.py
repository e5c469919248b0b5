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
    ONSET,
    PARTIAL,
    POSITION,
    REASSURED,
    RECENT,
    TRANSIENT,
    TWITCH,
)

NUMB_OR_WEAK = re.compile(r"\b(?:numb|weak)")
SUDDEN_SIGNS = frozenset(
    {"PAIN", "NUMBNESS", "TINGLING", "WEAKNESS", "DIFFICULTY_WALKING", "GAIT_CHANGE"}
)  # fmt: skip
"""Signs that, come on suddenly, need help now (not spreading, sleep loss or wasting)."""


def said(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` occurs in ``text`` other than just after a negation."""
    return any(not negated(text[: match.start()].split()) for match in pattern.finditer(text))


def says_severe(text: str) -> bool:
    """Whether lowercase words say a severe pain, injury or loss of a leg or foot, or a stroke."""
    if HYPOTHETICAL.search(text):
        return False
    passed = has_passed(text)
    if said(EMERGENCY, text) or said(CLINICAL, text):
        return True
    if not passed and said(SEVERE_PAIN, text) and re.search(rf"\b{PAIN}", text):
        return True
    if MISHAP.search(text) and not REASSURED.search(text):
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
    if leg and sum(bool(said(kind, text)) for kind in HOT_RED_SWOLLEN.values()) >= 2:
        return True
    old = LONG_AGO.search(text) and not RECENT.search(text)
    injured = (said(INJURY, text) and OWN.search(text)) or MISHAP.search(text)
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
    ends = [b.start() for b in CLAUSES.finditer(text) if b.start() >= match.end()]
    return not GRADUAL.search(text[starts[-1] : ends[0] if ends else len(text)])


def has_passed(text: str) -> bool:
    """Whether the words say a cramp that has passed ("agony for a minute, then it went")."""
    return bool(CRAMP.search(text) and TRANSIENT.search(text))


def says_sudden(text: str) -> bool:
    """Whether lowercase words say something came on suddenly: not a doubt, a change only
    noticed, nor a twitch alone ("it suddenly started twitching")."""
    if HYPOTHETICAL.search(text):
        return False
    if not any(_onset_stands(match, text) for match in ONSET.finditer(text)) or GONE.search(text):
        return False
    if LONG_AGO.search(text) and not RECENT.search(text):
        return False
    return not TWITCH.search(text) or said(SIGN, text) or said(LOSS, text)
