"""Care comes first, and notes for a doctor visit: the diary by week and foot, signs, the check."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.alexa import speech_text
from tests.conftest import NOW

SIGNS = ("numbness", "tingling", "weakness", "pain", "spreading", "walking")


def card_of(response: dict) -> str:
    return (response["response"].get("card") or {}).get("content", "")


def test_the_first_doctor_answer_names_the_warning_signs(conversation):
    speech = speech_text(conversation.say("WhenToSeeDoctorIntent"))
    named = [sign for sign in SIGNS if sign in speech]
    assert len(named) >= 4, named
    assert speech.index("numbness") < speech.index("call 911")


def test_the_notes_list_the_diary_by_week_and_foot_the_signs_and_the_check(talk, person, storage):
    for days_ago, foot in [(1, "LEFT"), (2, "LEFT"), (3, None), (9, "RIGHT"), (16, "BOTH")]:
        storage.diary.add(person.user_id, NOW - timedelta(days=days_ago), foot)
    conversation = talk(person)
    conversation.say("ReportSymptomIntent", symptom="NUMBNESS")
    conversation.say("SymptomCheckIntent")
    for answer in ["AMAZON.NoIntent", "AMAZON.YesIntent", *["AMAZON.NoIntent"] * 4]:
        conversation.say(answer)
    response = conversation.say("DoctorSummaryIntent")
    speech, card = speech_text(response), card_of(response)
    assert "notes for your doctor in the Alexa app" in speech
    assert "week by week" in speech and "warning signs" in speech
    assert response["response"]["card"]["title"] == "Notes for your doctor"
    assert "3 twitches (left foot 2, foot not said 1)" in card
    assert "one twitch (right foot 1)" in card and "one twitch (both feet 1)" in card
    assert "numbness, last mentioned 2026-11-24" in card
    assert "seeing a healthcare provider, because of: twitching that lasts or gets worse" in card
    assert "not a diagnosis" in card


def test_after_doctor_advice_the_notes_are_offered_when_the_diary_has_entries(talk, person):
    conversation = talk(person)
    conversation.say("LogTwitchIntent", foot="RIGHT")
    offered = conversation.say("ReportSymptomIntent", symptom="TINGLING")
    assert "notes for your doctor" in speech_text(offered)
    notes = conversation.say("AMAZON.YesIntent")
    assert "one twitch (right foot 1)" in card_of(notes)
    assert "tingling, last mentioned" in card_of(notes)


def test_with_an_empty_diary_the_notes_say_so_and_still_help(talk, person):
    conversation = talk(person)
    advice = conversation.say("ReportSymptomIntent", symptom="PAIN")
    assert "notes for your doctor" not in speech_text(advice)
    response = conversation.say("DoctorSummaryIntent")
    assert "diary is empty" in speech_text(response)
    card = card_of(response)
    assert "No twitches logged" in card and "pain, last mentioned" in card
    assert "when the twitching started" in card and "Symptom check: not done" in card


def test_delete_my_data_erases_what_the_notes_are_made_of(talk, person):
    conversation = talk(person)
    conversation.say("LogTwitchIntent")
    conversation.say("ReportSymptomIntent", symptom="WEAKNESS")
    conversation.say("DeleteDataIntent")
    conversation.say("AMAZON.YesIntent")
    later = talk(person)
    card = card_of(later.say("DoctorSummaryIntent"))
    assert "weakness" not in card and "None mentioned" in card and "No twitches logged" in card


@pytest.mark.parametrize("finished", [1, 2])
def test_the_notes_count_the_stretching_done(talk, person, finished):
    conversation = talk(person)
    for _ in range(finished):
        conversation.say("StartStretchIntent", stretch="FOOT_ROLL")
        conversation.say("ReadyIntent")
        conversation.say("ReadyIntent")
    card = card_of(conversation.say("DoctorSummaryIntent"))
    assert f"Stretch routines finished: {finished}, the last on 2026-11-24." in card
