"""What a reminder is asked to be (:class:`ReminderSpec`), its request JSON, and what comes back.

The request follows Alexa's documented create body: ``requestTime``, a ``SCHEDULED_ABSOLUTE``
``trigger`` whose ``recurrence`` carries ``startDateTime`` and one RFC 5545 rule per time of day
(``recurrenceRules``; the older ``freq``/``byDay`` are deprecated and ignored when rules are
present), ``alertInfo.spokenInfo.content`` in the person's locale, and ``pushNotification``.
Without a ``timeZoneId`` Alexa uses the device's time zone.

Responses are read as plain JSON: ``ask-sdk-model`` 1.82 cannot deserialize them (its
``AlertInfo`` names a module, ``alert_info_spoken_info``, that does not exist).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "DAYS",
    "Reminder",
    "ReminderSpec",
    "local_iso",
    "parse_reminder",
    "parse_reminder_list",
    "reminder_request_json",
    "rule_parts",
]

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_TEXT_CHARS = 250
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_ZONE = re.compile(r"[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+){0,2}")
_LOCALE = re.compile(r"[a-z]{2,3}-[A-Z]{2}")


@dataclass(frozen=True, slots=True)
class ReminderSpec:
    """A recurring reminder: ``text`` at local ``times`` ("HH:MM") on ``days`` (() = daily)."""

    text: str
    times: tuple[str, ...]
    days: tuple[str, ...] = ()
    time_zone: str | None = None
    push_notification: bool = True

    def __post_init__(self) -> None:
        text = " ".join(self.text.split())
        if not text or len(text) > MAX_TEXT_CHARS:
            raise ValueError(f"reminder text must be 1 to {MAX_TEXT_CHARS} characters")
        if not self.times or any(not _TIME.fullmatch(t) for t in self.times):
            raise ValueError("reminder times must be one or more 'HH:MM' (24-hour)")
        if any(day not in DAYS for day in self.days):
            raise ValueError(f"reminder days must be among {', '.join(DAYS)}")
        if self.time_zone is not None and not _ZONE.fullmatch(self.time_zone):
            raise ValueError("time zone must be an IANA id such as 'America/New_York'")
        days = () if set(self.days) == set(DAYS) else tuple(d for d in DAYS if d in self.days)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "times", tuple(sorted(set(self.times))))
        object.__setattr__(self, "days", days)

    @classmethod
    def daily(cls, text: str, time: str, time_zone: str | None = None) -> ReminderSpec:
        """A reminder every day at one local time."""
        return cls(text, (time,), (), time_zone)

    @property
    def rules(self) -> tuple[str, ...]:
        """The RFC 5545 rules Alexa reads, one per time of day."""
        freq = f"FREQ=WEEKLY;BYDAY={','.join(self.days)}" if self.days else "FREQ=DAILY"
        return tuple(
            f"{freq};BYHOUR={int(t[:2])};BYMINUTE={int(t[3:])};BYSECOND=0;INTERVAL=1;"
            for t in self.times
        )


def local_iso(moment: datetime) -> str:
    """ISO 8601 without an offset, to the millisecond, as the API's examples write times."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def _start_of_recurrence(now: datetime, time_zone: str | None) -> str:
    """Midnight starting the person's today; a day earlier when their zone is not known."""
    try:
        today = now.astimezone(ZoneInfo(time_zone)).date() if time_zone else None
    except (ZoneInfoNotFoundError, ValueError):
        today = None
    if today is None:  # never later than the person's today, whatever their offset
        today = (now - timedelta(days=1)).date()
    return f"{today.isoformat()}T00:00:00.000"


def reminder_request_json(spec: ReminderSpec, locale: str, now: datetime | None = None) -> dict:
    """The documented create-reminder body for ``spec``, spoken in ``locale`` (e.g. "en-US")."""
    if not _LOCALE.fullmatch(locale):
        raise ValueError("locale must look like 'en-US'")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    trigger: dict[str, Any] = {"type": "SCHEDULED_ABSOLUTE"}
    if spec.time_zone:
        trigger["timeZoneId"] = spec.time_zone
    trigger["recurrence"] = {
        "startDateTime": _start_of_recurrence(moment, spec.time_zone),
        "recurrenceRules": list(spec.rules),
    }
    content = {"locale": locale, "text": spec.text, "ssml": f"<speak>{escape(spec.text)}</speak>"}
    return {
        "requestTime": local_iso(moment),
        "trigger": trigger,
        "alertInfo": {"spokenInfo": {"content": [content]}},
        "pushNotification": {"status": "ENABLED" if spec.push_notification else "DISABLED"},
    }


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder as the API lists it: token, status, text and schedule."""

    alert_token: str
    status: str
    text: str
    times: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    recurring: bool = False
    next_trigger: datetime | None = None
    time_zone: str | None = None
    locale: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def active(self) -> bool:
        """Whether it will still go off (status ON)."""
        return self.status == "ON"

    @property
    def summary(self) -> str:
        """A short, language-neutral schedule for logs: "daily 07:00", "MO,WE 19:30", "once"."""
        if not self.recurring:
            return "once"
        when = " ".join(self.times) or "?"
        return f"{','.join(self.days) if self.days else 'daily'} {when}"


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time as the API writes it (naive local, or with Z); None when unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def rule_parts(rule: str) -> dict[str, str]:
    """The KEY=VALUE parts of an RFC 5545 rule such as "FREQ=DAILY;BYHOUR=7;"."""
    parts = (part.split("=", 1) for part in rule.split(";") if "=" in part)
    return {key.strip().upper(): value.strip() for key, value in parts}


def _schedule(trigger: dict) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Times ("HH:MM"), days (() = daily or once) and whether it recurs, from a trigger."""
    recurrence = _dict(trigger.get("recurrence"))
    scheduled = _parse_time(trigger.get("scheduledTime"))
    fallback = (f"{scheduled:%H:%M}",) if scheduled else ()
    rules = [r for r in recurrence.get("recurrenceRules") or () if isinstance(r, str)]
    if rules:
        times: set[str] = set()
        days: set[str] = set()
        for rule in rules:
            parts = rule_parts(rule)
            days.update(d for d in parts.get("BYDAY", "").split(",") if d in DAYS)
            hour, minute = parts.get("BYHOUR", ""), parts.get("BYMINUTE", "0")
            if hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60:
                times.add(f"{int(hour):02d}:{int(minute):02d}")
        ordered = tuple(d for d in DAYS if d in days and len(days) < len(DAYS))
        return tuple(sorted(times)) or fallback, ordered, True
    if recurrence.get("freq") in ("DAILY", "WEEKLY"):
        by_day = recurrence.get("byDay") or ()
        days = {d for d in by_day if d in DAYS} if recurrence.get("freq") == "WEEKLY" else set()
        return fallback, tuple(d for d in DAYS if d in days and len(days) < len(DAYS)), True
    return fallback, (), False


def parse_reminder(alert: Any) -> Reminder | None:
    """One alert of the list response; None when it has no usable ``alertToken``."""
    if not isinstance(alert, dict):
        return None
    token = alert.get("alertToken")
    if not isinstance(token, str) or not token.strip():
        return None
    trigger = _dict(alert.get("trigger"))
    spoken = _dict(_dict(alert.get("alertInfo")).get("spokenInfo"))
    contents = [c for c in spoken.get("content") or () if isinstance(c, dict)]
    content = next((c for c in contents if _str(c.get("text")).strip()), {})
    times, days, recurring = _schedule(trigger)
    return Reminder(
        alert_token=token,
        status=_str(alert.get("status")) or "UNKNOWN",
        text=_str(content.get("text")).strip(),
        times=times,
        days=days,
        recurring=recurring,
        next_trigger=_parse_time(trigger.get("scheduledTime")),
        time_zone=_str(trigger.get("timeZoneId")) or None,
        locale=_str(content.get("locale")),
        raw=alert,
    )


def parse_reminder_list(body: Any) -> list[Reminder] | None:
    """The reminders in a list response; None when the body is not the documented shape."""
    alerts = body.get("alerts") if isinstance(body, dict) else ()
    if alerts is None:  # no reminders may come as null
        alerts = []
    if not isinstance(alerts, list):
        return None
    parsed = (parse_reminder(alert) for alert in alerts)
    return [reminder for reminder in parsed if reminder is not None]
