"""Fixtures layered the Flask-tutorial way: skill -> invoke -> conversation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.builder import handle_event
from tests.alexa import Conversation, RequestFactory
from tests.dialogue import run_dialogue


@pytest.fixture
def invoke():
    """Run one request envelope (a dict) through the skill as the Lambda host does."""
    return handle_event


@pytest.fixture
def factory() -> RequestFactory:
    """Request envelopes for en-US."""
    return RequestFactory()


@pytest.fixture
def conversation(invoke, factory) -> Conversation:
    """A fresh Alexa session against the skill."""
    return Conversation(invoke, factory)


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
        run_dialogue(Conversation(handle_event, factory), self.dialogue["turns"])

    def reportinfo(self):
        """Where the dialogue lives."""
        return self.path, 0, f"dialogue: {self.name}"

    def repr_failure(self, excinfo, style=None):
        """Show the failed expectation, not a traceback into the runner."""
        if isinstance(excinfo.value, AssertionError):
            return f"{self.path.name} / {self.name}: {excinfo.value}"
        return super().repr_failure(excinfo, style)
