"""When to see a doctor: the warning signs, the symptoms to watch for, what a doctor may do."""

from __future__ import annotations

from skill.dialogue.state import Question
from skill.handlers.turn import Turn, leads_to
from skill.rules.content import get_content
from skill.voice.reply import Reply, ask, ask_prompt
from skill.voice.ssml import fill

DOCTOR_CHAIN = "doctor"


@leads_to(Question.DOCTOR_SIGNS)
def warning_signs(turn: Turn) -> Reply:
    """When to get checked, emergency advice first for sudden or severe symptoms; a full card."""
    doctor = get_content().doctor
    spoken, printed = turn.emergency()
    return ask(
        turn.state.asking(Question.DOCTOR_SIGNS),
        fill(doctor["signs"], emergency=spoken),
        doctor["signs_question"],
        reprompt=doctor["signs_reprompt"],
        card=(doctor["card_title"], doctor["card"].format(emergency=printed)),
    )


@leads_to(Question.CHECKS_OFFER)
def symptoms_to_watch(turn: Turn) -> Reply:
    """The symptoms that call for a healthcare provider."""
    doctor = get_content().doctor
    return ask(
        turn.state.asking(Question.CHECKS_OFFER, DOCTOR_CHAIN),
        doctor["symptoms"],
        doctor["checks_question"],
        reprompt=doctor["checks_reprompt"],
    )


@leads_to(Question.MENU)
def doctor_checks(turn: Turn) -> Reply:
    """What a doctor may examine or test, then whether there is anything else."""
    content = get_content()
    state = turn.state.asking(Question.MENU)
    return ask_prompt(state, content.prompt("anything_else"), content.doctor["checks"])
