"""Whether a sign or value is denied by the words just before it ("there's no pain")."""

from __future__ import annotations

NEGATION = frozenset(
    {"not", "no", "nothing", "never", "nor", "isn't", "wasn't", "aren't", "don't"}
    | {"doesn't", "didn't", "hasn't", "haven't", "ain't", "neither"}
)  # fmt: skip
"""Words that, just before a sign, say it is absent ("it isn't cold or blue")."""
NEGATED_WORDS = 3
"""How many words before a sign a negation reaches, within its clause."""
CLAUSE_BREAKS = frozenset({"but", "and", "so", "though", "because", "cos", "yet", "then", "now"})
"""Words that end a negation's reach ("it's probably nothing but I can't feel my leg")."""


def negated(before: list[str]) -> bool:
    """Whether the words just before a sign, within its clause, deny it ("there's no pain").

    "no" opening the text is an answer ("no, I can't move it"), not a negation.
    """
    window = before[-NEGATED_WORDS:]
    if len(before) <= NEGATED_WORDS and before[:1] == ["no"]:
        window = window[1:]
    breaks = [i for i, word in enumerate(window) if word in CLAUSE_BREAKS]
    window = window[breaks[-1] + 1 :] if breaks else window
    without = before[-1:] == ["without"] or before[-2:] == ["without", "any"]
    return without or bool(NEGATION.intersection(window))
