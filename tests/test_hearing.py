"""Misheard words are repaired before reading, and only where they cannot mean anything else."""

from __future__ import annotations

import pytest

from skill.simulator.resolver import get_resolver, resolve


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("whyis my too twitching", "why is my toe twitching"),
        ("checkmy symptoms", "check my symptoms"),
        ("logatwitch in my right foot", "log a twitch in my right foot"),
        ("setareminder to drink water", "set a reminder to drink water"),
        ("do the some tom check", "do the symptom check"),
        ("when do i need to see a dock ter", "when do i need to see a doctor"),
        ("lock a twitch", "log a twitch"),
        ("im reddy", "im ready"),
        ("my big toad is jumping", "my big toe is jumping"),
        ("stretch my cafe", "stretch my calf"),
        ("why is my tow twitching", "why is my toe twitching"),
    ],
)
def test_misheard_words_are_put_right(heard, meant):
    assert get_resolver().hearing.repair(heard) == meant


@pytest.mark.parametrize(
    "text",
    [
        "me too",
        "that is too tight",
        "i have a toothache",
        "you're useless",
        "go ahead",
        "call a tow truck",
    ],
)
def test_words_that_mean_something_else_are_left_alone(text):
    assert get_resolver().hearing.repair(text) == text


@pytest.mark.parametrize(
    ("heard", "intent"),
    [
        ("whyis my too twitching", "TwitchCausesIntent"),
        ("checkmy symptoms", "SymptomCheckIntent"),
        ("when do i need to see a dock ter", "WhenToSeeDoctorIntent"),
    ],
)
def test_a_misheard_request_reaches_its_intent(heard, intent):
    assert resolve(heard).intent == intent
