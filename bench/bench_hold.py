"""Render every stretch hold with espeak-ng at Alexa-like speaking rates and print its length.

Run: python bench/bench_hold.py [--rates 140,150,160,170,180] [--fit]

The hold is the part of the response between the start chime and the end chime (the chimes are
soundbank sounds, which espeak-ng cannot play; the hold does not depend on their length). Alexa
plays consecutive <break>s one after another, so consecutive breaks are rendered as one. A
rendered stretch of SSML is measured between two sentinel words, whose own length is measured
at the same rate and subtracted.

With --fit, each of the hold's cues is rendered between two one-second breaks at every rate, and
the seconds per syllable that best fits them is printed: the value to put in
content/stretches.yaml (hold.speech).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RATES = (140, 150, 160, 170, 180)
TOLERANCE = 0.5
_AUDIO = re.compile(r"<audio [^>]*/>")
_BREAK_RUN = re.compile(r'(?:<break time="(\d+)ms"/>\s*)+')
_BREAK = re.compile(r'<break time="(\d+)ms"/>')
EXTRA_PHRASES = ("Keep breathing.", "Nice and steady.", "Twenty seconds to go.", "five", "four")


def spoken_seconds(ssml_body: str, words_per_minute: int) -> float:
    """Seconds espeak-ng takes to render ``ssml_body`` (SSML without <speak>) at a rate."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.wav"
        subprocess.run(
            ["espeak-ng", "-m", "-s", str(words_per_minute), "-w", str(path)],
            input=f"<speak>{ssml_body}</speak>",
            text=True,
            check=True,
            capture_output=True,
        )
        with wave.open(str(path), "rb") as audio:
            return audio.getnframes() / audio.getframerate()


def _merge_breaks(ssml_body: str) -> str:
    def merged(run: re.Match[str]) -> str:
        total = sum(int(ms) for ms in _BREAK.findall(run.group(0)))
        return f'<break time="{total}ms"/>'

    return _BREAK_RUN.sub(merged, ssml_body)


def between_sentinels(ssml_body: str, words_per_minute: int) -> float:
    """The length of ``ssml_body`` as spoken between two words, which are not counted."""
    sentinels = spoken_seconds('Go.<break time="2000ms"/>Stop.', words_per_minute) - 2.0
    total = spoken_seconds(f"Go.{_merge_breaks(ssml_body)}Stop.", words_per_minute)
    return total - sentinels


def hold_length(hold_markup: str, words_per_minute: int) -> float:
    """The rendered length of the hold between its two chimes."""
    chimes = list(_AUDIO.finditer(hold_markup))
    if len(chimes) != 2:
        raise ValueError(f"a hold has a start and an end chime, found {len(chimes)}")
    body = hold_markup[chimes[0].end() : chimes[1].start()]
    return between_sentinels(body, words_per_minute)


def cue_seconds(text: str, words_per_minute: int) -> float:
    """How long a cue takes to say in a hold: between breaks, as the hold says it."""
    around = '<break time="1000ms"/>'
    return between_sentinels(f"{around}{text}{around}", words_per_minute) - 2.0


def fit(rates: tuple[int, ...]) -> float:
    """The seconds per syllable that best fit the hold's own cues at every rate."""
    from skill.rules.content import get_content
    from skill.voice.hold import syllables

    hold = get_content().stretches["hold"]
    phrases = [cue["say"] for cue in hold["cues"]] + [hold["halfway"]]
    points = [(syllables(p), cue_seconds(p, rate)) for p in phrases for rate in rates]
    per_syllable = sum(s * d for s, d in points) / sum(s * s for s, _ in points)
    for phrase in [*phrases, *EXTRA_PHRASES]:
        measured = ", ".join(f"{cue_seconds(phrase, rate):.2f}" for rate in rates)
        model = per_syllable * syllables(phrase)
        print(f"  {phrase!r:26s} {syllables(phrase)} syllables: {measured} s (model {model:.2f})")
    return per_syllable


def main() -> int:
    """Print each hold's length at each rate; exit 1 if one is off by more than the tolerance."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default=",".join(map(str, RATES)))
    parser.add_argument("--fit", action="store_true", help="fit seconds per syllable")
    args = parser.parse_args()
    rates = tuple(int(rate) for rate in args.rates.split(","))
    from skill.rules.content import get_content
    from skill.voice.hold import hold_ssml

    if args.fit:
        print(f"seconds_per_syllable: {fit(rates):.3f}")
        return 0
    content = get_content()
    hold = content.stretches["hold"]
    worst = 0.0
    print(f"{'hold':>6s} {'stretch start cue':24s} " + " ".join(f"{r:>7d}" for r in rates))
    for seconds in hold["choices"]:
        for start in sorted({entry.start for entry in content.stretch_entries.values()}):
            lengths = [hold_length(hold_ssml(hold, start, seconds), rate) for rate in rates]
            worst = max(worst, *(abs(length - seconds) for length in lengths))
            print(f"{seconds:>5d}s {start:24s} " + " ".join(f"{x:7.2f}" for x in lengths))
    print(f"worst difference from the hold's length: {worst:.2f} s (tolerance {TOLERANCE} s)")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
