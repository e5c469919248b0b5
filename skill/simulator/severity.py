"""Sudden or severe: a warning sign said with sudden onset, or a loss no one should wait on.

Alexa learns this from the model's SUDDEN_SEVERE synonyms; the offline resolver also reads it
from the words, in any order ("my leg went numb all of a sudden", "out of nowhere I can't move my
foot"), so that no phrasing of an emergency is read as an ordinary sign or sent to the fallback.
"""

from __future__ import annotations

import re

from skill.rules.emergency_signs import (
    BAD,
    BODY,
    ELSEWHERE,
    EMERGENCY,
    INJURY,
    LOSS,
    SEVERE_PAIN,
    SIGN,
    WALK_LOSS,
)
from skill.rules.onset_words import GRADUAL, ONSET, TWITCH
from skill.rules.severity import (
    SUDDEN_SIGNS,
    has_passed,
    is_hypothetical,
    said,
    says_severe,
    says_sudden,
)
from skill.simulator.compiled_model import Model
from skill.simulator.slot_values import SlotFill

INTENT, SLOT, SLOT_TYPE, VALUE = "ReportSymptomIntent", "symptom", "SymptomType", "SUDDEN_SEVERE"
"""Where the emergency advice is reached (GUIDE.md section 2)."""


def is_severe(model: Model, text: str) -> bool:
    """Whether normalised text says a sudden or severe sign, in any order.

    Sudden onset counts with a warning sign that needs help when sudden (numbness, not the onset
    words alone: "the wifi suddenly dropped out"), or said to be bad, and not of another part of
    the body only.
    """
    if says_severe(text):
        return True
    sign = BODY.search(text) or (not ELSEWHERE.search(text) and SIGN.search(text))
    if not sign or not says_sudden(text):
        return False
    if BAD.search(text) or WALK_LOSS.search(text) or said(LOSS, text):
        return True
    return any(
        fill.value_id in SUDDEN_SIGNS for _, _, fill, _ in model.runs(text.split(), SLOT_TYPE)
    )


CUES = (ONSET, BAD, SEVERE_PAIN, LOSS, EMERGENCY, INJURY)
"""Words that may make a sample read an emergency: onset, severity, a loss, an injury."""
STRONG = (SEVERE_PAIN, LOSS, EMERGENCY, INJURY)
"""Cues that say an emergency on their own, without a part of the body ("I'm in agony")."""
SEVERE = re.compile(r"\bsevere\b")
"""The word "severe", which keeps an emergency reading without a sign ("it's sudden and severe")."""


def rules_out(model: Model, text: str, severe: bool | None = None) -> bool:
    """Whether the words rule the emergency out, though onset or severity is said: of a twitch
    alone, a change only noticed, a doubt or a negation, or of no sign and no part of the body
    ("it suddenly started twitching", "nothing came on suddenly", "the wifi went all of a
    sudden"). A sample whose slot reads "suddenly" must not outweigh the whole sentence."""
    cues = [cue for cue in CUES if cue.search(text)]
    if not cues or (severe if severe is not None else is_severe(model, text)):
        return False
    if GRADUAL.search(text) or TWITCH.search(text) or is_hypothetical(text) or has_passed(text):
        return True
    if not any(said(cue, text) for cue in cues):
        return True
    strong = any(said(cue, text) for cue in STRONG)
    return not (strong or BODY.search(text) or SIGN.search(text) or SEVERE.search(text))


def emergency(model: Model, text: str) -> SlotFill:
    """The SUDDEN_SEVERE fill for the words said."""
    slot_type = model.slot_types[SLOT_TYPE]
    name = next(name for value_id, name in slot_type.phrases.values() if value_id == VALUE)
    return SlotFill(SLOT, SLOT_TYPE, text, VALUE, name)
