"""The console page in a real, headless Chromium (Debian's), driven by Selenium.

These tests fail, never skip, when the browser is missing or the page breaks. With
CONSOLE_SCREENSHOTS=docs/console they also save the screenshots the README shows.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from skill.console.app import allowed_hosts, create_console_app
from skill.console.command import target
from skill.console.devices import PERSONS
from skill.console.session import ConsoleSession
from skill.hosting.server import make_server, stop_server
from skill.simulator.requests import DEFAULT_SKILL_ID
from skill.voice.ssml import break_seconds

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
ALEX = next(person for person in PERSONS if "ALEX" in person)


@contextmanager
def chromium(profile: Path) -> Iterator[WebDriver]:
    """Debian's Chromium, headless, in a new empty profile; never a downloaded driver."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            pytest.fail(
                f"{path} is missing: apt-get install chromium chromium-driver (.ci/run does)"
            )
    environment = pytest.MonkeyPatch()
    environment.setenv("SE_OFFLINE", "true")  # Selenium Manager must not fetch anything
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        environment.undo()


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[WebDriver]:
    """One browser for the module's tests."""
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@contextmanager
def serving(app: Flask, configure: Callable[[Flask, int], None] | None = None) -> Iterator[str]:
    """Serve ``app`` on a free loopback port in a thread; yield its base URL."""
    server = make_server(app, "127.0.0.1", 0, 4)
    port = server.effective_port
    if configure:
        configure(app, port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_server(server, thread)


@contextmanager
def console(url: str | None = None) -> Iterator[str]:
    """A console as ``toe-twitch console`` builds it: in-process (DATABASE) or for ``url``."""
    chosen = target(url)
    session = ConsoleSession(chosen.send, chosen.storage, DEFAULT_SKILL_ID, "en-US")
    config = {"TARGET": chosen.name, "STORAGE": chosen.store_name}
    app = create_console_app(session, config)

    def guard(app: Flask, port: int) -> None:
        app.config["ALLOWED_HOSTS"] = allowed_hosts("127.0.0.1", port)

    try:
        with serving(app, guard) as address:
            yield address
    finally:
        if chosen.folder:
            shutil.rmtree(chosen.folder, ignore_errors=True)


def wait(driver: WebDriver, condition: Callable[[WebDriver], Any], seconds: float = 10) -> Any:
    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(condition)


def open_page(driver: WebDriver, address: str) -> None:
    """Load the page; it must finish starting (its script sets ``data-ready``)."""
    driver.get(address)
    try:
        wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    except TimeoutException:
        notice = driver.find_element(By.ID, "notice").text
        pytest.fail(
            f"the console page did not start: {notice or 'no message'}; {js_errors(driver)}"
        )


def js_errors(driver: WebDriver) -> list[str]:
    """Script errors the browser logged (failed requests the page handles are not errors)."""
    return [e["message"] for e in driver.get_log("browser") if e.get("source") == "javascript"]


def turns(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "#chat li.turn")


def after_click(driver: WebDriver, element_id: str) -> WebElement:
    """Click a button that sends something; return the new turn once it is shown."""
    count = len(turns(driver))
    driver.find_element(By.ID, element_id).click()
    try:
        wait(driver, lambda d: len(turns(d)) > count and d.find_element(By.ID, "send").is_enabled())
    except TimeoutException:
        shown = [driver.find_element(By.ID, name).text for name in ("notice", "say-error")]
        pytest.fail(f"no new turn after #{element_id}; the page says {shown}; {js_errors(driver)}")
    return turns(driver)[-1]


def say(driver: WebDriver, text: str) -> WebElement:
    """Type ``text`` and press Enter; return the turn the page shows for it."""
    box = driver.find_element(By.ID, "utterance")
    box.clear()
    box.send_keys(text)
    return after_click(driver, "send")


def rows(driver: WebDriver, table: int) -> dict[str, tuple[str, str, str]]:
    """State table ``table`` (0: dialogue state, 1: stored): path -> change, before, after."""
    found = {}
    box = driver.find_elements(By.CSS_SELECTOR, "#state .changes")[table]
    for row in box.find_elements(By.CSS_SELECTOR, "tbody tr"):
        path, before, after = (cell.text for cell in row.find_elements(By.TAG_NAME, "td"))
        found[path] = (row.get_attribute("class").removeprefix("change-"), before, after)
    return found


def fetch_json(driver: WebDriver, path: str) -> Any:
    script = (
        "fetch(arguments[0]).then(r => r.json()).then(arguments[1], e => arguments[1](String(e)))"
    )
    return driver.execute_async_script(script, path)


def snap(driver: WebDriver, name: str) -> None:
    """Save a screenshot for the docs when CONSOLE_SCREENSHOTS names a folder."""
    folder = os.environ.get("CONSOLE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def countdown(driver: WebDriver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#screen [data-apl-id=secondsLeft]").text


def test_a_conversation_through_the_causes_and_a_warning_sign(browser, monkeypatch):
    monkeypatch.delenv("DATABASE")  # a temporary store, as a newcomer's console has
    with console() as address:
        open_page(browser, address)
        launch = after_click(browser, "launch")
        assert "Welcome to Toe Twitch Helper" in launch.text and "→ LaunchRequest" in launch.text
        assert browser.find_element(By.ID, "session-status").text == "session open"

        causes = say(browser, "why is my toe twitching")
        assert "→ TwitchCausesIntent" in causes.text and "dehydration" in causes.text
        assert causes.find_element(By.CSS_SELECTOR, ".card-title").text == "Card: Why toes twitch"
        assert causes.find_element(By.CSS_SELECTOR, ".reprompt").text.startswith("Reprompt: ")
        assert rows(browser, 0)["question"] == ("changed", '"menu"', '"causes"')

        stress = say(browser, "tell me more about stress")
        assert "CauseDetailIntent cause='stress' (STRESS_ANXIETY)" in stress.text
        assert "session open" in stress.text

        sign = say(browser, "my toe is numb")
        assert "→ ReportSymptomIntent" in sign.text and "healthcare provider" in sign.text

        logged = say(browser, "log a twitch in my left foot")
        assert "Logged a twitch" in logged.text
        assert rows(browser, 1)["diary[0].foot"] == ("added", "—", '"LEFT"')
        snap(browser, "chat-and-state")

        unmatched = say(browser, "blorp zazzle quux")
        assert "Nothing in the interaction model matched" in unmatched.text
        assert (
            "decision: AMAZON.FallbackIntent"
            in unmatched.find_element(By.CSS_SELECTOR, "pre.explain").text
        )

        Select(browser.find_element(By.ID, "locale")).select_by_value("en-GB")
        Select(browser.find_element(By.ID, "person")).select_by_value(ALEX)
        wait(browser, lambda d: fetch_json(d, "/api/session")["settings"]["person"] == ALEX)
        emergency = say(browser, "my toe pain is sudden and severe")
        assert "999" in emergency.text
        request = fetch_json(browser, "/api/session")["turns"][-1]["request"]
        assert request["context"]["System"]["person"]["personId"] == ALEX
        assert request["request"]["locale"] == "en-GB"

        said = [turn.find_element(By.CSS_SELECTOR, ".you").text for turn in turns(browser)]
        if emergency.find_elements(By.CSS_SELECTOR, ".badge.open"):
            ended = after_click(browser, "end")
            assert "→ SessionEndedRequest USER_INITIATED" in ended.text
            said.append("exit")
        assert browser.find_element(By.ID, "session-status").text == "no session"

        io = browser.find_elements(By.CSS_SELECTOR, "#io .io-turn")
        assert len(io) == len(said)
        io[0].find_element(By.TAG_NAME, "summary").click()
        request, response = io[0].find_elements(By.CSS_SELECTOR, ":scope > div > details")
        request.find_element(By.TAG_NAME, "summary").click()
        response.find_element(By.TAG_NAME, "summary").click()
        assert '"type": "LaunchRequest"' in request.find_element(By.TAG_NAME, "pre").text
        assert '"shouldEndSession": false' in response.find_element(By.TAG_NAME, "pre").text
        browser.execute_script("arguments[0].closest('.panel').scrollIntoView()", io[0])
        snap(browser, "skill-io")
        assert fetch_json(browser, "/api/download/replay")["userInput"] == said
        skill_io = fetch_json(browser, "/api/download/skill-io")
        assert len(skill_io["invocations"]) == len(said)
        assert browser.find_element(By.ID, "notice").is_displayed() is False
        assert js_errors(browser) == []


def pauses(ssml: str) -> float:
    """The seconds of <break> in an answer."""
    return sum(break_seconds(time) for time in re.findall(r'<break time="([^"]+)"', ssml))


def test_a_hold_on_a_screen_device_counts_down_in_time_and_lasts_its_length(browser, monkeypatch):
    monkeypatch.delenv("DATABASE")
    with console() as address:
        open_page(browser, address)
        Select(browser.find_element(By.ID, "device")).select_by_value("show5")
        wait(browser, lambda d: "Echo Show 5" in d.find_element(By.ID, "device-label").text)
        after_click(browser, "launch")
        setup = say(browser, "walk me through a stretch")
        assert "Sent an APL document" in setup.text
        assert "toe extension stretch" in browser.find_element(By.ID, "screen").text
        assert not countdown(browser).isdigit()  # the prompt to say ready, no countdown yet

        say(browser, "ready")
        started = time.monotonic()
        turn = fetch_json(browser, "/api/session")["turns"][-1]
        context, hold = turn["request"]["context"], turn["apl"][0]["datasources"]["hold"]
        assert "Alexa.Presentation.APL" in context["System"]["device"]["supportedInterfaces"]
        assert context["Viewport"]["pixelWidth"] == 960
        assert hold["seconds"] >= 20
        time.sleep(6)
        shown, elapsed = int(countdown(browser)), time.monotonic() - started
        expected = hold["seconds"] - (elapsed - hold["startDelayMs"] / 1000)
        assert abs(shown - expected) <= 2, (shown, elapsed)
        watch = browser.find_element(By.ID, "stopwatch")
        assert watch.get_attribute("data-state") == "playing"
        snap(browser, "screen-device-hold")

        wait(browser, lambda d: watch.get_attribute("data-state") == "done", hold["seconds"] + 30)
        measured = float(watch.get_attribute("data-seconds"))
        assert hold["seconds"] + 2 <= measured <= hold["seconds"] + 15, measured
        assert measured <= time.monotonic() - started + 0.5  # no faster than the wall clock
        assert f"({pauses(turn['speech']['ssml']):.1f} s of pauses" in watch.text
        assert countdown(browser) == "0"
        assert js_errors(browser) == []
