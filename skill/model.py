"""Read the interaction model's slot values, for answers Alexa filed under another intent."""

from __future__ import annotations

import json
from functools import cache

from skill.content import resource_dir

MODEL_FILE = "interactionModels/custom/en-US.json"


@cache
def slot_synonyms(type_name: str) -> dict[str, str]:
    """Every name and synonym of slot type ``type_name``, lowercased, mapped to its value id."""
    path = resource_dir("interaction_model") / MODEL_FILE
    model = json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
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
