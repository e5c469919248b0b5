"""The triage rules on their own: every sign, combinations, emergencies first."""

from __future__ import annotations

import pytest

from skill.rules.triage import (
    ALL_SIGNS,
    EMERGENCY,
    NO,
    NOT_SURE,
    SEE_PROVIDER,
    SELF_CARE,
    UNKNOWN,
    UNSURE,
    WARNING_SIGNS,
    YES,
    Verdict,
    answer_all,
    classify,
    merge_answers,
    verdict,
)

GUIDE_SIGNS = {
    "PAIN", "NUMBNESS", "TINGLING", "WEAKNESS", "MUSCLE_WASTING", "GAIT_CHANGE",
    "DIFFICULTY_WALKING", "SPREADING", "SLEEP_DISRUPTION", "PERSISTENT", "MORE_FREQUENT",
    "MORE_INTENSE", "SUDDEN_SEVERE",
}  # fmt: skip


def test_the_rules_know_every_sign_of_the_contract():
    assert ALL_SIGNS == GUIDE_SIGNS


@pytest.mark.parametrize("sign", sorted(WARNING_SIGNS))
def test_every_warning_sign_alone_means_see_a_provider(sign):
    assert classify(sign) == SEE_PROVIDER
    assert verdict({sign: YES}) == Verdict(SEE_PROVIDER, (sign,))


def test_sudden_or_severe_is_an_emergency():
    assert classify("SUDDEN_SEVERE") == EMERGENCY
    assert verdict({"SUDDEN_SEVERE": YES}).kind == EMERGENCY


@pytest.mark.parametrize("sign", sorted(WARNING_SIGNS))
def test_an_emergency_outranks_any_warning_sign(sign):
    assert verdict({sign: YES, "SUDDEN_SEVERE": YES}) == Verdict(EMERGENCY, ("SUDDEN_SEVERE",))


def test_several_signs_are_all_named_in_order():
    answers = {"PAIN": YES, "SPREADING": NO, "WEAKNESS": YES, "SLEEP_DISRUPTION": UNSURE}
    assert verdict(answers) == Verdict(SEE_PROVIDER, ("PAIN", "WEAKNESS"))


def test_not_sure_is_never_read_as_no():
    assert verdict({"PAIN": NO, "NUMBNESS": UNSURE}) == Verdict(NOT_SURE, ("NUMBNESS",))
    assert verdict({"SUDDEN_SEVERE": UNSURE}) == Verdict(NOT_SURE, ("SUDDEN_SEVERE",), True)


def test_unsure_about_sudden_symptoms_is_kept_even_when_another_sign_is_yes():
    result = verdict({"SUDDEN_SEVERE": UNSURE, "PAIN": YES})
    assert result == Verdict(SEE_PROVIDER, ("PAIN",), unsure_emergency=True)


def test_all_no_is_self_care():
    assert verdict(dict.fromkeys(ALL_SIGNS, NO)) == Verdict(SELF_CARE)
    assert verdict({}) == Verdict(SELF_CARE)


@pytest.mark.parametrize("sign", [None, "", "PURPLE", "pain"])
def test_unknown_signs_are_classified_unknown(sign):
    assert classify(sign) == UNKNOWN


def test_a_question_answers_all_its_signs():
    assert answer_all(["PAIN", "NUMBNESS"], UNSURE) == {"PAIN": UNSURE, "NUMBNESS": UNSURE}
    with pytest.raises(ValueError):
        answer_all(["PAIN"], "maybe")


def test_a_yes_is_never_undone_by_a_later_answer():
    earlier = {"TINGLING": YES, "PAIN": NO}
    later = {"TINGLING": NO, "PAIN": YES, "NUMBNESS": UNSURE}
    assert merge_answers(earlier, later) == {"TINGLING": YES, "PAIN": YES, "NUMBNESS": UNSURE}
