"""The Alexa Reminders API layer: a typed client, the voice permission, and a local fake.

``skill.reminders.fake`` is not imported here: it is for the simulator and the tests.
"""

from __future__ import annotations

from skill.reminders.client import REMINDERS_PATH, RemindersClient
from skill.reminders.errors import (
    Forbidden,
    Invalid,
    NoPermission,
    NotFound,
    RemindersError,
    TooMany,
    Unavailable,
)
from skill.reminders.model import DAYS, Reminder, ReminderSpec, reminder_request_json
from skill.reminders.permissions import (
    REMINDERS_SCOPE,
    ask_for_reminders_directive,
    consent_card,
    permission_outcome,
)

__all__ = [
    "DAYS",
    "REMINDERS_PATH",
    "REMINDERS_SCOPE",
    "Forbidden",
    "Invalid",
    "NoPermission",
    "NotFound",
    "Reminder",
    "ReminderSpec",
    "RemindersClient",
    "RemindersError",
    "TooMany",
    "Unavailable",
    "ask_for_reminders_directive",
    "consent_card",
    "permission_outcome",
    "reminder_request_json",
]
