"""The end of a session: the reason is logged for operators, safely."""

from __future__ import annotations

import logging

from tests.alexa import Conversation


def test_a_hostile_error_message_is_logged_on_one_bounded_line(conversation: Conversation, caplog):
    conversation.launch()
    hostile = "INVALID_RESPONSE\n2026-11-30 ERROR forged line\r" + "x" * 20_000
    request = conversation.factory.session_ended("ERROR")
    request["error"] = {"type": "INVALID_RESPONSE", "message": hostile}
    with caplog.at_level(logging.WARNING):
        response = conversation.send(request)
    assert "outputSpeech" not in response["response"]
    [line] = [r.getMessage() for r in caplog.records if "session ended" in r.getMessage()]
    assert "\n" not in line and "\r" not in line and len(line) < 300
    assert "INVALID_RESPONSE\\x0a2026-11-30 ERROR forged line" in line
