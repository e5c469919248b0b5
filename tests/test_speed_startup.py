"""What keeps a cold start cheap: the checked content cache, and imports only where needed.

These tests assert behaviour, never timings: bench/bench_cold_start.py measures.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from skill.rules import content
from skill.rules.content import (
    CACHE_MAGIC,
    ContentError,
    cache_path,
    content_dir,
    load_content,
    write_cache,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the content files, without any cache."""
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture
def no_yaml(monkeypatch):
    """Fail the test if anything parses YAML."""

    def refuse(path, source):
        raise AssertionError(f"parsed {path} as YAML")

    monkeypatch.setattr(content, "_parse", refuse)


def test_the_cache_gives_the_same_content_as_the_yaml(folder, monkeypatch):
    from_yaml = load_content(folder)
    write_cache(folder)
    monkeypatch.setattr(content, "_parse", lambda path, source: pytest.fail("parsed YAML"))
    assert load_content(folder) == from_yaml


def test_a_changed_yaml_file_is_read_again_not_taken_from_the_cache(folder, monkeypatch):
    write_cache(folder)
    prompts = folder / "prompts.yaml"
    prompts.write_text(prompts.read_text(encoding="utf-8").replace("Goodbye", "Bye now", 1))
    parsed = []
    real = content._parse
    monkeypatch.setattr(
        content, "_parse", lambda path, source: parsed.append(path.name) or real(path, source)
    )
    loaded = load_content(folder)
    assert "prompts.yaml" in parsed
    assert any("Bye now" in json.dumps(value) for value in loaded.prompts.values())


def test_cached_content_still_goes_through_every_check(folder, no_yaml):
    blob = _cache_with(folder, lambda data: data["prompts.yaml"].pop("goodbye"))
    cache_path(folder).parent.mkdir()
    cache_path(folder).write_bytes(blob)
    with pytest.raises(ContentError, match=r"prompts\.yaml: missing key 'goodbye'"):
        load_content(folder)


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-10],
        lambda blob: b"another format\n" + blob,
        lambda blob: blob.replace(b'"data":', b'"date":', 1),
        lambda blob: b"",
    ],
    ids=["truncated", "wrong-magic", "bad-header", "empty"],
)
def test_a_damaged_cache_is_ignored(folder, damage):
    from_yaml = load_content(folder)
    path = write_cache(folder)
    path.write_bytes(damage(path.read_bytes()))
    assert load_content(folder) == from_yaml


def test_loading_writes_the_cache_unless_bytecode_writing_is_off(folder, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    load_content(folder)
    assert not cache_path(folder).exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    load_content(folder)
    assert cache_path(folder).read_bytes().startswith(CACHE_MAGIC)


def test_a_read_only_folder_keeps_reading_the_yaml(folder, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)

    def refuse(path, blob):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(content, "_write", refuse)
    assert load_content(folder).prompts


def test_the_build_step_writes_the_cache_and_refuses_bad_content(folder, tmp_path):
    assert content.main(["--write-cache", str(folder)]) == 0
    assert cache_path(folder).exists()
    (folder / "diary.yaml").write_text("twitches: [unclosed\n", encoding="utf-8")
    assert content.main(["--write-cache", str(folder)]) == 1
    assert content.main([]) == 2


def _cache_with(folder: Path, change) -> bytes:
    """A well-formed cache for ``folder`` whose parsed data ``change`` has altered."""
    import yaml

    sources = {name: (folder / name).read_bytes() for name in content.SCHEMAS}
    parsed = {name: yaml.safe_load(source) for name, source in sources.items()}
    change(parsed)
    blob = content._cache_bytes(sources, parsed)
    assert blob is not None
    return blob


def _modules_after(code: str, folder: Path) -> set[str]:
    """The top-level modules a fresh interpreter has loaded after running ``code``."""
    script = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "import skill.rules.content as c\n"
        f"c.content_dir = lambda: Path({str(folder)!r})\n"
        f"{code}\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    for key in ("DATABASE", "ATTRIBUTES_TABLE", "DIARY_TABLE"):
        env.pop(key, None)
    env.pop("SKILL_ID", None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_a_lambda_turn_loads_no_yaml_http_client_or_crypto(folder):
    write_cache(folder)
    loaded = _modules_after(
        "from skill.hosting.lambda_function import handler\n"
        "from tests.alexa import RequestFactory\n"
        "person = RequestFactory()\n"
        "handler(person.envelope(person.launch(), {}, True), None)",
        folder,
    )
    for module in (
        "yaml",
        "requests",
        "cryptography",
        "dateutil.parser",
        "skill.simulator",
        "skill.reminders.client",
    ):
        assert module not in loaded


def test_the_web_host_loads_no_yaml_http_client_or_simulator_until_needed(folder, tmp_path):
    write_cache(folder)
    database = tmp_path / "web.sqlite"
    loaded = _modules_after(
        f"from skill.hosting.web import create_app\ncreate_app({{'DATABASE': {str(database)!r}}})",
        folder,
    )
    for module in ("yaml", "requests", "certifi", "skill.simulator", "rapidfuzz"):
        assert module not in loaded
