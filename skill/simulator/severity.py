"""Sudden or severe: a warning sign said with sudden onset, or a loss no one should wait on.

Alexa learns this from the model's SUDDEN_SEVERE synonyms; the offline resolver also reads it
from the words, in any order ("my leg went numb all of a sudden", "out of nowhere I can't move my
foot"), so that no phrasing of an emergency is read as an ordinary sign or sent to the fallback.
"""

from __future__ import annotations

import re

from skill.simulator.compiled_model import Model
from skill.simulator.slot_values import SlotFill

INTENT, SLOT, SLOT_TYPE, VALUE = "ReportSymptomIntent", "symptom", "SymptomType", "SUDDEN_SEVERE"
"""Where the emergency advice is reached (GUIDE.md section 2)."""
BODILY = frozenset(
    {"SUDDEN_SEVERE", "PAIN", "NUMBNESS", "TINGLING", "WEAKNESS", "DIFFICULTY_WALKING"}
    | {"GAIT_CHANGE"}
)  # fmt: skip
"""Signs that, come on suddenly, need help now (spreading or sleep loss do not)."""
ONSET = re.compile(
    r"\b(?:sudden|suddenly|of a sudden|out of (?:nowhere|the blue)|without (?:any )?warning"
    r"|all at once|just (?:now|happened|started|came on)|(?:really|very|so) (?:fast|quickly)"
    r"|(?:few|couple of|\w+) minutes(?: ago)?|an hour ago|i woke up (?:and|with))\b"
)
"""Words that say a sign came on suddenly."""
LOSS = re.compile(
    r"\b(?:can't|can not|cannot|couldn't|unable to|not able to)"
    r" (?:move|lift|wiggle|bear weight|put (?:any )?weight|walk on|stand on|stand up)\b"
    r"|\b(?:gave|given|giving) (?:way|out)\b|\bcollapsed\b|\bstopped working\b|\bgone on me\b"
    r"|\bparaly[sz]ed\b|\bbroken\b|\bi (?:fell|have fallen|had a fall)\b|\bi've fallen\b"
    r"|\blost all (?:the )?(?:feeling|sensation|strength)\b|\bcan't feel (?:\w+ ){1,3}at all\b"
    r"|\bdrooping\b|\bslurred\b|\bgone to jelly\b|\bemergency\b"
    r"|\b(?:agony|agonising|agonizing|excruciating|unbearable)\b|(?<!more )\bsevere\b"
)
"""Words that say a loss or a pain that is severe whenever it came on."""
BODY = re.compile(
    r"\b(?:toes?|foot|feet|legs?|ankles?|calf|calves|thighs?|knees?|arms?|hands?|face|body"
    r"|side|under me|on me|pain|it)\b"
)
"""Words that say the loss is of the body (a broken phone is no emergency)."""


def is_severe(model: Model, text: str) -> bool:
    """Whether normalised text says a sudden or severe sign, in any order."""
    if LOSS.search(text) and BODY.search(text):
        return True
    if not ONSET.search(text):
        return False
    return any(fill.value_id in BODILY for _, _, fill, _ in model.runs(text.split(), SLOT_TYPE))


def emergency(model: Model, text: str) -> SlotFill:
    """The SUDDEN_SEVERE fill for the words said."""
    slot_type = model.slot_types[SLOT_TYPE]
    name = next(name for value_id, name in slot_type.phrases.values() if value_id == VALUE)
    return SlotFill(SLOT, SLOT_TYPE, text, VALUE, name)
