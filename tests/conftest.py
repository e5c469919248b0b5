"""Fixtures layered the Flask-tutorial way: skill -> invoke -> conversation."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from ask_sdk_core.skill import CustomSkill

from skill.builder import build_skill, handle_event
from skill.persistence.sqlite import sqlite_storage
from tests.alexa import Conversation, RequestFactory
from tests.dialogue import run_dialogue
from tests.storage_fixtures import Clock, make_storage

for _name, _value in {
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}.items():
    os.environ.setdefault(_name, _value)  # moto's fake AWS; nothing leaves the machine
# Apps and servers the tests start keep their SQLite file out of the working tree; each test
# gets its own (below), so that no test inherits another's open connections or files.
os.environ["DATABASE"] = str(Path(tempfile.mkdtemp(prefix="toe-twitch-tests-")) / "app.sqlite")


@pytest.fixture(autouse=True)
def own_database(monkeypatch, tmp_path_factory) -> Path:
    """A DATABASE of this test's own for any app, server or simulator it starts."""
    path = tmp_path_factory.mktemp("database") / "app.sqlite"
    monkeypatch.setenv("DATABASE", str(path))
    return path


@pytest.fixture(scope="session")
def skill_with_storage(tmp_path_factory):
    """The skill as the web host builds it, with a real SQLite file for the test run."""
    database = tmp_path_factory.mktemp("storage") / "toe_twitch.sqlite"
    return build_skill(sqlite_storage(database))


@pytest.fixture
def invoke(skill_with_storage):
    """Run one request envelope (a dict) through the skill, JSON in and JSON out."""
    return lambda envelope: handle_event(envelope, skill_with_storage)


@pytest.fixture
def factory() -> RequestFactory:
    """Request envelopes for en-US."""
    return RequestFactory()


@pytest.fixture
def conversation(invoke, factory) -> Conversation:
    """A fresh Alexa session against the skill."""
    return Conversation(invoke, factory)


@cache
def dialogue_skill() -> CustomSkill:
    """One skill with SQLite storage for the dialogue tests, built when the first one runs
    (so that a content error fails those tests instead of stopping pytest)."""
    folder = tempfile.mkdtemp(prefix="toe-twitch-dialogues-")
    return build_skill(sqlite_storage(Path(folder) / "dialogues.sqlite"))


def pytest_collect_file(parent: pytest.Collector, file_path: Path):
    """Collect ``tests/conversations/*.yaml`` as dialogue tests."""
    if file_path.suffix == ".yaml" and file_path.parent.name == "conversations":
        return DialogueFile.from_parent(parent, path=file_path)
    return None


class DialogueFile(pytest.File):
    """A YAML file of dialogues."""

    def collect(self):
        """One test per dialogue in the file."""
        document = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        for dialogue in document["dialogues"]:
            yield DialogueItem.from_parent(self, name=dialogue["name"], dialogue=dialogue)


class DialogueItem(pytest.Item):
    """One dialogue: a list of turns, each with what must come back."""

    def __init__(self, *, dialogue: dict[str, Any], **kwargs: Any):
        super().__init__(**kwargs)
        self.dialogue = dialogue

    def runtest(self) -> None:
        """Play the dialogue against the skill."""
        factory = RequestFactory(locale=self.dialogue.get("locale", "en-US"))
        skill = dialogue_skill()
        run_dialogue(
            Conversation(lambda e: handle_event(e, skill), factory), self.dialogue["turns"]
        )

    def reportinfo(self):
        """Where the dialogue lives."""
        return self.path, 0, f"dialogue: {self.name}"

    def repr_failure(self, excinfo, style=None):
        """Show the failed expectation, not a traceback into the runner."""
        if isinstance(excinfo.value, AssertionError):
            return f"{self.path.name} / {self.name}: {excinfo.value}"
        return super().repr_failure(excinfo, style)


NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "dynamodb"])
def storage(request, tmp_path):
    """Each back end in turn, on a clock the test controls."""
    with make_storage(request.param, tmp_path) as made:
        made.clock = Clock(NOW)
        yield made


@pytest.fixture
def talk(storage):
    """Start a conversation for a person (a RequestFactory) against a skill on ``storage``."""
    skill = build_skill(storage)

    def start(factory: RequestFactory) -> Conversation:
        return Conversation(lambda envelope: handle_event(envelope, skill), factory)

    return start


@pytest.fixture
def person() -> RequestFactory:
    """One person, the same across conversations."""
    return RequestFactory()


SKILL_ID = "amzn1.ask.skill.c966b8cb-80bc-4482-8ddf-63af59ca07fc"


@pytest.fixture(scope="session")
def signing_ca():
    """A certificate authority made for the tests, standing in for Amazon's."""
    from tests.ca import CertAuthority

    return CertAuthority()


@pytest.fixture
def trust_roots_file(signing_ca, tmp_path) -> Path:
    """A PEM file holding the test CA's root, for ALEXA_TRUST_ROOTS."""
    from tests.ca import pem

    path = tmp_path / "roots.pem"
    path.write_bytes(pem(*signing_ca.roots))
    return path


@pytest.fixture
def chain_server(signing_ca):
    """Serve the test CA's chain at its certificate URL; every other URL fails."""
    import responses

    from tests.ca import CERT_URL

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(CERT_URL, body=signing_ca.chain())
        yield mock


@pytest.fixture
def app(trust_roots_file, chain_server):
    """The web app as deployed: verification on, the test CA trusted, one skill id."""
    from skill.hosting.web import create_app

    return create_app({"SKILL_ID": SKILL_ID, "ALEXA_TRUST_ROOTS": str(trust_roots_file)})


@pytest.fixture
def client(app):
    """A Flask test client for the app."""
    return app.test_client()


@pytest.fixture
def signed(factory, signing_ca):
    """Make ``(body, headers)`` for a request part, signed like Alexa signs it."""
    import json

    def make(request: dict[str, Any], **changes: Any) -> tuple[bytes, dict[str, str]]:
        envelope = factory.envelope(request, {}, True)
        envelope.update(changes)
        body = json.dumps(envelope).encode("utf-8")
        return body, signing_ca.headers(body)

    return make
