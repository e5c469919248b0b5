"""Help, repeat, "didn't catch that" and the like: each keeps the pending question."""

from __future__ import annotations

import logging

from skill.dialogue.state import DialogueState, Question
from skill.handlers.turn import SAME, Turn, leads_to
from skill.rules.content import TOPIC_IDS, Prompt, get_content
from skill.voice.reply import Reply, ask, ask_prompt, inner
from skill.voice.ssml import SpeechError, check_ssml, fill

logger = logging.getLogger(__name__)


def checked_said(state: DialogueState) -> Prompt | None:
    """What the skill said last, if it is still SSML the skill would say (the client sent it)."""
    if state.said is None:
        return None
    try:
        for document in (state.said.speech, state.said.reprompt):
            check_ssml(document)
            if "<audio" in document:
                raise SpeechError("no audio is replayed")
    except SpeechError as fault:
        logger.warning("last speech not replayed: %s", fault)
        return None
    return state.said


def ask_again(turn: Turn, *before: str) -> Reply:
    """Say ``before``, then the pending question again; the state stays as it is."""
    said = checked_said(turn.state)
    if said is None:
        prompt = get_content().prompt("menu")
        return ask(turn.state, *before, prompt.reprompt, reprompt=prompt.reprompt)
    question = inner(said.reprompt)
    return ask(turn.state, *before, question, reprompt=question)


def _names(state: DialogueState) -> dict[str, str]:
    """The spoken names help can mention: the subject, and the tip after it."""
    content = get_content()
    entries = {**content.cause_entries, **content.topic_entries}
    names = {"name": entries[state.subject].name if state.subject in entries else "", "next": ""}
    if state.subject in TOPIC_IDS[:-1]:
        names["next"] = content.topic_entries[TOPIC_IDS[TOPIC_IDS.index(state.subject) + 1]].name
    elif state.question == Question.TIPS:
        names["next"] = content.topic_entries[TOPIC_IDS[0]].name
    return names


@leads_to(SAME)
def help_here(turn: Turn) -> Reply:
    """Say where the person is and what yes or no would do, then ask the same question."""
    text = get_content().dialogue["help"][turn.state.question.value]
    spoken, _ = turn.emergency()
    return ask_again(turn, fill(text, emergency=spoken, **_names(turn.state)))


@leads_to(SAME)
def repeat(turn: Turn) -> Reply:
    """Say the last thing again, keeping the pending question."""
    said = checked_said(turn.state)
    if said is None:
        return ask_prompt(turn.state, get_content().prompt("nothing_to_repeat"))
    return ask(turn.state, inner(said.speech), reprompt=inner(said.reprompt))


@leads_to(SAME)
def not_caught(turn: Turn) -> Reply:
    """A phrase the skill did not catch: say so, and ask the pending question again."""
    return ask_again(turn, get_content().dialogue["not_caught"])


@leads_to(SAME)
def menu_fallback(turn: Turn) -> Reply:
    """Not caught at the menu: say what the skill can do."""
    return ask_prompt(turn.state, get_content().prompt("fallback"))


@leads_to(SAME)
def nothing_before(turn: Turn) -> Reply:
    """ "Go back" where there is nothing before: say so, and ask again."""
    return ask_again(turn, get_content().dialogue["nothing_before"])


@leads_to(SAME)
def nothing_to_pause(turn: Turn) -> Reply:
    """ "Pause" with no routine under way."""
    return ask_again(turn, get_content().dialogue["nothing_to_pause"])


@leads_to(SAME)
def not_sure_here(turn: Turn) -> Reply:
    """ "Not sure" to a question that is not the check's: fine, and ask again."""
    return ask_again(turn, get_content().dialogue["not_sure"])


@leads_to(SAME)
def not_sure_at_menu(turn: Turn) -> Reply:
    """ "Not sure" at the menu: reassure, and say what the skill can do."""
    prompt = get_content().symptoms["not_sure_elsewhere"]
    return ask(turn.state, prompt["speech"], reprompt=prompt["reprompt"])


@leads_to(Question.MENU)
def lost_place(turn: Turn) -> Reply:
    """A state the skill does not know: say so, and start from the menu."""
    content = get_content()
    return ask_prompt(DialogueState(), content.prompt("menu"), content.dialogue["lost"])
