"""Walk every question of the table with every word, and check the rules people rely on."""

from __future__ import annotations

import pytest

from skill.dialogue.state import Question
from skill.dialogue.table import INTENT_WORDS, TABLE, Word
from tests.alexa import Conversation, RequestFactory, reprompt_text, speech_text

WORD_INTENTS = {word: intent for intent, word in INTENT_WORDS.items()}
ROUTINE = (Question.SETUP, Question.BETWEEN, Question.PAUSED)

FOOT_ROLL = [
    ("StartStretchIntent", {"stretch": "FOOT_ROLL"}),
    ("ReadyIntent", {}),
    ("ReadyIntent", {}),
]
# How a person reaches each question, turn by turn (intent, slots). Alexa itself answers
# REMINDER_PERMISSION (tests/test_reminder_flow.py), so no word is ever said there.
PATHS: dict[Question, list[tuple[str, dict[str, str]]]] = {
    Question.MENU: [("LaunchRequest", {})],
    Question.CAUSES: [("TwitchCausesIntent", {})],
    Question.WHICH_CAUSE: [("TwitchCausesIntent", {}), ("AMAZON.YesIntent", {})],
    Question.CAUSE: [("CauseDetailIntent", {"cause": "STRESS_ANXIETY"})],
    Question.TIPS: [("SelfCareIntent", {})],
    Question.TIP: [("SelfCareIntent", {"topic": "DIET"})],
    Question.DOCTOR_OFFER: [("CauseDetailIntent", {"cause": "MEDICATION"})],
    Question.DOCTOR_SIGNS: [("WhenToSeeDoctorIntent", {})],
    Question.CHECKS_OFFER: [("WhenToSeeDoctorIntent", {}), ("AMAZON.YesIntent", {})],
    Question.REPORTED: [("ReportSymptomIntent", {"symptom": "NUMBNESS"})],
    Question.WHAT_SYMPTOM: [("ReportSymptomIntent", {})],
    Question.CHECK: [("SymptomCheckIntent", {}), ("AMAZON.NoIntent", {})],
    Question.VERDICT: (
        [("SymptomCheckIntent", {})]
        + [("AMAZON.NoIntent", {})] * 7  # no reminder, thanks
        + [("SymptomCheckIntent", {})]
        + [("AMAZON.NoIntent", {})] * 6
    ),
    Question.OFFER_STRETCH: [("LaunchRequest", {}), ("AMAZON.NextIntent", {})],
    Question.SETUP: [("StartStretchIntent", {"stretch": "TOE_POINT"})],
    Question.BETWEEN: [("StartStretchIntent", {}), ("ReadyIntent", {}), ("ReadyIntent", {})],
    Question.PAUSED: [("StartStretchIntent", {}), ("ReadyIntent", {}), ("AMAZON.PauseIntent", {})],
    Question.FINISHED: [
        *FOOT_ROLL,
        ("AMAZON.NoIntent", {}),  # no reminder, thanks: it is offered once
        *FOOT_ROLL,
    ],
    Question.REMINDER_OFFER: FOOT_ROLL,
    Question.REMINDER_TIME: [*FOOT_ROLL, ("AMAZON.YesIntent", {})],
    Question.RESUME_SAVED: [
        ("LaunchRequest", {}),
        ("StartStretchIntent", {"stretch": "WALL_CALF"}),
        ("AMAZON.StopIntent", {}),
        ("LaunchRequest", {}),
    ],
    Question.BACK_TO_ROUTINE: [
        ("StartStretchIntent", {}),
        ("ReportSymptomIntent", {"symptom": "TINGLING"}),
    ],
    Question.DIARY: [("LogTwitchIntent", {})],
    Question.DIARY_EMPTY: [("TwitchHistoryIntent", {})],
    Question.ERASE: [("LogTwitchIntent", {}), ("DeleteDataIntent", {})],
    Question.SUMMARY_OFFER: [
        ("LogTwitchIntent", {}),
        ("ReportSymptomIntent", {"symptom": "NUMBNESS"}),
    ],
}
# Questions shared by several activities, reached from each (the key names the variant).
VARIANTS: dict[str, tuple[Question, list[tuple[str, dict[str, str]]]]] = {
    "doctor_offer after the last tip": (
        Question.DOCTOR_OFFER,
        [("SelfCareIntent", {"topic": "FOOTWEAR"})],
    ),
    "check with a routine under it": (
        Question.CHECK,
        [("StartStretchIntent", {}), ("SymptomCheckIntent", {})],
    ),
    "causes with a routine under them": (
        Question.CAUSES,
        [("StartStretchIntent", {}), ("TwitchCausesIntent", {})],
    ),
}
STATES = sorted(PATHS) + sorted(VARIANTS)


def arrive(invoke, question: Question | str) -> Conversation:
    """A new person's conversation, walked to ``question`` (or to a named variant)."""
    conversation = Conversation(invoke, RequestFactory())
    path = VARIANTS[question][1] if question in VARIANTS else PATHS[Question(question)]
    for name, slots in path:
        if name == "LaunchRequest":
            conversation.launch()
        else:
            conversation.say(name, **slots)
    return conversation


def say_word(conversation: Conversation, word: Word) -> dict:
    """Say one of the table's words."""
    return conversation.say(WORD_INTENTS[word])


def outcome(response: dict) -> tuple:
    """What a person notices of a turn: the words, the reprompt, whether it ended, and where."""
    attributes = response.get("sessionAttributes") or {}
    ended = response["response"].get("shouldEndSession") is not False
    return speech_text(response), reprompt_text(response), ended, attributes.get("question")


def where(response: dict) -> tuple:
    """The state a response carries, without what was last said."""
    attributes = dict(response.get("sessionAttributes") or {})
    attributes.pop("said", None)
    return tuple(sorted((key, repr(value)) for key, value in attributes.items()))


def test_every_question_has_a_row_and_a_path():
    assert set(TABLE) == set(Question)
    assert set(PATHS) == set(Question) - {Question.LOST, Question.REMINDER_PERMISSION}


@pytest.mark.parametrize("question", STATES)
def test_each_path_reaches_its_question(invoke, question):
    conversation = arrive(invoke, question)
    expected = VARIANTS[question][0] if question in VARIANTS else question
    assert conversation.attributes.get("question") == expected


@pytest.mark.parametrize("question", STATES)
@pytest.mark.parametrize("probe", [Word.HELP, Word.REPEAT, Word.FALLBACK])
def test_help_repeat_and_fallback_keep_the_question(invoke, question, probe):
    conversation = arrive(invoke, question)
    before = where(conversation.responses[-1])
    response = say_word(conversation, probe)
    assert response["response"]["shouldEndSession"] is False
    assert where(response) == before


@pytest.mark.parametrize("question", STATES)
@pytest.mark.parametrize("probe", [Word.HELP, Word.REPEAT, Word.FALLBACK])
@pytest.mark.parametrize("answer", [Word.YES, Word.NO])
def test_yes_and_no_after_a_probe_mean_what_they_meant_before(invoke, question, probe, answer):
    direct = say_word(arrive(invoke, question), answer)
    probed = arrive(invoke, question)
    say_word(probed, probe)
    assert outcome(say_word(probed, answer)) == outcome(direct)


@pytest.mark.parametrize("question", STATES)
def test_help_says_what_yes_or_no_does_and_asks_again(invoke, question):
    conversation = arrive(invoke, question)
    asked = reprompt_text(conversation.responses[-1]).split(" Or say resume")[0]
    helped = speech_text(say_word(conversation, Word.HELP))
    assert asked in helped
    if question not in (Question.MENU, Question.DIARY, *ROUTINE, *VARIANTS):
        assert " yes" in helped.lower() or " no " in helped.lower() or "name" in helped.lower()


@pytest.mark.parametrize("question", STATES)
@pytest.mark.parametrize("word", [Word.STOP, Word.CANCEL])
def test_stop_and_cancel_end_at_once(invoke, question, word):
    response = say_word(arrive(invoke, question), word)
    assert response["response"]["shouldEndSession"] is True
    assert len(speech_text(response).split()) <= 12


@pytest.mark.parametrize("question", STATES)
@pytest.mark.parametrize("word", list(Word))
def test_every_word_gets_an_answer_that_asks_or_closes(invoke, question, word):
    response = say_word(arrive(invoke, question), word)
    speech = speech_text(response)
    assert "went wrong" not in speech
    if response["response"]["shouldEndSession"] is False:
        assert "?" in speech or "say" in speech.lower(), speech


@pytest.mark.parametrize(
    "question", [q for q in STATES if q not in (*ROUTINE, Question.RESUME_SAVED)]
)
@pytest.mark.parametrize("word", [Word.START_OVER, Word.PREVIOUS])
def test_start_over_and_go_back_outside_a_routine_never_start_one(invoke, question, word):
    response = say_word(arrive(invoke, question), word)
    assert (response.get("sessionAttributes") or {}).get("question") not in ROUTINE
    assert "haven't started any stretches" not in speech_text(response)


def test_in_the_check_go_back_changes_the_last_answer_and_start_over_restarts(invoke):
    conversation = arrive(invoke, Question.CHECK)
    back = say_word(conversation, Word.PREVIOUS)
    assert "come on suddenly" in speech_text(back)
    assert back["sessionAttributes"]["check"]["index"] == 0
    say_word(conversation, Word.NO)
    say_word(conversation, Word.YES)
    restarted = say_word(conversation, Word.START_OVER)
    assert "6 quick questions" in speech_text(restarted)
    assert restarted["sessionAttributes"]["check"] == {"index": 0, "answers": [], "reported": []}


@pytest.mark.parametrize("word", [Word.READY, Word.NEXT, Word.PAUSE, Word.RESUME])
def test_routine_words_in_a_check_under_a_routine_finish_the_check_first(invoke, word):
    conversation = arrive(invoke, Question.SETUP)
    conversation.say("SymptomCheckIntent")
    response = say_word(conversation, word)
    assert "finish the symptom check first" in speech_text(response)
    assert response["sessionAttributes"]["question"] == "check"


def test_after_the_verdict_the_routine_under_way_is_offered_again(invoke):
    conversation = arrive(invoke, Question.SETUP)
    conversation.say("SymptomCheckIntent")
    for _ in range(6):
        verdict = conversation.say("AMAZON.NoIntent")
    assert "get back to your stretches" in speech_text(verdict)
    assert "Toe point, left foot" in speech_text(conversation.say("AMAZON.YesIntent"))


def test_a_warning_sign_mid_stretch_says_stop_first_then_offers_to_resume(invoke):
    conversation = arrive(invoke, Question.SETUP)
    response = conversation.say("ReportSymptomIntent", symptom="NUMBNESS")
    speech = speech_text(response)
    assert speech.startswith("Stop the stretch now")
    assert "healthcare provider" in speech
    assert "Toe point, left foot" in speech_text(conversation.say("AMAZON.YesIntent"))


def test_cancel_at_the_erase_question_says_nothing_was_deleted(invoke):
    response = say_word(arrive(invoke, Question.ERASE), Word.CANCEL)
    assert "haven't deleted anything" in speech_text(response)
    assert response["response"]["shouldEndSession"] is True


def test_the_committed_diagram_matches_the_table():
    from pathlib import Path

    from skill.dialogue.diagram import document

    committed = Path(__file__).resolve().parents[1] / "docs" / "dialogue.md"
    assert committed.read_text(encoding="utf-8") == document(), (
        "run: toe-twitch diagram --output docs/dialogue.md"
    )


def test_every_move_in_the_table_declares_where_it_leads():
    from skill.dialogue.table import ACTIVITY_ROWS, EVERYWHERE, TOPICS, USUALLY
    from skill.handlers.turn import targets_of

    rows = [*TABLE.values(), *ACTIVITY_ROWS.values(), EVERYWHERE, USUALLY, TOPICS]
    assert [m.__name__ for row in rows for m in row.values() if not targets_of(m)] == []
