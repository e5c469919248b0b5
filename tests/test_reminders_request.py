"""The create-reminder body: what a ReminderSpec becomes, against the documented example."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.services.reminder_management import Trigger, TriggerType

from skill.reminders import ReminderSpec, reminder_request_json
from tests.reminder_documents import DOCUMENTED_CREATE

MONDAY_NOON = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)
STRETCH = ReminderSpec.daily("Time to stretch your feet and calves.", "19:00")


def test_the_request_has_the_documented_shape() -> None:
    body = reminder_request_json(STRETCH, "en-GB", now=MONDAY_NOON)
    assert body.keys() == DOCUMENTED_CREATE.keys()
    assert body["trigger"]["type"] == "SCHEDULED_ABSOLUTE"
    assert body["alertInfo"]["spokenInfo"]["content"] == [
        {
            "locale": "en-GB",
            "text": "Time to stretch your feet and calves.",
            "ssml": "<speak>Time to stretch your feet and calves.</speak>",
        }
    ]
    assert body["pushNotification"] == DOCUMENTED_CREATE["pushNotification"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}", body["requestTime"])


def test_a_daily_reminder_leaves_the_time_zone_to_alexa() -> None:
    trigger = reminder_request_json(STRETCH, "en-US", now=MONDAY_NOON)["trigger"]
    assert trigger == {
        "type": "SCHEDULED_ABSOLUTE",
        "recurrence": {
            "startDateTime": "2024-05-05T00:00:00.000",  # never after the person's today
            "recurrenceRules": ["FREQ=DAILY;BYHOUR=19;BYMINUTE=0;BYSECOND=0;INTERVAL=1;"],
        },
    }


def test_chosen_days_and_two_times_make_one_reminder_in_a_known_zone() -> None:
    spec = ReminderSpec("Drink water", ("15:00", "10:05"), ("WE", "MO"), "America/New_York")
    trigger = reminder_request_json(spec, "en-US", now=MONDAY_NOON)["trigger"]
    assert trigger["timeZoneId"] == "America/New_York"
    assert trigger["recurrence"] == {
        "startDateTime": "2024-05-06T00:00:00.000",
        "recurrenceRules": [
            "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=10;BYMINUTE=5;BYSECOND=0;INTERVAL=1;",
            "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=15;BYMINUTE=0;BYSECOND=0;INTERVAL=1;",
        ],
    }


def test_the_sdk_trigger_model_reads_our_trigger() -> None:
    spec = ReminderSpec("Stretch", ("07:30",), ("SA",), "Europe/London")
    trigger = reminder_request_json(spec, "en-GB", now=MONDAY_NOON)["trigger"]
    model = DefaultSerializer().deserialize(json.dumps(trigger), Trigger)
    assert model.object_type == TriggerType.SCHEDULED_ABSOLUTE
    assert model.time_zone_id == "Europe/London"
    assert model.recurrence.recurrence_rules == list(spec.rules)


def test_speech_is_escaped_and_push_can_be_off() -> None:
    spec = ReminderSpec("Stretch  &  sip <water>", ("08:00",), push_notification=False)
    body = reminder_request_json(spec, "en-US")
    assert body["alertInfo"]["spokenInfo"]["content"][0]["text"] == "Stretch & sip <water>"
    assert body["alertInfo"]["spokenInfo"]["content"][0]["ssml"] == (
        "<speak>Stretch &amp; sip &lt;water&gt;</speak>"
    )
    assert body["pushNotification"] == {"status": "DISABLED"}


def test_every_day_of_the_week_is_daily() -> None:
    spec = ReminderSpec("Stretch", ("07:00",), ("SU", "MO", "TU", "WE", "TH", "FR", "SA"))
    assert spec.days == ()
    assert spec.rules[0].startswith("FREQ=DAILY;")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": " ", "times": ("07:00",)},
        {"text": "x" * 251, "times": ("07:00",)},
        {"text": "Stretch", "times": ()},
        {"text": "Stretch", "times": ("24:00",)},
        {"text": "Stretch", "times": ("7pm",)},
        {"text": "Stretch", "times": ("half past banana",)},
        {"text": "Stretch", "times": ("07:00",), "days": ("MONDAY",)},
        {"text": "Stretch", "times": ("07:00",), "time_zone": "EST; DROP"},
    ],
)
def test_a_spec_alexa_could_not_schedule_is_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        ReminderSpec(**kwargs)


def test_a_malformed_locale_is_refused() -> None:
    with pytest.raises(ValueError):
        reminder_request_json(STRETCH, "english")
