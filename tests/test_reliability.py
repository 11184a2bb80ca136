"""Krippendorff's alpha (nominal) and percentage agreement (etl/reliability.py).

Expected values are computed by hand in the comments (coincidence matrix o, marginals n_c, n = sum n_c;
alpha = 1 - (n - 1) * sum_{c!=k} o_ck / (n^2 - sum n_c^2)), or taken from a published worked example.
"""

from __future__ import annotations

import pytest

from etl.reliability import (
    agreement,
    below_target,
    coincidences,
    is_tentative,
    krippendorff_alpha_nominal,
    percentage_agreement,
    pooled_alpha_nominal,
)

N = None  # a coder who did not code the unit


def test_published_example_krippendorff_2011():
    """Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
    University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 — section C, "Nominal data, any
    number of observers, missing data": 4 observers, 12 units, values 1-5, reported alpha = 0.743 with
    n = 40 pairable values (unit 12 has one value only and drops out). The matrix is the one printed there,
    observers as rows."""
    obs_a = [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N]
    obs_b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3]
    obs_c = [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N]
    obs_d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]
    units = list(zip(obs_a, obs_b, obs_c, obs_d, strict=True))
    result = agreement(units)
    assert result.alpha == pytest.approx(0.743, abs=0.0005)
    assert result.n_values == 40
    assert result.n_units == 11
    # Units where every observer agrees: 1, 3, 4, 5, 7, 9, 10, 11 -> 8 of 11 pairable units.
    assert result.pct_agreement == pytest.approx(100 * 8 / 11)


def test_two_coders_hand_computed():
    # Units (a,a), (a,b), (b,b), (b,b).
    # o_aa = 2 (unit 1), o_ab = o_ba = 1 (unit 2), o_bb = 2 + 2 (units 3, 4).
    # n_a = 3, n_b = 5, n = 8; sum_{c!=k} o = 2; n^2 - sum n_c^2 = 64 - 9 - 25 = 30.
    # alpha = 1 - 7 * 2 / 30 = 16/30 = 0.5333...; agreement 3 of 4 units = 75%.
    units = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    assert krippendorff_alpha_nominal(units) == pytest.approx(16 / 30)
    assert percentage_agreement(units) == 75.0
    matrix = coincidences(units)
    assert matrix[("a", "a")] == 2 and matrix[("a", "b")] == 1 and matrix[("b", "a")] == 1
    assert matrix[("b", "b")] == 4


def test_three_coders_with_a_missing_value_hand_computed():
    # Unit 1 (a, a, b), m = 3: each ordered pair of different coders adds 1/(m-1) = 1/2.
    #   a-a pairs: 2 * 1 = 2 -> o_aa = 1; a-b pairs: 2 * 1 = 2 -> o_ab = 1, o_ba = 1.
    # Unit 2 (b, b, -), m = 2: o_bb = 2.
    # n_a = 2, n_b = 3, n = 5; sum_{c!=k} o = 2; 25 - 4 - 9 = 12; alpha = 1 - 4 * 2 / 12 = 1/3.
    # Unit 3 (-, c, -) has one value: not pairable, ignored. Agreement: 1 of 2 pairable units.
    units = [("a", "a", "b"), ("b", "b", N), (N, "c", N)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(1 / 3)
    assert percentage_agreement(units) == 50.0
    assert agreement(units).n_units == 2


def test_units_coded_once_do_not_change_alpha():
    base = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    assert krippendorff_alpha_nominal([*base, ("a", N), (N, "b")]) == pytest.approx(16 / 30)


def test_perfect_agreement_with_variation_is_one():
    # (a,a), (b,b): no off-diagonal coincidences, n_a = n_b = 2: alpha = 1 - 3 * 0 / 8 = 1.
    assert krippendorff_alpha_nominal([("a", "a"), ("b", "b")]) == 1.0


def test_systematic_disagreement_goes_below_zero():
    # (t,n), (t,n), (n,n): o_tn = o_nt = 2, o_nn = 2; n_t = 2, n_n = 4, n = 6.
    # alpha = 1 - 5 * 4 / (36 - 4 - 16) = 1 - 20/16 = -0.25 (worse than chance).
    assert krippendorff_alpha_nominal([("t", "n"), ("t", "n"), ("n", "n")]) == pytest.approx(-0.25)


def test_all_values_identical_alpha_undefined():
    """No variation: expected disagreement 0, alpha 0/0 -> None by our convention; agreement is 100%."""
    units = [("x", "x"), ("x", "x"), ("x", "x")]
    assert krippendorff_alpha_nominal(units) is None
    assert percentage_agreement(units) == 100.0
    assert not is_tentative(None)  # nothing shows unreliability ...
    assert below_target(None)  # ... but nothing shows the target was reached either


def test_single_unit():
    # n = 1 unit that the coders agree on: no variation -> undefined.
    assert krippendorff_alpha_nominal([("a", "a")]) is None
    # n = 1 unit they disagree on: o_ab = o_ba = 1, n = 2: alpha = 1 - 1 * 2 / (4 - 1 - 1) = 0.
    assert krippendorff_alpha_nominal([("a", "b")]) == pytest.approx(0.0)
    assert percentage_agreement([("a", "b")]) == 0.0


def test_no_pairable_units():
    assert krippendorff_alpha_nominal([]) is None
    assert krippendorff_alpha_nominal([("a", N)]) is None
    assert percentage_agreement([("a", N)]) is None


def test_pooled_alpha_keeps_each_dimension_expectation():
    # Group 1 = the two-coder case above: sum o_{c!=k} = 2, (n^2 - sum n_c^2) / (n - 1) = 30 / 7.
    # Group 2 = (t,n), (t,n), (n,n): sum o = 4, 16 / 5.
    # pooled alpha = 1 - (2 + 4) / (30/7 + 16/5) = 1 - 6 / (262/35) = 1 - 210/262 = 52/262.
    g1 = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    g2 = [("t", "n"), ("t", "n"), ("n", "n")]
    assert pooled_alpha_nominal([g1, g2]) == pytest.approx(52 / 262)
    # One group: the ordinary alpha. A group without variation adds nothing.
    assert pooled_alpha_nominal([g1]) == pytest.approx(16 / 30)
    assert pooled_alpha_nominal([g1, [("x", "x")]]) == pytest.approx(16 / 30)
    assert pooled_alpha_nominal([[("x", "x")]]) is None


def test_thresholds():
    assert is_tentative(0.6) and not is_tentative(0.667) and not is_tentative(0.9)
    assert below_target(0.79) and not below_target(0.80)
