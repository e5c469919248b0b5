"""The faster request and response handling in skill.serializer gives what the SDK's would.

bench/bench_turn.py measures the speed; these tests hold the results to the SDK's own.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.builder import build_skill
from skill.serializer import FastSerializer, response_text
from tests.alexa import REAL_REQUESTS, RequestFactory
from tests.test_fuzz_envelopes import envelopes

SDK = DefaultSerializer()


def shape(value: Any) -> list[Any]:
    """A comparable picture of a deserialized value (walked without recursion: fuzzed
    envelopes nest deeper than Python's recursion limit): model classes, attributes, instants.
    """
    out: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if hasattr(type(item), "deserialized_types"):
            fields = vars(item)
            out.append((type(item).__name__, tuple(fields)))
            stack.extend(reversed(list(fields.values())))
        elif isinstance(item, dict):
            out.append(("dict", tuple(item)))
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list | tuple):
            out.append(("list", len(item)))
            stack.extend(reversed(item))
        elif isinstance(item, float) and math.isnan(item):
            out.append("NaN")
        elif isinstance(item, datetime):
            out.append(("datetime", item.timestamp() if item.tzinfo else item.isoformat()))
        elif isinstance(item, Enum):
            out.append((type(item).__name__, item.value))
        else:
            out.append((type(item).__name__, item))
    return out


def sdk_result(event: Any) -> Any:
    """What the SDK's own deserialization makes of the parsed event (its private method
    that ``deserialize`` calls after ``json.loads``: some fuzzed events nest too deep to dump).
    """
    try:
        return shape(SDK._DefaultSerializer__deserialize(event, RequestEnvelope))
    except (SerializationException, RecursionError) as failure:
        return type(failure)


def our_result(event: Any) -> Any:
    try:
        return shape(FastSerializer().deserialize_parsed(event, RequestEnvelope))
    except (SerializationException, RecursionError) as failure:
        return type(failure)


@pytest.mark.parametrize("name", sorted(path.name for path in REAL_REQUESTS.glob("*.json")))
def test_captured_requests_read_as_the_sdk_reads_them(name):
    event = json.loads((Path(REAL_REQUESTS) / name).read_text(encoding="utf-8"))
    assert our_result(event) == shape(SDK.deserialize(json.dumps(event), RequestEnvelope))


def test_two_thousand_hostile_envelopes_read_as_the_sdk_reads_them():
    differences = [
        event for event in envelopes(2_000, seed=15) if our_result(event) != sdk_result(event)
    ]
    assert differences == []


@pytest.mark.parametrize(
    "event",
    [
        {"request": "a string"},
        {"request": {"type": "NoSuchRequest"}},
        {"request": {}},
        {"request": {"type": "IntentRequest", "intent": ["not", "a", "dict"]}},
        {"request": {"type": "IntentRequest", "intent": {"slots": {"x": 5}}}},
        {"request": {"type": "LaunchRequest", "timestamp": "not a time"}},
        {"request": {"type": "LaunchRequest"}, "__class__": 1},
        {"request": {"type": "LaunchRequest"}, "session": {"attributes": [1, 2]}},
        {"request": {"type": "LaunchRequest"}, "context": "x"},
    ],
)
def test_malformed_envelopes_fail_or_read_as_with_the_sdk(event):
    assert our_result(event) == sdk_result(event)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2019-07-15T18:07:20Z", datetime(2019, 7, 15, 18, 7, 20, tzinfo=UTC)),
        ("2019-07-15T18:07:20.123Z", datetime(2019, 7, 15, 18, 7, 20, 123000, tzinfo=UTC)),
        (
            "2019-07-15T20:07:20+02:00",
            datetime(2019, 7, 15, 20, 7, 20, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("July 15 2019 18:07", datetime(2019, 7, 15, 18, 7)),  # not ISO: the SDK's parse
    ],
)
def test_timestamps_are_the_same_instants_as_the_sdk_reads(stamp, expected):
    ours = FastSerializer()._DefaultSerializer__deserialize_datetime(stamp, datetime)
    assert ours == expected
    assert ours == SDK._DefaultSerializer__deserialize_datetime(stamp, datetime)
    assert FastSerializer()._DefaultSerializer__deserialize_datetime(stamp, date) == expected.date()


def responses() -> list[Any]:
    """Response models of many kinds of turn: speech, cards, APL, state, an ended session."""
    skill = build_skill()
    person, screen = RequestFactory(), RequestFactory(interfaces={"Alexa.Presentation.APL": {}})
    requests = [person.envelope(person.launch(), {}, True)]
    for name, slots in [
        ("TwitchCausesIntent", None),
        ("CauseDetailIntent", {"cause": "STRESS_ANXIETY"}),
        ("SelfCareIntent", {"topic": "DIET"}),
        ("WhenToSeeDoctorIntent", None),
        ("AMAZON.HelpIntent", None),
        ("AMAZON.StopIntent", None),
        ("AMAZON.FallbackIntent", None),
    ]:
        requests.append(person.envelope(person.intent(name, slots), {}, False))
    for name in ("StartStretchIntent", "ReadyIntent"):
        requests.append(screen.envelope(screen.intent(name), {}, False))
    requests.append(person.envelope(person.session_ended(), {}, False))
    return [
        skill.invoke(SDK.deserialize(json.dumps(event), RequestEnvelope), None)
        for event in requests
    ]


def test_responses_are_written_as_the_sdk_writes_them():
    for response in responses():
        expected = json.dumps(SDK.serialize(response), allow_nan=False, separators=(",", ":"))
        assert response_text(response) == expected


@pytest.mark.parametrize("bad", [float("nan"), b"bytes", {1, 2}, object()])
def test_what_is_not_strict_json_is_refused(bad):
    with pytest.raises((TypeError, ValueError)):
        response_text({"version": "1.0", "sessionAttributes": {"x": bad}})
