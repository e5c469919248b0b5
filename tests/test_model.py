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
    assert set(INTENT_WORDS) | set(TOPICS) - {"LaunchRequest"} <= set(INTENTS)


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
