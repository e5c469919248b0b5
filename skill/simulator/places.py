"""Where a sign is: this skill reads signs of the toes, feet and legs, not of the rest of the body.

"my fingers have pins and needles" or "there's a twitch in my thumb" name a sign the skill knows
in a place it does not cover: no symptom is reported and no twitch is logged for them. A twitch
that has spread from a toe ("my eyelid's at it too now") is a sign the skill does cover.
"""

from __future__ import annotations

import re

from skill.rules.emergency_signs import LEG_WORDS

OTHER_PLACES = re.compile(
    r"\b(?:my|me|mi|his|her) (?:left |right |lower |upper )?(?:arms?|hands?|fingers?|thumbs?"
    r"|wrists?|elbows?|shoulders?|neck|face|eyes?|eyelids?|lips?|mouth|cheeks?|head|back|chest"
    r"|stomach|tummy|belly|ears?|nose|teeth|tooth|throat|jaw|scalp)(?:'s)?\b"
)
"""Parts of the body other than the legs and feet, said as someone's ("my thumb")."""
LEG_PLACES = re.compile(rf"\b(?:{LEG_WORDS}|heels|soles|arch|hallux|pinky|instep)(?:'s)?\b")
"""The toes, feet and legs."""
SPREAD = re.compile(r"\b(?:too|as well|also|spread\w*|now|started in|moved|other places)\b")
"""Words that make a sign elsewhere a twitch that has spread from the toe."""
PLACED = frozenset({"ReportSymptomIntent", "LogTwitchIntent"})
"""The intents that report or log a sign of the toes, feet or legs."""


def elsewhere_only(text: str) -> bool:
    """Whether the words place a sign only in another part of the body, not as a spread."""
    other = OTHER_PLACES.search(text)
    return bool(other) and not LEG_PLACES.search(text) and not SPREAD.search(text)
