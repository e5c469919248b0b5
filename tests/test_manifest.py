"""skill.json: valid for Amazon, true to the skill, and through the certification checks that run
offline.

Rules from Amazon's docs: "Choose the Invocation Name for a Custom Skill" (invocation name
requirements), "Understand How Users Invoke Custom Skills" (supported launch phrases), the
certification blog post "Crafting great example phrases that meet certification requirements"
(example phrases: at most three, taken from the sample utterances, the first one opens the skill),
"Certification requirements for custom skills" (functional tests: one-shot and no-slot
invocations, help and stop from anywhere, sessions that close on stop, no dead ends), and
"Configure Your Skill with the APL Interface" (the ALEXA_PRESENTATION_APL manifest entry).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from skill.hosting import deploy
from skill.hosting.pages import privacy_page, terms_page
from skill.simulator.requests import invocation, request_for
from skill.simulator.resolver import FALLBACK
from tests.alexa import Conversation, RequestFactory, reprompt_text, speech_text
from tests.test_dialogue_table import STATES, WORD_INTENTS, arrive, say_word

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "interaction_model/skill.json"
MODELS = ROOT / "interaction_model/interactionModels/custom"
SCHEMAS = ROOT / "tests/data/schemas"
LOCALES = sorted(path.stem for path in MODELS.glob("*.json"))
COUNTRIES = {"en-US": "US", "en-CA": "CA", "en-GB": "GB", "en-AU": "AU", "en-IN": "IN"}
EMERGENCY = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112"}
LAUNCH_WORDS = ("open", "launch", "start", "begin", "load", "run", "use", "talk to")
ONE_SHOT_WORDS = ("ask", "tell")
FORBIDDEN_IN_NAMES = {
    *("ask", "tell", "open", "launch", "start", "begin", "load", "run", "use", "enable", "play"),
    *("alexa", "amazon", "echo", "computer", "skill", "app"),
}
ARTICLES = {"the", "a", "an", "for", "to", "of"}
APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}


@cache
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["manifest"]


@cache
def language_model(locale: str) -> dict:
    document = json.loads((MODELS / f"{locale}.json").read_text(encoding="utf-8"))
    return document["interactionModel"]["languageModel"]


def schema_errors(document: dict) -> list[str]:
    schema = json.loads((SCHEMAS / "skill_manifest.schema.json").read_text(encoding="utf-8"))
    errors = Draft4Validator(schema).iter_errors(document)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


# -- valid, and filled the way deploy package fills it -------------------------------------------


def test_manifest_validates_against_amazons_schema():
    assert schema_errors({"manifest": manifest()}) == []


@pytest.mark.parametrize(
    "arn",
    [None, "arn:aws:lambda:us-east-1:123456789012:function:f", "https://a.example.org/alexa"],
)
def test_filled_manifest_validates_against_amazons_schema(arn):
    filled = deploy.fill_manifest({"manifest": manifest()}, arn, "https://pages.example.org")
    assert schema_errors(filled) == []


def test_endpoints_are_the_placeholder_that_deploy_package_fills():
    assert manifest()["apis"]["custom"]["endpoint"] == {"uri": deploy.PLACEHOLDER_ARN}
    assert manifest()["events"]["endpoint"] == {"uri": deploy.PLACEHOLDER_ARN}
    assert manifest()["events"]["subscriptions"] == [{"eventName": "SKILL_DISABLED"}]


# -- locales: exactly those with a model, each with its own publishing information ---------------


def test_lists_exactly_the_locales_that_have_a_model():
    assert LOCALES  # en-US at least
    assert sorted(manifest()["publishingInformation"]["locales"]) == LOCALES
    assert sorted(manifest()["privacyAndCompliance"]["locales"]) == LOCALES


def test_distributed_only_where_a_listed_locale_is_spoken():
    publishing = manifest()["publishingInformation"]
    assert publishing["isAvailableWorldwide"] is False
    assert sorted(publishing["distributionCountries"]) == sorted({COUNTRIES[x] for x in LOCALES})


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_has_its_own_publishing_information(locale):
    info = manifest()["publishingInformation"]["locales"][locale]
    assert info["name"] == "Toe Twitch Helper"
    assert info["summary"] and info["keywords"]
    assert "not a substitute for professional medical advice" in info["description"]
    assert f"call {EMERGENCY[locale]}" in info["description"]
    assert "delete my data" in info["description"]


# -- true to what the skill does and stores ------------------------------------------------------


def test_declares_apl_because_the_skill_sends_an_apl_countdown(invoke):
    interfaces = manifest()["apis"]["custom"]["interfaces"]
    (apl,) = [i for i in interfaces if i["type"] == "ALEXA_PRESENTATION_APL"]
    assert {v["mode"] for v in apl["supportedViewports"]} >= {"HUB"}
    conversation = Conversation(invoke, RequestFactory(interfaces=APL))
    conversation.say("StartStretchIntent")
    response = conversation.say("ReadyIntent")
    directives = response["response"].get("directives", [])
    assert "Alexa.Presentation.APL.RenderDocument" in [d["type"] for d in directives]


def test_privacy_answers_tell_the_truth_about_the_twitch_diary():
    privacy = manifest()["privacyAndCompliance"]
    # The skill stores a diary of twitches per Alexa account or recognised person.
    assert privacy["usesPersonalInfo"] is True
    assert privacy["allowsPurchases"] is False
    assert privacy["containsAds"] is False
    assert privacy["isChildDirected"] is False
    assert privacy["isExportCompliant"] is True
    # usesHealthInfo means a HIPAA covered entity or business associate asking Amazon to process
    # PHI for it (the schema's own description); the skill's publisher is neither.
    schema = json.loads((SCHEMAS / "skill_manifest.schema.json").read_text(encoding="utf-8"))
    meaning = schema["definitions"]["v1.skill.Manifest.SkillManifestPrivacyAndCompliance"]
    assert "Covered Entity" in meaning["properties"]["usesHealthInfo"]["description"]
    assert privacy["usesHealthInfo"] is False


@pytest.mark.parametrize("locale", LOCALES)
def test_privacy_policy_and_terms_point_at_the_projects_pages(locale):
    urls = manifest()["privacyAndCompliance"]["locales"][locale]
    assert urls == {
        "privacyPolicyUrl": f"{deploy.PLACEHOLDER_PAGES}/privacy",
        "termsOfUseUrl": f"{deploy.PLACEHOLDER_PAGES}/terms",
    }


def test_the_pages_say_what_is_stored_and_how_to_erase_it():
    privacy, terms = privacy_page(), terms_page()
    assert privacy.startswith("<!doctype html>")
    assert "<title>Toe Twitch Helper: privacy policy</title>" in privacy
    for words in ("twitch diary", "delete my data", "Disabling the skill", "voice profile"):
        assert words in privacy
    assert "not a substitute for professional medical advice" in terms


def test_testing_instructions_speak_of_the_diary_and_its_erasure():
    instructions = manifest()["publishingInformation"]["testingInstructions"]
    for words in ("twitch diary", "delete my data", "disabled", "on screen"):
        assert words in instructions
    assert "stores no" not in instructions


def quoted(text: str) -> list[str]:
    return re.findall(r"'([^']+)'", text)


@pytest.mark.parametrize(
    "phrase", quoted(manifest()["publishingInformation"]["testingInstructions"])
)
def test_each_phrase_in_the_testing_instructions_is_understood(phrase):
    request, resolution = request_for(phrase.removeprefix("Alexa, "))
    if resolution is not None:
        assert resolution.intent != FALLBACK, phrase
    else:
        assert request["type"] == "LaunchRequest"


# -- certification: invocation name --------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_invocation_name_meets_amazons_requirements(locale):
    name = language_model(locale)["invocationName"]
    words = name.split(" ")
    assert len(words) >= 2
    assert re.fullmatch(r"[a-z]+(?:'s)?(?: [a-z]+(?:'s)?)*", name)  # lowercase, spaces, 's
    assert not FORBIDDEN_IN_NAMES & set(words)
    assert len(words) > 2 or not ARTICLES & set(words)


# -- certification: example phrases --------------------------------------------------------------


def samples(locale: str) -> dict[str, list[str]]:
    return {i["name"]: i.get("samples", []) for i in language_model(locale)["intents"]}


def matches_sample(utterance: str, sample: str) -> bool:
    pattern = re.escape(sample.lower()).replace(r"\{", "{").replace(r"\}", "}")
    return re.fullmatch(re.sub(r"\{\w+\}", r"[\\w' ]+", pattern), utterance.lower()) is not None


@pytest.mark.parametrize("locale", LOCALES)
def test_example_phrases_meet_certification_rules(locale):
    phrases = manifest()["publishingInformation"]["locales"][locale]["examplePhrases"]
    name = language_model(locale)["invocationName"]
    assert 1 <= len(phrases) <= 3
    assert phrases[0] == f"Alexa, open {name}"
    for phrase in phrases:
        assert phrase.startswith("Alexa, ")
        assert phrase[-1] not in ".?!"
        called = invocation(phrase.removeprefix("Alexa, "), name)
        assert called is not None, phrase
        verb, utterance = called
        assert verb in LAUNCH_WORDS + ONE_SHOT_WORDS
        if utterance:
            intent = request_for(phrase.removeprefix("Alexa, "), locale=locale)[1]
            assert intent is not None and intent.intent != FALLBACK, phrase
            assert any(matches_sample(utterance, s) for s in samples(locale)[intent.intent])


@pytest.mark.parametrize("locale", LOCALES)
def test_example_phrases_each_work_in_a_session(invoke, locale):
    for phrase in manifest()["publishingInformation"]["locales"][locale]["examplePhrases"]:
        request, _ = request_for(phrase.removeprefix("Alexa, "), locale=locale)
        factory = RequestFactory(locale=locale)
        response = invoke(factory.envelope(request, None, True))
        assert speech_text(response), phrase
        assert "sorry" not in speech_text(response).lower(), phrase


# -- certification: one-shot and no-slot invocations --------------------------------------------

CUSTOM_INTENTS = [i["name"] for i in language_model("en-US")["intents"] if "." not in i["name"]]


def first_sample(intent: str, with_slot: bool) -> str | None:
    for sample in samples("en-US")[intent]:
        if ("{" in sample) == with_slot:
            return sample
    return None


@pytest.mark.parametrize("intent", CUSTOM_INTENTS)
def test_one_shot_invocation_resolves_and_answers(invoke, intent):
    sample = first_sample(intent, with_slot=False) or first_sample(intent, with_slot=True)
    assert sample is not None
    text = re.sub(r"\{\w+\}", lambda m: slot_example(intent, m.group()[1:-1]), sample)
    request, resolution = request_for(f"ask toe twitch helper {text}")
    assert resolution is not None and resolution.intent == intent, text
    response = invoke(RequestFactory().envelope(request, None, True))
    assert_no_dead_end(response)


def slot_example(intent: str, slot: str) -> str:
    (declared,) = [
        s["type"]
        for i in language_model("en-US")["intents"]
        if i["name"] == intent
        for s in i.get("slots", [])
        if s["name"] == slot
    ]
    if declared.startswith("AMAZON."):
        return {"AMAZON.NUMBER": "twenty", "AMAZON.TIME": "seven am"}.get(declared, "left")
    (slot_type,) = [t for t in language_model("en-US")["types"] if t["name"] == declared]
    return slot_type["values"][0]["name"]["value"]


SLOTTED = [
    i["name"] for i in language_model("en-US")["intents"] if "." not in i["name"] and i.get("slots")
]


@pytest.mark.parametrize("intent", SLOTTED)
def test_an_intent_with_its_slots_empty_still_answers(invoke, conversation, intent):
    conversation.launch()
    response = conversation.say(intent)  # every slot missing, as Alexa sends them unfilled
    assert_no_dead_end(response)
    one_shot = invoke(RequestFactory().envelope(RequestFactory().intent(intent), None, True))
    assert_no_dead_end(one_shot)


# -- certification: help, stop, sessions, dead ends -----------------------------------------------


def assert_no_dead_end(response: dict) -> None:
    """Either it asks, with a reprompt, or it ends the session."""
    body = response["response"]
    if body.get("shouldEndSession") is False:
        assert reprompt_text(response), body
        assert speech_text(response), body
    else:
        assert body.get("shouldEndSession") is True or "outputSpeech" in body, body


@pytest.mark.parametrize("question", STATES)
def test_help_from_every_state_helps_and_keeps_the_session(invoke, question):
    response = say_word(arrive(invoke, question), WORD_INTENTS_BY_NAME["AMAZON.HelpIntent"])
    assert response["response"]["shouldEndSession"] is False
    assert speech_text(response) and reprompt_text(response)


@pytest.mark.parametrize("question", STATES)
@pytest.mark.parametrize("intent", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
def test_stop_from_every_state_closes_the_session(invoke, question, intent):
    conversation = arrive(invoke, question)
    response = say_word(conversation, WORD_INTENTS_BY_NAME[intent])
    assert response["response"]["shouldEndSession"] is True
    assert "reprompt" not in response["response"]
    ended = conversation.send(conversation.factory.session_ended())
    assert ended["response"] == {} or "outputSpeech" not in ended["response"]


WORD_INTENTS_BY_NAME = {intent: word for word, intent in WORD_INTENTS.items()}


@pytest.mark.parametrize("question", STATES)
def test_no_dead_end_from_any_state_whatever_is_said(invoke, question):
    for word in WORD_INTENTS:
        assert_no_dead_end(say_word(arrive(invoke, question), word))
