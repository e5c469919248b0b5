"""Warning signs are caught whatever the conversation was doing; emergencies come first."""

from __future__ import annotations

import json

import pytest

from skill.rules.triage import EMERGENCY_SIGNS, WARNING_SIGNS
from tests.alexa import Conversation, RequestFactory, reprompt_text, speech_text
from tests.test_model import TYPES

PHRASES = {
    value["id"]: [value["name"]["value"], *value["name"]["synonyms"]]
    for value in TYPES["SymptomType"]["values"]
}

# How to get into each state of the dialogue before the symptom is mentioned.
STATES = {
    "one-shot": [],
    "after-launch": ["LaunchRequest"],
    "mid-stretch": ["StartStretchIntent", "ReadyIntent"],
    "mid-check": ["SymptomCheckIntent", "AMAZON.NoIntent"],
    "mid-causes": ["TwitchCausesIntent"],
    "mid-doctor-advice": ["WhenToSeeDoctorIntent"],
}


def enter(conversation: Conversation, state: str) -> None:
    for step in STATES[state]:
        if step == "LaunchRequest":
            conversation.launch()
        else:
            conversation.say(step)


def report(conversation: Conversation, sign: str, phrase: str) -> dict:
    return conversation.say("ReportSymptomIntent", symptom={"value": phrase, "id": sign})


def test_every_sign_can_be_said_in_at_least_two_ways():
    assert set(PHRASES) == WARNING_SIGNS | EMERGENCY_SIGNS
    assert all(len(phrases) >= 2 for phrases in PHRASES.values())


@pytest.mark.parametrize("state", sorted(STATES))
@pytest.mark.parametrize("sign", sorted(WARNING_SIGNS))
def test_a_warning_sign_leads_to_medical_care_from_every_state(conversation, state, sign):
    enter(conversation, state)
    for phrase in PHRASES[sign][:2]:
        response = report(conversation, sign, phrase)
        speech = speech_text(response)
        assert "see a healthcare provider" in speech
        assert "nerve conduction" in speech and "blood tests" in speech
        assert response["response"]["shouldEndSession"] is False


@pytest.mark.parametrize("state", sorted(STATES))
def test_the_person_can_return_to_what_they_were_doing(conversation, state):
    enter(conversation, state)
    response = report(conversation, "NUMBNESS", "numb")
    if state == "mid-stretch":
        assert "get back to your stretches" in reprompt_text(response)
        assert "Back to your stretches" in speech_text(conversation.say("AMAZON.ResumeIntent"))
    elif state == "mid-check":
        assert "carry on with the symptom check" in speech_text(response)
        assert "numbness" in speech_text(response)
    else:
        assert "anything else" in speech_text(response)


@pytest.mark.parametrize("state", sorted(STATES))
def test_sudden_severe_gets_emergency_advice_first_and_ends(conversation, state):
    enter(conversation, state)
    response = report(conversation, "SUDDEN_SEVERE", "sudden weakness")
    speech = speech_text(response)
    assert speech.startswith("Sudden or severe symptoms need help right away")
    assert "call 911 now" in speech
    assert response["response"]["shouldEndSession"] is True


@pytest.mark.parametrize(
    ("locale", "number"),
    [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "000"), ("en-IN", "112")],
)
def test_emergency_numbers_follow_the_locale_as_digits(invoke, locale, number):
    conversation = Conversation(invoke, RequestFactory(locale=locale))
    response = conversation.say("ReportSymptomIntent", symptom="SUDDEN_SEVERE")
    ssml = response["response"]["outputSpeech"]["ssml"]
    assert f'<say-as interpret-as="telephone">{number}</say-as>' in ssml
    assert f"Call {number} now" in response["response"]["card"]["content"]


def test_other_locales_hear_a_general_emergency_line(invoke):
    conversation = Conversation(invoke, RequestFactory(locale="de-DE"))
    response = conversation.say("ReportSymptomIntent", symptom="SUDDEN_SEVERE")
    assert "call your local emergency number now" in speech_text(response)
    assert "say-as" not in json.dumps(response)


def test_an_unknown_sign_gets_an_honest_answer(conversation):
    response = conversation.say("ReportSymptomIntent", symptom={"value": "purple"})
    speech = speech_text(response)
    assert "I don't know that sign" in speech and "healthcare provider" in speech
    assert response["response"]["shouldEndSession"] is False


def test_a_report_with_no_symptom_asks_what_it_is(conversation):
    response = conversation.say("ReportSymptomIntent")
    assert speech_text(response).endswith(
        "What are you noticing? For example, my toe is numb, or, it hurts."
    )


def test_an_abandoned_check_does_not_take_over_a_later_report(conversation):
    conversation.say("SymptomCheckIntent")
    conversation.say("StartStretchIntent")
    conversation.say("ReadyIntent")
    response = report(conversation, "TINGLING", "tingling")
    assert "symptom check" not in speech_text(response)
    assert "Hold it there" not in speech_text(conversation.say("AMAZON.YesIntent"))


@pytest.mark.parametrize(
    ("sign", "said"),
    [
        ("NUMBNESS", "numb all of a sudden"),
        ("WEAKNESS", "suddenly weak"),
        ("PAIN", "excruciating pain"),
        (None, "so weak i can't lift my foot"),
    ],
)
def test_a_sign_said_suddenly_or_severely_gets_the_emergency_advice(conversation, sign, said):
    slot = {"value": said, "id": sign} if sign else {"value": said}
    response = conversation.say("ReportSymptomIntent", symptom=slot)
    assert speech_text(response).startswith("Sudden or severe symptoms need help right away")


@pytest.mark.parametrize(
    ("sign", "said"),
    [("SPREADING", "spread quickly up my leg"), ("WEAKNESS", "can't lift my toes very well")],
)
def test_a_sign_that_is_no_emergency_said_fast_gets_the_ordinary_advice(conversation, sign, said):
    response = conversation.say("ReportSymptomIntent", symptom={"value": said, "id": sign})
    assert not speech_text(response).startswith("Sudden or severe")
    assert "healthcare provider" in speech_text(response)
