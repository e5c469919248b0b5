"""Triage rules, as plain code: answers and reported symptoms in, a verdict out.

No Alexa types here. The rules follow the source article's warning signs:
- a sudden or severe symptom is an emergency, and is checked first;
- any other warning sign (pain, numbness, tingling, weakness, visible muscle wasting, a change
  in gait or difficulty walking, twitching that spreads, disrupts sleep or daily life, or
  persists or grows more frequent or intense despite self-care) means "see a healthcare
  provider";
- "not sure" about a sign is never read as "no": the verdict says so, and "not sure" about
  sudden or severe symptoms always brings the emergency number, first;
- otherwise self-care, with the advice to get checked if the twitching persists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

YES, NO, UNSURE = "yes", "no", "unsure"
ANSWERS = (YES, NO, UNSURE)

EMERGENCY, SEE_PROVIDER, NOT_SURE, SELF_CARE, UNKNOWN = (
    "emergency",
    "see_provider",
    "not_sure",
    "self_care",
    "unknown",
)

EMERGENCY_SIGNS = frozenset({"SUDDEN_SEVERE"})
WARNING_SIGNS = frozenset(
    {
        "PAIN",
        "NUMBNESS",
        "TINGLING",
        "WEAKNESS",
        "MUSCLE_WASTING",
        "GAIT_CHANGE",
        "DIFFICULTY_WALKING",
        "SPREADING",
        "SLEEP_DISRUPTION",
        "PERSISTENT",
        "MORE_FREQUENT",
        "MORE_INTENSE",
    }
)
ALL_SIGNS = EMERGENCY_SIGNS | WARNING_SIGNS


@dataclass(frozen=True)
class Verdict:
    """What to advise, the signs that led there, and whether sudden symptoms were unsure."""

    kind: str
    signs: tuple[str, ...] = ()
    unsure_emergency: bool = False


def classify(sign: str | None) -> str:
    """The advice for one reported sign: emergency, see a provider, or unknown."""
    if sign in EMERGENCY_SIGNS:
        return EMERGENCY
    if sign in WARNING_SIGNS:
        return SEE_PROVIDER
    return UNKNOWN


def verdict(answers: Mapping[str, str]) -> Verdict:
    """Turn ``{sign: yes|no|unsure}`` into a verdict; emergencies come first."""
    said_yes = [sign for sign, answer in answers.items() if answer == YES]
    emergencies = [sign for sign in said_yes if sign in EMERGENCY_SIGNS]
    if emergencies:
        return Verdict(EMERGENCY, tuple(emergencies))
    unsure = [sign for sign, answer in answers.items() if answer == UNSURE and sign in ALL_SIGNS]
    unsure_emergency = any(sign in EMERGENCY_SIGNS for sign in unsure)
    warnings = [sign for sign in said_yes if sign in WARNING_SIGNS]
    if warnings:
        return Verdict(SEE_PROVIDER, tuple(warnings), unsure_emergency)
    if unsure:
        return Verdict(NOT_SURE, tuple(unsure), unsure_emergency)
    return Verdict(SELF_CARE)


def answer_all(signs: Iterable[str], answer: str) -> dict[str, str]:
    """The same answer for every sign a question covers."""
    if answer not in ANSWERS:
        raise ValueError(f"unknown answer {answer!r}")
    return dict.fromkeys(signs, answer)


def merge_answers(earlier: Mapping[str, str], later: Mapping[str, str]) -> dict[str, str]:
    """Combine answers; a sign once said yes (asked or reported) stays yes."""
    merged = {**earlier, **later}
    merged.update({sign: YES for sign, answer in earlier.items() if answer == YES})
    return merged
