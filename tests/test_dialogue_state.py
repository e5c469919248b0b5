"""The dialogue state read back from the client: validated, bounded, never trusted."""

from __future__ import annotations

import random

import pytest

from skill.builder import dialogue_limits
from skill.dialogue.state import (
    CheckPlace,
    DialogueState,
    Question,
    RoutinePlace,
    parse_state,
)
from skill.dialogue.table import INTENT_WORDS
from tests.alexa import speech_text

OWN_KEYS = {"question", "subject", "routine", "check", "advised", "said"}
LIMITS = dialogue_limits()


def test_a_state_survives_the_round_trip():
    state = DialogueState(
        Question.CHECK,
        "",
        RoutinePlace(3, Question.PAUSED),
        CheckPlace(2, ("no", None, "unsure"), ("PAIN",)),
        advised=True,
    ).having_said("<speak>Hi?</speak>", "<speak>Hi?</speak>")
    again = parse_state(state.to_attributes(), LIMITS)
    assert again == state and again.said == state.said


@pytest.mark.parametrize(
    "attributes",
    [
        None,
        [],
        "menu",
        {},
        {"question": 7},
        {"question": "menu", "routine": {"step": True, "stage": "setup"}},
        {"question": "menu", "routine": {"step": 99, "stage": "setup"}},
        {"question": "menu", "routine": {"step": 1, "stage": "finished"}},
        {"question": "menu", "check": {"index": 0, "answers": ["maybe"]}},
        {"question": "menu", "check": {"index": 0, "answers": [None] * 40}},
        {"question": "menu", "check": {"index": 0, "reported": ["HEADACHE"]}},
        {"question": "menu", "subject": "x" * 5000},
        {"question": "menu", "said": {"speech": "<speak>a</speak>" * 2000, "reprompt": ""}},
        {"question": "menu", "advised": "yes"},
    ],
)
def test_unsound_parts_read_as_no_state(attributes):
    state = parse_state(attributes, LIMITS)
    assert state.routine is None and state.check is None and state.said is None
    assert state.advised is False and state.subject == ""


@pytest.mark.parametrize(
    "attributes",
    [
        {"question": "teleport"},
        {"question": "setup"},
        {"question": "check"},
        {"question": "check", "check": {"index": 12}},
    ],
)
def test_a_state_the_table_does_not_know_goes_back_to_the_menu_with_a_note(
    conversation, attributes
):
    conversation.attributes, conversation.new = attributes, False
    response = conversation.say("AMAZON.YesIntent")
    assert "lost my place" in speech_text(response)
    assert response["sessionAttributes"]["question"] == "menu"
    assert "routine" not in response["sessionAttributes"]


def test_a_stale_routine_place_is_not_resurrected_after_it_finished(conversation):
    conversation.attributes, conversation.new = {"question": "finished"}, False
    response = conversation.say("AMAZON.NextIntent")
    assert "finished the stretches" in speech_text(response)
    assert "routine" not in response["sessionAttributes"]


def test_replayed_speech_is_checked_before_it_is_said_again(conversation):
    forged = {"speech": '<speak><audio src="https://evil.example/x.mp3"/></speak>', "reprompt": "x"}
    conversation.attributes, conversation.new = (
        {"question": "tip", "subject": "DIET", "said": forged},
        False,
    )
    response = conversation.say("AMAZON.RepeatIntent")
    assert "evil" not in str(response) and "haven't said anything" in speech_text(response)
    assert "Shall I go on to" not in speech_text(response)
    assert "shoes" in speech_text(conversation.say("AMAZON.YesIntent")).lower()


def _junk(rng: random.Random, depth: int = 0):
    choices = [
        lambda: rng.choice(list(Question)).value,
        lambda: rng.randint(-5, 50),
        lambda: rng.choice([True, False, None, 1.5, float("inf")]),
        lambda: rng.choice(["", "DIET", "MEDICATION", "<speak>", "x" * 300, "yes", "setup"]),
    ]
    if depth < 3:
        choices.append(lambda: [_junk(rng, depth + 1) for _ in range(rng.randint(0, 4))])
        choices.append(
            lambda: {
                k: _junk(rng, depth + 1)
                for k in rng.sample(
                    sorted(
                        OWN_KEYS
                        | {"step", "stage", "index", "answers", "reported", "speech", "reprompt"}
                    ),
                    rng.randint(0, 4),
                )
            }
        )
    return rng.choice(choices)()


def forged_attributes(rng: random.Random) -> dict:
    """Session attributes a client might send back: the skill's keys with wrong or odd values."""
    attributes = {key: _junk(rng) for key in rng.sample(sorted(OWN_KEYS), rng.randint(1, 6))}
    if rng.random() < 0.3:
        attributes["question"] = rng.choice(list(Question)).value
    if rng.random() < 0.3:
        attributes["routine"] = {
            "step": rng.randint(-1, 11),
            "stage": rng.choice(["setup", "paused", "x"]),
        }
    if rng.random() < 0.3:
        attributes["check"] = {
            "index": rng.randint(-1, 6),
            "answers": [rng.choice(["yes", "no", None]) for _ in range(rng.randint(0, 7))],
        }
    return attributes


def test_forged_attributes_never_raise_and_never_come_back(conversation):
    rng = random.Random(20261130)
    words = [*INTENT_WORDS, "TwitchCausesIntent", "SymptomCheckIntent", "StartStretchIntent"]
    for _ in range(600):
        conversation.attributes, conversation.new = forged_attributes(rng), False
        response = conversation.say(rng.choice(words))
        assert "went wrong" not in speech_text(response)
        assert set(response.get("sessionAttributes") or {}) <= OWN_KEYS
