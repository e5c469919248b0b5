"""The Flask host: ``POST /alexa`` runs the skill for verified Alexa requests only.

Verification is on unless ``create_app`` is given ``VERIFY_SIGNATURE`` or ``VERIFY_TIMESTAMP``
false explicitly (``toe-twitch serve --insecure-dev`` does that); the environment cannot turn
it off. Every request gets one access line on the ``skill.access`` logger, with no user data.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.builder import answer_event, apology, build_skill, request_type_of
from skill.hosting.pages import privacy_page, terms_page
from skill.hosting.verify import (
    ApplicationIdVerifier,
    RequestVerifier,
    TimestampVerifier,
    VerificationError,
    verify_request,
)
from skill.logs import safe_log_text
from skill.persistence import ErasureFailed, Storage
from skill.persistence.sqlite import sqlite_storage

logger = logging.getLogger(__name__)
access_logger = logging.getLogger("skill.access")

MAX_BODY_BYTES = 256 * 1024
SETTINGS = ("SKILL_ID", "VERIFY_SIGNATURE", "VERIFY_TIMESTAMP", "ALEXA_TRUST_ROOTS", "DATABASE")
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
VERIFY_FLAGS = ("VERIFY_SIGNATURE", "VERIFY_TIMESTAMP")
STORAGE = "toe_twitch.storage"  # the key of ``app.extensions`` that holds the app's Storage


def env_settings(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """The app settings found in the environment, with true/false words parsed.

    ``create_app`` takes all but the ``VERIFY_*`` flags, which it only warns about; the
    command line reads them to refuse to start when they ask for verification off.
    """
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


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_envelope(body: bytes) -> dict[str, Any]:
    """The request envelope as strict JSON (no NaN), or :class:`VerificationError`."""
    try:
        envelope = json.loads(body.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as failure:
        raise VerificationError("body is not UTF-8 JSON") from failure
    if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
        raise VerificationError("body is not an Alexa request envelope")
    return envelope


def intent_name_of(envelope: dict[str, Any]) -> str | None:
    """The intent name of an IntentRequest envelope, if it has one."""
    intent = envelope["request"].get("intent")
    name = intent.get("name") if isinstance(intent, dict) else None
    return name if isinstance(name, str) else None


def app_settings(app: Flask, config: Mapping[str, Any] | None) -> None:
    """Defaults, then the environment (never its ``VERIFY_*``), then ``config``; warn if unsafe."""
    from_env = env_settings()
    for flag in VERIFY_FLAGS:
        if from_env.pop(flag, True) is False and flag not in (config or {}):
            logger.warning(
                "%s=false in the environment is ignored: verification stays on. Pass it to "
                "create_app, or run toe-twitch serve --insecure-dev, to turn it off.",
                flag,
            )
    app.config.update(from_env)
    app.config.update(config or {})
    off = [flag for flag in VERIFY_FLAGS if not app.config[flag]]
    if off:
        logger.warning(
            "!!! REQUEST VERIFICATION IS OFF (%s false): anyone who can reach this app can "
            "talk to the skill. For local experiments only, never on a public endpoint. !!!",
            " and ".join(off),
        )


def storage_health(storage: Storage | None) -> tuple[dict[str, str], int]:
    """The /healthz answer: 200 with the storage's state, or 503 with why it is unavailable."""
    if storage is None:
        return {"status": "ok", "storage": "none"}, 200
    try:
        health = storage.health()
    except Exception as failure:  # a health check that breaks is itself the answer
        health_ok, reason = False, f"health check failed: {type(failure).__name__}"
    else:
        health_ok, reason = health.ok, health.reason or "storage unavailable"
    if health_ok:
        return {"status": "ok", "storage": "ok"}, 200
    return {"status": "unavailable", "reason": safe_log_text(reason)}, 503


def log_access(response: Response) -> Response:
    """One line per request for operators: no user data, untrusted parts escaped."""
    started = g.get("started")
    took = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    access_logger.info(
        "%s %s %d %.1fms type=%s intent=%s",
        safe_log_text(request.method, 16),
        safe_log_text(request.path, 100),
        response.status_code,
        took,
        safe_log_text(g.get("request_type"), 60),
        safe_log_text(g.get("intent"), 80),
    )
    return response


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
    app_settings(app, config)
    verifiers = build_verifiers(app.config)
    storage = sqlite_storage(app.config["DATABASE"]) if app.config["DATABASE"] else None
    app.extensions[STORAGE] = storage
    skill = build_skill(storage)

    @app.before_request
    def start_clock() -> None:
        """Note when the request started, for the access line."""
        g.started = time.perf_counter()

    app.after_request(log_access)

    @app.post("/alexa", provide_automatic_options=False)
    def alexa() -> Any:
        """Verify the request, then let the skill answer the envelope parsed for verifying."""
        body = request.get_data(cache=False)
        try:
            envelope = parse_envelope(body)
            g.request_type = request_type_of(envelope) or "?"
            g.intent = intent_name_of(envelope)
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
            text = answer_event(envelope, skill).text
        except ErasureFailed:
            logger.error("erasure failed; answered 503 so that Alexa sends the event again")
            response, _ = error(503, "storage unavailable, try again")
            response.headers["Retry-After"] = "60"
            return response, 503
        except Exception as failure:  # answer_event catches all but erasure; this is a backstop
            logger.exception("turn failed outside the skill: %s", type(failure).__name__)
            text = json.dumps(apology())
        return Response(text, mimetype="application/json")

    @app.get("/privacy")
    def privacy() -> Response:
        """The privacy policy the skill manifest links to."""
        return Response(privacy_page(), mimetype="text/html")

    @app.get("/terms")
    def terms() -> Response:
        """The terms of use the skill manifest links to."""
        return Response(terms_page(), mimetype="text/html")

    @app.get("/healthz")
    def healthz() -> Any:
        """Answer load balancers: 200 while storage can take writes, else 503 and why."""
        answer, status = storage_health(app.extensions[STORAGE])
        return jsonify(answer), status

    @app.errorhandler(HTTPException)
    def http_error(failure: HTTPException) -> Any:
        """JSON instead of HTML for 404, 405, 413 and friends, keeping headers such as Allow."""
        response, status = error(failure.code or 400, failure.name)
        for name, value in failure.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response, status

    return app
