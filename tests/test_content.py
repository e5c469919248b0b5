"""Content: checked at load, in our own words, and every fact of the article reachable by voice."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from skill.rules.content import CAUSE_IDS, TOPIC_IDS, ContentError, content_dir, load_content
from tests.alexa import speech_text

ROOT = Path(__file__).resolve().parents[1]
SOURCE_RUNS = set((ROOT / "tests" / "data" / "source_ten_word_runs.txt").read_text().split())

# Each fact of the source article, as words that must be spoken together in one response.
FACTS = [
    ("also called muscle fasciculation", ["muscle fasciculation", "involuntary"]),
    ("common, usually harmless, settles alone", ["common", "usually harmless", "by itself"]),
    ("fluids and minerals", ["don't drink enough", "potassium", "magnesium", "calcium"]),
    ("sweating in exercise or illness", ["sweating", "illness", "electrolyte imbalance"]),
    ("fatigue and overuse", ["standing for hours", "intense exercise", "feet and calves"]),
    ("overworked muscles overactive signals", ["overworked", "signaling", "contracts"]),
    ("stress tension", ["stressed", "tension", "spasms"]),
    ("anxiety neurotransmitters", ["anxiety", "chemical messengers", "nervous system"]),
    ("mineral and vitamin D deficiency", ["magnesium", "potassium", "calcium", "vitamin d"]),
    ("vitamin B12", ["vitamin b12", "nervous system"]),
    ("medication side effect, diuretics", ["side effects", "diuretics", "electrolytes"]),
    ("nerve compression", ["shoes that squeeze", "awkward position", "nerves"]),
    ("compression and circulation", ["fire too easily", "blood flow"]),
    ("drink more water", ["water", "fluid balance", "dehydrated", "stronger"]),
    ("electrolyte foods", ["bananas", "leafy greens", "avocados", "sweet potatoes"]),
    ("more electrolyte foods", ["coconut water", "milk", "nuts", "seeds"]),
    ("stretching and massage", ["feet and calves", "flexible", "rubbing"]),
    ("20 to 30 second holds", ["twenty to thirty seconds", "lengthen"]),
    ("rest and sleep", ["stress", "sleep", "recover", "nervous system"]),
    ("relaxation techniques", ["meditation", "deep breaths", "progressive muscle relaxation"]),
    ("balanced diet", ["balanced diet", "magnesium", "potassium", "calcium"]),
    ("caffeine and sugar", ["caffeine", "sugar", "less often"]),
    ("footwear", ["support", "cushioning", "room for your toes", "pinched"]),
    ("persisting or worsening", ["healthcare provider", "keeps going", "more often", "stronger"]),
    ("accompanying symptoms", ["pain", "numbness", "tingling", "weakness", "elsewhere"]),
    ("visible muscle wasting", ["muscle", "shrinking"]),
    ("walking and spreading", ["trouble walking", "how you walk", "spreading"]),
    ("daily life", ["sleep", "your day"]),
    ("rare conditions", ["peripheral neuropathy", "restless legs syndrome", "nerve damage"]),
    ("what a doctor does", ["examine you", "blood tests", "nerve conduction"]),
    ("a peculiar feeling", ["feel odd"]),
]


def every_answer(conversation) -> list[str]:
    """The speech of every content answer the skill can give."""
    conversation.say("TwitchCausesIntent")
    for cause in CAUSE_IDS:
        conversation.say("CauseDetailIntent", cause=cause)
    conversation.say("SelfCareIntent")
    for topic in TOPIC_IDS:
        conversation.say("SelfCareIntent", topic=topic)
    conversation.say("WhenToSeeDoctorIntent")
    conversation.say("AMAZON.YesIntent")
    conversation.say("AMAZON.YesIntent")
    return [speech_text(response).lower() for response in conversation.responses]


@pytest.mark.parametrize(("fact", "words"), FACTS, ids=[fact for fact, _ in FACTS])
def test_every_fact_of_the_article_is_spoken(conversation, fact, words):
    answers = every_answer(conversation)
    assert any(all(word in answer for word in words) for answer in answers), fact


def ten_word_runs(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return {
        hashlib.sha256(" ".join(words[i : i + 10]).encode()).hexdigest()[:16]
        for i in range(len(words) - 9)
    }


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "content").glob("*.yaml"), *(ROOT / "interaction_model").rglob("*.json")]),
    ids=lambda path: path.name,
)
def test_no_ten_word_run_is_copied_from_the_article(path):
    assert ten_word_runs(path.read_text(encoding="utf-8")) & SOURCE_RUNS == set()


def test_spoken_answers_copy_no_ten_word_run_either(conversation):
    assert ten_word_runs(" ".join(every_answer(conversation))) & SOURCE_RUNS == set()


def test_content_is_read_relative_to_the_package(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert content_dir() == ROOT / "content"
    assert load_content().cause_entries["NERVE_COMPRESSION"].helps in TOPIC_IDS


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the content folder."""
    return Path(shutil.copytree(ROOT / "content", tmp_path / "content"))


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("prompts.yaml", "goodbye:", "goodby:", "prompts.yaml: missing key 'goodbye'"),
        ("prompts.yaml", "goodbye:", "goodby:", "unknown key 'goodby'"),
        ("causes.yaml", "    detail: >-", "    detale: >-", "causes[0]: missing key 'detail'"),
        ("doctor.yaml", "checks:", "checks: ''\nunused:", "doctor.yaml"),
        ("self_care.yaml", "id: DIET", "id: DIETS", "self_care.yaml: topics: ids must be"),
        ("causes.yaml", "helps: FOOTWEAR", "helps: SHOES", "unknown topic 'SHOES'"),
        ("causes.yaml", "intro: >-", "intro: [", "causes.yaml: line 6, column 11: did not find"),
    ],
)
def test_a_broken_content_file_stops_start_up_naming_file_and_key(
    content_copy, file, old, new, message
):
    path = content_copy / file
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ContentError, match=re.escape(message)):
        load_content(content_copy)


def test_a_missing_content_file_is_named(content_copy):
    (content_copy / "doctor.yaml").unlink()
    with pytest.raises(ContentError, match=r"doctor\.yaml"):
        load_content(content_copy)
