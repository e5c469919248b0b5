"""Load the skill's words from ``content/`` once, and check them at load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from skill.rules.content_schema import SCHEMAS
from skill.rules.triage import ALL_SIGNS, WARNING_SIGNS

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
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(Exception):
    """A content file is missing, unreadable, or does not match its schema."""


@dataclass(frozen=True)
class Prompt:
    """Something to say, and what to say again if the person is silent."""

    speech: str
    reprompt: str


@dataclass(frozen=True)
class Entry:
    """One cause or self-care topic: its id, spoken name, card line and spoken detail."""

    id: str
    name: str
    card: str
    detail: str
    helps: str = ""


@dataclass(frozen=True)
class Stretch:
    """One stretch of the routine: spoken name, set-up, whether both feet do it, a safety line."""

    id: str
    name: str
    setup: str
    each_side: bool
    safety: str
    start: str


@dataclass(frozen=True)
class Content:
    """Everything the skill says, checked and ready to use."""

    causes: dict[str, Any]
    cause_entries: dict[str, Entry]
    self_care: dict[str, Any]
    topic_entries: dict[str, Entry]
    doctor: dict[str, Any]
    prompts: dict[str, Any]
    stretches: dict[str, Any]
    stretch_entries: dict[str, Stretch]
    symptoms: dict[str, Any]
    diary: dict[str, Any]
    dialogue: dict[str, Any]

    def prompt(self, key: str, **values: str) -> Prompt:
        """Return prompt ``key`` with ``{placeholders}`` filled from ``values``."""
        raw = self.prompts[key]
        return Prompt(raw["speech"].format(**values), raw["reprompt"].format(**values))

    def twitch_count(self, count: int) -> str:
        """'no twitches', 'one twitch' or '3 twitches'."""
        twitches = self.diary["twitches"]
        if count < 2:
            return twitches["none" if count == 0 else "one"]
        return twitches["many"].format(count=count)

    def cause_names(self, last_word: str = "or") -> str:
        """The six causes' spoken names as one list, ending in ``last_word``."""
        return spoken_list([entry.name for entry in self.cause_entries.values()], last_word)


def spoken_list(items: list[str], last_word: str = "and") -> str:
    """Join items the way people say lists: 'a, b, and c'."""
    if len(items) < 3:
        return f" {last_word} ".join(items)
    return f"{', '.join(items[:-1])}, {last_word} {items[-1]}"


def resource_dir(name: str) -> Path:
    """A data folder (``content``, ``interaction_model``): in the wheel, or beside the package."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / name
    return bundled if bundled.is_dir() else package.parent / name


def content_dir() -> Path:
    """The folder the skill's words are read from."""
    return resource_dir("content")


def _check(value: Any, schema: Any, where: str) -> None:
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
            _check(value[key], sub, f"{where}.{key}")
    elif isinstance(schema, list):
        if not isinstance(value, list) or not value:
            raise ContentError(f"{where}: expected a non-empty list")
        for index, item in enumerate(value):
            _check(item, schema[0], f"{where}[{index}]")
    elif not isinstance(value, schema) or (schema is str and not value.strip()):
        raise ContentError(f"{where}: expected non-empty text")


def _read(folder: Path, name: str) -> dict[str, Any]:
    path = folder / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except OSError as error:
        raise ContentError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise ContentError(f"{path}: is not UTF-8 text") from None
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: {_yaml_problem(error)}") from None
    _check(data, SCHEMAS[name], str(path))
    return data


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Where a YAML file stops making sense, as an editor shows it: line and column."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "not valid YAML"
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start is not None:
        problem += f" ({context} at line {start.line + 1})"
    return where + problem


def _entries(data: list[dict[str, str]], expected: tuple[str, ...], where: str) -> dict[str, Entry]:
    entries = {item["id"]: Entry(**item) for item in data}
    if tuple(entries) != expected:
        raise ContentError(f"{where}: ids must be {', '.join(expected)} in that order")
    return entries


def _check_hold(hold: dict[str, Any], where: str) -> None:
    """Every cue must fit before the next one, and the last before the release."""
    seconds_per_word = 60 / hold["words_per_minute"]
    free_from = 0.0
    for cue in hold["cues"]:
        if cue["at"] < free_from:
            raise ContentError(f"{where}: the cue at {cue['at']} s overlaps the one before it")
        free_from = cue["at"] + len(cue["say"].split()) * seconds_per_word
    if free_from > hold["seconds"]:
        raise ContentError(f"{where}: the last cue runs past {hold['seconds']} s")


def _check_symptoms(symptoms: dict[str, Any], where: str) -> None:
    """Every warning sign has a reason, and the check's questions cover every sign once."""
    if set(symptoms["why"]) != WARNING_SIGNS:
        raise ContentError(f"{where}: why: needs exactly the signs {sorted(WARNING_SIGNS)}")
    asked = [sign for q in symptoms["check"]["questions"] for sign in q["signs"]]
    if sorted(asked) != sorted(ALL_SIGNS):
        raise ContentError(f"{where}: check.questions must cover every sign exactly once")


def load_content(folder: Path | None = None) -> Content:
    """Read and check every content file in ``folder`` (default: :func:`content_dir`)."""
    folder = folder or content_dir()
    files = {name: _read(folder, name) for name in SCHEMAS}
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


@cache
def get_content() -> Content:
    """The skill's content, loaded on first use and kept for the life of the process."""
    return load_content()
