"""The Flask host: ``POST /alexa`` runs the skill for verified Alexa requests only."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.builder import build_skill, handle_event
from skill.hosting.verify import (
    ApplicationIdVerifier,
    RequestVerifier,
    TimestampVerifier,
    VerificationError,
    verify_request,
)
from skill.persistence import ErasureFailed
from skill.persistence.sqlite import sqlite_storage
from skill.rules.content import get_content
from skill.voice.ssml import say

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
SETTINGS = ("SKILL_ID", "VERIFY_SIGNATURE", "VERIFY_TIMESTAMP", "ALEXA_TRUST_ROOTS", "DATABASE")
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def env_settings(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """The app settings found in the environment, with true/false words parsed."""
    found: dict[str, Any] = {}
    for key in SETTINGS:
        if key in environ:
            value = environ[key].strip()
            is_flag = key.startswith("VERIFY_")
            found[key] = value.lower() not in FALSE_WORDS if is_flag else value or None
    return found


def read_trust_roots(path: str | None) -> bytes | None:
    """The PEM roots ``ALEXA_TRUST_ROOTS`` names, or None for the default public roots."""
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as failure:
        raise ValueError(f"ALEXA_TRUST_ROOTS: cannot read {path} ({failure.strerror})") from None


def build_verifiers(config: Mapping[str, Any]) -> list[Any]:
    """The verifiers the settings ask for, in the order they run (cheapest first)."""
    verifiers: list[Any] = []
    if config["VERIFY_TIMESTAMP"]:
        verifiers.append(TimestampVerifier())
    if config["SKILL_ID"]:
        verifiers.append(ApplicationIdVerifier(config["SKILL_ID"]))
    if config["VERIFY_SIGNATURE"]:
        verifiers.append(RequestVerifier(trust_roots=read_trust_roots(config["ALEXA_TRUST_ROOTS"])))
    return verifiers


def error(status: int, message: str) -> tuple[Response, int]:
    """A short JSON error; never a stack trace."""
    return jsonify(error=message), status


def parse_envelope(body: bytes) -> dict[str, Any]:
    """The request envelope as JSON, or :class:`VerificationError` if it is not one."""
    try:
        envelope = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as failure:
        raise VerificationError("body is not UTF-8 JSON") from failure
    if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
        raise VerificationError("body is not an Alexa request envelope")
    return envelope


def apology() -> dict[str, Any]:
    """A spoken apology for a turn the skill could not finish."""
    prompt = get_content().prompt("error")
    speak = {"type": "SSML", "ssml": say(prompt.speech)}
    reprompt = {"outputSpeech": {"type": "SSML", "ssml": say(prompt.reprompt)}}
    return {
        "version": "1.0",
        "response": {"outputSpeech": speak, "reprompt": reprompt, "shouldEndSession": False},
    }


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web app; settings come from the environment, then from ``config``."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SKILL_ID=None,
        VERIFY_SIGNATURE=True,
        VERIFY_TIMESTAMP=True,
        ALEXA_TRUST_ROOTS=None,
        DATABASE=str(Path(app.instance_path) / "toe_twitch.sqlite"),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
    )
    app.config.update(env_settings())
    app.config.update(config or {})
    verifiers = build_verifiers(app.config)
    skill = build_skill(sqlite_storage(app.config["DATABASE"]) if app.config["DATABASE"] else None)

    @app.post("/alexa", provide_automatic_options=False)
    def alexa() -> Any:
        """Verify the request, then let the skill answer it."""
        body = request.get_data(cache=False)
        try:
            envelope = parse_envelope(body)
            verify_request(request.headers, body, envelope, verifiers)
        except VerificationError as refusal:
            logger.warning("refused request from %s: %s", request.remote_addr, refusal)
            return error(400, str(refusal))
        except Exception as failure:  # input no check foresaw: still a refusal, never a 500
            logger.warning(
                "refused request from %s: %s", request.remote_addr, type(failure).__name__
            )
            return error(400, "request could not be verified")
        try:
            return jsonify(handle_event(body.decode("utf-8"), skill))
        except ErasureFailed:
            logger.error("erasure failed; answered 503 so that Alexa sends the event again")
            response, _ = error(503, "storage unavailable, try again")
            response.headers["Retry-After"] = "60"
            return response, 503
        except Exception as failure:  # a fault past the skill's own exception handler
            logger.exception("turn failed outside the skill: %s", type(failure).__name__)
            return jsonify(apology())

    @app.get("/healthz")
    def healthz() -> Any:
        """Answer load balancers."""
        return jsonify(status="ok")

    @app.errorhandler(HTTPException)
    def http_error(failure: HTTPException) -> Any:
        """JSON instead of HTML for 404, 405, 413 and friends, keeping headers such as Allow."""
        response, status = error(failure.code or 400, failure.name)
        for name, value in failure.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response, status

    return app
