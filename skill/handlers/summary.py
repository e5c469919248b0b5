"""Notes to take to a doctor visit: the diary by week and foot, signs reported, the last check."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date, datetime, timedelta

from skill.dialogue import history
from skill.dialogue.check import labels_for
from skill.dialogue.state import DialogueState, Question
from skill.handlers.turn import Turn, leads_to
from skill.persistence import user_id, utc_now
from skill.rules.content import get_content, spoken_list
from skill.voice.reply import Reply, ask, ask_prompt

logger = logging.getLogger(__name__)
WEEKS = 4


def today(turn: Turn) -> date:
    """The day it is, by the storage's clock (the diary's) when there is storage."""
    return (turn.storage.clock() if turn.storage else utc_now()).date()


def diary_feet(turn: Turn) -> list[tuple[datetime, str | None]] | None:
    """The diary's entries of the last weeks with their feet; None when it cannot be read."""
    if turn.storage is None:
        return None
    since = turn.storage.clock() - timedelta(weeks=WEEKS)
    try:
        return turn.storage.diary.feet(user_id(turn.handler_input.request_envelope), since)
    except Exception as failure:
        logger.warning("diary unavailable for the doctor's notes: %s", type(failure).__name__)
        return None


def has_entries(turn: Turn) -> bool:
    """Whether the diary holds any entry in the weeks the rule looks at (its weekly counts)."""
    if turn.storage is None:
        return False
    try:
        return any(turn.storage.trend(turn.handler_input.request_envelope).counts)
    except Exception as failure:
        logger.warning("diary unavailable for the notes offer: %s", type(failure).__name__)
        return False


def _week_lines(entries: list[tuple[datetime, str | None]], now: datetime) -> list[str]:
    texts = get_content().doctor["summary"]
    if not entries:
        return [texts["empty_diary"]]
    lines = []
    for week in range(WEEKS - 1, -1, -1):
        end = now - timedelta(weeks=week)
        feet = Counter(
            foot or "NONE" for at, foot in entries if end - timedelta(weeks=1) < at <= end
        )
        parts = [f"{texts['foot_names'][foot]} {n}" for foot, n in sorted(feet.items())]
        shown = texts["feet"].format(parts=", ".join(parts)) if parts else ""
        count = get_content().twitch_count(sum(feet.values()))
        lines.append(texts["week"].format(end=f"{end:%d %b}", count=count, feet=shown))
    return lines


def _sign_lines(turn: Turn) -> list[str]:
    texts = get_content().doctor["summary"]
    labels = get_content().symptoms["check"]["sign_labels"]
    signs = history.reported_signs(turn.handler_input)
    lines = [texts["sign"].format(label=labels.get(s, s), day=d) for s, d in signs]
    return lines or [texts["no_signs"]]


def _check_lines(turn: Turn) -> list[str]:
    texts = get_content().doctor["summary"]
    check = history.last_check(turn.handler_input)
    verdict = texts["verdicts"].get(str(check["kind"])) if check else None
    if check is None or verdict is None:
        return [texts["no_check"]]
    signs = check.get("signs")
    named = spoken_list(labels_for(tuple(signs))) if isinstance(signs, list) else ""
    return [texts["check_heading"].format(day=check.get("on")), verdict.format(signs=named)]


def _stretching_line(turn: Turn) -> str:
    texts = get_content().doctor["summary"]
    count, last = history.routines_finished(turn.handler_input)
    return texts["stretching"].format(count=count, day=last) if count else texts["no_stretching"]


def summary_card(turn: Turn, entries: list[tuple[datetime, str | None]]) -> str:
    """The card's text: diary, signs, check, stretching, what else to say, the disclaimer."""
    texts = get_content().doctor["summary"]
    now = turn.storage.clock() if turn.storage else utc_now()
    sections = [
        [texts["diary_heading"], *_week_lines(entries, now)],
        [texts["signs_heading"], *_sign_lines(turn)],
        _check_lines(turn),
        [_stretching_line(turn)],
        [texts["tell_doctor"]],
        [texts["disclaimer"]],
    ]
    return "\n\n".join("\n".join(section) for section in sections)


@leads_to(Question.MENU)
def doctor_summary(turn: Turn) -> Reply:
    """DoctorSummaryIntent: put the notes on a card and say in one breath what is on them."""
    content = get_content()
    texts = content.doctor["summary"]
    entries = diary_feet(turn) or []
    said = texts["said"] if entries else texts["said_empty_diary"]
    card = (texts["card_title"], summary_card(turn, entries))
    return ask_prompt(
        turn.state.asking(Question.MENU), content.prompt("anything_else"), said, card=card
    )


def offer_notes_or(
    turn: Turn, otherwise: DialogueState, *said: str, question: str, reprompt: str
) -> Reply:
    """After doctor advice: offer the notes when the diary has entries, else ask ``question``
    and wait in ``otherwise``."""
    if has_entries(turn):
        texts = get_content().doctor["summary"]
        offer = otherwise.asking(Question.SUMMARY_OFFER)
        return ask(offer, *said, texts["offer"], reprompt=texts["offer_reprompt"])
    return ask(otherwise, *said, question, reprompt=reprompt)
