"""English locales beyond en-US, built from one file each: ``content/locales/<locale>.yaml``.

A locale file holds what the locale adds to the en-US base: ``model`` (samples per intent, slot
synonyms per type and value id), ``manifest`` (fields of its publishing information that differ),
``country`` (where it is distributed), ``emergency_number`` (only if content/prompts.yaml lacks
it) and ``content`` (the words the skill says differently, read at start-up by
:mod:`skill.rules.content`). ``toe-twitch models`` writes each locale's interaction model and its
entries in ``skill.json`` from the en-US ones; ``--check`` only says which are stale.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

from skill.rules.content import DEFAULT_LOCALE, content_dir, resource_dir
from skill.rules.content_checks import LOCALE_KEYS
from skill.rules.interaction_model import MODEL_DIR

MANIFEST_FIELDS = frozenset({"name", "summary", "description", "examplePhrases", "keywords"})
BASE_COUNTRY = "US"


class LocaleError(Exception):
    """A locale file that does not fit the base model or manifest."""


def locale_files(folder: Path | None = None) -> dict[str, Path]:
    """Each locale with an override file, by name (``en-GB``), sorted."""
    folder = folder or content_dir() / "locales"
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def read_locale(path: Path) -> dict[str, Any]:
    """A locale file, parsed, its top-level keys checked."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise LocaleError(f"{path}: expected a mapping")
    unknown = sorted(set(data) - LOCALE_KEYS)
    if unknown:
        raise LocaleError(f"{path}: unknown key '{unknown[0]}' (known: {sorted(LOCALE_KEYS)})")
    if not isinstance(data.get("country"), str):
        raise LocaleError(f"{path}: country: expected a two-letter country code")
    return data


def normalised(phrase: str) -> str:
    """A sample or synonym as Alexa compares them: lowercase, single spaces."""
    return " ".join(phrase.lower().split())


def build_model(base: dict[str, Any], additions: dict[str, Any], where: str) -> dict[str, Any]:
    """The en-US model ``base`` with a locale's extra samples and synonyms."""
    model = copy.deepcopy(base)
    language = model["interactionModel"]["languageModel"]
    intents = {intent["name"]: intent for intent in language["intents"]}
    owners = {normalised(s): i["name"] for i in intents.values() for s in i.get("samples", [])}
    for name, samples in (additions.get("samples") or {}).items():
        if name not in intents:
            raise LocaleError(f"{where}: model.samples.{name}: no such intent in the base model")
        for sample in samples:
            owner = owners.get(normalised(sample))
            if owner is not None:
                raise LocaleError(f"{where}: model.samples.{name}: {sample!r} is {owner}'s already")
            intents[name].setdefault("samples", []).append(sample)
            owners[normalised(sample)] = name
    types = {slot_type["name"]: slot_type for slot_type in language.get("types", [])}
    for type_name, values in (additions.get("synonyms") or {}).items():
        if type_name not in types:
            raise LocaleError(f"{where}: model.synonyms.{type_name}: no such slot type")
        by_id = {value["id"]: value for value in types[type_name]["values"]}
        taken = {
            normalised(p)
            for slot_type in types.values()
            for value in slot_type["values"]
            for p in [value["name"]["value"], *value["name"].get("synonyms", [])]
        }
        for value_id, synonyms in values.items():
            if value_id not in by_id:
                raise LocaleError(f"{where}: model.synonyms.{type_name}.{value_id}: no such id")
            for synonym in synonyms:
                if normalised(synonym) in taken:
                    raise LocaleError(
                        f"{where}: model.synonyms.{type_name}.{value_id}: {synonym!r} is taken"
                    )
                by_id[value_id]["name"].setdefault("synonyms", []).append(synonym)
                taken.add(normalised(synonym))
    return model


def emergency_numbers() -> dict[str, str]:
    """The local emergency numbers, from the base content."""
    import yaml

    prompts = yaml.safe_load((content_dir() / "prompts.yaml").read_text(encoding="utf-8"))
    return dict(prompts["emergency"]["numbers"])


def build_manifest(
    manifest: dict[str, Any], locales: dict[str, dict[str, Any]], numbers: dict[str, str]
) -> dict[str, Any]:
    """``manifest`` with an entry per locale made from the en-US one, and their countries."""
    built = copy.deepcopy(manifest)
    publishing = built["manifest"]["publishingInformation"]
    privacy = built["manifest"]["privacyAndCompliance"]
    base_info = publishing["locales"][DEFAULT_LOCALE]
    base_number = numbers[DEFAULT_LOCALE]
    keep = {DEFAULT_LOCALE}
    countries = [BASE_COUNTRY]
    for locale, data in locales.items():
        changes = data.get("manifest") or {}
        unknown = sorted(set(changes) - MANIFEST_FIELDS)
        if unknown:
            raise LocaleError(f"{locale}: manifest.{unknown[0]}: not a field this fills")
        info = copy.deepcopy(base_info)
        number = numbers.get(locale) or data.get("emergency_number")
        if number is None:
            raise LocaleError(f"{locale}: no emergency number (give it emergency_number: ...)")
        info["description"] = info["description"].replace(f"call {base_number}", f"call {number}")
        info.update(copy.deepcopy(changes))
        publishing["locales"][locale] = info
        privacy["locales"][locale] = copy.deepcopy(privacy["locales"][DEFAULT_LOCALE])
        keep.add(locale)
        if data["country"] not in countries:
            countries.append(data["country"])
    for section in (publishing["locales"], privacy["locales"]):
        for stale in set(section) - keep:
            del section[stale]
    publishing["distributionCountries"] = countries
    return built


def as_json(document: dict[str, Any]) -> str:
    """A document as the committed JSON files are written."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def generated_files(root: Path | None = None) -> dict[Path, str]:
    """Every file ``toe-twitch models`` writes, with the text it should hold."""
    source = root or resource_dir("interaction_model")
    models = source / MODEL_DIR
    base = json.loads((models / f"{DEFAULT_LOCALE}.json").read_text(encoding="utf-8"))
    manifest_path = source / "skill.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    locales = {name: read_locale(path) for name, path in locale_files().items()}
    files = {
        models / f"{name}.json": as_json(build_model(base, data.get("model") or {}, str(path)))
        for (name, data), path in zip(locales.items(), locale_files().values(), strict=True)
    }
    files[manifest_path] = as_json(build_manifest(manifest, locales, emergency_numbers()))
    return files


def stale_files(root: Path | None = None) -> list[Path]:
    """The generated files whose committed text differs from what the locale files make."""
    return [
        path
        for path, text in generated_files(root).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``models`` subcommand to the command line."""
    models = commands.add_parser(
        "models",
        help="write the en-GB, en-CA, en-AU, en-IN... models and manifest entries",
        description="Write interaction_model/interactionModels/custom/<locale>.json and the "
        "locale's skill.json entries from the en-US ones plus content/locales/<locale>.yaml.",
    )
    models.add_argument(
        "--check", action="store_true", help="write nothing; fail if a written file is stale"
    )
    return models


def run(args: argparse.Namespace) -> int:
    """Write (or with ``--check``, check) the generated locale files; 0, or 1 if stale."""
    try:
        files = generated_files()
    except (LocaleError, OSError, ValueError, KeyError) as failure:
        print(f"models not written: {failure}", file=sys.stderr)
        return 1
    if getattr(args, "check", False):
        stale = [path for path, text in files.items() if _text(path) != text]
        for path in stale:
            print(f"stale: {path} (run toe-twitch models)", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        if _text(path) != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


def _text(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
