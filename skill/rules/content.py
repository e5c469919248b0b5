"""Load the skill's words from ``content/`` once, and check them at load.

The repository keeps the words as YAML. Parsing it (and importing PyYAML) is most of the cost
of loading, so the parsed files are kept in a cache, ``content/__pycache__/content.cache``,
written beside them like Python's bytecode: on first load where the folder is writable (unless
``PYTHONDONTWRITEBYTECODE`` is set), or by ``python -m skill.rules.content --write-cache``
at build time (the Lambda artifact's folder is read-only). The cache holds the exact bytes of
the YAML it was made from and is used only when every file still has those bytes; whatever its
source, the parsed data goes through every check below at each start-up.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skill.rules.content_schema import SCHEMAS
from skill.rules.triage import ALL_SIGNS, WARNING_SIGNS

if TYPE_CHECKING:
    import yaml

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
DEFAULT_LOCALE = "en-US"  # the base content; content/locales/<locale>.yaml changes it
CACHE_MAGIC = b"toe-twitch content cache 1\n"  # a new number when the parsed form changes


LOCALES_DIR = "locales"  # <locale>.yaml: what a locale says differently (skill/rules/locales.py)
LOCALE_KEYS = frozenset({"country", "emergency_number", "model", "manifest", "content"})
_request_locale: ContextVar[str] = ContextVar("content_locale", default=DEFAULT_LOCALE)
log = logging.getLogger(__name__)


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
    short: str
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


def _source(folder: Path, name: str) -> bytes:
    path = folder / name
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(f"{path}: cannot be read ({error.strerror})") from None


def _parse(path: Path, source: bytes) -> Any:
    import yaml

    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(f"{path}: is not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: {_yaml_problem(error)}") from None


def cache_path(folder: Path) -> Path:
    """Where the parsed content of ``folder`` is cached (git ignores ``__pycache__``)."""
    return folder / "__pycache__" / "content.cache"


def _cache_bytes(sources: dict[str, bytes], parsed: dict[str, Any]) -> bytes | None:
    """The cache file for ``parsed``, or None if JSON cannot hold it exactly."""
    try:
        data = json.dumps(parsed, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):  # a YAML date, a NaN: keep reading the YAML
        return None
    if json.loads(data) != parsed:  # e.g. a key that is not text
        return None
    sizes = [[name, len(source)] for name, source in sources.items()]
    header = {"sources": sizes, "data": len(data)}
    return b"".join(
        [CACHE_MAGIC, json.dumps(header).encode("ascii"), b"\n", *sources.values(), data]
    )


def _cached(folder: Path, sources: dict[str, bytes]) -> dict[str, Any] | None:
    """The parsed files from the cache, if it was made from exactly ``sources``."""
    try:
        blob = cache_path(folder).read_bytes()
        if not blob.startswith(CACHE_MAGIC):
            return None
        end = blob.index(b"\n", len(CACHE_MAGIC))
        header = json.loads(blob[len(CACHE_MAGIC) : end])
        at = end + 1
        if [name for name, _ in header["sources"]] != list(sources):
            return None
        for name, size in header["sources"]:
            if blob[at : at + size] != sources[name] or size != len(sources[name]):
                return None
            at += size
        if len(blob) - at != header["data"]:
            return None
        parsed = json.loads(blob[at:])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return parsed if isinstance(parsed, dict) and list(parsed) == list(sources) else None


def _write(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(blob)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _locale_names(folder: Path) -> list[str]:
    """The locale override files in ``folder/locales`` (cached there, as the base is)."""
    return [path.name for path in sorted((folder / LOCALES_DIR).glob("*.yaml"))]


def write_cache(folder: Path | None = None) -> Path:
    """Parse and check the content in ``folder``, then write its cache; the cache's path.

    For build steps (the Lambda artifact cannot write beside its code). Raises
    :class:`ContentError` for content that fails its checks, ``OSError`` if it cannot write.
    """
    folder = folder or content_dir()
    written: dict[Path, tuple[dict[str, bytes], dict[str, Any]]] = {}
    for where, names in ((folder, list(SCHEMAS)), (folder / LOCALES_DIR, _locale_names(folder))):
        sources = {name: _source(where, name) for name in names}
        written[where] = sources, {n: _parse(where / n, b) for n, b in sources.items()}
    _checked_locales(folder, written[folder][1], written[folder / LOCALES_DIR][1])
    for where, (sources, parsed) in written.items():
        if not sources:
            continue
        blob = _cache_bytes(sources, parsed)
        if blob is None:
            raise ContentError(f"{where}: the content cannot be cached as JSON")
        _write(cache_path(where), blob)
    return cache_path(folder)


def _parsed_files(folder: Path, names: list[str] | None = None) -> dict[str, Any]:
    """Every content file, parsed: from the cache if it matches the YAML, else from the YAML."""
    sources = {name: _source(folder, name) for name in (list(SCHEMAS) if names is None else names)}
    if not sources:
        return {}
    parsed = _cached(folder, sources)
    if parsed is not None:
        return parsed
    parsed = {}
    for name, source in sources.items():
        parsed[name] = _parse(folder / name, source)
        if name in SCHEMAS:
            _check(parsed[name], SCHEMAS[name], str(folder / name))  # the first bad file, first
    if not sys.dont_write_bytecode:
        blob = _cache_bytes(sources, parsed)
        if blob is not None:
            with contextlib.suppress(OSError):  # read-only: it keeps reading the YAML
                _write(cache_path(folder), blob)
    return parsed


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


def load_content(folder: Path | None = None, locale: str = DEFAULT_LOCALE) -> Content:
    """Read and check every content file in ``folder`` (default: :func:`content_dir`)."""
    return load_locales(folder)[locale]


def load_locales(folder: Path | None = None) -> dict[str, Content]:
    """The base content (en-US) and each locale's, all read and checked."""
    folder = folder or content_dir()
    base = _parsed_files(folder)
    contents = {DEFAULT_LOCALE: _checked_content(folder, base)}  # the base first, then locales
    locales = _parsed_files(folder / LOCALES_DIR, _locale_names(folder))
    return _checked_locales(folder, base, locales, contents)


def _checked_locales(
    folder: Path,
    base: dict[str, Any],
    locales: dict[str, Any],
    contents: dict[str, Content] | None = None,
) -> dict[str, Content]:
    """Each locale's content: the base with its overrides, checked like the base."""
    contents = contents or {DEFAULT_LOCALE: _checked_content(folder, base)}
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
            contents[Path(name).stem] = _checked_content(folder, changed)
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


def _checked_content(folder: Path, files: dict[str, Any]) -> Content:
    """Check the parsed files against their schemas and each other; the content they make."""
    for name, schema in SCHEMAS.items():
        _check(files[name], schema, str(folder / name))
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
def all_content() -> dict[str, Content]:
    """Every locale's content, loaded and checked on first use, kept for the process's life."""
    return load_locales()


def get_content(locale: str | None = None) -> Content:
    """The content for ``locale``, default the request's (see :func:`use_locale`), else en-US.

    A locale the skill has no words for gets the base English, logged once per locale.
    """
    contents = all_content()
    chosen = locale or _request_locale.get()
    found = contents.get(chosen)
    if found is None:
        _unknown_locale(chosen)
        return contents[DEFAULT_LOCALE]
    return found


@lru_cache(maxsize=256)  # Alexa's locales are few; a forged one cannot grow it for ever
def _unknown_locale(locale: str) -> None:
    log.warning("no content for locale %r: speaking the base English (%s)", locale, DEFAULT_LOCALE)


def use_locale(locale: str | None) -> None:
    """Make :func:`get_content` speak ``locale`` in this thread (the request's; None: en-US)."""
    _request_locale.set(locale or DEFAULT_LOCALE)


def main(argv: list[str] | None = None) -> int:
    """``python -m skill.rules.content --write-cache [FOLDER]``: a build step."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "--write-cache" or len(args) > 2:
        print("usage: python -m skill.rules.content --write-cache [FOLDER]", file=sys.stderr)
        return 2
    try:
        path = write_cache(Path(args[1]) if len(args) > 1 else None)
    except (ContentError, OSError) as failure:
        print(f"content cache not written: {failure}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
