"""The English locales: generated files current, regional words where they belong."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
from pathlib import Path

import pytest

from skill.hosting.cli import main
from skill.rules import content, locales
from skill.rules.content import (
    ContentError,
    all_content,
    cache_path,
    content_dir,
    get_content,
    load_locales,
    write_cache,
)
from skill.rules.locales import LocaleError, build_model, generated_files, locale_files
from skill.simulator.resolver import resolve

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "interaction_model" / "interactionModels" / "custom"


def test_the_committed_models_and_manifest_are_what_the_locale_files_make():
    stale = [
        str(path.relative_to(ROOT))
        for path, text in generated_files().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `toe-twitch models` and commit what it writes"


def test_the_check_command_passes_on_the_committed_files(capsys):
    assert locales.run(argparse.Namespace(check=True)) == 0


def test_five_english_locales_each_from_one_override_file():
    assert sorted(path.stem for path in MODELS.glob("*.json")) == sorted(["en-US", *locale_files()])
    assert sorted(locale_files()) == ["en-AU", "en-CA", "en-GB", "en-IN"]


def base_model() -> dict:
    return json.loads((MODELS / "en-US.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("additions", "message"),
    [
        ({"samples": {"NoSuchIntent": ["hello"]}}, "no such intent"),
        ({"samples": {"SelfCareIntent": ["why is my toe twitching"]}}, "TwitchCausesIntent's"),
        ({"synonyms": {"NoSuchType": {"X": ["y"]}}}, "no such slot type"),
        ({"synonyms": {"SymptomType": {"NOPE": ["y"]}}}, "no such id"),
        ({"synonyms": {"SymptomType": {"PAIN": ["pins and needles"]}}}, "is taken"),
    ],
)
def test_an_addition_that_does_not_fit_the_base_is_refused(additions, message):
    with pytest.raises(LocaleError, match=message):
        build_model(base_model(), additions, "en-XX.yaml")


@pytest.mark.parametrize(
    ("locale", "intent", "sample"),
    [
        ("en-GB", "WhenToSeeDoctorIntent", "should i go to a and e"),
        ("en-GB", "WhenToSeeDoctorIntent", "should i ring the surgery"),
        ("en-CA", "WhenToSeeDoctorIntent", "should i see my family doctor"),
        ("en-AU", "LogTwitchIntent", "my toe twitched this arvo"),
        ("en-IN", "ReportSymptomIntent", "i am having {symptom} in my toe"),
    ],
)
def test_regional_samples_are_in_their_locale_only(locale, intent, sample):
    def samples(name: str) -> list[str]:
        document = json.loads((MODELS / f"{name}.json").read_text(encoding="utf-8"))
        model = document["interactionModel"]["languageModel"]
        return next(i["samples"] for i in model["intents"] if i["name"] == intent)

    assert sample in samples(locale)
    assert sample not in samples("en-US")


# -- content: the base English with each locale's overrides -----------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the content files, without any cache."""
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize(
    ("locale", "key", "words"),
    [
        ("en-GB", "checks_question", "GP"),
        ("en-AU", "checks_question", "GP"),
        ("en-CA", "checks_question", "family doctor"),
        ("en-US", "checks_question", "a doctor"),
        ("en-IN", "checks_question", "a doctor"),
    ],
)
def test_each_locale_says_who_to_see_in_its_own_words(locale, key, words):
    assert words in get_content(locale).doctor[key]


def test_where_to_go_and_what_to_wear_follow_the_locale():
    assert "A and E" in get_content("en-GB").symptoms["emergency"]
    assert "emergency department" in get_content("en-US").symptoms["emergency"]
    assert "trainers" in get_content("en-GB").topic_entries["FOOTWEAR"].detail
    assert "runners" in get_content("en-AU").topic_entries["FOOTWEAR"].detail
    assert get_content("en-GB").cause_entries == get_content().cause_entries  # not overridden


def test_the_emergency_numbers_stay_as_they_are():
    numbers = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112"}
    for locale in numbers:
        assert get_content(locale).prompts["emergency"]["numbers"] == numbers


def test_get_content_without_a_locale_is_the_base_english():
    assert get_content() is get_content("en-US") is all_content()["en-US"]


def test_an_override_key_the_base_lacks_stops_loading_naming_file_and_key(folder):
    path = folder / "locales" / "en-GB.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  prompts:\n    goodbye_now: Cheerio.\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ContentError, match=r"locales/en-GB\.yaml: unknown key 'prompts\.goodbye_now'"
    ):
        load_locales(folder)


def test_an_override_of_an_unknown_id_stops_loading(folder):
    path = folder / "locales" / "en-AU.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "      FOOTWEAR:\n        card", "      FOOTWARE:\n        card"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"en-AU\.yaml: .*FOOTWARE: the base content has no such id"
    ):
        load_locales(folder)


def test_an_override_of_the_wrong_kind_names_the_locale_file(folder):
    path = folder / "locales" / "en-CA.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  prompts:\n    goodbye: ''\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"en-CA\.yaml: with its overrides, .*goodbye"):
        load_locales(folder)


def test_locale_overrides_come_from_the_cache_too(folder, monkeypatch):
    from_yaml = load_locales(folder)
    write_cache(folder)
    assert cache_path(folder / "locales").is_file()
    monkeypatch.setattr(content, "_parse", lambda path, source: pytest.fail(f"parsed {path}"))
    assert load_locales(folder) == from_yaml


def test_an_unknown_locale_gets_english_logged_once(caplog):
    with caplog.at_level(logging.WARNING, logger="skill.rules.content"):
        for _ in range(3):
            assert get_content("xx-YY") is get_content("en-US")
    assert [r.getMessage() for r in caplog.records].count(
        "no content for locale 'xx-YY': speaking the base English (en-US)"
    ) == 1


# -- the simulator speaks each locale's model --------------------------------------------------


def test_simulate_in_en_in_reaches_the_pain_advice(capsys):
    code = main(["simulate", "--locale", "en-IN", "ask toe twitch helper my toe is paining"])
    out = capsys.readouterr().out
    assert code == 0
    assert "ReportSymptomIntent" in out and "(PAIN)" in out
    assert "reason to see a healthcare provider" in out


@pytest.mark.parametrize(
    ("locale", "text", "intent"),
    [
        ("en-GB", "should i ring the surgery", "WhenToSeeDoctorIntent"),
        ("en-AU", "my toe twitched this arvo", "LogTwitchIntent"),
        ("en-CA", "should i see my family doctor", "WhenToSeeDoctorIntent"),
    ],
)
def test_simulate_uses_the_locales_own_model(locale, text, intent):
    own = resolve(text, locale)
    assert (own.intent, own.sample) == (intent, text)  # matched exactly, by its own sample
    assert resolve(text, "en-US").sample != text


def test_a_new_locale_can_bring_its_own_emergency_number(folder):
    (folder / "locales" / "en-NZ.yaml").write_text(
        'country: NZ\nemergency_number: "111"\ncontent:\n  doctor:\n    checks_question: GP?\n',
        encoding="utf-8",
    )
    loaded = load_locales(folder)
    assert loaded["en-NZ"].prompts["emergency"]["numbers"]["en-NZ"] == "111"
    assert "en-NZ" not in loaded["en-US"].prompts["emergency"]["numbers"]


def test_a_locale_file_may_not_change_a_listed_emergency_number(folder):
    path = folder / "locales" / "en-GB.yaml"
    path.write_text('emergency_number: "112"\n' + path.read_text(encoding="utf-8"))
    with pytest.raises(ContentError, match=r"en-GB\.yaml: emergency_number: prompts.yaml says 999"):
        load_locales(folder)
