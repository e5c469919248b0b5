"""Misheard words are repaired before reading, and only where they cannot mean anything else."""

from __future__ import annotations

import pytest

from skill.simulator.phonetic import sound
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
        ("my foot keeps achin", "my foot keeps aching"),
        ("remind me this evenin", "remind me this evening"),
        ("y y yes", "yes"),
        ("st st start the stretches", "start the stretches"),
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


@pytest.mark.parametrize(
    ("a", "b"),
    [("nekst", "next"), ("halp", "help"), ("rite", "right"), ("reepeat", "repeat"), ("kn", "n")],
)
def test_words_that_sound_alike_share_a_sound_key(a, b):
    assert sound(a) == sound(b)


@pytest.mark.parametrize(("a", "b"), [("toe", "towel"), ("next", "text"), ("stop", "sleep")])
def test_words_that_sound_different_do_not(a, b):
    assert sound(a) != sound(b)


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("dilute my data", "delete my data"),
        ("chuck my symptoms", "check my symptoms"),
        ("nekst", "next"),
        ("go bak", "go back"),
        ("ree peat", "repeat"),
    ],
)
def test_a_word_the_model_does_not_know_is_read_as_the_one_it_sounds_like_in_context(heard, meant):
    assert get_resolver().hearing.repair(heard) == meant


@pytest.mark.parametrize(
    "text", ["how far is the moon", "what's on the radio", "och i cannae move ma foot"]
)
def test_a_sound_alike_that_makes_no_sense_here_is_left_alone(text):
    assert get_resolver().hearing.repair(text) == text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("yes lah", "AMAZON.YesIntent"),
        ("yes po", "AMAZON.YesIntent"),
        ("abeg help me", "AMAZON.HelpIntent"),
        ("cancel po", "AMAZON.CancelIntent"),
        ("ready bru", "ReadyIntent"),
        ("ma'am what is the cause of twitching toes po", "TwitchCausesIntent"),
    ],
)
def test_words_that_only_soften_or_address_are_read_past(text, intent):
    assert resolve(text).intent == intent
