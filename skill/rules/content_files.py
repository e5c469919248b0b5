"""Read the content's YAML files, and keep them parsed in a cache beside them.

Parsing the YAML (and importing PyYAML) is most of the cost of loading, so the parsed files are
kept in ``__pycache__/content.cache`` beside them, like Python's bytecode. The cache holds the
exact bytes of the YAML it was made from and is used only when every file still has those bytes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skill.rules.content_checks import check_schema, checked_locales
from skill.rules.content_schema import SCHEMAS
from skill.rules.content_types import LOCALES_DIR, ContentError

if TYPE_CHECKING:
    import yaml

CACHE_MAGIC = b"toe-twitch content cache 1\n"  # a new number when the parsed form changes

Parse = Callable[[Path, bytes], Any]  # a file's path and bytes: what it says
Write = Callable[[Path, bytes], None]  # a path and the bytes to put there


def read_source(folder: Path, name: str) -> bytes:
    """The bytes of ``folder/name``, or :class:`ContentError` if it cannot be read."""
    path = folder / name
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(f"{path}: cannot be read ({error.strerror})") from None


def parse_yaml(path: Path, source: bytes) -> Any:
    """The YAML ``source`` (read from ``path``) parsed, or :class:`ContentError` saying where."""
    import yaml

    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(f"{path}: is not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: {_yaml_problem(error)}") from None


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Where a YAML file stops making sense, as an editor shows it: line and column."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "not valid YAML"
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start is not None:
        problem += f" ({context} at line {start.line + 1})"
    return where + problem


def cache_path(folder: Path) -> Path:
    """Where the parsed content of ``folder`` is cached (git ignores ``__pycache__``)."""
    return folder / "__pycache__" / "content.cache"


def cache_bytes(sources: dict[str, bytes], parsed: dict[str, Any]) -> bytes | None:
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


def write_whole(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(blob)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def locale_names(folder: Path) -> list[str]:
    """The locale override files in ``folder/locales`` (cached there, as the base is)."""
    return [path.name for path in sorted((folder / LOCALES_DIR).glob("*.yaml"))]


def write_cache(folder: Path, parse: Parse = parse_yaml, write: Write = write_whole) -> Path:
    """Parse and check the content in ``folder``, then write its cache; the cache's path.

    For build steps (the Lambda artifact cannot write beside its code). Raises
    :class:`ContentError` for content that fails its checks, ``OSError`` if it cannot write.
    """
    written: dict[Path, tuple[dict[str, bytes], dict[str, Any]]] = {}
    for where, names in ((folder, list(SCHEMAS)), (folder / LOCALES_DIR, locale_names(folder))):
        sources = {name: read_source(where, name) for name in names}
        written[where] = sources, {n: parse(where / n, b) for n, b in sources.items()}
    checked_locales(folder, written[folder][1], written[folder / LOCALES_DIR][1])
    for where, (sources, parsed) in written.items():
        if not sources:
            continue
        blob = cache_bytes(sources, parsed)
        if blob is None:
            raise ContentError(f"{where}: the content cannot be cached as JSON")
        write(cache_path(where), blob)
    return cache_path(folder)


def parsed_files(
    folder: Path,
    names: list[str] | None = None,
    parse: Parse = parse_yaml,
    write: Write = write_whole,
) -> dict[str, Any]:
    """Every content file, parsed: from the cache if it matches the YAML, else from the YAML."""
    chosen = list(SCHEMAS) if names is None else names
    sources = {name: read_source(folder, name) for name in chosen}
    if not sources:
        return {}
    parsed = _cached(folder, sources)
    if parsed is not None:
        return parsed
    parsed = {}
    for name, source in sources.items():
        parsed[name] = parse(folder / name, source)
        if name in SCHEMAS:
            check_schema(parsed[name], SCHEMAS[name], str(folder / name))  # the first bad file
    if not sys.dont_write_bytecode:
        blob = cache_bytes(sources, parsed)
        if blob is not None:
            with contextlib.suppress(OSError):  # read-only: it keeps reading the YAML
                write(cache_path(folder), blob)
    return parsed
