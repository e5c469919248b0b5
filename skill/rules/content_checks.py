"""The checks each start-up runs on the parsed content: schemas, ids, cues, locale overrides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skill.rules.content_schema import SCHEMAS
from skill.rules.content_types import (
    DEFAULT_LOCALE,
    LOCALES_DIR,
    Content,
    ContentError,
    Entry,
    Stretch,
)
from skill.rules.triage import ALL_SIGNS, WARNING_SIGNS

# The ids the content must list, in this order (causes, self-care topics, stretches).
CAUSE_IDS = (
    "HYDRATION_ELECTROLYTES",
    "FATIGUE_OVERUSE",
    "STRESS_ANXIETY",
    "NUTRIENT_DEFICIENCY",
    "MEDICATION",
    "NERVE_COMPRESSION",
)
TOPIC_IDS = (
    "HYDRATION",
    "ELECTROLYTE_FOODS",
    "STRETCH_MASSAGE",
    "REST_RELAXATION",
    "DIET",
    "FOOTWEAR",
)
DOCTOR = "DOCTOR"
STRETCH_IDS = ("TOE_EXTENSION", "TOE_POINT", "TOWEL_CALF", "WALL_CALF", "FOOT_ROLL")
LOCALE_KEYS = frozenset({"country", "emergency_number", "model", "manifest", "content"})


def check_schema(value: Any, schema: Any, where: str) -> None:
    """Raise :class:`ContentError` at the first place ``value`` does not match ``schema``."""
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            raise ContentError(f"{where}: expected a mapping")
        missing, unknown = (
            sorted(schema.keys() - value.keys()),
            sorted(value.keys() - schema.keys()),
        )
        if missing or unknown:
            problems = [f"missing key '{key}'" for key in missing]
            problems += [f"unknown key '{key}'" for key in unknown]
            raise ContentError(f"{where}: {', '.join(problems)}")
        for key, sub in schema.items():
            check_schema(value[key], sub, f"{where}.{key}")
    elif isinstance(schema, list):
        if not isinstance(value, list) or not value:
            raise ContentError(f"{where}: expected a non-empty list")
        for index, item in enumerate(value):
            check_schema(item, schema[0], f"{where}[{index}]")
    elif not isinstance(value, schema) or (schema is str and not value.strip()):
        raise ContentError(f"{where}: expected non-empty text")


def _entries(data: list[dict[str, str]], expected: tuple[str, ...], where: str) -> dict[str, Entry]:
    """The entries of ``data`` by id; their ids must be ``expected``, in that order."""
    entries = {item["id"]: Entry(**item) for item in data}
    if tuple(entries) != expected:
        raise ContentError(f"{where}: ids must be {', '.join(expected)} in that order")
    return entries


def _check_hold(hold: dict[str, Any], where: str) -> None:
    """Every hold length offered fits its cues, each said before the next one starts."""
    from skill.voice.hold import cues_for, seconds_to_say

    if hold["default_seconds"] not in hold["choices"]:
        raise ContentError(f"{where}: default_seconds must be one of the choices")
    for seconds in hold["choices"]:
        free_from = 0.0
        for cue in cues_for(hold, seconds):
            if cue.at < free_from:
                raise ContentError(f"{where}: in a {seconds} s hold, {cue.say!r} overlaps")
            free_from = cue.at + seconds_to_say(cue.say, hold["speech"])
        if free_from > seconds:
            raise ContentError(f"{where}: the last cue runs past {seconds} s")


def _check_symptoms(symptoms: dict[str, Any], where: str) -> None:
    """Every warning sign has a reason, and the check's questions cover every sign once."""
    if set(symptoms["why"]) != WARNING_SIGNS:
        raise ContentError(f"{where}: why: needs exactly the signs {sorted(WARNING_SIGNS)}")
    asked = [sign for q in symptoms["check"]["questions"] for sign in q["signs"]]
    if sorted(asked) != sorted(ALL_SIGNS):
        raise ContentError(f"{where}: check.questions must cover every sign exactly once")


def checked_content(folder: Path, files: dict[str, Any]) -> Content:
    """Check the parsed files against their schemas and each other; the content they make."""
    for name, schema in SCHEMAS.items():
        check_schema(files[name], schema, str(folder / name))
    causes, self_care = files["causes.yaml"], files["self_care.yaml"]
    cause_entries = _entries(causes["causes"], CAUSE_IDS, f"{folder / 'causes.yaml'}: causes")
    topic_entries = _entries(self_care["topics"], TOPIC_IDS, f"{folder / 'self_care.yaml'}: topics")
    for entry in cause_entries.values():
        if entry.helps not in (*topic_entries, DOCTOR):
            raise ContentError(
                f"{folder / 'causes.yaml'}: causes.{entry.id}.helps: unknown topic '{entry.helps}'"
            )
    stretches = files["stretches.yaml"]
    stretch_entries = {item["id"]: Stretch(**item) for item in stretches["stretches"]}
    if tuple(stretch_entries) != STRETCH_IDS:
        raise ContentError(f"{folder / 'stretches.yaml'}: stretches: ids must be {STRETCH_IDS}")
    _check_hold(stretches["hold"], f"{folder / 'stretches.yaml'}: hold")
    symptoms = files["symptoms.yaml"]
    _check_symptoms(symptoms, f"{folder / 'symptoms.yaml'}")
    return Content(
        diary=files["diary.yaml"],
        symptoms=symptoms,
        stretches=stretches,
        stretch_entries=stretch_entries,
        causes=causes,
        cause_entries=cause_entries,
        self_care=self_care,
        topic_entries=topic_entries,
        doctor=files["doctor.yaml"],
        prompts=files["prompts.yaml"],
        dialogue=files["dialogue.yaml"],
    )


def checked_locales(
    folder: Path,
    base: dict[str, Any],
    locales: dict[str, Any],
    contents: dict[str, Content] | None = None,
) -> dict[str, Content]:
    """Each locale's content: the base with its overrides, checked like the base."""
    contents = contents or {DEFAULT_LOCALE: checked_content(folder, base)}
    for name, overrides in locales.items():
        path = folder / LOCALES_DIR / name
        if not isinstance(overrides, dict):
            raise ContentError(f"{path}: expected a mapping")
        unknown = sorted(set(overrides) - LOCALE_KEYS)
        if unknown:
            raise ContentError(f"{path}: unknown key '{unknown[0]}'")
        changed = _overridden(base, _by_file(overrides.get("content") or {}, path), path, "")
        number = overrides.get("emergency_number")
        if number is not None:  # a locale whose number the base does not list brings its own
            changed = _with_number(changed, Path(name).stem, number, path)
        try:
            contents[Path(name).stem] = checked_content(folder, changed)
        except ContentError as problem:  # an override of the wrong kind: say whose
            raise ContentError(f"{path}: with its overrides, {problem}") from None
    return contents


def _with_number(files: dict[str, Any], locale: str, number: Any, path: Path) -> dict[str, Any]:
    """``files`` with ``number`` as ``locale``'s emergency number (it may not change one)."""
    numbers = files["prompts.yaml"]["emergency"]["numbers"]
    if not isinstance(number, str) or not number.isdigit():
        raise ContentError(f"{path}: emergency_number: expected digits in quotes")
    if numbers.get(locale, number) != number:
        raise ContentError(f"{path}: emergency_number: prompts.yaml says {numbers[locale]}")
    prompts = dict(files["prompts.yaml"])
    prompts["emergency"] = {**prompts["emergency"], "numbers": {**numbers, locale: number}}
    return {**files, "prompts.yaml": prompts}


def _by_file(content: Any, path: Path) -> dict[str, Any]:
    """A locale's ``content:`` (keyed ``doctor``, ``symptoms``...) keyed by base file name."""
    if not isinstance(content, dict):
        raise ContentError(f"{path}: content: expected a mapping")
    return {f"{key}.yaml": value for key, value in content.items()}


def _overridden(base: Any, override: Any, path: Path, where: str) -> Any:
    """``base`` with the leaves ``override`` names replaced; every key must be the base's.

    A list of entries with ids (causes, topics, stretches) is changed by id.
    """
    if isinstance(base, list) and isinstance(override, dict):
        by_id = {item.get("id"): item for item in base if isinstance(item, dict)}
        for key in override:
            if key not in by_id:
                raise ContentError(f"{path}: {where}.{key}: the base content has no such id")
        return [
            _overridden(item, override[item["id"]], path, f"{where}.{item['id']}")
            if isinstance(item, dict) and item.get("id") in override
            else item
            for item in base
        ]
    if isinstance(base, dict):
        if not isinstance(override, dict):
            raise ContentError(f"{path}: {where.lstrip('.')}: expected a mapping")
        changed = dict(base)
        for key, value in override.items():
            named = f"{where}.{key}".lstrip(".").replace(".yaml", "")
            if key not in base:
                raise ContentError(f"{path}: unknown key '{named}' (the base content has none)")
            changed[key] = _overridden(base[key], value, path, f"{where}.{key}")
        return changed
    return override
