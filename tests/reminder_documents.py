"""Reminders API JSON as Alexa's reference documents it, shared by the reminders tests."""

from __future__ import annotations

from typing import Any

# The create body of Alexa's reminders reference (its SCHEDULED_ABSOLUTE example).
DOCUMENTED_CREATE: dict[str, Any] = {
    "requestTime": "2019-09-22T19:04:00.672",
    "trigger": {
        "type": "SCHEDULED_ABSOLUTE",
        "scheduledTime": "2019-09-22T19:00:00.000",
        "timeZoneId": "America/Los_Angeles",
        "recurrence": {"freq": "WEEKLY", "byDay": ["MO"]},
    },
    "alertInfo": {"spokenInfo": {"content": [{"locale": "en-US", "text": "walk the dog"}]}},
    "pushNotification": {"status": "ENABLED"},
}


def alert(token: str, trigger: dict, text: str = "walk the dog", status: str = "ON") -> dict:
    """One alert of a list response, in the documented shape."""
    return {
        "alertToken": token,
        "createdTime": "2018-11-04T08:05:44.568Z",
        "updatedTime": "2018-11-04T08:05:44.943Z",
        "trigger": trigger,
        "status": status,
        "alertInfo": {"spokenInfo": {"content": [{"locale": "", "text": text, "ssml": ""}]}},
        "pushNotification": {"status": "ENABLED"},
        "version": "2",
    }


DOCUMENTED_LIST: dict[str, Any] = {
    "totalCount": "3",
    "alerts": [
        alert(
            "79559745-635b-44cb-ba9d-9f364d41600d",
            {
                "type": "SCHEDULED_RELATIVE",
                "scheduledTime": "2018-11-04T20:05:44.327",
                "timeZoneId": "Europe/London",
                "offsetInSeconds": 43200,
                "recurrence": None,
            },
        ),
        alert(
            "weekly-legacy",
            DOCUMENTED_CREATE["trigger"],
            "Stretch",
            "COMPLETED",
        ),
        alert(
            "water",
            {
                "type": "SCHEDULED_ABSOLUTE",
                "scheduledTime": "2024-05-07T10:00:00.000",
                "recurrence": {
                    "startDateTime": "2024-05-06T00:00:00.000",
                    "recurrenceRules": [
                        "FREQ=DAILY;BYHOUR=15;BYMINUTE=0;BYSECOND=0;INTERVAL=1;",
                        "FREQ=DAILY;BYHOUR=10;BYMINUTE=0;BYSECOND=0;INTERVAL=1;",
                    ],
                },
            },
            "Drink  a glass of WATER",
        ),
    ],
    "links": None,
}
