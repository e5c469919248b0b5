"""The twitch diary, and erasing everything the skill keeps about a person."""

from __future__ import annotations

import logging

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from skill.dialogue import check as symptom_check
from skill.dialogue import routine
from skill.dialogue.profile import mark_erased
from skill.dialogue.state import get_offer, session_attributes
from skill.handlers.base import IntentHandler, NeedsStorage, RequestTypeHandler
from skill.handlers.slots import resolved_id
from skill.persistence import ErasureFailed, Storage, user_id
from skill.rules import trend as diary
from skill.rules.content import get_content
from skill.voice.reply import ask, tell

logger = logging.getLogger(__name__)
FEET = ("LEFT", "RIGHT", "BOTH")
ADVISED = "diary_advised"


def follow_with_advice(
    handler_input: HandlerInput, trend: diary.Trend, *said: str, always: bool = False
) -> Response:
    """After a log or a summary: the doctor advice when the diary calls for it.

    The advice comes once a session on logging (every time it is asked for, with ``always``),
    with an offer to hear what a doctor may check; otherwise "anything else?".
    """
    texts = get_content().diary
    attributes = session_attributes(handler_input)
    if trend.see_doctor and (always or not attributes.get(ADVISED)):
        attributes[ADVISED] = True
        reason = texts["diary_reasons"]["persistent" if trend.persistent else "more_frequent"]
        return ask(
            handler_input,
            *said,
            texts["diary_doctor"].format(reason=reason),
            get_content().doctor["checks_question"],
            reprompt=get_content().doctor["checks_reprompt"],
            offer={"action": "doctor_checks"},
        )
    return ask(
        handler_input,
        *said,
        texts["history_question"],
        reprompt=texts["history_reprompt"],
        offer={"action": "menu"},
    )


def unavailable(handler_input: HandlerInput, key: str, **values: str) -> Response:
    """Say the diary cannot be reached, and keep the conversation going with a question."""
    texts = get_content().diary
    return ask(
        handler_input,
        texts[key].format(**values),
        texts["unavailable_question"],
        reprompt=texts["unavailable_reprompt"],
        offer={"action": "menu"},
    )


class LogTwitchHandler(NeedsStorage, IntentHandler):
    """LogTwitchIntent: "log a twitch", optionally which foot."""

    intent_names = ("LogTwitchIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Add an entry, say this week's count, and advise if the diary calls for it."""
        if self.storage is None:
            return unavailable(handler_input, "no_storage")
        texts = get_content().diary
        foot = resolved_id(handler_input, "foot", FEET)
        try:
            person = user_id(handler_input.request_envelope)
            self.storage.diary.add(person, self.storage.clock(), foot)
        except Exception as failure:
            logger.error("diary entry not saved: %s", type(failure).__name__)
            return unavailable(handler_input, "unavailable_log")
        foot_words = texts["feet"][foot] if foot else ""
        try:
            trend = self.storage.trend(handler_input.request_envelope)
        except Exception as failure:  # saved, but not countable now: never invite a retry
            logger.error("diary not read after logging: %s", type(failure).__name__)
            return unavailable(handler_input, "logged_uncounted", foot=foot_words)
        logged = texts["logged"].format(
            foot=foot_words, count=get_content().twitch_count(trend.this_week)
        )
        return follow_with_advice(handler_input, trend, logged)


class TwitchHistoryHandler(NeedsStorage, IntentHandler):
    """TwitchHistoryIntent: "how often has my toe twitched"."""

    intent_names = ("TwitchHistoryIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """This week against last week, the direction, and advice if the diary calls for it."""
        if self.storage is None:
            return unavailable(handler_input, "no_storage")
        texts = get_content().diary
        try:
            trend = self.storage.trend(handler_input.request_envelope)
        except Exception as failure:
            logger.error("diary not read: %s", type(failure).__name__)
            return unavailable(handler_input, "unavailable_history")
        if not any(trend.counts):
            return ask(
                handler_input,
                texts["empty_diary"],
                reprompt=texts["empty_diary_reprompt"],
                offer={"action": "topic", "id": "HYDRATION"},
            )
        this_week, last_week = trend.this_week, trend.last_week
        direction = "up" if this_week > last_week else "down" if this_week < last_week else "same"
        summary = texts["history"].format(
            this_week=get_content().twitch_count(this_week),
            last_week=get_content().twitch_count(last_week),
        )
        return follow_with_advice(
            handler_input, trend, summary, texts["history_trend"][direction], always=True
        )


class DeleteDataHandler(IntentHandler):
    """DeleteDataIntent: "delete my data" asks for confirmation first."""

    intent_names = ("DeleteDataIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Ask whether to erase everything."""
        texts = get_content().diary
        return ask(
            handler_input,
            texts["delete_confirm"],
            reprompt=texts["delete_reprompt"],
            offer={"action": "delete_data"},
        )


class ConfirmDeleteHandler(NeedsStorage, IntentHandler):
    """Yes or no right after "are you sure?": erase everything, or nothing."""

    intent_names = ("AMAZON.YesIntent", "AMAZON.NoIntent")

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Only when the pending question is the erasure's confirmation."""
        offer = get_offer(handler_input) if super().can_handle(handler_input) else None
        return offer is not None and offer["action"] == "delete_data"

    def handle(self, handler_input: HandlerInput) -> Response:
        """Erase on yes; on no, say nothing was deleted."""
        texts = get_content().diary
        if get_intent_name(handler_input) == "AMAZON.NoIntent":
            return ask(
                handler_input,
                texts["not_deleted"],
                reprompt=texts["not_deleted_reprompt"],
                offer={"action": "menu"},
            )
        if not erase_everything(self.storage, handler_input):
            return ask(
                handler_input, texts["delete_failed"], reprompt=texts["not_deleted_reprompt"]
            )
        return tell(handler_input, texts["deleted"])


def erase_everything(storage: Storage | None, handler_input: HandlerInput) -> bool:
    """Erase the person's record, diary and session state; False if storage failed."""
    mark_erased(handler_input)
    routine.end_routine(handler_input)
    symptom_check.end_check(handler_input)
    if storage is None:
        return True
    try:
        storage.erase_user(handler_input.request_envelope)
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
        so that Alexa delivers it again rather than the data silently staying.
        """
        if not erase_everything(self.storage, handler_input):
            raise ErasureFailed("skill disabled, but the data could not be erased")
        return handler_input.response_builder.response
