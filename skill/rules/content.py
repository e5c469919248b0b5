"""Load the skill's words from ``content/`` once, and check them at load.

The repository keeps the words as YAML. Parsing it (and importing PyYAML) is most of the cost
of loading, so the parsed files are kept in a cache, ``content/__pycache__/content.cache``,
written beside them like Python's bytecode: on first load where the folder is writable (unless
``PYTHONDONTWRITEBYTECODE`` is set), or by ``python -m skill.rules.content --write-cache``
at build time (the Lambda artifact's folder is read-only). The cache holds the exact bytes of
the YAML it was made from and is used only when every file still has those bytes; whatever its
source, the parsed data goes through every check (:mod:`content_checks`) at each start-up.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path

from skill.rules import content_files
from skill.rules.content_checks import (
    CAUSE_IDS,
    DOCTOR,
    STRETCH_IDS,
    TOPIC_IDS,
    checked_content,
    checked_locales,
)
from skill.rules.content_files import (
    CACHE_MAGIC,
    cache_bytes,
    cache_path,
    locale_names,
    parse_yaml,
    parsed_files,
    write_whole,
)
from skill.rules.content_schema import SCHEMAS
from skill.rules.content_types import (
    DEFAULT_LOCALE,
    LOCALES_DIR,
    Content,
    ContentError,
    Prompt,
    Stretch,
    spoken_list,
)

__all__ = [
    "CACHE_MAGIC",
    "CAUSE_IDS",
    "DEFAULT_LOCALE",
    "DOCTOR",
    "LOCALES_DIR",
    "SCHEMAS",
    "STRETCH_IDS",
    "TOPIC_IDS",
    "Content",
    "ContentError",
    "Prompt",
    "Stretch",
    "all_content",
    "cache_path",
    "content_dir",
    "get_content",
    "load_content",
    "load_locales",
    "main",
    "resource_dir",
    "spoken_list",
    "use_locale",
    "write_cache",
]

# Looked up here at each load, so a test can replace them on this module.
_parse = parse_yaml
_write = write_whole
_cache_bytes = cache_bytes

_request_locale: ContextVar[str] = ContextVar("content_locale", default=DEFAULT_LOCALE)
log = logging.getLogger(__name__)


def resource_dir(name: str) -> Path:
    """A data folder (``content``, ``interaction_model``): in the wheel, or beside the package."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / name
    return bundled if bundled.is_dir() else package.parent / name


def content_dir() -> Path:
    """The folder the skill's words are read from."""
    return resource_dir("content")


def write_cache(folder: Path | None = None) -> Path:
    """Parse and check the content in ``folder`` (default: :func:`content_dir`); write its cache."""
    return content_files.write_cache(folder or content_dir(), _parse, _write)


def load_content(folder: Path | None = None, locale: str = DEFAULT_LOCALE) -> Content:
    """Read and check every content file in ``folder`` (default: :func:`content_dir`)."""
    return load_locales(folder)[locale]


def load_locales(folder: Path | None = None) -> dict[str, Content]:
    """The base content (en-US) and each locale's, all read and checked."""
    folder = folder or content_dir()
    base = parsed_files(folder, None, _parse, _write)
    contents = {DEFAULT_LOCALE: checked_content(folder, base)}  # the base first, then locales
    locales = parsed_files(folder / LOCALES_DIR, locale_names(folder), _parse, _write)
    return checked_locales(folder, base, locales, contents)


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
