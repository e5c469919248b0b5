"""The table of moves: what every word means at every question the skill can be waiting on.

Look a move up with :func:`move_for`. A row names only what differs at its question; the rest
comes from ``EVERYWHERE`` (the same at every question) and then ``USUALLY`` (the common case).
Topic intents (``TOPICS``) mean the same at every question. The diagram in ``docs/`` is drawn
from this table by ``toe-twitch diagram``.
"""

from __future__ import annotations

from enum import StrEnum

from skill.dialogue.state import Question as Q
from skill.handlers import (
    causes,
    diary,
    doctor,
    navigation,
    reminders,
    routine_commands,
    self_care,
    session,
    stretch,
    summary,
    symptom_check,
    symptoms,
)
from skill.handlers.turn import Move


class Word(StrEnum):
    """The words whose meaning depends on where the person is."""

    YES = "yes"
    NO = "no"
    NOT_SURE = "not sure"
    HELP = "help"
    REPEAT = "repeat"
    FALLBACK = "fallback"
    NEXT = "next"
    PREVIOUS = "go back"
    START_OVER = "start over"
    PAUSE = "pause"
    RESUME = "resume"
    READY = "ready"
    STOP = "stop"
    CANCEL = "cancel"


INTENT_WORDS: dict[str, Word] = {
    "AMAZON.YesIntent": Word.YES,
    "AMAZON.NoIntent": Word.NO,
    "NotSureIntent": Word.NOT_SURE,
    "AMAZON.HelpIntent": Word.HELP,
    "AMAZON.RepeatIntent": Word.REPEAT,
    "AMAZON.FallbackIntent": Word.FALLBACK,
    "AMAZON.NextIntent": Word.NEXT,
    "AMAZON.PreviousIntent": Word.PREVIOUS,
    "AMAZON.StartOverIntent": Word.START_OVER,
    "AMAZON.PauseIntent": Word.PAUSE,
    "AMAZON.ResumeIntent": Word.RESUME,
    "ReadyIntent": Word.READY,
    "AMAZON.StopIntent": Word.STOP,
    "AMAZON.CancelIntent": Word.CANCEL,
}

TOPICS: dict[str, Move] = {
    "LaunchRequest": session.launch,
    "AMAZON.NavigateHomeIntent": session.menu,
    "TwitchCausesIntent": causes.list_causes,
    "CauseDetailIntent": causes.cause_detail,
    "SelfCareIntent": self_care.self_care,
    "WhenToSeeDoctorIntent": doctor.warning_signs,
    "ReportSymptomIntent": symptoms.report_symptom,
    "SymptomCheckIntent": symptom_check.start_check,
    "StartStretchIntent": stretch.start_stretch,
    "LogTwitchIntent": diary.log_twitch,
    "TwitchHistoryIntent": diary.history,
    "DeleteDataIntent": diary.confirm_erase,
    "DoctorSummaryIntent": summary.doctor_summary,
    "HoldLengthIntent": routine_commands.set_hold_length,
    "ExplainStretchIntent": stretch.explain_stretch,
    "SetReminderIntent": reminders.set_reminder,
    "ListRemindersIntent": reminders.list_reminders,
    "CancelRemindersIntent": reminders.cancel_reminders,
    "Connections.Response": reminders.permission_answer,
}

EVERYWHERE: dict[Word, Move] = {
    Word.HELP: navigation.help_here,
    Word.REPEAT: navigation.repeat,
    Word.FALLBACK: navigation.not_caught,
    Word.STOP: session.goodbye,
    Word.CANCEL: session.goodbye,
}

USUALLY: dict[Word, Move] = {
    Word.YES: session.menu_again,
    Word.NO: session.declined,
    Word.NOT_SURE: navigation.not_sure_here,
    Word.NEXT: routine_commands.back_to_stretching,
    Word.PREVIOUS: navigation.nothing_before,
    Word.START_OVER: session.menu,
    Word.PAUSE: routine_commands.pause_if_stretching,
    Word.RESUME: routine_commands.back_to_stretching,
    Word.READY: routine_commands.back_to_stretching,
}


def _each(words: tuple[Word, ...], move: Move) -> dict[Word, Move]:
    """The same move for several words."""
    return dict.fromkeys(words, move)


_IN_ROUTINE: dict[Word, Move] = {
    Word.NO: routine_commands.take_your_time,
    Word.PREVIOUS: routine_commands.step_back,
    Word.START_OVER: routine_commands.from_first,
    Word.PAUSE: routine_commands.pause,
}
_ROUTINE_WORDS = (Word.NEXT, Word.PAUSE, Word.RESUME, Word.READY)
_TO_ROUTINE = (Word.YES, Word.NEXT, Word.RESUME, Word.READY)
_BACK_TO_ROUTINE = _each(_TO_ROUTINE, routine_commands.resume_here)
_CAUSE_STEPS = {Word.NEXT: causes.next_cause, Word.PREVIOUS: causes.previous_cause}
_TIP_STEPS = {Word.NEXT: self_care.next_tip, Word.PREVIOUS: self_care.previous_tip}

TABLE: dict[Q, dict[Word, Move]] = {
    Q.MENU: {
        Word.NO: session.goodbye,
        Word.NOT_SURE: navigation.not_sure_at_menu,
        Word.FALLBACK: navigation.menu_fallback,
    },
    Q.CAUSES: {Word.YES: causes.which_cause, Word.START_OVER: causes.list_causes},
    Q.WHICH_CAUSE: {Word.YES: causes.which_cause, Word.START_OVER: causes.list_causes},
    Q.CAUSE: {Word.YES: causes.tip_for_cause, Word.START_OVER: causes.list_causes, **_CAUSE_STEPS},
    Q.TIPS: {Word.YES: self_care.first_tip, Word.NEXT: self_care.first_tip},
    Q.TIP: {Word.YES: self_care.next_tip, Word.START_OVER: self_care.overview, **_TIP_STEPS},
    Q.DOCTOR_OFFER: {Word.YES: doctor.warning_signs},
    Q.DOCTOR_SIGNS: {Word.YES: doctor.symptoms_to_watch, Word.START_OVER: doctor.warning_signs},
    Q.CHECKS_OFFER: {Word.YES: doctor.doctor_checks},
    Q.REPORTED: {Word.NO: session.goodbye},
    Q.WHAT_SYMPTOM: {Word.YES: symptoms.report_symptom},
    Q.CHECK: {
        Word.YES: symptom_check.answer_yes,
        Word.NO: symptom_check.answer_no,
        Word.NOT_SURE: symptom_check.answer_unsure,
        Word.PREVIOUS: symptom_check.previous_question,
        Word.START_OVER: symptom_check.restart_check,
        **_each(_ROUTINE_WORDS, symptom_check.finish_check_first),
    },
    Q.VERDICT: {Word.YES: routine_commands.accept_stretching},
    Q.OFFER_STRETCH: {Word.YES: routine_commands.accept_stretching},
    Q.SETUP: {
        **_IN_ROUTINE,
        **_each((Word.YES, Word.READY), routine_commands.hold_now),
        Word.NEXT: routine_commands.skip,
    },
    Q.BETWEEN: {
        **_IN_ROUTINE,
        **_each((Word.YES, Word.NEXT, Word.READY), routine_commands.set_up_here),
    },
    Q.PAUSED: {**_IN_ROUTINE, **_BACK_TO_ROUTINE, Word.PAUSE: routine_commands.pause},
    Q.FINISHED: {
        Word.NO: session.goodbye,
        **_each((Word.START_OVER, Word.PREVIOUS, *_TO_ROUTINE[1:]), stretch.offer_again),
    },
    Q.RESUME_SAVED: {
        **_each(_TO_ROUTINE, routine_commands.pick_up_saved),
        Word.NO: routine_commands.forget_saved,
        Word.START_OVER: stretch.start_routine,
    },
    Q.BACK_TO_ROUTINE: dict(_BACK_TO_ROUTINE),
    Q.DIARY: {Word.NO: session.goodbye},
    Q.DIARY_EMPTY: {Word.YES: self_care.first_tip},
    Q.ERASE: {
        Word.YES: diary.erase,
        Word.NO: diary.keep_data,
        **_each((Word.STOP, Word.CANCEL), diary.cancel_erase),
        **_each(
            (Word.NOT_SURE, Word.START_OVER, Word.PREVIOUS, *_ROUTINE_WORDS), navigation.not_caught
        ),
    },
    Q.SUMMARY_OFFER: {Word.YES: summary.doctor_summary},
    Q.REMINDER_OFFER: {Word.YES: reminders.accept_offer, Word.NO: reminders.decline_offer},
    Q.REMINDER_TIME: {Word.YES: reminders.accept_offer},
    Q.REMINDER_PERMISSION: {},
    Q.LOST: _each(
        tuple(w for w in Word if w not in (Word.STOP, Word.CANCEL)), navigation.lost_place
    ),
}

ACTIVITY_ROWS: dict[str, dict[Word, Move]] = {
    "cause": {**_CAUSE_STEPS, Word.START_OVER: causes.list_causes},
    "tip": {**_TIP_STEPS, Word.START_OVER: self_care.overview},
    "doctor": {Word.PREVIOUS: doctor.warning_signs, Word.START_OVER: doctor.warning_signs},
}


def activity_of(question: Q, subject: str) -> str:
    """Which activity a shared question belongs to, by its subject: causes, tips or the doctor."""
    if question == Q.DOCTOR_OFFER and subject in causes.CAUSE_IDS:
        return "cause"
    if question == Q.DOCTOR_OFFER and subject in self_care.TOPIC_IDS:
        return "tip"
    if question == Q.CHECKS_OFFER and subject == doctor.DOCTOR_CHAIN:
        return "doctor"
    return ""


def move_for(question: Q, word: Word, subject: str = "") -> Move:
    """The move ``word`` makes at ``question`` (about ``subject``)."""
    row = {**ACTIVITY_ROWS.get(activity_of(question, subject), {}), **TABLE[question]}
    return row.get(word) or EVERYWHERE.get(word) or USUALLY[word]


def topic_move(name: str) -> Move | None:
    """The move for a request type or topic intent, the same at every question."""
    return TOPICS.get(name)
