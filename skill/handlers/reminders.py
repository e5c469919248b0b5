"""Reminders to stretch and to drink water: set, list and cancel them, asking permission by voice.

A reminder is set only after the Reminders API said it was: a failure is spoken as what to do,
never as "done". The ids of the reminders the skill set are kept in the person's record, so
"delete my data" and disabling the skill can cancel them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ask_sdk_core.handler_input import HandlerInput

from skill.dialogue.profile import load_profile
from skill.dialogue.state import DialogueState, Question
from skill.handlers.navigation import ask_again
from skill.handlers.turn import END, SAME, Turn, leads_to
from skill.reminders.errors import Forbidden, NoPermission, RemindersError, TooMany
from skill.rules.content import get_content, spoken_list
from skill.voice.reply import Reply, ask, ask_prompt

if TYPE_CHECKING:
    from skill.reminders.client import RemindersClient

logger = logging.getLogger(__name__)
KINDS = ("STRETCH", "WATER")
PENDING = re.compile(r"(STRETCH|WATER)@\d\d:\d\d(,\d\d:\d\d){0,3}")
KEPT = "reminders"
DECLINED = "reminder_offer_declined"
VAGUE_TIMES = {"MO": "08:00", "AF": "15:00", "EV": "19:00", "NI": "21:00"}
_CLOCK = re.compile(r"T?(\d\d):(\d\d)")
EARLIEST_HOUR = 7


def _texts() -> dict[str, Any]:
    texts: dict[str, Any] = get_content().diary["reminders"]
    return texts


def _text(key: str, **values: str) -> str:
    return str(_texts()[key]).format(**values)


def _clock_time(value: str | None) -> str | None:
    """An AMAZON.TIME value as "HH:MM" ("evening" is seven), or None for anything else."""
    if value is None:
        return None
    if value in VAGUE_TIMES:
        return VAGUE_TIMES[value]
    match = _CLOCK.fullmatch(value)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    hour = int(match.group(1))
    if 0 < hour < EARLIEST_HOUR:  # "at three" means the afternoon: nobody stretches at 3 a.m.
        hour += 12
    return f"{hour:02d}:{match.group(2)}"


def _spoken_time(clock: str) -> str:
    hour, minute = (int(part) for part in clock.split(":"))
    twelve = hour % 12 or 12
    half = "a m" if hour < 12 else "p m"
    return f"{twelve}{'' if minute == 0 else f':{minute:02d}'} {half}"


def _kind_words(kind: str) -> str:
    return str(_texts()["kinds"][kind])


def reminders_client(handler_input: HandlerInput) -> RemindersClient:
    """A Reminders API client for this request (its endpoint and token)."""
    from skill.reminders.client import RemindersClient

    return RemindersClient.from_envelope(handler_input.request_envelope)


def _client(turn: Turn) -> RemindersClient:
    return reminders_client(turn.handler_input)


def _replace_older(turn: Turn, kind: str, token: str) -> None:
    """Keep the new reminder's id; an older one of the same kind goes, so none is set twice."""
    kept = kept_reminders(turn.handler_input)
    older = [t for t, k in kept.items() if k == kind and t != token]
    if older:
        client = reminders_client(turn.handler_input)
        for stale in older:
            try:
                client.delete(stale)
            except RemindersError as failure:
                logger.warning("older reminder not cancelled: %s", failure.reason)
    profile = load_profile(turn.handler_input)
    if profile is not None:
        profile[KEPT] = {**{t: k for t, k in kept.items() if t not in older}, token: kind}


def kept_reminders(handler_input: HandlerInput) -> dict[str, str]:
    """The reminders the skill set for this person: alert token -> kind."""
    profile = load_profile(handler_input)
    kept = profile.get(KEPT) if profile is not None else None
    return {k: v for k, v in kept.items() if v in KINDS} if isinstance(kept, dict) else {}


def _failure(turn: Turn, failure: RemindersError, key: str = "unavailable") -> Reply:
    logger.warning("reminders: %s", failure.reason)
    if isinstance(failure, Forbidden):
        key = "forbidden"
    elif isinstance(failure, TooMany):
        key = "too_many"
    state = turn.state.asking(Question.MENU)
    return ask(state, _text(key), _text("question"), reprompt=_text("question_reprompt"))


def _create(turn: Turn, kind: str, times: tuple[str, ...]) -> Reply:
    """Ask the Reminders API for the reminder; speak what it answered."""
    from skill.reminders.model import ReminderSpec

    locale = getattr(turn.handler_input.request_envelope.request, "locale", None) or "en-US"
    spec = ReminderSpec(text=_texts()["spoken_text"][kind], times=times)
    client = _client(turn)
    try:
        token = client.create(spec, locale)
    except NoPermission:
        return _ask_permission(turn, kind, times)
    except RemindersError as failure:
        maybe = failure.maybe_created
        found = client.find_by_text(spec.text) if maybe else []
        if not found:
            return _failure(turn, failure)
        token = found[0].alert_token
    _replace_older(turn, kind, token)
    spoken = spoken_list([_spoken_time(clock) for clock in times])
    said = _text("set", kind=_kind_words(kind), times=spoken)
    state = turn.state.asking(Question.MENU)
    return ask(state, said, _text("question"), reprompt=_text("question_reprompt"))


def _ask_permission(turn: Turn, kind: str, times: tuple[str, ...]) -> Reply:
    """Hand the turn to Alexa to ask for the reminders permission; the answer comes back."""
    from skill.reminders.permissions import ask_for_reminders_directive

    state = turn.state.asking(Question.REMINDER_PERMISSION, f"{kind}@{','.join(times)}")
    reply = Reply((_text("need_permission"),), None, state, hand_over=True)
    return reply.with_directives(ask_for_reminders_directive())


@leads_to(Question.MENU, Question.REMINDER_TIME, Question.REMINDER_PERMISSION)
def set_reminder(turn: Turn) -> Reply:
    """SetReminderIntent: "remind me to stretch every evening at seven"."""
    kind = turn.slot_id("reminder", KINDS) or turn.state.subject or "STRETCH"
    kind = kind if kind in KINDS else "STRETCH"
    times = tuple(
        dict.fromkeys(
            clock
            for clock in (_clock_time(turn.slot_value(name)) for name in ("time", "moreTime"))
            if clock
        )
    )
    if not times:
        state = turn.state.asking(Question.REMINDER_TIME, kind)
        return ask(state, _text("ask_time"), reprompt=_text("ask_time_reprompt"))
    return _create(turn, kind, times)


@leads_to(Question.MENU)
def permission_answer(turn: Turn) -> Reply:
    """Connections.Response: the person's answer to the permission request."""
    from skill.reminders.permissions import consent_card, permission_outcome

    outcome = permission_outcome(turn.handler_input.request_envelope.request)
    pending = turn.state.subject if turn.state.question == Question.REMINDER_PERMISSION else ""
    if outcome == "granted" and PENDING.fullmatch(pending):
        kind, _, clocks = pending.partition("@")
        return _create(turn, kind, tuple(clocks.split(",")))
    state = turn.state.asking(Question.MENU)
    reply = ask(state, _text("denied"), _text("question"), reprompt=_text("question_reprompt"))
    return replace(reply, card=consent_card())


@leads_to(Question.MENU, Question.REMINDER_OFFER)
def list_reminders(turn: Turn) -> Reply:
    """ListRemindersIntent: what reminders the skill has set."""
    try:
        active = [r for r in _client(turn).list() if r.active]
    except RemindersError as failure:
        if isinstance(failure, NoPermission):
            active = []
        else:
            return _failure(turn, failure, "unavailable_list")
    if not active:
        state = turn.state.asking(Question.REMINDER_OFFER)
        return ask(state, _text("none"), reprompt=_text("none_reprompt"))
    kinds = kept_reminders(turn.handler_input)
    summaries = [
        _text(
            "listed_one",
            kind=_kind_words(kinds.get(r.alert_token, "STRETCH")).removeprefix("to ").capitalize(),
            times=spoken_list([_spoken_time(clock) for clock in r.times]),
        )
        for r in active
    ]
    count = "one reminder" if len(active) == 1 else f"{len(active)} reminders"
    said = _text("listed", count=count, summaries=spoken_list(summaries))
    state = turn.state.asking(Question.MENU)
    return ask(state, said, _text("question"), reprompt=_text("question_reprompt"))


def cancel_kept(handler_input: HandlerInput, kind: str | None = None) -> int:
    """Cancel the skill's reminders (of ``kind``, or all); how many went. Raises on a fault."""
    profile = load_profile(handler_input)
    kept = kept_reminders(handler_input)
    client = reminders_client(handler_input)
    gone = 0
    for token, kept_kind in kept.items():
        if kind is None or kept_kind == kind:
            client.delete(token)
            gone += 1
    if profile is not None:
        profile[KEPT] = {t: k for t, k in kept.items() if kind is not None and k != kind}
    return gone


def cancel_all_quietly(handler_input: HandlerInput) -> int:
    """Before an erasure: cancel every reminder the skill set; a fault is logged, not raised."""
    try:
        return cancel_kept(handler_input) if kept_reminders(handler_input) else 0
    except (RemindersError, ValueError) as failure:
        logger.warning("reminders not cancelled: %s", getattr(failure, "reason", failure))
        return 0


@leads_to(Question.MENU)
def cancel_reminders(turn: Turn) -> Reply:
    """CancelRemindersIntent: "stop my stretch reminders"."""
    kind = turn.slot_id("reminder", KINDS)
    try:
        gone = cancel_kept(turn.handler_input, kind)
    except RemindersError as failure:
        return _failure(turn, failure)
    words = _text("cancelled_kind", kind=_kind_words(kind)) if kind else _text("cancelled_all")
    if gone:
        said = _text("cancelled", what=words)
    else:
        said = _text("nothing_to_cancel", kind=_kind_words(kind) if kind else "").replace("  ", " ")
    state = turn.state.asking(Question.MENU)
    return ask(state, said, _text("question"), reprompt=_text("question_reprompt"))


def offer_or(
    turn: Turn, otherwise: DialogueState, *said: str, question: str, reprompt: str
) -> Reply:
    """Offer a daily stretch reminder once (never again after a "no"), else ask ``question``."""
    profile = load_profile(turn.handler_input)
    if profile is None or profile.get(DECLINED) or kept_reminders(turn.handler_input):
        return ask(otherwise, *said, question, reprompt=reprompt)
    state = otherwise.asking(Question.REMINDER_OFFER)
    return ask(state, *said, _text("offer"), reprompt=_text("offer_reprompt"))


@leads_to(Question.REMINDER_TIME)
def accept_offer(turn: Turn) -> Reply:
    """ "Yes" to a daily stretch reminder: ask what time."""
    state = turn.state.asking(Question.REMINDER_TIME, "STRETCH")
    return ask(state, _text("ask_time"), reprompt=_text("ask_time_reprompt"))


@leads_to(Question.MENU)
def decline_offer(turn: Turn) -> Reply:
    """ "No" to a daily stretch reminder: remembered, so it is not offered again."""
    profile = load_profile(turn.handler_input)
    if profile is not None:
        profile[DECLINED] = True
    return ask_prompt(turn.state.asking(Question.MENU), get_content().prompt("declined"))


@leads_to(SAME, END)
def permission_pending(turn: Turn) -> Reply:
    """A word while Alexa asks for permission (should not happen): ask again what to do."""
    return ask_again(turn)
