"""Hostile envelopes, made from real ones: every answer is one Alexa accepts, or a 4xx.

A fixed seed makes the same envelopes every run. Each starts as a captured request or one the
factory builds, then gets one to three mutations: hostile session attributes of every type and
size (NaN, huge strings, deep nesting, the skill's own keys with wrong values), a field of the
wrong type or missing anywhere, unknown request types, odd intents and slots, and keys that
collide with the SDK's model attributes.
"""

from __future__ import annotations

import functools
import itertools
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skill.builder import MAX_RESPONSE_BYTES, handle_event
from skill.hosting.web import create_app
from skill.voice.ssml import check_response
from tests.alexa import REAL_REQUESTS, RequestFactory

SEED = 20_260_601
ENVELOPES = 10_000
WEB_SAMPLE = 25  # every 25th envelope also goes through POST /alexa
OWN_KEYS = {"question", "subject", "routine", "check", "advised", "said"}
MODEL = Path(__file__).resolve().parents[1] / "interaction_model/interactionModels/custom"
LANGUAGE_MODEL = json.loads((MODEL / "en-US.json").read_text())["interactionModel"]["languageModel"]
INTENTS = [intent["name"] for intent in LANGUAGE_MODEL["intents"]]
SLOTS = {"cause": "CAFFEINE", "topic": "diet", "symptom": "spreading", "foot": "left"}
REQUEST_TYPES = [
    "LaunchRequest",
    "IntentRequest",
    "SessionEndedRequest",
    "CanFulfillIntentRequest",
    "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.SkillDisabled",
    "Connections.Response",
    "Alexa.Presentation.APL.UserEvent",
    "Display.ElementSelected",
    "System.ExceptionEncountered",
    "Alexa.Something.NewerThanTheSdk",
]
SDK_NAMES = ("object_type", "deserialized_types", "attribute_map", "to_dict", "__class__", "type")


SHARED: set[int] = set()  # ids of the values made once: mutations must not walk into them


@functools.cache
def deep(depth: int, variant: int) -> Any:
    """A value nested ``depth`` deep, built without recursion (made once, shared, never changed)."""
    rng = random.Random(variant)
    value: Any = [1, "x", None, float("nan")][variant]
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"k": value}
    SHARED.add(id(value))
    return value


@functools.cache
def big(kind: str, size: int) -> Any:
    """A wide list or dict (made once, shared, never changed)."""
    value = list(range(size)) if kind == "list" else {f"key{n}": n for n in range(size)}
    SHARED.add(id(value))
    return value


def hostile(rng: random.Random, room: int = 2) -> Any:
    """A value of any JSON type (and NaN, infinities, huge and odd text), sometimes nested."""
    pick = rng.randrange(16)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, -1, 2**31, 2**64, -(10**30), 10**300])
    if pick == 3:
        return rng.choice([float("nan"), float("inf"), float("-inf"), -0.0, 1e308, 5e-324])
    if pick == 4:
        return rng.choice(["", " ", "menu", "cause", "setup", "check", "yes", "\x00", "null"])
    if pick == 5:
        return "".join(rng.choice("a<&>\"'\\\n\r\t\u202e\ud800\U0001f9b6 é") for _ in range(40))
    if pick == 6:
        return rng.choice(["x", "<speak>", "é", "\U0001f9b6"]) * rng.choice([100, 9_000, 60_000])
    if pick == 7:
        return deep(rng.choice([5, 40, 200, 900, 3_000]), rng.randrange(4))
    if pick == 8:
        return [hostile(rng, room - 1) for _ in range(rng.randrange(4))] if room else []
    if pick == 9:
        return {k: hostile(rng, room - 1) for k in rng.sample(sorted(OWN_KEYS), 2)} if room else {}
    if pick == 10:
        return big("list", rng.choice([10, 5_000]))
    if pick == 11:
        return {"speech": hostile(rng, 0), "reprompt": hostile(rng, 0)}
    if pick == 12:
        return {"step": hostile(rng, 0), "stage": rng.choice(["setup", "between", "paused", 3])}
    if pick == 13:
        return {"index": rng.choice([0, 1, -1, 99, 1.0, True]), "answers": hostile(rng, 0)}
    if pick == 14:
        return rng.choice([*REQUEST_TYPES, *INTENTS])
    return big("dict", rng.choice([3, 2_000]))


def hostile_attributes(rng: random.Random) -> Any:
    """Session attributes: own keys with wrong values, foreign keys, or not a dict at all."""
    if rng.random() < 0.1:
        return hostile(rng)
    keys = rng.sample(sorted(OWN_KEYS), rng.randrange(1, 4))
    if rng.random() < 0.3:
        keys.append(rng.choice(["_JOVO_STATE_", "level", "", "\ud800", "x" * 5_000]))
    return {key: hostile(rng) for key in keys}


def paths(envelope: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Key paths into an envelope's dicts and lists, walked without recursion, up to 8 deep."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(envelope, ())]
    while stack:
        value, prefix = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in itertools.islice(items, 50):
            found.append((*prefix, key))
            if isinstance(child, dict | list) and len(prefix) < 8 and id(child) not in SHARED:
                stack.append((child, (*prefix, key)))
    return found


def container(envelope: dict[str, Any], path: tuple[Any, ...]) -> Any:
    """The dict or list holding the last key of ``path``."""
    for key in path[:-1]:
        envelope = envelope[key]
    return envelope


def replace_any(envelope: dict[str, Any], rng: random.Random) -> None:
    """A field anywhere gets a value of the wrong type."""
    path = rng.choice(paths(envelope))
    container(envelope, path)[path[-1]] = hostile(rng)


def drop_any(envelope: dict[str, Any], rng: random.Random) -> None:
    """A field anywhere goes missing."""
    path = rng.choice(paths(envelope))
    parent = container(envelope, path)
    del parent[path[-1]]


def attributes(envelope: dict[str, Any], rng: random.Random) -> None:
    """Hostile session attributes (the most forged part of a real request)."""
    if isinstance(envelope.get("session"), dict):
        envelope["session"]["attributes"] = hostile_attributes(rng)


def request_type(envelope: dict[str, Any], rng: random.Random) -> None:
    """Another request type, known to Alexa or not."""
    envelope["request"]["type"] = rng.choice([*REQUEST_TYPES, hostile(rng)])


def odd_intent(envelope: dict[str, Any], rng: random.Random) -> None:
    """An IntentRequest with no intent, or an intent or its slots of odd shapes."""
    request = envelope["request"]
    request["type"] = "IntentRequest"
    shape = rng.randrange(6)
    if shape == 0:
        request.pop("intent", None)
    elif shape == 1:
        request["intent"] = hostile(rng)
    elif shape == 2:
        request["intent"] = {"name": hostile(rng), "slots": hostile(rng)}
    else:
        name, slot = rng.choice(INTENTS), rng.choice(sorted(SLOTS))
        spec = rng.choice(
            [
                {"name": slot, "value": hostile(rng)},
                {"name": slot, "resolutions": hostile(rng)},
                {"name": slot, "resolutions": {"resolutionsPerAuthority": [hostile(rng)]}},
                {"name": slot, "slotValue": {"type": "List", "values": hostile(rng)}},
                hostile(rng),
            ]
        )
        request["intent"] = {"name": name, "confirmationStatus": "NONE", "slots": {slot: spec}}


def sdk_names(envelope: dict[str, Any], rng: random.Random) -> None:
    """Keys that collide with the SDK's model attributes, in the request or the session."""
    part = envelope.get(rng.choice(["request", "session", "context"]))
    if isinstance(part, dict):
        part[rng.choice(SDK_NAMES)] = hostile(rng)


MUTATIONS: tuple[Callable[[dict[str, Any], random.Random], None], ...] = (
    attributes,
    attributes,
    replace_any,
    drop_any,
    request_type,
    odd_intent,
    odd_intent,
    sdk_names,
)


def bases() -> list[str]:
    """Captured requests and factory-made ones for every intent, as JSON text to copy from."""
    found = [path.read_text(encoding="utf-8") for path in sorted(REAL_REQUESTS.glob("*.json"))]
    factory = RequestFactory()
    requests = [factory.launch(), factory.session_ended(), {"type": "AlexaSkillEvent.SkillEnabled"}]
    requests += [factory.intent(name) for name in INTENTS]
    requests += [
        factory.intent(name, {slot: value})
        for slot, value in SLOTS.items()
        for name in ("CauseDetailIntent", "SelfCareIntent", "ReportSymptomIntent")
    ]
    for request in requests:
        found.append(json.dumps(factory.envelope(request, {}, False)))
    return found


def envelopes(count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``count`` mutated envelopes, the same for the same seed."""
    rng = random.Random(seed)
    texts = bases()
    made = []
    for _ in range(count):
        envelope = json.loads(rng.choice(texts))
        for mutate in rng.sample(MUTATIONS, rng.randrange(1, 4)):
            if isinstance(envelope.get("request"), dict):
                mutate(envelope, rng)
        made.append(envelope)
    return made


def assert_alexa_answer(answer: Any) -> None:
    """A response envelope Alexa accepts: strict JSON, under 24 KB, speakable, own keys only."""
    text = json.dumps(answer, allow_nan=False, separators=(",", ":"))
    assert len(text) <= MAX_RESPONSE_BYTES
    assert answer["version"] == "1.0" and isinstance(answer["response"], dict)
    check_response(answer)
    assert set(answer.get("sessionAttributes") or {}) <= OWN_KEYS


@pytest.fixture(scope="module")
def made() -> list[dict[str, Any]]:
    """The fuzzed envelopes, made once for the module."""
    return envelopes(ENVELOPES)


def test_every_envelope_gets_an_answer_alexa_accepts(made, skill_with_storage):
    kinds = set()
    for envelope in made:
        assert_alexa_answer(handle_event(envelope, skill_with_storage))
        request = envelope.get("request")
        kinds.add(type(request.get("type") if isinstance(request, dict) else request).__name__)
    assert len(made) >= 10_000 and kinds >= {"str", "NoneType", "int"}


def _strict(text: bytes) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(name)

    return json.loads(text, parse_constant=refuse)


def test_a_sample_through_the_web_host_is_answered_or_refused_never_a_5xx(made, tmp_path):
    app = create_app(
        {"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False, "DATABASE": str(tmp_path / "f")}
    )
    client, statuses = app.test_client(), []
    for envelope in made[::WEB_SAMPLE]:
        try:
            body = json.dumps(envelope).encode("utf-8", "surrogatepass")
        except (ValueError, RecursionError):
            continue  # a value JSON cannot hold (a 301-digit number is fine; 3,000 deep is not)
        response = client.post("/alexa", data=body, content_type="application/json")
        statuses.append(response.status_code)
        answer = _strict(response.data)
        if response.status_code == 200:
            assert_alexa_answer(answer)
        else:
            assert 400 <= response.status_code < 500 and set(answer) == {"error"}
    assert len(statuses) >= ENVELOPES // WEB_SAMPLE // 2 and statuses.count(200) > len(statuses) / 3
