"""The console's Flask app: the page, and a small JSON API that runs the conversation."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request, send_from_directory
from werkzeug.exceptions import HTTPException

from skill.console.checks import ConsoleError, parse_replay
from skill.console.devices import options, timing
from skill.console.session import ConsoleSession

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
SESSION = "toe_twitch.console"  # the key of ``app.extensions`` that holds the ConsoleSession
MAX_BODY_BYTES = 512 * 1024
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The ``Host`` headers a loopback console answers (others may be DNS rebinding)."""
    names = {*LOOPBACK_NAMES, f"[{host}]" if ":" in host else host}
    return frozenset(f"{name}:{port}" for name in names)


def _download(document: dict[str, Any], name: str) -> Response:
    response = Response(json.dumps(document, indent=2) + "\n", mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _json_body() -> dict[str, Any]:
    """The request's JSON object; only ``application/json`` (a cross-site form cannot send it)."""
    if not request.is_json:
        raise ConsoleError("send JSON (Content-Type: application/json)")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ConsoleError("the request body is not a JSON object")
    return body


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key, "")
    if not isinstance(value, str):
        raise ConsoleError(f'"{key}" must be a string')
    return value


def create_console_app(session: ConsoleSession, config: Mapping[str, Any] | None = None) -> Flask:
    """The console app for one conversation; ``ALLOWED_HOSTS`` (None: any) stops DNS rebinding."""
    app = Flask(__name__, static_folder=str(STATIC), static_url_path="/static")
    app.config.from_mapping(
        ALLOWED_HOSTS=None, TARGET="in-process", STORAGE="", MAX_CONTENT_LENGTH=MAX_BODY_BYTES
    )
    app.config.update(config or {})
    app.extensions[SESSION] = session

    @app.before_request
    def check_host() -> Any:
        """Refuse a Host header the console was not started for."""
        allowed = app.config["ALLOWED_HOSTS"]
        if allowed is not None and request.host not in allowed:
            return jsonify(error=f"this console answers only {sorted(allowed)[0]}"), 403
        return None

    @app.get("/")
    def page() -> Response:
        """The console page."""
        return send_from_directory(STATIC, "index.html", max_age=0)

    @app.get("/api/session")
    def state() -> Any:
        """Everything the page needs to draw itself: settings, choices, every turn so far."""
        with session.lock:
            return jsonify(
                target=app.config["TARGET"],
                storage=app.config["STORAGE"],
                settings=session.settings(),
                options=options(),
                timing=timing(),
                inSession=session.simulator.in_session,
                turns=session.records,
            )

    @app.post("/api/say")
    def say() -> Any:
        """Send one utterance; answer with the turn's record."""
        text = _text(_json_body(), "text")
        with session.lock:
            record = session.say(text)
            return jsonify(turns=[record], inSession=session.simulator.in_session)

    @app.post("/api/settings")
    def settings() -> Any:
        """Change device, locale and person for the next request."""
        body = _json_body()
        with session.lock:
            session.configure(_text(body, "device"), _text(body, "locale"), _text(body, "person"))
            return jsonify(settings=session.settings())

    @app.post("/api/replay")
    def replay() -> Any:
        """Run an uploaded ASK CLI replay file in a new conversation."""
        body = _json_body()
        loaded = parse_replay(_text(body, "text"), _text(body, "name") or "the file")
        with session.lock:
            turns = session.replay(loaded)
            return jsonify(
                turns=turns, settings=session.settings(), inSession=session.simulator.in_session
            )

    @app.post("/api/reset")
    def reset() -> Any:
        """Start a new conversation."""
        _json_body()
        with session.lock:
            session.reset()
            return jsonify(turns=[], inSession=False)

    @app.get("/api/download/replay")
    def download_replay() -> Response:
        """The conversation as an ASK CLI replay file."""
        with session.lock:
            return _download(session.replay_file(), "replay.json")

    @app.get("/api/download/skill-io")
    def download_skill_io() -> Response:
        """Every request and response, as Skill I/O."""
        with session.lock:
            return _download(session.skill_io(), "skill-io.json")

    @app.errorhandler(ConsoleError)
    def console_error(failure: ConsoleError) -> Any:
        """Say what was wrong, for the page to show in place."""
        return jsonify(error=str(failure)), 400

    @app.errorhandler(HTTPException)
    def http_error(failure: HTTPException) -> Any:
        """JSON, not an HTML error page."""
        return jsonify(error=failure.name), failure.code or 400

    @app.errorhandler(Exception)
    def failed(failure: Exception) -> Any:
        """A fault in the console itself: logged, and one line for the page, no stack trace."""
        logger.exception("console request failed")
        return jsonify(error=f"the console failed ({type(failure).__name__}); see its log"), 500

    return app
