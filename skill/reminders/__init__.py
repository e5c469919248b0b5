"""The Alexa Reminders API layer: ``client`` (a typed client), ``model`` (what a reminder is),
``errors``, ``permissions`` (the voice permission request), and ``fake`` (a local stand-in for the
simulator and the tests, not exported here).

Names are imported from their modules when first used, so that a turn that sets no reminder
loads none of this (it costs a Lambda cold start about 40 ms).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "REMINDERS_PATH": "client",
    "RemindersClient": "client",
    "Forbidden": "errors",
    "Invalid": "errors",
    "NoPermission": "errors",
    "NotFound": "errors",
    "RemindersError": "errors",
    "TooMany": "errors",
    "Unavailable": "errors",
    "DAYS": "model",
    "Reminder": "model",
    "ReminderSpec": "model",
    "reminder_request_json": "model",
    "REMINDERS_SCOPE": "permissions",
    "ask_for_reminders_directive": "permissions",
    "consent_card": "permissions",
    "permission_outcome": "permissions",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """A name of the layer, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'skill.reminders' has no attribute {name!r}")
    return getattr(import_module(f"skill.reminders.{home}"), name)
