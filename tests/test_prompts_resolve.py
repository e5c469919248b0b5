"""Every phrase the skill's own prompts tell people to say resolves to the intent the prompt means.

The phrases are read from ``content/*.yaml``, so a new prompt is checked as soon as it is written:
"say ready", "you can say water, foods, ... or shoes", "answer yes, no, or not sure", "like my toe
is numb", "you can ask, why is my toe twitching", "ask me when to see a doctor", and the names the
skill lists (causes, self-care topics, stretches). What each phrase means comes, in this order,
from the dialogue table's words (``ready``, ``go back``...) and the built-in intents' own names
(``previous``), from ``MEANT`` below (menu words and example sentences), and last from the one
slot value it names (``water`` is the HYDRATION tip); a phrase none of them knows, or a bare word
that names values of two slot types, fails the test until its meaning is written down.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.dialogue.table import INTENT_WORDS
from skill.rules.content import get_content
from skill.rules.interaction_model import interaction_model
from skill.simulator.compiled_model import Template, load_model
from skill.simulator.resolver import resolve
from skill.simulator.text import normalise

CONTENT = Path(__file__).resolve().parents[1] / "content"

MEANT: dict[str, tuple[str, dict[str, str]]] = {
    "causes": ("TwitchCausesIntent", {}),
    "why is my toe twitching": ("TwitchCausesIntent", {}),
    "why my toe is twitching": ("TwitchCausesIntent", {}),
    "why toes twitch": ("TwitchCausesIntent", {}),
    "tips": ("SelfCareIntent", {}),
    "self care tips": ("SelfCareIntent", {}),
    "how do i stop it": ("SelfCareIntent", {}),
    "how to stop it": ("SelfCareIntent", {}),
    "how to ease it": ("SelfCareIntent", {}),
    "doctor": ("WhenToSeeDoctorIntent", {}),
    "when should i see a doctor": ("WhenToSeeDoctorIntent", {}),
    "when to see a doctor": ("WhenToSeeDoctorIntent", {}),
    "stretches": ("StartStretchIntent", {}),
    "let's stretch": ("StartStretchIntent", {}),
    "check my symptoms": ("SymptomCheckIntent", {}),
    "log a twitch": ("LogTwitchIntent", {}),
    "how often it has twitched": ("TwitchHistoryIntent", {}),
    "my toe is numb": ("ReportSymptomIntent", {"symptom": "NUMBNESS"}),
    "it hurts": ("ReportSymptomIntent", {"symptom": "PAIN"}),
    "my foot feels weak": ("ReportSymptomIntent", {"symptom": "WEAKNESS"}),
    "make the holds shorter": ("HoldLengthIntent", {"change": "SHORTER"}),
    "make the holds longer": ("HoldLengthIntent", {"change": "LONGER"}),
    "what reminders do i have": ("ListRemindersIntent", {}),
}
"""What the prompts' sentences and menu words mean (the words and names mean themselves)."""

_SENTENCE = re.compile(r"[^.?!]+[.?!]?")
_SAY = re.compile(
    r"(?:^|\bor |\balso |, )(?:say|answer)\b,? (?P<list>.+)|"
    r"^(?:please |you can |try )?(?:say|answer|saying)\b,? (?P<opening>.+)",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"(?:^|\bor |, )(?:you can )?(?:try )?ask(?:ing)?(?: me)?\b(?P<comma>,?) (?P<list>.+)"
)
_LIKE = re.compile(r"\b(?:name|tell me|help with)\b.*?, like (?P<list>.+)$")
_EXAMPLE = re.compile(r"^for example,(?: say,)? (?P<list>.+)$")
_THEN_SAY = re.compile(r",? (?:or )?say\b")
_QUESTION = re.compile(r"^(?:why|how|when|what|which|whether)\b")
_YES_OR_NO = re.compile(r"^yes or no$")
_PURPOSE = re.compile(r" (?:to|for|when|if|and i'll|and i will|and) .*$")
_PIECES = re.compile(r",? or,? |, ")
_PRONOUNS = {"your": "my", "you": "i", "you're": "i'm"}
_LAUNCH = re.compile(r"^(?:open|ask|launch|start|talk to) toe twitch helper\b")
"""Opening the skill is a LaunchRequest (a reminder's text says it), not an intent's phrase."""
_CONTINUATION = re.compile(r"^(?:with|in|on|for|from|at|by)\b")
"""A piece after a comma that goes on with the sentence ("..., with your diary") is no phrase."""


@dataclass(frozen=True)
class Invitation:
    """A phrase a prompt tells people to say, where it was found, and whether it is quoted."""

    phrase: str
    where: str
    direct: bool = True


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield value, where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _strings(item, f"{where}[{number}]")


def _pieces(listed: str, cut_purpose: bool) -> list[str]:
    found = []
    for piece in _PIECES.split(listed):
        piece = piece.strip().strip('"')
        if cut_purpose:
            piece = _PURPOSE.sub("", piece)
        piece = re.sub(r"^(?:say|answer) ", "", piece)
        if (
            piece
            and "{" not in piece
            and not _CONTINUATION.match(piece)
            and not _LAUNCH.match(piece)
        ):
            found.append(normalise(piece))
    return found


def _flip(phrase: str) -> str:
    """An indirect question turned to the asker's words: "why your toe" -> "why my toe"."""
    return " ".join(_PRONOUNS.get(word, word) for word in phrase.split())


def invitations_in(text: str, where: str) -> Iterator[Invitation]:
    """The phrases one prompt tells people to say."""
    for sentence in _SENTENCE.findall(" ".join(text.split())):
        sentence = sentence.strip().rstrip(".?!").strip()
        lowered = sentence.lower()
        if not sentence or re.match(r"i\b|i'", lowered):
            continue  # "I can explain causes, ... say when to see a doctor": what the skill does
        if _YES_OR_NO.match(lowered):
            yield from (Invitation(word, where) for word in ("yes", "no"))
            continue
        for pattern in (_LIKE, _EXAMPLE):
            if match := pattern.search(lowered):
                before_say = _THEN_SAY.split(match.group("list"))[0]
                yield from (Invitation(p, where) for p in _pieces(before_say, cut_purpose=False))
        if match := _SAY.search(lowered):
            listed = match.group("list") or match.group("opening")
            listed = re.split(r",? or,? ask\b", listed)[0]
            if listed.startswith(('"', "'")) or listed.endswith('"'):
                listed = listed.strip("\"'")
            quoted = bool(re.match(r"(?:.*\b)?(?:say|saying),", lowered))
            if quoted and "," in listed:
                listed = listed.split(",")[0]
            yield from (Invitation(p, where) for p in _pieces(listed, cut_purpose=not quoted))
        if match := _ASK.search(lowered):
            listed = re.split(r",? or,? say\b", match.group("list"))[0]
            direct = bool(match.group("comma"))
            for piece in _pieces(listed, cut_purpose=False):
                if direct or _QUESTION.match(piece):
                    yield Invitation(piece if direct else _flip(piece), where, direct)


def invitations() -> list[Invitation]:
    """Every phrase the skill's prompts invite, with the names it lists, first place first."""
    found: dict[str, Invitation] = {}
    for path in sorted(CONTENT.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text, where in _strings(document, path.name):
            for invitation in invitations_in(text, where):
                found.setdefault(invitation.phrase, invitation)
    content = get_content()
    named = [
        *((e.name, "causes.yaml: names") for e in content.cause_entries.values()),
        *((e.name, "self_care.yaml: names") for e in content.topic_entries.values()),
        *((e.name, "stretches.yaml: names") for e in content.stretch_entries.values()),
    ]
    for name, where in named:
        found.setdefault(normalise(name), Invitation(normalise(name), where))
    return list(found.values())


def _spoken_name(intent: str) -> str:
    """An intent's name as words: AMAZON.StartOverIntent -> "start over"."""
    bare = intent.removeprefix("AMAZON.").removesuffix("Intent")
    return re.sub(r"(?<!^)(?=[A-Z])", " ", bare).lower()


def _slot_meanings() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Each slot value name and synonym -> (intent, {slot: id}) for every intent that takes it
    said alone (a sample that is the slot and nothing else): what a bare word can mean."""
    language = interaction_model()["interactionModel"]["languageModel"]
    takers: dict[str, list[tuple[str, str]]] = {}
    for intent in language["intents"]:
        for slot in intent.get("slots", []):
            if f"{{{slot['name']}}}" in intent.get("samples", []):
                takers.setdefault(slot["type"], []).append((intent["name"], slot["name"]))
    meanings: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for slot_type in language["types"]:
        for value in slot_type["values"]:
            for phrase in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                for intent, slot in takers.get(slot_type["name"], []):
                    meanings.setdefault(normalise(phrase), []).append((intent, {slot: value["id"]}))
    return meanings


def meaning(phrase: str) -> tuple[str, dict[str, str]] | None:
    """The intent (and slot ids) a phrase the skill invites means, or None if nobody said."""
    words = {normalise(word.value): intent for intent, word in INTENT_WORDS.items()}
    words |= {_spoken_name(intent): intent for intent in INTENT_WORDS}
    if phrase in words:
        return words[phrase], {}
    if phrase in MEANT:
        return MEANT[phrase]
    named = _slot_meanings().get(phrase, [])
    return named[0] if len(named) == 1 else None


INVITED = invitations()


def test_the_prompts_invite_the_phrases_the_issue_names():
    phrases = {invitation.phrase for invitation in INVITED}
    assert {"ready", "next", "resume", "log a twitch", "not sure", "water", "foods"} <= phrases
    assert {"stretching", "rest", "diet", "shoes", "causes", "tips", "doctor"} <= phrases
    assert {"stretches", "dehydration", "pinched nerves", "foot roll", "yes", "no"} <= phrases
    assert "when to see a doctor" in phrases
    assert not {"what it means", "a doctor"} & phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Say ready when you're in position.", ["ready"]),
        ("Say ready to start, next to skip, or stop.", ["ready", "next", "stop"]),
        ("You can say water, foods, or shoes. Which one?", ["water", "foods", "shoes"]),
        ("Answer yes, no, or not sure.", ["yes", "no", "not sure"]),
        ("Whenever it twitches, say, log a twitch, and I'll keep count.", ["log a twitch"]),
        ("You can ask, why is it, or, how do I stop it.", ["why is it", "how do i stop it"]),
        ("Ask me why your toe twitches, or say no.", ["why my toe twitches", "no"]),
        ("Name one, like water or shoes, say yes to start.", ["water", "shoes", "yes"]),
        ("I can say when to see a doctor.", []),
        ("Yes or no?", ["yes", "no"]),
        ('Say "ready"', ["ready"]),
    ],
)
def test_the_reader_finds_what_a_prompt_invites(text, phrases):
    assert sorted(i.phrase for i in invitations_in(text, "here")) == sorted(phrases)


@pytest.mark.parametrize("invitation", INVITED, ids=lambda invitation: invitation.phrase)
def test_every_invited_phrase_resolves_to_what_the_prompt_means(invitation):
    meant = meaning(invitation.phrase)
    assert meant is not None, (
        f"{invitation.where} invites {invitation.phrase!r}: say what it means in MEANT"
    )
    intent, slots = meant
    resolution = resolve(invitation.phrase)
    got = {name: resolution.slot_ids.get(name) for name in slots}
    assert (resolution.intent, got) == (intent, slots), invitation.where


def _literal(phrase: str) -> Template | None:
    """The sample that says ``phrase`` word for word (slot values filled in), if any."""
    model = load_model()
    if phrase in model.exact:
        return model.exact[phrase]
    for template in model.templates:
        match = template.pattern.fullmatch(phrase) if template.pattern else None
        if match and all(
            (kind := model.slot_type(template.intent, slot)) and kind.exact(match.group(slot))
            for slot in template.slots
        ):
            return template
    return None


@pytest.mark.parametrize(
    "invitation",
    [i for i in INVITED if i.direct],
    ids=lambda invitation: invitation.phrase,
)
def test_every_phrase_said_word_for_word_matches_a_sample_literally(invitation):
    """A test client that matches samples literally (as ``ask dialog`` replay tools do) finds it.

    Built-in intents are Amazon's to train; their phrases come from the simulator's table.
    """
    meant = meaning(invitation.phrase)
    assert meant is not None
    sample = _literal(invitation.phrase)
    assert sample is not None, f"{invitation.where}: {invitation.phrase!r} matches no sample"
    assert sample.intent == meant[0], f"{invitation.phrase!r} is a sample of {sample.intent}"
