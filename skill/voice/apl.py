"""Screens: an APL document for the stretch hold, only where the device renders APL."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ask_sdk_core.handler_input import HandlerInput

from skill.rules.content import resource_dir

HOLD_DOCUMENT = "stretch_hold.json"
HOLD_TOKEN = "stretchHold"


def supports_apl(handler_input: HandlerInput) -> bool:
    """True only when the device lists Alexa.Presentation.APL among its interfaces."""
    context = handler_input.request_envelope.context
    system = context.system if context is not None else None
    device = system.device if system is not None else None
    interfaces = device.supported_interfaces if device is not None else None
    return interfaces is not None and interfaces.alexa_presentation_apl is not None


@cache
def apl_document(name: str) -> dict[str, Any]:
    """An APL document from ``content/apl``, read once."""
    path = resource_dir("content") / "apl" / name
    return json.loads(path.read_text(encoding="utf-8"))


def hold_directive(
    title: str,
    subtitle: str,
    instruction: str,
    seconds: float,
    start_delay: float = 0.0,
    prompt: str = "",
) -> Any:
    """A RenderDocument directive: the stretch, then a countdown once the hold starts.

    With ``seconds`` 0 it shows ``prompt`` instead (the set-up, waiting for "ready").
    """
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    hold = {
        "title": title,
        "subtitle": subtitle,
        "instruction": instruction,
        "seconds": round(seconds),
        "startDelayMs": round(start_delay * 1000),
        "prompt": prompt,
    }
    return RenderDocumentDirective(
        token=HOLD_TOKEN, document=apl_document(HOLD_DOCUMENT), datasources={"hold": hold}
    )
