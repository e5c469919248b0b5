"""The twitch diary, and erasing everything the skill keeps about a person."""

from __future__ import annotations

import logging
from dataclasses import replace

from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.dialogue.profile import mark_erased
from skill.dialogue.state import DialogueState, Question, set_state
from skill.handlers.base import NeedsStorage, RequestTypeHandler
from skill.handlers.reminders import cancel_all_quietly
from skill.handlers.turn import END, Turn, leads_to
from skill.persistence import ErasureFailed, Storage, user_id
from skill.rules import trend as diary
from skill.rules.content import get_content
from skill.voice.reply import Reply, ask, tell

logger = logging.getLogger(__name__)
FEET = ("LEFT", "RIGHT", "BOTH")
DIARY_ADVICE = "diary"


def follow_with_advice(turn: Turn, trend: diary.Trend, *said: str, always: bool = False) -> Reply:
    """After a log or a summary: the doctor advice when the diary calls for it.

    The advice comes once a session on logging (every time it is asked for, with ``always``),
    with an offer of notes for the doctor; otherwise "anything else?".
    """
    texts = get_content().diary
    if trend.see_doctor and (always or not turn.state.advised):
        reason = texts["diary_reasons"]["persistent" if trend.persistent else "more_frequent"]
        notes = get_content().doctor["summary"]
        state = replace(turn.state, advised=True).asking(Question.SUMMARY_OFFER)
        advice = texts["diary_doctor"].format(reason=reason)
        return ask(state, *said, advice, notes["offer"], reprompt=notes["offer_reprompt"])
    state = turn.state.asking(Question.DIARY)
    return ask(state, *said, texts["history_question"], reprompt=texts["history_reprompt"])


def unavailable(turn: Turn, key: str, **values: str) -> Reply:
    """Say the diary cannot be reached, and keep the conversation going with a question."""
    texts = get_content().diary
    return ask(
        turn.state.asking(Question.MENU),
        texts[key].format(**values),
        texts["unavailable_question"],
        reprompt=texts["unavailable_reprompt"],
    )


@leads_to(Question.DIARY, Question.SUMMARY_OFFER, Question.MENU)
def log_twitch(turn: Turn) -> Reply:
    """LogTwitchIntent: add an entry, say the week's count, and advise if the diary says so."""
    if turn.storage is None:
        return unavailable(turn, "no_storage")
    texts = get_content().diary
    foot = turn.slot_id("foot", FEET)
    envelope = turn.handler_input.request_envelope
    request_id = getattr(envelope.request, "request_id", None)  # a replay adds nothing
    try:
        turn.storage.diary.add(user_id(envelope), turn.storage.clock(), foot, request_id)
    except Exception as failure:
        logger.error("diary entry not saved: %s", type(failure).__name__)
        return unavailable(turn, "unavailable_log")
    foot_words = texts["feet"][foot] if foot else ""
    try:
        trend = turn.storage.trend(envelope)
    except Exception as failure:  # saved, but not countable now: never invite a retry
        logger.error("diary not read after logging: %s", type(failure).__name__)
        return unavailable(turn, "logged_uncounted", foot=foot_words)
    count = get_content().twitch_count(trend.this_week)
    return follow_with_advice(turn, trend, texts["logged"].format(foot=foot_words, count=count))


@leads_to(Question.DIARY, Question.SUMMARY_OFFER, Question.DIARY_EMPTY, Question.MENU)
def history(turn: Turn) -> Reply:
    """TwitchHistoryIntent: this week against last week, and advice if the diary calls for it."""
    if turn.storage is None:
        return unavailable(turn, "no_storage")
    texts = get_content().diary
    try:
        trend = turn.storage.trend(turn.handler_input.request_envelope)
    except Exception as failure:
        logger.error("diary not read: %s", type(failure).__name__)
        return unavailable(turn, "unavailable_history")
    if not any(trend.counts):
        state = turn.state.asking(Question.DIARY_EMPTY)
        return ask(state, texts["empty_diary"], reprompt=texts["empty_diary_reprompt"])
    this_week, last_week = trend.this_week, trend.last_week
    direction = "up" if this_week > last_week else "down" if this_week < last_week else "same"
    summary = texts["history"].format(
        this_week=get_content().twitch_count(this_week),
        last_week=get_content().twitch_count(last_week),
    )
    return follow_with_advice(turn, trend, summary, texts["history_trend"][direction], always=True)


@leads_to(Question.ERASE)
def confirm_erase(turn: Turn) -> Reply:
    """DeleteDataIntent: say what will be erased, and ask for a clear yes."""
    texts = get_content().diary
    state = turn.state.asking(Question.ERASE)
    return ask(state, texts["delete_confirm"], reprompt=texts["delete_reprompt"])


@leads_to(END, Question.MENU)
def erase(turn: Turn) -> Reply:
    """ "Yes" to the erase confirmation: erase everything, or say it failed."""
    texts = get_content().diary
    cancelled = cancel_all_quietly(turn.handler_input)
    if not erase_everything(turn.storage, turn.handler_input):
        state = turn.state.asking(Question.MENU)
        return ask(state, texts["delete_failed"], reprompt=texts["not_deleted_reprompt"])
    also = (texts["reminders"]["and_cancelled"],) if cancelled else ()
    return tell(DialogueState(), texts["deleted"], *also, texts["deleted_goodbye"])


@leads_to(Question.MENU)
def keep_data(turn: Turn) -> Reply:
    """ "No" to the erase confirmation: nothing was deleted."""
    texts = get_content().diary
    state = turn.state.asking(Question.MENU)
    return ask(state, texts["not_deleted"], reprompt=texts["not_deleted_reprompt"])


@leads_to(END)
def cancel_erase(turn: Turn) -> Reply:
    """Stop or cancel at the erase confirmation: nothing was deleted, goodbye."""
    content = get_content()
    return tell(turn.state, content.diary["cancelled_delete"], content.prompts["goodbye"])


def erase_everything(
    storage: Storage | None, handler_input: HandlerInput, everyone: bool = False
) -> bool:
    """Erase the person's record, diary and session state (``everyone``: every person's of the
    account); False if storage failed."""
    mark_erased(handler_input)
    set_state(handler_input, DialogueState())
    if storage is None:
        return True
    try:
        envelope = handler_input.request_envelope
        storage.erase_account(envelope) if everyone else storage.erase_user(envelope)
    except Exception as failure:
        logger.error("erasure failed: %s", type(failure).__name__)
        return False
    return True


class SkillDisabledHandler(NeedsStorage, RequestTypeHandler):
    """AlexaSkillEvent.SkillDisabled: erase everything, without asking."""

    request_types = ("AlexaSkillEvent.SkillDisabled",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Erase, and answer with the empty response skill events expect.

        If storage fails, the event fails too (Lambda reports an error, the web host a 503),
        so that Alexa delivers it again rather than the data silently staying. An event that
        names no user has nothing to erase: it is logged and answered, never failed (a retry
        could not succeed either).
        """
        try:
            has_user = bool(user_id(handler_input.request_envelope))
        except PersistenceException:
            has_user = False
        if not has_user:
            logger.warning("skill disabled without a user id: nothing to erase")
            return handler_input.response_builder.response
        cancel_all_quietly(handler_input)
        if not erase_everything(self.storage, handler_input, everyone=True):
            raise ErasureFailed("skill disabled, but the data could not be erased")
        return handler_input.response_builder.response
