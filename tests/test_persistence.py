"""Both storage back ends behind the same tests: the person's record, the diary, erasure."""

from __future__ import annotations

from datetime import timedelta

import pytest
from ask_sdk_core.exceptions import PersistenceException

from skill.builder import build_skill, handle_event
from tests.alexa import Conversation, RequestFactory, speech_text
from tests.conftest import NOW


def envelope_for(person: RequestFactory):
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model import RequestEnvelope

    raw = person.envelope(person.launch(), {}, True)
    return DefaultSerializer().deserialize(__import__("json").dumps(raw), RequestEnvelope)


def test_a_record_round_trips_and_is_deleted(storage, person):
    envelope = envelope_for(person)
    assert storage.adapter.get_attributes(envelope) == {}
    storage.adapter.save_attributes(envelope, {"disclaimer_heard": True, "routine": {"step": 3}})
    assert storage.adapter.get_attributes(envelope) == {
        "disclaimer_heard": True,
        "routine": {"step": 3},
    }
    storage.adapter.delete_attributes(envelope)
    assert storage.adapter.get_attributes(envelope) == {}


def test_diary_entries_are_kept_per_person_and_erased_per_person(storage):
    for hours in (1, 30, 200):
        storage.diary.add("alice", NOW - timedelta(hours=hours), "LEFT")
    storage.diary.add("bob", NOW, None)
    assert storage.diary.times("alice", NOW - timedelta(days=7)) == [
        NOW - timedelta(hours=30),
        NOW - timedelta(hours=1),
    ]
    storage.diary.erase("alice")
    assert storage.diary.times("alice", NOW - timedelta(days=30)) == []
    assert storage.diary.times("bob", NOW - timedelta(days=1)) == [NOW]


def test_two_entries_at_the_same_instant_are_both_kept(storage):
    storage.diary.add("alice", NOW, "LEFT")
    storage.diary.add("alice", NOW, "LEFT")
    assert len(storage.diary.times("alice", NOW - timedelta(seconds=1))) == 2


def test_logging_and_history_by_voice(talk, person, storage):
    conversation = talk(person)
    assert "That's one twitch this week" in speech_text(
        conversation.say("LogTwitchIntent", foot="LEFT")
    )
    storage.clock.now = NOW + timedelta(days=8)
    conversation.say("LogTwitchIntent")
    conversation.say("LogTwitchIntent", foot="BOTH")
    history = speech_text(conversation.say("TwitchHistoryIntent"))
    assert "This week you've logged 2 twitches, and one twitch the week before" in history
    assert "going up" in history


def test_a_diary_that_keeps_going_for_three_weeks_sends_to_a_doctor(talk, person, storage):
    conversation = talk(person)
    for days_ago in (20, 12, 2):
        storage.clock.now = NOW - timedelta(days=days_ago)
        response = conversation.say("LogTwitchIntent")
    assert "kept going for three weeks" in speech_text(response)
    assert "healthcare provider" in speech_text(response)


def test_the_disclaimer_is_said_once_per_person(talk, person):
    first = talk(person).launch()
    assert "professional medical advice" in speech_text(first)
    later = talk(person).launch()
    assert "professional medical advice" not in speech_text(later)
    assert "Welcome back" in speech_text(later)
    assert "professional medical advice" in speech_text(talk(RequestFactory()).launch())


def test_the_welcome_mentions_the_diary(talk, person):
    conversation = talk(person)
    conversation.say("LogTwitchIntent")
    conversation.say("AMAZON.StopIntent")
    assert "You've logged one twitch this week" in speech_text(talk(person).launch())


def test_a_stopped_routine_is_offered_on_the_next_visit(talk, person):
    conversation = talk(person)
    conversation.say("StartStretchIntent", stretch="TOWEL_CALF")
    conversation.say("ReadyIntent")
    conversation.say("AMAZON.StopIntent")
    next_visit = talk(person)
    offer = speech_text(next_visit.launch())
    assert "stopped at the seated towel calf stretch, right foot" in offer
    resumed = speech_text(next_visit.say("AMAZON.YesIntent"))
    assert "Picking up where you left off" in resumed and "right foot" in resumed


def test_a_session_that_times_out_keeps_the_place_too(talk, person):
    conversation = talk(person)
    conversation.say("StartStretchIntent", stretch="WALL_CALF")
    conversation.send(person.session_ended("EXCEEDED_MAX_REPROMPTS"))
    assert "standing wall calf stretch" in speech_text(talk(person).launch())


def test_a_finished_routine_is_not_offered_again(talk, person):
    conversation = talk(person)
    conversation.say("StartStretchIntent", stretch="FOOT_ROLL")
    conversation.say("ReadyIntent")
    conversation.say("AMAZON.StopIntent")
    again = talk(person)
    again.launch()
    again.say("AMAZON.YesIntent")
    assert "whole routine" in speech_text(again.say("ReadyIntent"))
    again.say("AMAZON.StopIntent")
    assert "Last time you stopped" not in speech_text(talk(person).launch())


def fill_everything(talk, person) -> None:
    conversation = talk(person)
    conversation.launch()
    conversation.say("LogTwitchIntent")
    conversation.say("StartStretchIntent")
    conversation.say("AMAZON.StopIntent")


def assert_forgotten(talk, person, storage) -> None:
    greeting = speech_text(talk(person).launch())
    assert "professional medical advice" in greeting, "first-use flag erased"
    assert "logged" not in greeting and "Last time" not in greeting
    assert storage.diary.times(person.user_id, NOW - timedelta(days=365)) == []


def test_delete_my_data_asks_first_then_erases_everything(talk, person, storage):
    fill_everything(talk, person)
    conversation = talk(person)
    conversation.launch()
    assert "Are you sure" in speech_text(conversation.say("DeleteDataIntent"))
    assert "haven't deleted anything" in speech_text(conversation.say("AMAZON.NoIntent"))
    assert storage.diary.times(person.user_id, NOW - timedelta(days=1)) != []
    conversation.say("DeleteDataIntent")
    done = conversation.say("AMAZON.YesIntent")
    assert "erased everything" in speech_text(done)
    assert done["response"]["shouldEndSession"] is True
    assert_forgotten(talk, person, storage)


def test_disabling_the_skill_erases_everything_without_asking(talk, person, storage):
    fill_everything(talk, person)
    event = person.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, {}, True)
    del event["session"]
    response = talk(person).invoke(event)
    assert response["response"] == {}
    assert_forgotten(talk, person, storage)


class BrokenAdapter:
    """A record store whose reads fail, and which records any write it is asked for."""

    def __init__(self) -> None:
        self.writes = []

    def get_attributes(self, request_envelope):
        raise PersistenceException("database is locked")

    def save_attributes(self, request_envelope, attributes):
        self.writes.append(attributes)

    def delete_attributes(self, request_envelope):
        raise PersistenceException("database is locked")


def test_a_failed_read_never_becomes_an_empty_write(storage, person):
    broken = BrokenAdapter()
    storage.adapter = broken
    conversation = Conversation(lambda e: handle_event(e, build_skill(storage)), person)
    greeting = speech_text(conversation.launch())
    assert "professional medical advice" in greeting
    conversation.say("StartStretchIntent")
    conversation.say("AMAZON.StopIntent")
    assert broken.writes == []


def test_help_at_the_erase_question_keeps_it_and_no_keeps_everything(talk, person, storage):
    conversation = talk(person)
    conversation.say("LogTwitchIntent")
    conversation.say("StartStretchIntent")
    conversation.say("DeleteDataIntent")
    helped = speech_text(conversation.say("AMAZON.HelpIntent"))
    assert "Say yes to erase it all, or no to keep it" in helped
    assert "Should I erase everything I keep about you?" in helped
    assert "haven't deleted anything" in speech_text(conversation.say("AMAZON.NoIntent"))
    assert storage.diary.times(person.user_id, NOW - timedelta(days=1)) != []
    assert "Toe extension, left foot" in speech_text(conversation.say("AMAZON.ResumeIntent"))


def test_yes_after_help_at_the_erase_question_still_erases(talk, person, storage):
    conversation = talk(person)
    conversation.say("LogTwitchIntent")
    conversation.say("DeleteDataIntent")
    conversation.say("AMAZON.HelpIntent")
    conversation.say("AMAZON.FallbackIntent")
    assert "erased everything" in speech_text(conversation.say("AMAZON.YesIntent"))
    assert storage.diary.times(person.user_id, NOW - timedelta(days=1)) == []


def test_no_twice_mid_routine_still_keeps_the_place(talk, person):
    conversation = talk(person)
    conversation.say("StartStretchIntent", stretch="TOE_POINT")
    conversation.say("TwitchCausesIntent")
    conversation.say("AMAZON.NoIntent")
    assert conversation.say("AMAZON.NoIntent")["response"]["shouldEndSession"] is True
    assert "stopped at the toe point stretch" in speech_text(talk(person).launch())


def test_a_log_that_was_saved_is_never_reported_as_failed(talk, person, storage):
    def broken_counts(user, now):
        raise PersistenceException("read failed")

    storage.diary.weekly_counts = broken_counts
    speech = speech_text(talk(person).say("LogTwitchIntent", foot="RIGHT"))
    assert "Logged a twitch in your right foot, but I can't count" in speech
    assert "try again" not in speech


def test_a_failed_erasure_on_disable_fails_the_event_so_it_is_sent_again(talk, person, storage):
    from skill.persistence import ErasureFailed

    def broken_erase(owner):
        raise PersistenceException("table missing")

    storage.diary.erase = broken_erase
    storage.erase_everyone = broken_erase
    event = person.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, {}, True)
    del event["session"]
    with pytest.raises(ErasureFailed):
        talk(person).invoke(event)


@pytest.mark.parametrize(
    ("command", "heard"),
    [
        ("AMAZON.StartOverIntent", "Let's do 5 gentle"),
        ("AMAZON.ResumeIntent", "Picking up where you left off"),
        ("ReadyIntent", "Picking up where you left off"),
        ("AMAZON.NextIntent", "Picking up where you left off"),
    ],
)
def test_answers_to_the_offer_to_pick_up_where_you_left_off(talk, person, command, heard):
    conversation = talk(person)
    conversation.say("StartStretchIntent", stretch="WALL_CALF")
    conversation.say("AMAZON.StopIntent")
    next_visit = talk(person)
    next_visit.launch()
    assert heard in speech_text(next_visit.say(command))
