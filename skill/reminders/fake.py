"""A local stand-in for the Alexa Reminders API, for the offline simulator and the tests.

:class:`FakeRemindersApi` plugs into a ``responses.RequestsMock`` and keeps reminders in memory
for the run. It answers as the real API is documented to: ``201`` with an ``alertToken`` for a
create, the list shape (``totalCount`` as a string, ``alerts``, ``links``), ``200`` or ``404`` for
a delete, ``401`` without the permission, ``400`` for a malformed body, and ``429`` past its
limit of reminders. The error codes in its bodies are its own, not copied from Alexa.
``responses`` is a test dependency; it is imported only by :meth:`FakeRemindersApi.activate`.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill.reminders.client import REMINDERS_PATH
from skill.reminders.model import DAYS, local_iso, rule_parts

if TYPE_CHECKING:
    import responses
    from requests import PreparedRequest

__all__ = ["FakeRemindersApi"]

_Answer = tuple[int, dict[str, str], str]
_JSON = {"Content-Type": "application/json"}
_NAIVE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?")
_START_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d{1,2}:\d\d(:\d\d(\.\d{1,3})?)?")


def _zone(name: Any) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _rule_ok(rule: Any) -> bool:
    """A daily or weekly rule at one hour and minute, as the client writes them."""
    if not isinstance(rule, str):
        return False
    parts = rule_parts(rule)
    hour, minute = parts.get("BYHOUR", ""), parts.get("BYMINUTE", "0")
    days = parts.get("BYDAY")
    return (
        parts.get("FREQ") in ("DAILY", "WEEKLY")
        and hour.isdigit()
        and int(hour) < 24
        and minute.isdigit()
        and int(minute) < 60
        and (days is None or all(day in DAYS for day in days.split(",")))
    )


def _content_problem(body: dict) -> str | None:
    info = body.get("alertInfo")
    spoken = info.get("spokenInfo") if isinstance(info, dict) else None
    content = spoken.get("content") if isinstance(spoken, dict) else None
    if not isinstance(content, list) or not content:
        return "INVALID_ALERT_INFO"
    for item in content:
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) and item[key].strip() for key in ("locale", "text")
        ):
            return "INVALID_ALERT_INFO"
    push = body.get("pushNotification", {"status": "ENABLED"})
    if not isinstance(push, dict) or push.get("status") not in ("ENABLED", "DISABLED"):
        return "INVALID_PUSH_NOTIFICATION"
    return None


def _trigger_problem(trigger: Any, now: datetime) -> str | None:
    if not isinstance(trigger, dict):
        return "INVALID_TRIGGER"
    zone = _zone(trigger.get("timeZoneId"))
    if zone is None:
        return "INVALID_TIME_ZONE"
    if trigger.get("type") == "SCHEDULED_RELATIVE":
        offset = trigger.get("offsetInSeconds")
        return None if isinstance(offset, int) and offset > 0 else "INVALID_TRIGGER_OFFSET"
    if trigger.get("type") != "SCHEDULED_ABSOLUTE":
        return "INVALID_TRIGGER_TYPE"
    recurrence = trigger.get("recurrence")
    if isinstance(recurrence, dict) and "recurrenceRules" in recurrence:
        rules = recurrence["recurrenceRules"]
        if not isinstance(rules, list) or not rules or not all(_rule_ok(r) for r in rules):
            return "INVALID_RECURRENCE"
        start = recurrence.get("startDateTime")
        if start is not None and not (isinstance(start, str) and _START_TIME.fullmatch(start)):
            return "INVALID_START_DATE_TIME"
        return None
    scheduled = trigger.get("scheduledTime")
    if not isinstance(scheduled, str) or not _NAIVE_TIME.fullmatch(scheduled):
        return "INVALID_SCHEDULED_TIME_FORMAT"  # the API wants local time without an offset
    if recurrence is None and datetime.fromisoformat(scheduled).replace(tzinfo=zone) <= now:
        return "PAST_SCHEDULED_TIME"
    return None


def _next_trigger(trigger: dict, now: datetime) -> str:
    """The local time the reminder goes off next, as the API lists it."""
    zone = _zone(trigger.get("timeZoneId")) or ZoneInfo("UTC")
    local_now = now.astimezone(zone)
    if trigger.get("type") == "SCHEDULED_RELATIVE":
        return local_iso(local_now + timedelta(seconds=trigger["offsetInSeconds"]))
    recurrence = trigger.get("recurrence") or {}
    candidates = []
    for rule in recurrence.get("recurrenceRules") or ():
        parts = rule_parts(rule)
        days = [d for d in parts.get("BYDAY", "").split(",") if d in DAYS] or DAYS
        at = time(int(parts["BYHOUR"]), int(parts.get("BYMINUTE", "0")))
        for ahead in range(8):
            day = local_now.date() + timedelta(days=ahead)
            moment = datetime.combine(day, at, zone)
            if DAYS[day.weekday()] in days and moment > local_now:
                candidates.append(moment)
                break
    if candidates:
        return local_iso(min(candidates))
    return str(trigger.get("scheduledTime"))


class FakeRemindersApi:
    """An in-memory Reminders API behind ``responses``; ``revoke()`` takes the permission away."""

    def __init__(
        self, granted: bool = True, limit: int = 30, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.granted = granted
        self.limit = limit
        self.outage: int | None = None  # a status every call answers with while set, e.g. 503
        self.reminders: dict[str, dict[str, Any]] = {}
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()

    def revoke(self) -> None:
        """Take the reminders permission away (as the person can in the Alexa app)."""
        self.granted = False

    def grant(self) -> None:
        """Give the reminders permission (as a granted AskFor does)."""
        self.granted = True

    def texts(self) -> list[str]:
        """The spoken text of every reminder kept, in the order they were made."""
        return [alert["alertInfo"]["spokenInfo"]["content"][0]["text"] for alert in self._alerts()]

    def install(self, mock: responses.RequestsMock, api_endpoint: str) -> None:
        """Answer the Reminders API at ``api_endpoint`` through ``mock``."""
        base = api_endpoint.rstrip("/") + REMINDERS_PATH
        one = re.compile(re.escape(base) + r"/([^/?#]+)$")
        mock.add_callback("POST", base, callback=self._create)
        mock.add_callback("GET", base, callback=self._list)
        mock.add_callback("GET", one, callback=self._get)
        mock.add_callback("DELETE", one, callback=self._delete)

    @contextmanager
    def activate(self, api_endpoint: str) -> Iterator[responses.RequestsMock]:
        """Intercept ``requests`` while the block runs, this fake answering at ``api_endpoint``."""
        import responses

        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            self.install(mock, api_endpoint)
            yield mock

    def _alerts(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.reminders.values())

    @staticmethod
    def _answer(status: int, body: Any = None) -> _Answer:
        return status, dict(_JSON), "" if body is None else json.dumps(body)

    def _refusal(self, request: PreparedRequest) -> _Answer | None:
        """The answer to a call that cannot go through (outage, no permission), if any."""
        if self.outage is not None:
            return self._answer(self.outage, {"code": "SERVICE_ERROR", "message": "fake outage"})
        auth = request.headers.get("Authorization", "")
        if not self.granted or not auth.startswith("Bearer ") or not auth[7:].strip():
            return self._answer(401, {"code": "UNAUTHORIZED", "message": "no reminders permission"})
        return None

    def _create(self, request: PreparedRequest) -> _Answer:
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        try:
            body = json.loads(request.body or b"")
        except ValueError:
            body = None
        now = self._clock()
        problem = "INVALID_REQUEST" if not isinstance(body, dict) else None
        if isinstance(body, dict) and not isinstance(body.get("requestTime"), str):
            problem = "INVALID_REQUEST_TIME"
        problem = problem or _content_problem(body) or _trigger_problem(body.get("trigger"), now)
        if problem:
            return self._answer(400, {"code": problem, "message": "invalid reminder"})
        with self._lock:
            if sum(a["status"] == "ON" for a in self.reminders.values()) >= self.limit:
                return self._answer(429, {"code": "MAX_REMINDERS_EXCEEDED", "message": "limit"})
            token = str(uuid.uuid4())
            stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            trigger = dict(body["trigger"], scheduledTime=_next_trigger(body["trigger"], now))
            self.reminders[token] = {
                "alertToken": token,
                "createdTime": stamp,
                "updatedTime": stamp,
                "trigger": trigger,
                "status": "ON",
                "alertInfo": body["alertInfo"],
                "pushNotification": body.get("pushNotification", {"status": "ENABLED"}),
                "version": "1",
            }
        created = {"alertToken": token, "createdTime": stamp, "updatedTime": stamp}
        created.update(status="ON", version="1", href=f"{REMINDERS_PATH}/{token}")
        return self._answer(201, created)

    def _list(self, request: PreparedRequest) -> _Answer:
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        alerts = self._alerts()
        return self._answer(200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None})

    def _token(self, request: PreparedRequest) -> str:
        return unquote((request.path_url or "").split("?", 1)[0].rsplit("/", 1)[-1])

    def _get(self, request: PreparedRequest) -> _Answer:
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        with self._lock:
            alert = self.reminders.get(self._token(request))
        if alert is None:
            return self._answer(404, {"code": "NOT_FOUND", "message": "no such reminder"})
        return self._answer(200, alert)

    def _delete(self, request: PreparedRequest) -> _Answer:
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        with self._lock:
            gone = self.reminders.pop(self._token(request), None)
        if gone is None:
            return self._answer(404, {"code": "NOT_FOUND", "message": "no such reminder"})
        return self._answer(200)
