"""Sudden or severe: a warning sign said with sudden onset, or a loss no one should wait on.

Alexa learns this from the model's SUDDEN_SEVERE synonyms; the offline resolver also reads it
from the words, in any order ("my leg went numb all of a sudden", "out of nowhere I can't move my
foot"), so that no phrasing of an emergency is read as an ordinary sign or sent to the fallback.
"""

from __future__ import annotations

from skill.rules.severity import BAD, BODY, ELSEWHERE, SIGN, SUDDEN_SIGNS, says_severe, says_sudden
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
    body = BODY.search(text)
    if not says_sudden(text) or (not body and (ELSEWHERE.search(text) or not SIGN.search(text))):
        return False
    if BAD.search(text):
        return True
    return any(
        fill.value_id in SUDDEN_SIGNS for _, _, fill, _ in model.runs(text.split(), SLOT_TYPE)
    )


def emergency(model: Model, text: str) -> SlotFill:
    """The SUDDEN_SEVERE fill for the words said."""
    slot_type = model.slot_types[SLOT_TYPE]
    name = next(name for value_id, name in slot_type.phrases.values() if value_id == VALUE)
    return SlotFill(SLOT, SLOT_TYPE, text, VALUE, name)
