"""Draw the table of moves as a Mermaid state diagram, for ``docs/dialogue.md``."""

from __future__ import annotations

from collections import defaultdict

from skill.dialogue.state import Question
from skill.dialogue.table import (
    ACTIVITY_ROWS,
    EVERYWHERE,
    TABLE,
    TOPICS,
    USUALLY,
    Word,
    activity_of,
)
from skill.handlers.turn import END, SAME, Move, targets_of

ANYWHERE = "anywhere"
HEADER = """# The conversation, as a state machine

Generated from `skill/dialogue/table.py` by `toe-twitch diagram --output docs/dialogue.md`;
a test fails when this file no longer matches the table. Each state is the question the skill is
waiting on. `anywhere` stands for every state: its arrows are what a word means wherever the
state's own row does not say otherwise. Help, repeat and fallback keep the question everywhere
(they ask it again); stop and cancel end the session everywhere.
"""

Edges = dict[tuple[str, str], list[str]]
SHARED_QUESTIONS = {
    Question.DOCTOR_OFFER: ("MEDICATION", "FOOTWEAR"),
    Question.CHECKS_OFFER: ("doctor",),
}


def _add(edges: Edges, source: str, move: Move, label: str) -> None:
    for target in targets_of(move):
        if target == SAME:
            continue
        node = "[*]" if target == END else str(target)
        edges[(source, node)].append(label)


def table_edges() -> Edges:
    """Every arrow of the diagram: (from, to) -> the words or intents that take it."""
    edges: Edges = defaultdict(list)
    for name, move in TOPICS.items():
        _add(edges, ANYWHERE, move, name)
    for word, move in {**USUALLY, **EVERYWHERE}.items():
        _add(edges, ANYWHERE, move, word.value)
    for question, row in TABLE.items():
        for word, move in row.items():
            _add(edges, question.value, move, word.value)
    for question, subjects in SHARED_QUESTIONS.items():
        for subject in subjects:
            activity = activity_of(question, subject)
            for word, move in ACTIVITY_ROWS[activity].items():
                if word not in TABLE[question]:
                    _add(edges, question.value, move, f"{word.value} ({activity})")
    return edges


def mermaid() -> str:
    """The state diagram in Mermaid's syntax."""
    lines = ["stateDiagram-v2", f"    [*] --> {Question.MENU.value}: LaunchRequest"]
    lines.append(f'    state "any question" as {ANYWHERE}')
    for (source, target), labels in sorted(table_edges().items()):
        words = ", ".join(dict.fromkeys(labels))
        lines.append(f"    {source} --> {target}: {words}")
    return "\n".join(lines) + "\n"


def document() -> str:
    """The whole ``docs/dialogue.md``: an explanation, then the diagram."""
    words = ", ".join(word.value for word in Word)
    return f"{HEADER}\nWords: {words}.\n\n```mermaid\n{mermaid()}```\n"
