"""Typed failures of the Alexa Reminders API, and the mapping from an HTTP answer to one.

Every failure is a :class:`RemindersError` whose ``str()`` is a short reason for logs: the
operation, the HTTP status and the API's error code, never the access token or the API's free
text. ``maybe_created`` is true only where a create may have reached the server although the
caller got no token (a timeout or broken connection after sending, an ambiguous 5xx, an
unreadable success): :meth:`skill.reminders.client.RemindersClient.find_by_text` finds it then.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "Forbidden",
    "Invalid",
    "NoPermission",
    "NotFound",
    "RemindersError",
    "TooMany",
    "Unavailable",
    "error_for_status",
]

_CODE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_LIMIT_WORDS = ("MAX_REMINDER", "MAX_ALERT", "LIMIT", "TOO_MANY_REMINDERS", "QUOTA")
_PERMISSION_WORDS = ("PERMISSION", "CONSENT", "NOT_AUTHORIZED", "UNAUTHORIZED")
# A create answered with these may still have been carried out before the failure.
_AMBIGUOUS_5XX = frozenset({500, 502, 504})


class RemindersError(Exception):
    """A Reminders API call failed; ``str(error)`` is a short reason, safe to log."""

    def __init__(
        self,
        reason: str,
        *,
        status: int | None = None,
        code: str | None = None,
        maybe_created: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.code = code
        self.maybe_created = maybe_created


class NoPermission(RemindersError):
    """The person has not granted (or has revoked) the reminders permission: 401, or such a 403."""


class Forbidden(RemindersError):
    """The API refused the call for another reason (403): a device or account that cannot."""


class NotFound(RemindersError):
    """No such reminder (404): it is already gone."""


class TooMany(RemindersError):
    """Throttled (429) or at the API's limit of reminders; ``limit_reached`` tells which."""

    def __init__(self, reason: str, *, limit_reached: bool = False, **kwargs: Any) -> None:
        super().__init__(reason, **kwargs)
        self.limit_reached = limit_reached


class Unavailable(RemindersError):
    """The API did not answer usefully: 5xx, a timeout, no connection, or unreadable JSON."""


class Invalid(RemindersError):
    """The API rejected the request as malformed (400 and other 4xx, 409 included)."""


def _safe_code(body: Any) -> str | None:
    """The API's error ``code`` when it is a plain identifier; anything else is dropped."""
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) and _CODE.fullmatch(code) else None


def _mentions(body: Any, code: str | None, words: tuple[str, ...]) -> bool:
    """Whether the error code or message names one of ``words`` (case-insensitive)."""
    message = body.get("message") if isinstance(body, dict) else None
    text = f"{code or ''} {message if isinstance(message, str) else ''}".upper()
    return any(word in text or word.replace("_", " ") in text for word in words)


def error_for_status(operation: str, status: int, body: Any = None) -> RemindersError:
    """The typed error for an unsuccessful HTTP answer to ``operation`` (JSON ``body`` if any)."""
    code = _safe_code(body)
    reason = f"{operation}: HTTP {status}" + (f" {code}" if code else "")
    fields: dict[str, Any] = {"status": status, "code": code}
    if 400 <= status < 500 and status != 408 and _mentions(body, code, _LIMIT_WORDS):
        return TooMany(reason, limit_reached=True, **fields)
    if status == 401:
        return NoPermission(reason, **fields)
    if status == 403:
        if _mentions(body, code, _PERMISSION_WORDS):
            return NoPermission(reason, **fields)
        return Forbidden(reason, **fields)
    if status == 404:
        return NotFound(reason, **fields)
    if status == 429:
        return TooMany(reason, limit_reached=False, **fields)
    if status == 408:
        return Unavailable(reason, maybe_created=operation == "create", **fields)
    if 400 <= status < 500:
        return Invalid(reason, **fields)
    ambiguous = operation == "create" and status in _AMBIGUOUS_5XX
    return Unavailable(reason, maybe_created=ambiguous, **fields)
