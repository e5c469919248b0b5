"""Resolve typed text to an intent and slots with the skill's own interaction model, offline.

Roughly what Alexa does with speech, for text: an exact sample wins; a sample whose words around
a ``{slot}`` match takes the words in the slot's place and resolves them against the slot type's
values and synonyms (``ER_SUCCESS_MATCH``, else ``ER_SUCCESS_NO_MATCH``); otherwise the closest
sample wins if it is close enough (:mod:`skill.simulator.ranking`, :mod:`skill.simulator.scoring`).

A reading is weighed against the closest ``AMAZON.FallbackIntent`` sample, and what is not close
enough goes to the fallback by bars derived from the model itself, never from per-phrase rules
(:mod:`skill.simulator.thresholds`). Intents that write or erase (:data:`WRITES`) get a stricter
bar; a bare slot value ("water") counts only when it names a value word for word. Sudden or
severe onset said with a warning sign is the emergency sign (:mod:`skill.simulator.severity`).
:func:`skill.simulator.explain.explain` shows the readings and the decision.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from functools import cache, cached_property

from skill.rules.interaction_model import DEFAULT_LOCALE
from skill.rules.negation import negated
from skill.simulator.builtin_slots import TIME, in_day_half
from skill.simulator.compiled_model import load_model
from skill.simulator.hearing import Hearing
from skill.simulator.places import PLACED, elsewhere_only
from skill.simulator.ranking import Ranker
from skill.simulator.rephrase import is_negated_no, rephrase
from skill.simulator.resolution import FALLBACK, WRITES, Candidate, Decision, Resolution
from skill.simulator.severity import INTENT, VALUE, emergency, is_severe, rules_out
from skill.simulator.slot_reading import spots
from skill.simulator.slot_values import UNREAD, SlotFill
from skill.simulator.text import normalise
from skill.simulator.thresholds import SENSITIVITY, Calibration, calibrate, evidence, lead

__all__ = [
    "FALLBACK",
    "NEGATED",
    "SENSITIVITY",
    "SEVERE",
    "VALUE",
    "WRITES",
    "Calibration",
    "Candidate",
    "Decision",
    "Resolution",
    "Resolver",
    "SlotFill",
    "get_resolver",
    "resolve",
]

SEVERE = "(said with sudden onset, or a severe loss)"
NO, NEGATED = "AMAZON.NoIntent", "(a no, with its reason after it)"
"""The sample an emergency resolution names: it is read from the words, not one sample."""
CLEAR_WORDS, CLEAR_SHARE, CLEAR_LEAD = 8, 0.7, 8.0
"""A reading of an utterance of at least ``CLEAR_WORDS`` words that falls below the accept bar
still stands when it reaches ``CLEAR_SHARE`` of the bar and leads every other intent (the
fallback's samples too) by ``CLEAR_LEAD``: long, rambling requests score low
against short samples but point clearly one way. Never for intents that write, nor a bare value.
Chosen on the development sets (a lead of 12 on dev4 at first); 8 then kept 15 more of the
1,771 requests of three fresh sets (dev16 to dev18, measured before any tuning on them) and let
one more out-of-domain phrase through of 589."""
FILL_MARGIN = 10.0
"""How far below the best reading a reading of the same intent may be and still fill a slot."""


class Resolver(Ranker):
    """Resolve typed text against one compiled model: rank the readings, then decide."""

    @cached_property
    def calibration(self) -> Calibration:
        """The model's samples resolved with themselves left out (computed once, on first use)."""
        return calibrate(self)

    @cached_property
    def hearing(self) -> Hearing:
        """Repairs of misheard words, knowing the model's own words."""
        words = {w for t in self.model.templates for w in t.text.split() if "{" not in w}
        pairs = set(self.model.carrier_pairs)
        for slot_type in self.model.slot_types.values():
            words |= getattr(slot_type, "vocabulary", frozenset())
            for phrase in slot_type.phrases:
                parts = phrase.split()
                words.update(parts)
                pairs |= {f"{a} {b}" for a, b in itertools.pairwise(parts)}
        whole = {t.text for t in self.model.templates if t.intent != FALLBACK and not t.slots}
        return Hearing(words, pairs, whole)

    @property
    def level(self) -> str:
        """The model's ``fallbackIntentSensitivity`` level."""
        return self.model.level

    def bar_for(self, level: str) -> float:
        """The accept bar the model's samples give at ``level`` (LOW, MEDIUM or HIGH)."""
        return self.calibration.bar(level)

    @cached_property
    def accept(self) -> float:
        """The accept bar at the model's own ``fallbackIntentSensitivity`` level."""
        return self.bar_for(self.level)

    @cached_property
    def write_bar(self) -> float:
        """The bar for intents that write or erase."""
        return self.calibration.write_bar(self.accept)

    evidence = staticmethod(evidence)

    def decide(
        self, ranked: list[Candidate], accept: float | None = None, words: int = 0
    ) -> Decision:
        """Whether the best reading stands: the bars, the stricter ones, and the fallback's own.

        ``words``: how long the utterance is (a long one may stand on a clear lead).
        """
        if not ranked:
            return Decision(None, False, "rejected: nothing to match")
        accept = self.accept if accept is None else accept
        best, pull, margin = evidence(ranked)
        closest = next((c for c in ranked if c.template.intent == FALLBACK), None)
        if best is None or (closest and closest.score >= best.score):
            text = closest.template.text if closest else ""
            return Decision(best, False, f'rejected: closest to out-of-domain "{text}"')
        intent = best.template.intent
        weighed = f"{best.score:.1f}"
        if margin < best.score:
            weighed += (
                f" - {best.score - margin:.1f} for an out-of-domain sample at {pull:.1f}"
                f" = {margin:.1f}"
            )
        ahead = lead(ranked, best)
        clear = (
            words >= CLEAR_WORDS
            and margin >= CLEAR_SHARE * accept
            and ahead >= CLEAR_LEAD
            and intent not in WRITES
            and not best.template.bare
        )
        if margin < accept and not clear:
            return Decision(best, False, f"rejected: {weighed} is below threshold {accept:.1f}")
        write_bar = max(self.write_bar, accept)
        if intent in WRITES and margin < write_bar:
            return Decision(
                best,
                False,
                f"rejected: {intent} writes data; {weighed} is below its threshold {write_bar:.1f}",
            )
        if best.template.bare and not best.exact:
            return Decision(best, False, "rejected: a bare slot value must name a value exactly")
        if margin < accept:
            return Decision(
                best,
                True,
                f"accepted: {weighed} is below threshold {accept:.1f} but at least"
                f" {CLEAR_SHARE:.0%} of it, and {ahead:.1f} ahead of any other intent",
            )
        return Decision(best, True, f"accepted: {weighed} >= threshold {accept:.1f}")

    def reading(self, text: str) -> str:
        """Typed text as it is read: normalised and, unless it is a sample word for word,
        with mishearings repaired and corrections, tags and the skill's name read past."""
        return self._read(normalise(text))

    def _read(self, said: str) -> str:
        if said in self.model.exact:
            return said
        return rephrase(self.hearing.repair(said), self.model.invocation)

    def resolve(self, text: str, accept: float | None = None) -> Resolution:
        """The intent and slots for typed text; the fallback when nothing is close enough."""
        said = normalise(text)
        normal = self._read(said)
        if is_severe(self.model, normal) or (said != normal and is_severe(self.model, said)):
            fill = emergency(self.model, normal)
            return Resolution(INTENT, 100.0, (fill,), self.model.intents.get(INTENT, ()), SEVERE)
        if is_negated_no(normal) and normal not in self.model.exact and NO in self.model.intents:
            return Resolution(NO, 100.0, sample=NEGATED)
        calm = self.rules_out(normal, severe=False)  # severe was ruled out above
        ranked = self.readings(normal, calm)
        decision = self.decide(ranked, accept, len(normal.split()))
        if not decision.accepted or decision.candidate is None:
            return Resolution(FALLBACK, 0.0, declared=self.model.intents.get(FALLBACK, ()))
        best = decision.candidate
        barred = frozenset({VALUE}) if calm else frozenset()
        fills = self.slots_for(ranked, best, normal.split(), barred)
        declared = self.model.intents.get(best.template.intent, ())
        return Resolution(
            best.template.intent,
            round(best.score, 1),
            tuple(fills.values()),
            declared,
            best.template.text,
        )

    def rules_out(self, normal: str, severe: bool | None = None) -> bool:
        """Whether read text rules the emergency reading out (:func:`severity.rules_out`)."""
        return rules_out(self.model, normal, severe)

    def readings(self, normal: str, calm: bool) -> list[Candidate]:
        """The readings of read text, best first, less the emergency reading when its words rule
        it out (``calm``) and any report of a sign placed only elsewhere in the body
        (:mod:`skill.simulator.places`)."""
        ranked = self.rank(normal)
        if calm:
            ranked = [c for c in ranked if all(fill.value_id != VALUE for fill in c.fills)]
        if elsewhere_only(normal):
            ranked = [c for c in ranked if c.template.intent not in PLACED]
        return ranked

    def slots_for(
        self,
        ranked: list[Candidate],
        best: Candidate,
        words: list[str],
        barred: frozenset[str] = frozenset(),
    ) -> dict[str, SlotFill]:
        """The slots the chosen reading fills, as Alexa would fill them if the words allow.

        A slot the reading leaves empty takes a value from a reading of the same intent nearly
        as good, else a value the words name elsewhere ("set a water reminder for nine"); when
        the words name several values of a slot's type, the first listed wins.
        """
        intent = best.template.intent
        fills = {fill.name: fill for fill in best.fills}
        for slot in self.model.intents.get(intent, ()):
            if slot in fills:
                continue
            other = next(
                (
                    fill
                    for candidate in ranked
                    if candidate.template.intent == intent
                    and candidate.exact
                    and candidate.score >= best.score - FILL_MARGIN
                    for fill in candidate.fills
                    if fill.name == slot
                    and fill.resolved
                    and fill.value not in {f.value for f in fills.values() if f.type == fill.type}
                ),
                None,
            )
            if other:
                fills[slot] = other
        spotted = [
            spot
            for spot in spots(self.model, words)
            if spot.fill.value_id not in barred and not negated(words[: spot.start])
        ]
        for slot in self.model.intents.get(intent, ()):
            kind = self.model.slot_type_of.get((intent, slot))
            if any(f.type == kind and f.value != UNREAD for n, f in fills.items() if n != slot):
                continue  # a second slot of a type ("moreTime") needs words of its own
            named = [s.fill for s in spotted if s.fill.type == kind and s.fill.value != UNREAD]
            if named and (slot not in fills or fills[slot].value == UNREAD):
                fills[slot] = named[0].named(slot)
        timed = [fill for fill in fills.values() if fill.type == TIME]
        for name, fill in list(fills.items()):
            if fill.type == TIME and fill.value != UNREAD and len(timed) == 1:
                fills[name] = replace(fill, value=in_day_half(fill.value, words))
            slot_type = self.model.slot_types.get(fill.type)
            named = [s.fill for s in spotted if s.fill.type == fill.type and s.fill.value_id]
            if slot_type and named:
                first = min(named, key=slot_type.priority)
                if slot_type.priority(first) < slot_type.priority(fill):
                    fills[name] = first.named(name)
        return fills


@cache
def get_resolver(locale: str = DEFAULT_LOCALE) -> Resolver:
    """The resolver for ``locale``, built once per process."""
    return Resolver(load_model(locale))


def resolve(text: str, locale: str = DEFAULT_LOCALE) -> Resolution:
    """Resolve typed text to an intent and slots with the skill's interaction model."""
    return get_resolver(locale).resolve(text)
