"""Read the interaction model bundled with the skill: the one place its files are opened."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from skill.rules.content import resource_dir

MODEL_DIR = "interactionModels/custom"
DEFAULT_LOCALE = "en-US"


def model_path(locale: str = DEFAULT_LOCALE) -> Path:
    """The model file for ``locale``, or the en-US one when the skill has none for it."""
    folder = resource_dir("interaction_model") / MODEL_DIR
    path = folder / f"{locale}.json"
    return path if path.is_file() else folder / f"{DEFAULT_LOCALE}.json"


@cache
def interaction_model(locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """The whole model document for ``locale``, read once per process."""
    return json.loads(model_path(locale).read_text(encoding="utf-8"))


@cache
def slot_synonyms(type_name: str) -> dict[str, str]:
    """Every name and synonym of slot type ``type_name``, lowercased, mapped to its value id."""
    model = interaction_model()["interactionModel"]["languageModel"]
    phrases: dict[str, str] = {}
    for slot_type in model.get("types", []):
        if slot_type["name"] != type_name:
            continue
        for value in slot_type["values"]:
            name = value["name"]
            for phrase in [name["value"], *name.get("synonyms", [])]:
                phrases[phrase.lower()] = value["id"]
    return phrases


def match_slot_value(type_name: str, spoken: str | None) -> str | None:
    """The id of the ``type_name`` value whose name or synonym is exactly ``spoken``."""
    if not spoken:
        return None
    return slot_synonyms(type_name).get(" ".join(spoken.lower().split()))
