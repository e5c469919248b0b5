"""A household on one Echo: each recognised person has their own diary, trend and place."""

from __future__ import annotations

from datetime import timedelta

from tests.alexa import RequestFactory, speech_text
from tests.conftest import NOW

ACCOUNT = "amzn1.ask.account.HOUSEHOLD"
ANNA, BEN = "amzn1.ask.person.ANNA", "amzn1.ask.person.BEN"


def voice(person: str | None) -> RequestFactory:
    """Someone speaking on the household's account, recognised (person id) or not."""
    return RequestFactory(user_id=ACCOUNT, person_id=person)


def history(talk, person: str | None) -> str:
    return speech_text(talk(voice(person)).say("TwitchHistoryIntent"))


def test_two_people_keep_separate_diaries_and_an_unrecognised_voice_the_accounts(talk, storage):
    for _ in range(3):
        talk(voice(ANNA)).say("LogTwitchIntent")
    talk(voice(BEN)).say("LogTwitchIntent")
    assert "This week you've logged 3 twitches" in history(talk, ANNA)
    assert "This week you've logged one twitch" in history(talk, BEN)
    assert "Your diary is empty" in history(talk, None)


def test_trends_are_each_persons_own(talk, storage):
    for days_ago in (1, 2, 3, 8, 15):
        storage.diary.add(f"{ACCOUNT}#person#{ANNA}", NOW - timedelta(days=days_ago), None)
    assert "healthcare provider" in history(talk, ANNA)
    talk(voice(BEN)).say("LogTwitchIntent")
    assert "healthcare provider" not in history(talk, BEN)


def test_a_recognised_person_is_welcomed_by_name(talk):
    talk(voice(ANNA)).launch()
    welcome = talk(voice(ANNA)).launch()
    ssml = welcome["response"]["outputSpeech"]["ssml"]
    assert f'<alexa:name type="first" personId="{ANNA}"/>' in ssml


def test_erasing_by_voice_erases_the_speakers_data_and_disabling_erases_everyones(talk, storage):
    for person in (ANNA, BEN, None):
        talk(voice(person)).say("LogTwitchIntent")
    anna = talk(voice(ANNA))
    anna.say("DeleteDataIntent")
    anna.say("AMAZON.YesIntent")
    assert "Your diary is empty" in history(talk, ANNA)
    assert "one twitch" in history(talk, BEN) and "one twitch" in history(talk, None)
    event = voice(None).envelope({"type": "AlexaSkillEvent.SkillDisabled"}, {}, True)
    del event["session"]
    talk(voice(None)).invoke(event)
    assert "Your diary is empty" in history(talk, BEN)
    assert "Your diary is empty" in history(talk, None)


def test_a_person_id_that_disappears_mid_session_falls_back_to_the_account(talk):
    talk(voice(ANNA)).say("LogTwitchIntent")
    conversation = talk(voice(ANNA))
    conversation.launch()
    conversation.factory = voice(None)
    assert "Your diary is empty" in speech_text(conversation.say("TwitchHistoryIntent"))
