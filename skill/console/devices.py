"""What the console can pretend to be: devices with or without a screen, locales, people."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SECONDS_PER_SYLLABLE = 0.289  # about Alexa's default speaking rate
APL_RUNTIME = {"runtime": {"maxVersion": "2023.3"}}
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
PERSONS = {
    "": "nobody recognised (the account's data)",
    "amzn1.ask.person.OFFLINE-CONSOLE-ALEX": "Alex (a recognised voice)",
    "amzn1.ask.person.OFFLINE-CONSOLE-SAM": "Sam (a recognised voice)",
}
"""Person ids the console can send as ``context.System.person.personId``, with their labels."""


@dataclass(frozen=True)
class Device:
    """A device: its label and, for a screen device, the screen's size in pixels."""

    label: str
    width: int = 0
    height: int = 0
    shape: str = "RECTANGLE"
    dpi: int = 160

    @property
    def has_screen(self) -> bool:
        """Whether the device renders APL."""
        return self.width > 0

    def interfaces(self) -> dict[str, Any]:
        """``context.System.device.supportedInterfaces``: APL only on a screen device."""
        return {"Alexa.Presentation.APL": APL_RUNTIME} if self.has_screen else {}

    def context(self) -> dict[str, Any]:
        """``Viewport`` and ``Viewports`` for the request context ({} without a screen)."""
        if not self.has_screen:
            return {}
        video = {"codecs": ["H_264_42", "H_264_41"]}
        size = {"type": "DISCRETE", "pixelWidth": self.width, "pixelHeight": self.height}
        viewport = {
            "experiences": [{"canRotate": False, "canResize": False}],
            "mode": "HUB",
            "shape": self.shape,
            "pixelWidth": self.width,
            "pixelHeight": self.height,
            "dpi": self.dpi,
            "currentPixelWidth": self.width,
            "currentPixelHeight": self.height,
            "touch": ["SINGLE"],
            "video": video,
        }
        apl_viewport = {
            "type": "APL",
            "id": "main",
            "shape": self.shape,
            "dpi": self.dpi,
            "presentationType": "STANDARD",
            "canRotate": False,
            "configuration": {"current": {"mode": "HUB", "video": video, "size": size}},
        }
        return {"Viewport": viewport, "Viewports": [apl_viewport]}

    def to_json(self) -> dict[str, Any]:
        """The device as the page shows it."""
        return {"label": self.label, "width": self.width, "height": self.height, "dpi": self.dpi}


DEVICES = {
    "voice": Device("Voice only (Echo Dot)"),
    "show5": Device("Echo Show 5 (960 x 480)", 960, 480),
    "show8": Device("Echo Show 8 (1280 x 800)", 1280, 800),
    "spot": Device("Echo Spot (480 x 480, round)", 480, 480, "ROUND"),
}


def timing() -> dict[str, float]:
    """How the skill times words and sounds in a hold, for a browser that cannot speak."""
    from skill.handlers.stretch import CHIME_SECONDS
    from skill.rules.content import get_content

    try:
        per_syllable = float(get_content().stretches["hold"]["speech"]["seconds_per_syllable"])
    except (KeyError, TypeError, ValueError):
        per_syllable = SECONDS_PER_SYLLABLE
    return {"secondsPerSyllable": per_syllable, "soundSeconds": CHIME_SECONDS}


def options() -> dict[str, Any]:
    """Every choice the page offers, for its menus."""
    return {
        "devices": {key: device.to_json() for key, device in DEVICES.items()},
        "locales": list(LOCALES),
        "persons": PERSONS,
    }
