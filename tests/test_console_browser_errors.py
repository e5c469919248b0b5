"""The console page says what went wrong, in place: in a real, headless Chromium."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from flask import Flask, Response
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.test_console_browser import (
    after_click,
    chromium,
    console,
    js_errors,
    open_page,
    serving,
    snap,
    turns,
    wait,
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[WebDriver]:
    """One browser for the module's tests."""
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@contextmanager
def fake_skill(answer: Callable[[], Response]) -> Iterator[str]:
    """A web service at /alexa answering every request with ``answer()``."""
    app = Flask("fake_skill")
    app.add_url_rule("/alexa", "alexa", answer, methods=["POST"])
    with serving(app) as address:
        yield f"{address}alexa"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_bad_input_is_said_in_place(browser, tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE")  # so that a console for a URL cannot see any store
    with console() as address:
        open_page(browser, address)
        browser.find_element(By.ID, "send").click()
        error = browser.find_element(By.ID, "say-error")
        wait(browser, lambda d: error.is_displayed())
        assert error.text == "type something to say first"

        upload = browser.find_element(By.ID, "replay-file")
        (tmp_path / "notes.json").write_text("my shopping list", encoding="utf-8")
        upload.send_keys(str(tmp_path / "notes.json"))
        replay_error = browser.find_element(By.ID, "replay-error")
        wait(browser, lambda d: replay_error.is_displayed())
        assert "notes.json is not a replay file: it is not valid JSON" in replay_error.text
        snap(browser, "bad-replay-file")

        inputs = ["open toe twitch helper", "when should I see a doctor", "stop"]
        (tmp_path / "dialog.json").write_text(json.dumps({"type": "text", "userInput": inputs}))
        upload.send_keys(str(tmp_path / "dialog.json"))
        wait(browser, lambda d: len(turns(d)) == 3)
        assert [
            turn.find_element(By.CSS_SELECTOR, ".you").text for turn in turns(browser)
        ] == inputs
        assert not replay_error.is_displayed()

    with console(f"http://127.0.0.1:{closed_port()}/alexa") as address:
        open_page(browser, address)
        assert browser.find_element(By.ID, "storage").text.startswith("not visible")
        failed = after_click(browser, "launch")
        assert (
            "cannot reach http://127.0.0.1:" in failed.find_element(By.CSS_SELECTOR, ".error").text
        )

    def not_alexa() -> Response:
        body = {
            "version": "1.0",
            "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>oops"}},
        }
        return Response(json.dumps(body), mimetype="application/json")

    with fake_skill(not_alexa) as url, console(url) as address:
        open_page(browser, address)
        failed = after_click(browser, "launch")
        message = failed.find_element(By.CSS_SELECTOR, ".error").text
        assert "not valid Alexa JSON" in message and "not well-formed SSML" in message
        assert "Alexa would refuse this response" in message
        assert "session closed" in failed.text
        snap(browser, "invalid-response")

    broken = fake_skill(lambda: Response("<h1>Internal Server Error</h1>", status=500))
    with broken as url, console(url) as address:
        open_page(browser, address)
        failed = after_click(browser, "launch")
        assert "answered HTTP 500" in failed.find_element(By.CSS_SELECTOR, ".error").text
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "Traceback" not in body and "Welcome" not in body
    assert js_errors(browser) == []


def test_the_page_says_so_when_its_server_is_gone(browser):
    with console() as address:
        open_page(browser, address)
    box = browser.find_element(By.ID, "utterance")
    box.send_keys("hello")
    browser.find_element(By.ID, "send").click()
    error = browser.find_element(By.ID, "say-error")
    wait(browser, lambda d: error.is_displayed())
    assert "does not answer" in error.text
    assert browser.find_element(By.ID, "chat").is_displayed()
