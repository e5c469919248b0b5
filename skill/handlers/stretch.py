"""The guided stretch routine: set-up, the timed hold, and moving through the stretches."""

from __future__ import annotations

from dataclasses import replace

from skill.dialogue import history, routine
from skill.dialogue.state import DialogueState, Question, RoutinePlace
from skill.handlers import reminders, summary
from skill.handlers.turn import Turn, leads_to
from skill.rules.content import STRETCH_IDS, get_content, spoken_list
from skill.voice.apl import hold_directive
from skill.voice.hold import hold_seconds, hold_ssml, seconds_to_say
from skill.voice.reply import Reply, ask

OTHER_FOOT = {"left": "right", "right": "left", None: ""}
CHIME_SECONDS = 1.0  # about how long the start chime plays, for the screen's countdown


def _setup_text(step: routine.Step) -> tuple[str, str]:
    texts = get_content().stretches
    position = texts["setup_position"].format(
        number=step.number,
        count=len(get_content().stretch_entries),
        name=step.stretch.name,
        side=routine.side_words(step),
    )
    setup = step.stretch.setup.format(foot=step.side or "", other=OTHER_FOOT[step.side])
    return position, setup


def _short_setup(index: int) -> str:
    """ "Toe point, left foot. Ready when you are.": for a stretch the person knows."""
    texts = get_content().stretches
    step = routine.steps()[index]
    ready = routine.variant(texts["ready_short"], index)
    return texts["short_setup"].format(
        short=step.stretch.short, side=routine.side_words(step), ready=ready
    )


def speak_setup(
    turn: Turn, index: int, *before: str, announce: bool = True, full: bool = False
) -> Reply:
    """How to get into a stretch (after saying which, if ``announce``), then wait.

    A stretch the person has heard explained before gets its short cue, unless ``full``.
    """
    texts = get_content().stretches
    step = routine.steps()[index]
    position, setup = _setup_text(step)
    state = turn.state.with_routine(RoutinePlace(index, Question.SETUP)).asking(Question.SETUP)
    if not full and routine.was_explained(turn.handler_input, step.stretch.id):
        reply = ask(state, *before, _short_setup(index), reprompt=texts["ready_reprompt"])
    else:
        routine.mark_explained(turn.handler_input, step.stretch.id)
        spoken = (position if announce else "", setup, step.stretch.safety, texts["ready_question"])
        reply = ask(state, *before, *spoken, reprompt=texts["ready_reprompt"])
    if not turn.has_screen:
        return reply
    screen = hold_directive(position, step.stretch.safety, setup, 0, prompt=texts["screen_ready"])
    return reply.with_directives(screen)


@leads_to(Question.SETUP)
def start_routine(turn: Turn, stretch_id: str | None = None) -> Reply:
    """Begin at the first stretch, or at the one asked for; an older saved place is dropped.

    A person who knows the first stretch hears no introduction, only its short cue.
    """
    routine.save_place(turn.handler_input, None)
    if stretch_id is not None:
        return speak_setup(turn, routine.first_step_of(stretch_id))
    first = routine.steps()[0]
    if routine.was_explained(turn.handler_input, first.stretch.id):
        return speak_setup(turn, 0)
    intro = (
        get_content()
        .stretches["intro"]
        .format(
            count=len(get_content().stretch_entries),
            name=first.stretch.name,
            side=routine.side_words(first),
        )
    )
    return speak_setup(turn, 0, intro, announce=False)


@leads_to(Question.SETUP, Question.OFFER_STRETCH)
def explain_stretch(turn: Turn) -> Reply:
    """ExplainStretchIntent: the full instruction for the stretch at hand."""
    place = turn.state.routine
    if place is None:
        return offer_routine(turn, "explain_outside")
    return speak_setup(turn, place.step, full=True)


@leads_to(Question.SETUP, Question.OFFER_STRETCH)
def start_stretch(turn: Turn) -> Reply:
    """StartStretchIntent: start the routine, at the named stretch if there is one."""
    stretch_id = turn.slot_id("stretch", STRETCH_IDS)
    if stretch_id is None and turn.slot_value("stretch"):
        names = [entry.name for entry in get_content().stretch_entries.values()]
        return offer_routine(turn, "unknown_stretch", names=spoken_list(names))
    return start_routine(turn, stretch_id)


@leads_to(Question.FINISHED, Question.REMINDER_OFFER)
def finish_routine(turn: Turn, *before: str) -> Reply:
    """Say the routine is complete and what to do next (once, a daily reminder)."""
    texts = get_content().stretches
    routine.save_place(turn.handler_input, None)
    history.note_routine(turn.handler_input, summary.today(turn))
    reply = reminders.offer_or(
        turn,
        turn.state.with_routine(None).asking(Question.FINISHED),
        *before,
        texts["routine_done"],
        question=texts["routine_done_question"],
        reprompt=texts["routine_done_reprompt"],
    )
    return replace(reply, repeat=(texts["routine_done"], reply.speech[-1]))


def speak_hold(turn: Turn, index: int) -> Reply:
    """Time the hold in one response, then switch feet, move on, or finish.

    "Repeat" afterwards repeats the instruction that follows the hold, not the hold.
    """
    texts = get_content().stretches
    steps = routine.steps()
    step, hold = steps[index], texts["hold"]
    seconds = hold_seconds(hold, routine.chosen_hold_seconds(turn.handler_input))
    timed = hold_ssml(hold, step.stretch.start, seconds)
    following = steps[index + 1] if index + 1 < len(steps) else None
    if following is None:
        reply = finish_routine(turn, timed)
    else:
        stage = Question.BETWEEN if following.first_of_stretch else Question.SETUP
        if stage == Question.SETUP:
            after = routine.variant(texts["switch_feet"], index)
            reprompt = texts["switch_reprompt"]
        else:
            names = {"name": step.stretch.name, "next_name": following.stretch.name}
            after = routine.variant(texts["stretch_done"], index).format(**names)
            reprompt = texts["stretch_done_reprompt"]
        state = turn.state.with_routine(RoutinePlace(index + 1, stage)).asking(stage)
        reply = ask(state, timed, after, reprompt=reprompt, repeat=(after,))
    if not turn.has_screen:
        return reply
    position, setup = _setup_text(step)
    start_delay = seconds_to_say(step.stretch.start, hold["speech"]) + CHIME_SECONDS
    return reply.with_directives(
        hold_directive(position, step.stretch.safety, setup, seconds, start_delay)
    )


@leads_to(Question.OFFER_STRETCH)
def offer_routine(turn: Turn, key: str = "not_in_routine", **values: str) -> Reply:
    """Outside a routine: say so, and offer to start one."""
    texts = get_content().stretches
    state = turn.state.with_routine(None).asking(Question.OFFER_STRETCH)
    return ask(state, texts[key].format(**values), reprompt=texts[f"{key}_reprompt"])


@leads_to(Question.OFFER_STRETCH)
def offer_again(turn: Turn) -> Reply:
    """After a finished routine: offer to do it again."""
    return offer_routine(turn, "again")


def place_of(state: DialogueState) -> RoutinePlace:
    """The routine place (moves in routine rows of the table always have one)."""
    return state.routine or RoutinePlace(0)
