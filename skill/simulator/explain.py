"""Why typed text resolved the way it did: the intents considered, their scores and slots.

Like the utterance profiler in Amazon's developer console: one row per intent (its best reading),
best first, then the decision and the threshold behind it. ``toe-twitch simulate --explain``
prints this for each utterance.
"""

from __future__ import annotations

from skill.rules.interaction_model import DEFAULT_LOCALE
from skill.simulator.resolver import (
    FALLBACK,
    NEGATED,
    SEVERE,
    VALUE,
    WRITES,
    Candidate,
    Resolver,
    SlotFill,
    get_resolver,
)
from skill.simulator.text import normalise

__all__ = ["explain"]

ROWS = 8
"""How many intents the table shows at most."""
SAMPLE_WIDTH = 36


def _slot_text(fills: tuple[SlotFill, ...] | list[SlotFill]) -> str:
    """Slot fills as ``name="words" (ID)``, or ``-`` when there are none."""
    if not fills:
        return "-"
    return ", ".join(f'{fill.name}="{fill.value}"{fill.outcome}' for fill in fills)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _rows(ranked: list[Candidate]) -> list[Candidate]:
    """The best reading of each intent, best first."""
    seen: dict[str, Candidate] = {}
    for candidate in ranked:
        seen.setdefault(candidate.template.intent, candidate)
    return list(seen.values())[:ROWS]


def _table(rows: list[Candidate]) -> list[str]:
    header = f"  {'score':>5}  {'intent':<28} {'closest sample':<{SAMPLE_WIDTH}} slots"
    lines = [header, "  " + "-" * (len(header) + 10)]
    for candidate in rows:
        template = candidate.template
        sample = _clip(f'"{template.text}"', SAMPLE_WIDTH)
        lines.append(
            f"  {candidate.score:5.1f}  {template.intent:<28} {sample:<{SAMPLE_WIDTH}} "
            f"{_slot_text(candidate.fills)}"
        )
    return lines


def _thresholds(resolver: Resolver) -> str:
    writes = ", ".join(sorted(WRITES))
    return (
        f"thresholds: accept {resolver.accept:.1f} (fallbackIntentSensitivity {resolver.level}); "
        f"{resolver.write_bar:.1f} for intents that write ({writes}); "
        "a bare slot value must name a value exactly"
    )


def _short(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "..."


def explain(text: str, locale: str = DEFAULT_LOCALE) -> str:
    """A readable table of the intents considered for ``text``, their scores, and the decision."""
    resolver = get_resolver(locale)
    said, normal = normalise(text), resolver.reading(text)
    calm = resolver.rules_out(normal)
    ranked = resolver.readings(normal, calm)
    decision = resolver.decide(ranked, words=len(normal.split()))
    resolution = resolver.resolve(text)
    lines = [f'utterance: "{_short(said)}"']
    if normal != said:
        lines.append(f'read as: "{_short(normal)}"')
    lines += [_thresholds(resolver), ""]
    if ranked:
        lines += _table(_rows(ranked))
    else:
        lines.append("  no intent considered (empty, or too long to be one request)")
    lines.append("")
    if calm:
        lines.append(
            f"ruled out: {VALUE}, said only of a twitch, a change noticed, a doubt or a no"
        )
    if resolution.sample == SEVERE:
        lines.append(f"decision: {resolution.intent} (accepted: sudden or severe {SEVERE})")
        lines.append(f"slots: {_slot_text(resolution.slots)}")
    elif resolution.sample == NEGATED:
        lines.append(f"decision: {resolution.intent} (accepted: {NEGATED})")
    elif decision.accepted:
        lines.append(f"decision: {resolution.intent} ({decision.reason})")
        lines.append(f"slots: {_slot_text(resolution.slots)}")
    else:
        lines.append(f"decision: {FALLBACK} ({decision.reason})")
    return "\n".join(lines)
