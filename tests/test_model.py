"""The interaction model: valid for Amazon, and in step with the code and content."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from skill.dialogue.table import INTENT_WORDS, TOPICS
from skill.rules.content import CAUSE_IDS, TOPIC_IDS

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "data" / "schemas"
MODEL_PATH = ROOT / "interaction_model" / "interactionModels" / "custom" / "en-US.json"
MANIFEST_PATH = ROOT / "interaction_model" / "skill.json"
MODEL = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
LANGUAGE_MODEL = MODEL["interactionModel"]["languageModel"]
INTENTS = {intent["name"]: intent for intent in LANGUAGE_MODEL["intents"]}
CUSTOM_INTENTS = [name for name in INTENTS if not name.startswith("AMAZON.")]
TYPES = {slot_type["name"]: slot_type for slot_type in LANGUAGE_MODEL["types"]}


def normalised(sample: str) -> str:
    """A sample as Alexa compares them: lowercase, single spaces."""
    return " ".join(sample.lower().split())


@pytest.mark.parametrize(
    ("document", "schema"),
    [(MODEL_PATH, "interaction_model.schema.json"), (MANIFEST_PATH, "skill_manifest.schema.json")],
)
def test_files_validate_against_amazons_schemas(document, schema):
    validator = Draft4Validator(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
    errors = [e.message for e in validator.iter_errors(json.loads(document.read_text()))]
    assert errors == []


def test_invocation_name_follows_amazons_rules():
    name = LANGUAGE_MODEL["invocationName"]
    assert name == "toe twitch helper"
    assert re.fullmatch(r"[a-z]+( [a-z]+)+", name)
    assert not {"alexa", "amazon", "echo", "skill", "app", "open", "launch"} & set(name.split())


def test_every_model_intent_has_a_row_in_the_table():
    assert set(INTENTS) - set(INTENT_WORDS) - set(TOPICS) == set()


def test_every_intent_in_the_table_is_in_the_model():
    named = {name for name in set(INTENT_WORDS) | set(TOPICS) if name.endswith("Intent")}
    assert named <= set(INTENTS)  # request types (LaunchRequest, Connections.Response) are not


@pytest.mark.parametrize("intent", CUSTOM_INTENTS)
def test_custom_intents_have_many_varied_samples(intent):
    samples = INTENTS[intent]["samples"]
    assert len({normalised(s) for s in samples}) == len(samples) >= 15


def test_no_sample_belongs_to_two_intents():
    owners = Counter(normalised(s) for i in INTENTS.values() for s in set(i.get("samples", [])))
    assert [sample for sample, count in owners.items() if count > 1] == []


@pytest.mark.parametrize("intent", CUSTOM_INTENTS)
def test_samples_use_only_declared_slots_and_spoken_words(intent):
    declared = {slot["name"] for slot in INTENTS[intent].get("slots", [])}
    for sample in INTENTS[intent]["samples"]:
        assert set(re.findall(r"{(\w+)}", sample)) <= declared, sample
        assert re.fullmatch(r"[a-z' ]*(\{\w+\}[a-z' ]*)*", sample), sample
        assert "toe twitch helper" not in sample and "alexa" not in sample.split()


def test_slot_types_are_defined_and_carry_the_content_ids():
    for intent in INTENTS.values():
        for slot in intent.get("slots", []):
            assert slot["type"] in TYPES or slot["type"].startswith("AMAZON."), slot
    assert [v["id"] for v in TYPES["CauseType"]["values"]] == list(CAUSE_IDS)
    assert [v["id"] for v in TYPES["SelfCareTopic"]["values"]] == list(TOPIC_IDS)


@pytest.mark.parametrize("slot_type", sorted(TYPES))
def test_every_slot_value_has_synonyms_and_none_is_shared(slot_type):
    phrases = Counter()
    for value in TYPES[slot_type]["values"]:
        assert value["name"]["synonyms"], value["id"]
        phrases.update(normalised(p) for p in [value["name"]["value"], *value["name"]["synonyms"]])
    assert [phrase for phrase, count in phrases.items() if count > 1] == []


def test_manifest_tells_people_it_is_not_medical_advice():
    manifest = json.loads(MANIFEST_PATH.read_text())["manifest"]
    locale = manifest["publishingInformation"]["locales"]["en-US"]
    assert "not a substitute for professional medical advice" in locale["description"]
    for phrase in locale["examplePhrases"]:
        assert "toe twitch helper" in phrase.lower()


def spoken_names():
    """Every cause, topic and stretch name the skill says, with the id it should resolve to."""
    from skill.rules.content import get_content

    content = get_content()
    yield from (("CauseType", e.id, e.name) for e in content.cause_entries.values())
    yield from (("SelfCareTopic", e.id, e.name) for e in content.topic_entries.values())
    yield from (("StretchType", e.id, e.name) for e in content.stretch_entries.values())


@pytest.mark.parametrize(("slot_type", "value_id", "name"), list(spoken_names()))
def test_every_name_the_skill_speaks_can_be_said_back(slot_type, value_id, name):
    phrases = {
        normalised(phrase): value["id"]
        for value in TYPES[slot_type]["values"]
        for phrase in [value["name"]["value"], *value["name"]["synonyms"]]
    }
    assert phrases.get(normalised(name.replace("-", " "))) == value_id


@pytest.mark.parametrize(
    ("word", "intent"),
    [
        ("causes", "TwitchCausesIntent"),
        ("tips", "SelfCareIntent"),
        ("doctor", "WhenToSeeDoctorIntent"),
        ("stretches", "StartStretchIntent"),
    ],
)
def test_the_words_the_fallback_suggests_are_samples(word, intent):
    assert word in INTENTS[intent]["samples"]


def test_the_manifest_subscribes_to_skill_disabled_at_the_skills_own_endpoint():
    manifest = json.loads(MANIFEST_PATH.read_text())["manifest"]
    events = manifest["events"]
    assert {"eventName": "SKILL_DISABLED"} in events["subscriptions"]
    assert events["endpoint"] == manifest["apis"]["custom"]["endpoint"]


def all_phrases(slot_type: dict) -> list[str]:
    return [p for v in slot_type["values"] for p in [v["name"]["value"], *v["name"]["synonyms"]]]


def test_samples_and_slot_values_fit_amazons_limits():
    for intent in INTENTS.values():
        for sample in intent.get("samples", []):
            assert len(sample) <= 200, sample
            assert len(re.findall(r"{(\w+)}", sample)) == len(set(re.findall(r"{(\w+)}", sample)))
    for slot_type in TYPES.values():
        assert all(len(phrase) <= 140 for phrase in all_phrases(slot_type))


def test_built_in_intents_take_samples_only_where_amazon_allows_them():
    for name, intent in INTENTS.items():
        if name.startswith("AMAZON.") and intent.get("samples"):
            assert re.fullmatch(r"[a-z' ]+", " ".join(intent["samples"])), name
            assert "slots" not in intent, name


def test_out_of_domain_samples_and_a_measured_fallback_sensitivity():
    fallback = INTENTS["AMAZON.FallbackIntent"]["samples"]
    assert len(fallback) >= 100
    level = LANGUAGE_MODEL["modelConfiguration"]["fallbackIntentSensitivity"]["level"]
    assert level == "LOW", "chosen by `python bench/bench_nlu.py tests/data/nlu_dev.yaml --sweep`"


def test_no_phrase_names_values_of_two_slot_types():
    owners: dict[str, set[str]] = {}
    for name, slot_type in TYPES.items():
        for phrase in all_phrases(slot_type):
            owners.setdefault(normalised(phrase), set()).add(name)
    assert {phrase: types for phrase, types in owners.items() if len(types) > 1} == {}


@pytest.mark.parametrize(
    ("intent", "sample"),
    [
        ("CauseDetailIntent", "{cause}"),
        ("SelfCareIntent", "{topic}"),
        ("StartStretchIntent", "{stretch}"),
        ("ReportSymptomIntent", "{symptom}"),
        ("AMAZON.StopIntent", "that's enough"),
        ("AMAZON.NextIntent", "skip this one"),
        ("AMAZON.RepeatIntent", "what was that"),
        ("NotSureIntent", "i'm not sure"),
    ],
)
def test_what_the_skill_asks_for_and_the_issue_names_are_samples(intent, sample):
    assert sample in INTENTS[intent]["samples"]


def symptom_ids() -> dict[str, str]:
    return {
        normalised(phrase): value["id"]
        for value in TYPES["SymptomType"]["values"]
        for phrase in [value["name"]["value"], *value["name"]["synonyms"]]
    }


@pytest.mark.parametrize(
    ("phrase", "value_id"),
    [
        ("paining", "PAIN"),
        ("pins and needles", "TINGLING"),
        ("gone dead", "NUMBNESS"),
        ("for weeks", "PERSISTENT"),
        ("for about a month", "PERSISTENT"),
        ("suddenly", "SUDDEN_SEVERE"),
        ("all of a sudden", "SUDDEN_SEVERE"),
        ("suddenly went weak", "SUDDEN_SEVERE"),
        ("out of nowhere", "SUDDEN_SEVERE"),
    ],
)
def test_warning_signs_have_their_regional_and_time_forms(phrase, value_id):
    assert symptom_ids()[phrase] == value_id


def test_the_most_urgent_sign_is_listed_first():
    """When words name two signs ("suddenly went numb"), the offline resolver takes the first."""
    assert TYPES["SymptomType"]["values"][0]["id"] == "SUDDEN_SEVERE"
