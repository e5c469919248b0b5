"""The AWS Lambda entry point: ``skill.hosting.lambda_function.handler``.

The function answers only the skill named by ``SKILL_ID`` (template.yaml sets it). An event for
another skill is never run: the handler logs both ids and raises :class:`ForeignSkillError`, so
that Lambda reports the invocation as failed. The Alexa Skills Kit trigger's own skill id check
stands in front of this one; this one also covers direct invocations and a mistyped trigger.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from skill.builder import get_skill, handle_event

logger = logging.getLogger(__name__)


class ForeignSkillError(Exception):
    """An event whose application id is not the configured skill's."""


def application_id(event: Any) -> str | None:
    """The application id an Alexa event carries (``context.System``, else ``session``)."""
    if not isinstance(event, dict):
        return None
    for outer, inner in (("context", "System"), ("session", None)):
        part = event.get(outer)
        if isinstance(part, dict) and inner is not None:
            part = part.get(inner)
        application = part.get("application") if isinstance(part, dict) else None
        found = application.get("applicationId") if isinstance(application, dict) else None
        if isinstance(found, str):
            return found
    return None


def check_application(event: Any, skill_id: str | None) -> None:
    """Raise :class:`ForeignSkillError` unless the event is for ``skill_id`` (None: any skill)."""
    if not skill_id:
        return
    found = application_id(event)
    if found != skill_id:
        shown = repr(found[:120]) if found is not None else "no application id"
        logger.error("refused an event for %s: this function answers only %s", shown, skill_id)
        raise ForeignSkillError(f"event for {shown}, not for SKILL_ID {skill_id}")


SKILL_ID = os.environ.get("SKILL_ID", "").strip() or None
if SKILL_ID is None:
    logger.warning("SKILL_ID is not set: events for any skill id will be answered")
get_skill()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one Alexa request delivered by the Alexa Skills Kit trigger."""
    check_application(event, SKILL_ID)
    return handle_event(event)
