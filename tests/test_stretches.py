"""The guided routine: 30-second holds, completed by voice, a countdown on screens."""

from __future__ import annotations

import json
import re
from itertools import pairwise

import pytest

from skill.dialogue.routine import steps
from skill.rules.content import ContentError, get_content, load_content
from skill.voice.hold import hold_ssml, seconds_to_say
from skill.voice.ssml import break_seconds, escape
from tests.alexa import Conversation, RequestFactory, speech_text

HOLD = get_content().stretches["hold"]
BREAK = re.compile(r'<break time="([^"]+)"\s*/>')
AUDIO = re.compile(r'<audio src="([^"]+)"/>')
ALEXA_RATES = (140, 160, 180)
MAX_AUDIO_TAGS = 5


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
        if "say next" in text.lower():
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


def test_every_hold_is_marked_by_two_chimes_and_its_breaks_are_ones_alexa_allows(conversation):
    holds = run_routine(conversation)
    bodies = set()
    for step, response in zip(steps(), holds, strict=True):
        ssml = ssml_of(response)
        assert AUDIO.findall(ssml) == [HOLD["sounds"]["start"], HOLD["sounds"]["end"]]
        assert ssml.count("<audio") <= MAX_AUDIO_TAGS
        before, body, after = AUDIO.split(ssml)[0::2][:1] + AUDIO.split(ssml)[2:5:2]
        assert escape(step.stretch.start) in before and escape(HOLD["release"]) in after
        assert all(break_seconds(value) <= 10 for value in BREAK.findall(ssml))
        bodies.add(body)
    assert len(bodies) == 1, "every 30-second hold sounds the same between its chimes"


@pytest.mark.parametrize("rate", ALEXA_RATES)
def test_a_hold_rendered_by_espeak_lasts_thirty_seconds(conversation, rate):
    from bench.bench_hold import hold_length

    conversation.say("StartStretchIntent")
    ssml = ssml_of(conversation.say("ReadyIntent"))
    assert hold_length(ssml, rate) == pytest.approx(30, abs=0.5)


def test_holds_can_be_twenty_seconds_and_that_is_remembered(invoke):
    from bench.bench_hold import hold_length

    person = RequestFactory()
    first = Conversation(invoke, person)
    first.say("StartStretchIntent")
    changed = first.say("HoldLengthIntent", change="SHORTER")
    assert "20 seconds" in speech_text(changed) and "Say ready" in speech_text(changed)
    first.say("AMAZON.StopIntent")
    later = Conversation(invoke, person)
    later.say("StartStretchIntent")
    ssml = ssml_of(later.say("ReadyIntent"))
    assert hold_length(ssml, 160) == pytest.approx(20, abs=0.5)


@pytest.mark.parametrize("seconds", ["45", "0", "twelve", "99999999"])
def test_a_hold_length_the_skill_does_not_offer_gets_the_choices(conversation, seconds):
    conversation.say("StartStretchIntent")
    response = conversation.say("HoldLengthIntent", seconds={"value": seconds})
    assert "twenty or thirty seconds" in speech_text(response)
    assert conversation.attributes["question"] == "setup"


def test_a_returning_person_hears_a_short_set_up_and_can_ask_for_the_full_one(invoke):
    person = RequestFactory()
    first = Conversation(invoke, person)
    assert "pull your toes back" in speech_text(first.say("StartStretchIntent"))
    first.say("AMAZON.StopIntent")
    later = Conversation(invoke, person)
    later.launch()
    later.say("AMAZON.NoIntent")  # declines to pick up the saved place
    short = speech_text(later.say("StartStretchIntent"))
    assert short.startswith("Toe extension, left foot.") and len(short.split()) < 15
    explained = speech_text(later.say("ExplainStretchIntent"))
    assert "pull your toes back" in explained and "Say ready" in explained


def test_no_two_transitions_in_a_row_are_the_same(conversation):
    holds = run_routine(conversation)
    transitions = [
        speech_text(response).split("And release.")[1].strip() for response in holds[:-1]
    ]
    assert all(a != b for a, b in pairwise(transitions))
    assert len(set(transitions)) >= 4


def test_no_break_in_a_hold_is_longer_than_alexa_allows():
    ssml = hold_ssml({**HOLD, "cues": []}, "Hold.", 30)
    breaks = [break_seconds(value) for value in BREAK.findall(ssml)]
    assert breaks[:2] == [10, 5] and max(breaks) <= 10
    halfway = seconds_to_say(HOLD["halfway"], HOLD["speech"])
    assert sum(breaks) + halfway == pytest.approx(30, abs=0.002)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{remaining: 10, say: Ten seconds left.}", "{remaining: 3.5, say: Ten left.}", "overlaps"),
        ("{remaining: 1, say: one}", "{remaining: 0.5, say: one more time}", "runs past"),
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
