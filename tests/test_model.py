"""The interaction model: valid for Amazon, and in step with the code and content."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from skill.dialogue.table import INTENT_WORDS, TOPICS
from skill.rules.content import CAUSE_IDS, TOPIC_IDS

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "data" / "schemas"
MODELS = ROOT / "interaction_model" / "interactionModels" / "custom"
MANIFEST_PATH = ROOT / "interaction_model" / "skill.json"
LOCALES = sorted(path.stem for path in MODELS.glob("*.json"))


@cache
def language_model(locale: str) -> dict:
    """A locale's language model, read once."""
    document = json.loads((MODELS / f"{locale}.json").read_text(encoding="utf-8"))
    return document["interactionModel"]["languageModel"]


def intents(locale: str) -> dict[str, dict]:
    return {intent["name"]: intent for intent in language_model(locale)["intents"]}


def types(locale: str) -> dict[str, dict]:
    return {slot_type["name"]: slot_type for slot_type in language_model(locale)["types"]}


INTENTS = intents("en-US")
CUSTOM_INTENTS = [name for name in INTENTS if not name.startswith("AMAZON.")]
TYPES = types("en-US")
by_locale = pytest.mark.parametrize("locale", LOCALES)


def normalised(sample: str) -> str:
    """A sample as Alexa compares them: lowercase, single spaces."""
    return " ".join(sample.lower().split())


@pytest.mark.parametrize(
    ("document", "schema"),
    [(MODELS / f"{locale}.json", "interaction_model.schema.json") for locale in LOCALES]
    + [(MANIFEST_PATH, "skill_manifest.schema.json")],
)
def test_files_validate_against_amazons_schemas(document, schema):
    validator = Draft4Validator(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
    errors = [e.message for e in validator.iter_errors(json.loads(document.read_text()))]
    assert errors == []


@by_locale
def test_invocation_name_follows_amazons_rules(locale):
    name = language_model(locale)["invocationName"]
    assert name == "toe twitch helper"
    assert re.fullmatch(r"[a-z]+( [a-z]+)+", name)
    assert not {"alexa", "amazon", "echo", "skill", "app", "open", "launch"} & set(name.split())


@by_locale
def test_every_model_intent_has_a_row_in_the_table(locale):
    assert set(intents(locale)) - set(INTENT_WORDS) - set(TOPICS) == set()


@by_locale
def test_every_intent_in_the_table_is_in_the_model(locale):
    named = {name for name in set(INTENT_WORDS) | set(TOPICS) if name.endswith("Intent")}
    assert named <= set(
        intents(locale)
    )  # request types (LaunchRequest, Connections.Response) are not


@pytest.mark.parametrize("intent", CUSTOM_INTENTS)
@by_locale
def test_custom_intents_have_many_varied_samples(locale, intent):
    samples = intents(locale)[intent]["samples"]
    assert len({normalised(s) for s in samples}) == len(samples) >= 15


@by_locale
def test_no_sample_belongs_to_two_intents(locale):
    owners = Counter(
        normalised(s) for i in intents(locale).values() for s in set(i.get("samples", []))
    )
    assert [sample for sample, count in owners.items() if count > 1] == []


@pytest.mark.parametrize("intent", CUSTOM_INTENTS)
@by_locale
def test_samples_use_only_declared_slots_and_spoken_words(locale, intent):
    declared = {slot["name"] for slot in intents(locale)[intent].get("slots", [])}
    for sample in intents(locale)[intent]["samples"]:
        assert set(re.findall(r"{(\w+)}", sample)) <= declared, sample
        assert re.fullmatch(r"[a-z' ]*(\{\w+\}[a-z' ]*)*", sample), sample
        assert "toe twitch helper" not in sample and "alexa" not in sample.split()


@by_locale
def test_slot_types_are_defined_and_carry_the_content_ids(locale):
    for intent in intents(locale).values():
        for slot in intent.get("slots", []):
            assert slot["type"] in types(locale) or slot["type"].startswith("AMAZON."), slot
    assert [v["id"] for v in types(locale)["CauseType"]["values"]] == list(CAUSE_IDS)
    assert [v["id"] for v in types(locale)["SelfCareTopic"]["values"]] == list(TOPIC_IDS)


@pytest.mark.parametrize("slot_type", sorted(TYPES))
@by_locale
def test_every_slot_value_has_synonyms_and_none_is_shared(locale, slot_type):
    phrases = Counter()
    for value in types(locale)[slot_type]["values"]:
        assert value["name"]["synonyms"], value["id"]
        phrases.update(normalised(p) for p in [value["name"]["value"], *value["name"]["synonyms"]])
    assert [phrase for phrase, count in phrases.items() if count > 1] == []


@by_locale
def test_manifest_tells_people_it_is_not_medical_advice(locale):
    manifest = json.loads(MANIFEST_PATH.read_text())["manifest"]
    info = manifest["publishingInformation"]["locales"][locale]
    assert "not a substitute for professional medical advice" in info["description"]
    for phrase in info["examplePhrases"]:
        assert "toe twitch helper" in phrase.lower()


def spoken_names():
    """Every cause, topic and stretch name the skill says, with the id it should resolve to."""
    from skill.rules.content import get_content

    for locale in LOCALES:
        content = get_content(locale)
        yield from ((locale, "CauseType", e.id, e.name) for e in content.cause_entries.values())
        yield from ((locale, "SelfCareTopic", e.id, e.name) for e in content.topic_entries.values())
        yield from ((locale, "StretchType", e.id, e.name) for e in content.stretch_entries.values())


@pytest.mark.parametrize(("locale", "slot_type", "value_id", "name"), list(spoken_names()))
def test_every_name_the_skill_speaks_can_be_said_back(locale, slot_type, value_id, name):
    phrases = {
        normalised(phrase): value["id"]
        for value in types(locale)[slot_type]["values"]
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
@by_locale
def test_the_words_the_fallback_suggests_are_samples(locale, word, intent):
    assert word in intents(locale)[intent]["samples"]


def test_the_manifest_subscribes_to_skill_disabled_at_the_skills_own_endpoint():
    manifest = json.loads(MANIFEST_PATH.read_text())["manifest"]
    events = manifest["events"]
    assert {"eventName": "SKILL_DISABLED"} in events["subscriptions"]
    assert events["endpoint"] == manifest["apis"]["custom"]["endpoint"]


def all_phrases(slot_type: dict) -> list[str]:
    return [p for v in slot_type["values"] for p in [v["name"]["value"], *v["name"]["synonyms"]]]


@by_locale
def test_samples_and_slot_values_fit_amazons_limits(locale):
    for intent in intents(locale).values():
        for sample in intent.get("samples", []):
            assert len(sample) <= 200, sample
            assert len(re.findall(r"{(\w+)}", sample)) == len(set(re.findall(r"{(\w+)}", sample)))
    for slot_type in types(locale).values():
        assert all(len(phrase) <= 140 for phrase in all_phrases(slot_type))


@by_locale
def test_built_in_intents_take_samples_only_where_amazon_allows_them(locale):
    for name, intent in intents(locale).items():
        if name.startswith("AMAZON.") and intent.get("samples"):
            assert re.fullmatch(r"[a-z' ]+", " ".join(intent["samples"])), name
            assert "slots" not in intent, name


@by_locale
def test_out_of_domain_samples_and_a_measured_fallback_sensitivity(locale):
    fallback = intents(locale)["AMAZON.FallbackIntent"]["samples"]
    assert len(fallback) >= 100
    level = language_model(locale)["modelConfiguration"]["fallbackIntentSensitivity"]["level"]
    assert level == "LOW", "chosen by `python bench/bench_nlu.py tests/data/nlu_dev.yaml --sweep`"


@by_locale
def test_no_phrase_said_alone_names_values_of_two_slot_types(locale):
    """A bare word ("water") must say one thing; a type never said alone may share its words."""
    said_alone = {
        slot["type"]
        for intent in intents(locale).values()
        for slot in intent.get("slots", [])
        if any(sample.strip() == f"{{{slot['name']}}}" for sample in intent.get("samples", []))
    }
    owners: dict[str, set[str]] = {}
    for name, slot_type in types(locale).items():
        for phrase in all_phrases(slot_type):
            owners.setdefault(normalised(phrase), set()).add(name)
    shared = {phrase: kinds & said_alone for phrase, kinds in owners.items()}
    assert {phrase: kinds for phrase, kinds in shared.items() if len(kinds) > 1} == {}


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
@by_locale
def test_what_the_skill_asks_for_and_the_issue_names_are_samples(locale, intent, sample):
    assert sample in intents(locale)[intent]["samples"]


def symptom_ids(locale: str) -> dict[str, str]:
    return {
        normalised(phrase): value["id"]
        for value in types(locale)["SymptomType"]["values"]
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
@by_locale
def test_warning_signs_have_their_regional_and_time_forms(locale, phrase, value_id):
    assert symptom_ids(locale)[phrase] == value_id


@by_locale
def test_the_most_urgent_sign_is_listed_first(locale):
    """When words name two signs ("suddenly went numb"), the offline resolver takes the first."""
    assert types(locale)["SymptomType"]["values"][0]["id"] == "SUDDEN_SEVERE"
