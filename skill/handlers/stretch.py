"""The guided stretch routine: set-up, the timed hold, and moving through the stretches."""

from __future__ import annotations

from collections.abc import Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue import routine
from skill.handlers.base import IntentHandler
from skill.handlers.slots import resolved_id, slot_value
from skill.rules.content import STRETCH_IDS, get_content, spoken_list
from skill.voice.apl import hold_directive, supports_apl
from skill.voice.hold import hold_ssml, seconds_to_say
from skill.voice.reply import ask

OTHER_FOOT = {"left": "right", "right": "left", None: ""}


def _setup_text(step: routine.Step) -> tuple[str, str]:
    position = (
        get_content()
        .stretches["setup_position"]
        .format(
            number=step.number,
            count=len(get_content().stretch_entries),
            name=step.stretch.name,
            side=routine.side_words(step),
        )
    )
    setup = step.stretch.setup.format(foot=step.side or "", other=OTHER_FOOT[step.side])
    return position, setup


def speak_setup(
    handler_input: HandlerInput, index: int, *before: str, announce: bool = True
) -> Response:
    """Describe how to get into a stretch (after saying which, if ``announce``), then wait."""
    texts = get_content().stretches
    step = routine.steps()[index]
    routine.set_place(handler_input, index, routine.SETUP)
    position, setup = _setup_text(step)
    response = ask(
        handler_input,
        *before,
        position if announce else "",
        setup,
        step.stretch.safety,
        texts["ready_question"],
        reprompt=texts["ready_reprompt"],
        offer=routine.stage_offer(routine.SETUP),
        routine_hint=False,
    )
    if supports_apl(handler_input):
        screen = hold_directive(
            position, step.stretch.safety, setup, 0, prompt=texts["screen_ready"]
        )
        response.directives = [screen]
    return response


def start_routine(handler_input: HandlerInput, stretch_id: str | None = None) -> Response:
    """Begin at the first stretch, or at the one asked for; an older saved place is dropped."""
    routine.forget_saved(handler_input)
    if stretch_id is not None:
        return speak_setup(handler_input, routine.first_step_of(stretch_id))
    first = routine.steps()[0]
    intro = (
        get_content()
        .stretches["intro"]
        .format(
            count=len(get_content().stretch_entries),
            name=first.stretch.name,
            side=routine.side_words(first),
        )
    )
    return speak_setup(handler_input, 0, intro, announce=False)


def finish_routine(handler_input: HandlerInput, *before: str) -> Response:
    """Say the routine is complete and what to do next."""
    texts = get_content().stretches
    routine.end_routine(handler_input)
    return ask(
        handler_input,
        *before,
        texts["routine_done"],
        reprompt=texts["routine_done_reprompt"],
        offer={"action": "menu"},
        repeat=(texts["routine_done"],),
    )


def speak_hold(handler_input: HandlerInput, index: int) -> Response:
    """Time the hold in one response, then switch feet, move on, or finish.

    "Repeat" afterwards repeats the instruction that follows the hold, not the hold.
    """
    texts = get_content().stretches
    steps = routine.steps()
    step, hold = steps[index], texts["hold"]
    timed = hold_ssml(hold, step.stretch.start)
    following = steps[index + 1] if index + 1 < len(steps) else None
    if following is None:
        response = finish_routine(handler_input, timed)
    else:
        stage = routine.BETWEEN if following.first_of_stretch else routine.SETUP
        routine.set_place(handler_input, index + 1, stage)
        if stage == routine.SETUP:
            after, reprompt = texts["switch_feet"], texts["switch_reprompt"]
        else:
            names = {"name": step.stretch.name, "next_name": following.stretch.name}
            after, reprompt = texts["stretch_done"].format(**names), texts["stretch_done_reprompt"]
        response = ask(
            handler_input,
            timed,
            after,
            reprompt=reprompt,
            offer=routine.stage_offer(stage),
            routine_hint=False,
            repeat=(after,),
        )
    if supports_apl(handler_input):
        position, setup = _setup_text(step)
        start_delay = seconds_to_say(step.stretch.start, hold["words_per_minute"])
        response.directives = [
            hold_directive(position, step.stretch.safety, setup, hold["seconds"], start_delay)
        ]
    return response


def offer_routine(
    handler_input: HandlerInput, key: str = "not_in_routine", **values: str
) -> Response:
    """Outside a routine: say so, and offer to start one."""
    texts = get_content().stretches
    return ask(
        handler_input,
        texts[key].format(**values),
        reprompt=texts[f"{key}_reprompt"],
        offer={"action": "stretch"},
    )


def answer_ready(
    handler_input: HandlerInput, outside: Callable[[HandlerInput], Response]
) -> Response:
    """ "Ready": hold a stretch that is set up, set up the next one, or ``outside`` a routine."""
    place = routine.get_place(handler_input)
    if place is None:
        return outside(handler_input)
    if place["stage"] == routine.SETUP:
        return speak_hold(handler_input, place["step"])
    return speak_setup(handler_input, place["step"])


class StartStretchHandler(IntentHandler):
    """StartStretchIntent: "walk me through a stretch", optionally naming one."""

    intent_names = ("StartStretchIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Start the routine, at the named stretch if there is one."""
        stretch_id = resolved_id(handler_input, "stretch", STRETCH_IDS)
        if stretch_id is None and slot_value(handler_input, "stretch"):
            names = [entry.name for entry in get_content().stretch_entries.values()]
            return offer_routine(handler_input, "unknown_stretch", names=spoken_list(names))
        return start_routine(handler_input, stretch_id)
