"""The guided routine: 30-second holds, completed by voice, a countdown on screens."""

from __future__ import annotations

import json
import re

import pytest

from skill.dialogue.routine import steps
from skill.rules.content import ContentError, get_content, load_content
from skill.voice.hold import hold_ssml, seconds_to_say
from skill.voice.ssml import break_seconds, escape
from tests.alexa import Conversation, RequestFactory, speech_text

HOLD = get_content().stretches["hold"]
BREAK = re.compile(r'<break time="([^"]+)"\s*/>')
TAG = re.compile(r"<[^>]+>")


def hold_length(ssml: str, hold: dict, start: str) -> float:
    """Measure a hold in spoken SSML: breaks plus cue words between start and release cues."""
    after_start = ssml.split(escape(start), 1)[1]
    inside = after_start.split(escape(hold["release"]), 1)[0]
    silences = sum(break_seconds(value) for value in BREAK.findall(inside))
    return silences + seconds_to_say(TAG.sub(" ", inside), hold["words_per_minute"])


APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.2"}}}


def ssml_of(response: dict) -> str:
    return response["response"]["outputSpeech"]["ssml"]


def run_routine(conversation: Conversation) -> list[dict]:
    """Do the whole routine by voice, saying ready to hold and next between stretches."""
    holds = []
    response = conversation.say("StartStretchIntent")
    for _ in range(40):
        text = speech_text(response)
        if "whole routine" in text:
            return holds
        if "Say next" in text:
            response = conversation.say("AMAZON.NextIntent")
        else:
            response = conversation.say("ReadyIntent")
            holds.append(response)
    raise AssertionError("the routine never finished")


def test_the_whole_routine_completes_by_voice_on_both_feet(conversation):
    holds = run_routine(conversation)
    assert len(holds) == len(steps()) == 10
    sides = [step.side for step in steps()]
    assert sides == ["left", "right"] * 5
    last = speech_text(conversation.responses[-1])
    assert "whole routine" in last and "when to see a doctor" in last
    assert conversation.responses[-1]["response"]["shouldEndSession"] is False


def test_every_hold_of_the_routine_lasts_thirty_seconds(conversation):
    holds = run_routine(conversation)
    for step, response in zip(steps(), holds, strict=True):
        assert hold_length(ssml_of(response), HOLD, step.stretch.start) == pytest.approx(
            30, abs=0.5
        )


@pytest.mark.parametrize(
    ("ssml", "expected"),
    [
        (
            '<speak>Go. <break time="10s"/> <break time="10000ms"/> one two <break time="9.2s"/> '
            "And release.</speak>",
            30.0,
        ),
        ('<speak>Go. <break time="500ms"/> And release. <break time="10s"/></speak>', 0.5),
        ("<speak>Go. a b c d e And release.</speak>", 2.0),
    ],
)
def test_hold_length_counts_breaks_and_cue_words(ssml, expected):
    assert hold_length(ssml, HOLD, "Go.") == pytest.approx(expected)


def test_no_break_in_a_hold_is_longer_than_alexa_allows():
    ssml = hold_ssml({**HOLD, "cues": [], "seconds": 30}, "Hold.")
    assert ssml.count("<break") == 3
    assert hold_length(f"<speak>{ssml}</speak>", HOLD, "Hold.") == pytest.approx(30)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{at: 20, say: Ten more seconds.}", "{at: 10.5, say: Ten more seconds.}", "overlaps"),
        ("{at: 29, say: one}", "{at: 29.9, say: one more}", "runs past"),
    ],
)
def test_a_cue_schedule_that_cannot_fit_stops_start_up(tmp_path, old, new, message):
    import shutil

    from tests.test_content import ROOT

    folder = shutil.copytree(ROOT / "content", tmp_path / "content")
    path = folder / "stretches.yaml"
    path.write_text(path.read_text().replace(old, new))
    with pytest.raises(ContentError, match=message):
        load_content(folder)


def test_a_screen_device_shows_the_countdown(invoke):
    conversation = Conversation(invoke, RequestFactory(interfaces=APL))
    setup = conversation.say("StartStretchIntent")["response"]["directives"][0]
    assert setup["datasources"]["hold"]["seconds"] == 0
    assert setup["datasources"]["hold"]["prompt"] == 'Say "ready"'
    response = conversation.say("ReadyIntent")
    directives = response["response"]["directives"]
    assert [d["type"] for d in directives] == ["Alexa.Presentation.APL.RenderDocument"]
    hold = directives[0]["datasources"]["hold"]
    assert hold["seconds"] == 30 and "toe extension" in hold["title"]
    assert hold["startDelayMs"] > 0
    document = directives[0]["document"]
    assert document["type"] == "APL" and document["mainTemplate"]["parameters"] == ["hold"]
    bound = set(re.findall(r"hold\.(\w+)", json.dumps(document)))
    assert bound <= set(hold), "every field the document binds is in the data source"


@pytest.mark.parametrize("interfaces", [{}, {"Geolocation": {}}], ids=["show-without-apl", "voice"])
def test_devices_without_apl_get_no_directive(invoke, interfaces):
    conversation = Conversation(invoke, RequestFactory(interfaces=interfaces))
    assert "directives" not in conversation.say("StartStretchIntent")["response"]
    assert "directives" not in conversation.say("ReadyIntent")["response"]


ROUTINE_COMMANDS = [
    "ReadyIntent",
    "AMAZON.NextIntent",
    "AMAZON.PreviousIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent",
    "AMAZON.PauseIntent",
    "AMAZON.ResumeIntent",
    "AMAZON.HelpIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
]
STATES = {
    "set-up": ["StartStretchIntent"],
    "after-switch": ["StartStretchIntent", "ReadyIntent"],
    "between-stretches": ["StartStretchIntent", "ReadyIntent", "ReadyIntent"],
    "paused": ["StartStretchIntent", "AMAZON.PauseIntent"],
    "last-stretch": ["StartStretchIntent:FOOT_ROLL", "ReadyIntent"],
}


@pytest.mark.parametrize("command", ROUTINE_COMMANDS)
@pytest.mark.parametrize("state", sorted(STATES))
def test_every_command_in_every_state_answers_and_keeps_the_session(conversation, state, command):
    for intent in STATES[state]:
        name, _, stretch = intent.partition(":")
        conversation.say(name, **({"stretch": stretch} if stretch else {}))
    response = conversation.say(command)
    assert speech_text(response)
    assert response["response"]["shouldEndSession"] is False


@pytest.mark.parametrize("command", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
@pytest.mark.parametrize("state", sorted(STATES))
def test_stop_and_cancel_end_at_once_in_every_state(conversation, state, command):
    for intent in STATES[state]:
        name, _, stretch = intent.partition(":")
        conversation.say(name, **({"stretch": stretch} if stretch else {}))
    response = conversation.say(command)
    assert response["response"]["shouldEndSession"] is True
    assert len(speech_text(response).split()) <= 8
