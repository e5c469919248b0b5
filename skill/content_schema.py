"""The shape every content file must have: keys, and the type of each value."""

from __future__ import annotations

from typing import Any

NUMBER = (int, float)
PROMPT = {"speech": str, "reprompt": str}
SCHEMAS: dict[str, dict[str, Any]] = {
    "causes.yaml": {
        "intro": str,
        "card_intro": str,
        "list_sentence": str,
        "list_question": str,
        "list_reprompt": str,
        "causes": [{"id": str, "name": str, "card": str, "detail": str, "helps": str}],
    },
    "self_care.yaml": {
        "overview": str,
        "overview_question": str,
        "overview_reprompt": str,
        "card_title": str,
        "next_question": str,
        "next_reprompt": str,
        "last_question": str,
        "last_reprompt": str,
        "topics": [{"id": str, "name": str, "card": str, "detail": str}],
    },
    "doctor.yaml": {
        "signs": str,
        "signs_question": str,
        "signs_reprompt": str,
        "symptoms": str,
        "checks_question": str,
        "checks_reprompt": str,
        "checks": str,
        "card_title": str,
        "card": str,
    },
    "stretches.yaml": {
        "intro": str,
        "setup_position": str,
        "ready_question": str,
        "ready_reprompt": str,
        "switch_feet": str,
        "switch_reprompt": str,
        "stretch_done": str,
        "stretch_done_reprompt": str,
        "routine_done": str,
        "routine_done_reprompt": str,
        "first_already": str,
        "paused": str,
        "paused_reprompt": str,
        "resumed": str,
        "help": str,
        "help_reprompt": str,
        "not_in_routine": str,
        "not_in_routine_reprompt": str,
        "unknown_stretch": str,
        "unknown_stretch_reprompt": str,
        "not_ready_yet": str,
        "return_hint": str,
        "sides": {"left": str, "right": str},
        "hold": {
            "seconds": NUMBER,
            "words_per_minute": NUMBER,
            "cues": [{"at": NUMBER, "say": str}],
            "release": str,
        },
        "stretches": [
            {"id": str, "name": str, "setup": str, "each_side": bool, "safety": str, "start": str}
        ],
    },
    "prompts.yaml": {
        "disclaimer": str,
        "welcome": PROMPT,
        "menu": PROMPT,
        "help": PROMPT,
        "fallback": PROMPT,
        "unknown_cause": PROMPT,
        "cause_which": PROMPT,
        "cause_helps": PROMPT,
        "cause_doctor": PROMPT,
        "yes_without_offer": PROMPT,
        "anything_else": PROMPT,
        "declined": PROMPT,
        "nothing_to_repeat": PROMPT,
        "unsupported_locale": str,
        "goodbye": str,
        "emergency": {"general": str, "numbers": dict},
        "error": PROMPT,
    },
}
