"""The AWS Lambda entry point: ``skill.hosting.lambda_function.handler``."""

from __future__ import annotations

from typing import Any

from skill.builder import get_skill, handle_event

get_skill()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one Alexa request delivered by the Alexa Skills Kit trigger."""
    return handle_event(event)
