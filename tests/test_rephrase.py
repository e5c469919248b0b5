"""How people put a request is read past: corrections, repeats, whose toe, a no with its reason."""

from __future__ import annotations

import pytest

from skill.simulator.explain import explain
from skill.simulator.rephrase import is_negated_no, rephrase
from skill.simulator.resolver import resolve


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("the wall one no wait the towel one", "the towel one"),
        ("stress no hang on i meant the vitamin one", "the vitamin one"),
        ("start over start over", "start over"),
        ("my husband's toe keeps twitching why", "my toe keeps twitching why"),
        ("why does her big toe jump", "why does my big toe jump"),
        ("what am i meant to say", "what am i meant to say"),
        ("my dog won't stop barking", "my dog won't stop barking"),
        ("it's a bit sore so it is", "it's a bit sore"),
        ("ask toe twitch helper why my toes are jumping", "why my toes are jumping"),
        ("cancel all my reminders from toe twitch helper", "cancel all my reminders"),
        ("okay alexa ask toe twitch helper why it jumps", "why it jumps"),
        ("ask toe switch helper why my toes are jumping", "why my toes are jumping"),
        ("remind mum to stretch at nine", "remind me to stretch at nine"),
        ("help my husband do his stretches", "help me do my stretches"),
        ("my wife's worried about my toe", "my wife's worried about my toe"),
        ("tell my dad about the stretches", "tell my dad about the stretches"),
    ],
)
def test_a_request_is_read_as_plainly_as_it_can_be(said, meant):
    assert rephrase(said, "toe twitch helper") == meant


@pytest.mark.parametrize(
    ("said", "negated"),
    [
        ("no i haven't had any numbness", True),
        ("no i don't want a reminder", True),
        ("nope not today", True),
        ("no not you alexa", False),
        ("now i don't know", False),
        ("nah it's only ever the one toe", True),
        ("no i can still walk fine", True),
        ("no my foot isn't cold", True),
        ("no it's my left foot", False),
    ],
)
def test_a_no_with_its_reason_is_a_no(said, negated):
    assert is_negated_no(said) is negated


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("the wall one no wait the towel one", "StartStretchIntent", {"stretch": "TOWEL_CALF"}),
        ("no i haven't had any numbness", "AMAZON.NoIntent", {}),
        ("no i can't move my foot", "ReportSymptomIntent", {"symptom": "SUDDEN_SEVERE"}),
        ("my husband's toe keeps twitching why", "TwitchCausesIntent", {}),
    ],
)
def test_the_resolver_reads_past_them(text, intent, slots):
    resolution = resolve(text)
    assert (resolution.intent, resolution.slot_ids) == (intent, slots)


def test_explain_shows_how_the_words_were_read():
    table = explain("abeg the wall one no wait the towel one")
    assert 'read as: "the towel one"' in table.splitlines()[1]
    assert table.splitlines()[-2].startswith("decision: StartStretchIntent")


def test_explain_names_a_no_said_with_its_reason():
    assert explain("no i haven't had any numbness").splitlines()[-1] == (
        "decision: AMAZON.NoIntent (accepted: (a no, with its reason after it))"
    )
