"""Reminders offline: the Alexa Reminders API faked in this process, and the person's answer
when the skill asks for permission to set them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from skill.simulator.requests import API_ENDPOINT, Simulator, Turn
from skill.voice.envelopes import asks_alexa

FollowUp = Callable[[Simulator, Turn], "Turn | None"]


@contextmanager
def offline_reminders(allow: bool) -> Iterator[FollowUp]:
    """Fake the Reminders API for the block; yield what answers a permission request.

    Reminders start without permission, as for a new person: the first one asks for it, and the
    simulated person allows it (``allow``) or not. Reminders last for the run.
    """
    from skill.reminders.fake import FakeRemindersApi

    fake = FakeRemindersApi(granted=False)

    def follow(simulator: Simulator, turn: Turn) -> Turn | None:
        if not asks_alexa(turn.response):
            return None
        if allow:
            fake.grant()
        return simulator.answer_permission(allow)

    with fake.activate(API_ENDPOINT):
        yield follow
