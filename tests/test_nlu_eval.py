"""The bar of issue 12, on utterances written by someone who never saw the model.

The held-out sets (``bench.bench_nlu.EVALS``: ``tests/data/nlu_eval*.yaml``) are only scored,
here and by ``bench/bench_nlu.py``: nothing is tuned on them and their misses are not read. Each
must meet the issue's bar. A held-out set that has been read is spent: it becomes a development
set (dev5 and dev19 were the first and third) and a fresh one, written blind, takes its place.
The development sets ``tests/data/nlu_dev*.yaml`` are the ones to tune on. Neither a held-out set,
a spent one, nor the hand-written development set may leak into the model: a phrase of one that is
a sample of the interaction model, word for word, fails, unless the spec itself asks for that
sample (a phrase the skill's prompts tell people to say, an example of the contract in GUIDE.md
section 2, or one the issue names), or it was a sample before the set was written
(``*_prior.txt``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_nlu import EVALS, PROTECTED, evaluate, load
from skill.rules.interaction_model import model_path
from skill.simulator.text import normalise
from tests.test_prompts_resolve import INVITED

CONTRACT_EXAMPLES = {
    "why is my toe twitching",
    "tell me more about {cause}",
    "how do i stop it",
    "tips on {topic}",
    "when should i see a doctor",
    "check my symptoms",
    "my toe is {symptom}",
    "i also have {symptom}",
    "walk me through a stretch",
    "i'm ready",
    "i'm in position",
    "log a twitch",
    "it's twitching again",
    "how often has my toe twitched",
    "delete my data",
    "i'm not sure",
}
"""The examples of the conversation contract (GUIDE.md section 2): the samples it names."""
ISSUE_EXAMPLES = {"that's enough", "skip this one", "what was that", "i'm not sure"}
"""Built-in phrasings issue 12 asks the model to add as samples."""
BARE_SLOTS = {"{cause}", "{topic}", "{stretch}"}
"""The skill names causes, tips and stretches and asks people to say one back: bare samples."""


def spec_samples() -> set[str]:
    """The samples the spec asks for, whatever the evaluation sets hold."""
    return {i.phrase for i in INVITED} | CONTRACT_EXAMPLES | ISSUE_EXAMPLES | BARE_SLOTS


def prior_samples(path: Path) -> set[str]:
    """Phrases of a blind set that were samples of the model before the set was written."""
    prior = path.with_name(f"{path.stem}_prior.txt")
    if not prior.is_file():
        return set()
    lines = prior.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def model_samples() -> dict[str, str]:
    """Every sample of the interaction model, normalised, with its intent."""
    document = json.loads(Path(model_path()).read_text(encoding="utf-8"))
    samples = {}
    for intent in document["interactionModel"]["languageModel"]["intents"]:
        for sample in intent.get("samples", []):
            samples[" ".join(sample.lower().split())] = intent["name"]
    return samples


@pytest.mark.parametrize("path", PROTECTED, ids=[path.stem for path in PROTECTED])
def test_no_evaluation_phrase_is_a_sample_of_the_model(path):
    data = load(path)
    phrases = [item["text"] for item in data["in_domain"]] + list(data["out_of_domain"])
    samples, allowed = model_samples(), spec_samples() | prior_samples(path)
    leaks = sorted(
        f"{samples[normalise(text)]}: {normalise(text)!r}"
        for text in phrases
        if normalise(text) in samples and normalise(text) not in allowed
    )
    assert leaks == [], f"samples that are phrases of {path.name} (a leak): {leaks}"


def test_the_spec_samples_are_few_and_all_in_the_model():
    samples = model_samples()
    missing = {phrase for phrase in CONTRACT_EXAMPLES | ISSUE_EXAMPLES if phrase not in samples}
    assert missing == set()
    assert len(spec_samples()) < 100


ISSUE_BAR = {"intents": 0.95, "slots": 0.95, "rejected": 0.90}
"""What issue 12 asks of a held-out set; every sudden or severe phrase must reach the emergency
advice as well. A change that falls below it fails. Never tune on the held-out set or read its
misses."""


@pytest.fixture(scope="module", params=EVALS, ids=[p.stem for p in EVALS])
def eval_report(request):
    return evaluate(request.param)


@pytest.mark.parametrize("measure", ["intents", "slots", "rejected"])
def test_the_held_out_set_meets_the_issues_bar(eval_report, measure):
    tally = getattr(eval_report, measure)
    assert tally.share >= ISSUE_BAR[measure], tally


def test_every_sudden_or_severe_phrase_reaches_the_emergency_advice(eval_report):
    emergency = eval_report.emergency
    assert emergency.total >= 20
    assert emergency.right == emergency.total, emergency
