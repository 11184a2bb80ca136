"""The peer method's numbers (dashboard/core/similarity/scoring.py), checked against numbers computed by hand.

Why: the peer page tells policy advisors which municipalities are "like" theirs; a silent change in scaling,
skipping or tie-breaking would change that advice without anyone noticing.
"""

from __future__ import annotations

import math

import pytest

from dashboard.core import similarity as s
from dashboard.core.similarity import Profile
from tests.similarity.sample import EQUAL, NR


def test_hand_computed_case(cat, towns):
    # Scale of a_pct over the data set (R, A, B have it): values 10, 12, 10 -> mean 32/3,
    # population variance ((2/3)^2 + (2/3)^2 + (4/3)^2) / 3 = 8/9, sd = 0.942809.
    # b_pct has one value (< 3) -> no scale; c_growth is not comparable -> never a criterion.
    scales = s.fit_scales(towns, cat)
    assert set(scales) == {"a_pct"}
    assert scales["a_pct"].sd == pytest.approx(math.sqrt(8 / 9))
    # Reference R can use: size, a_pct, scope, triage (b_pct: R has no value) -> total weight 4.
    #
    # R-A: size ln(1)=0 -> 1; a |10-12| / (4 * 0.942809) = 0.530330 -> 0.469670; scope x=x -> 1; triage p/q -> 0
    #      score = (1 + 0.469670 + 1 + 0) / 4 = 0.617417, coverage 4/4 = 1
    # R-B: size |ln 10| / ln 10 = 1 -> 0; a equal -> 1; scope x/y -> 0; triage p=p -> 1
    #      score = 2 / 4 = 0.5, coverage 1
    # R-C: size ln 2 / ln 10 = 0.301030 -> 0.698970; a: C reports b_pct (same group, other definition) -> skipped;
    #      scope x=x -> 1; triage not reported by C -> skipped
    #      score = (0.698970 + 1) / 2 = 0.849485, coverage 2/4 = 0.5 (not below the 0.5 minimum)
    # Order: C (0.849), A (0.617), B (0.5).
    ranked = s.rank_peers(towns[0], towns, cat, EQUAL, scales)
    assert [r.key for r in ranked] == ["C", "A", "B"]
    assert [r.rank for r in ranked] == [1, 2, 3]
    by = {r.key: r for r in ranked}
    assert by["A"].score == pytest.approx(0.617417, abs=1e-6)
    assert by["B"].score == pytest.approx(0.5)
    assert by["C"].score == pytest.approx(0.849485, abs=1e-6)
    assert (by["A"].coverage, by["B"].coverage, by["C"].coverage) == (1.0, 1.0, 0.5)


def test_missing_and_incomparable_are_skipped_with_a_reason(cat, towns):
    scales = s.fit_scales(towns, cat)
    c = {r.key: r for r in s.rank_peers(towns[0], towns, cat, EQUAL, scales)}["C"]
    crit = {x.key: x for x in c.criteria}
    assert crit["ind.a_pct"].similarity is None and crit["ind.a_pct"].reason == "other_definition"
    assert crit["ind.a_pct"].other == "b_pct"
    assert crit["org.intake"].reason == "peer_not_reported"
    # c_growth is not comparable across municipalities: never a criterion, whatever its weight (5 here),
    # even though R and C have the same value.
    assert "ind.c_growth" not in crit and "ind.c_growth" not in s.criteria(cat)
    # The reference's own gaps are reported once: b_pct (no value), c_growth never listed.
    usable, gaps = s.reference_criteria(towns[0], cat, EQUAL, scales)
    assert gaps == [("ind.b_pct", "ref_missing")]
    assert set(usable) == {"size", "ind.a_pct", "org.scope", "org.intake"}


def test_missing_peer_value_is_not_imputed(cat, towns):
    no_pop = Profile("D", "Dstad", None, {}, {"a_pct": "bound"}, {"scope": "x", "intake": "p"})
    scales = s.fit_scales(towns, cat)
    d = {r.key: r for r in s.rank_peers(towns[0], [*towns, no_pop], cat, EQUAL, scales)}["D"]
    crit = {x.key: x for x in d.criteria}
    assert crit["size"].reason == "peer_missing"
    assert crit["ind.a_pct"].reason == "bound"
    # a skipped criterion keeps the reference's value (Refstad: 100 000 inhabitants, a_pct 10) and is not
    # marked adjudicated: the values once slid into the `adjudicated` field by position
    assert (crit["size"].ref_value, crit["size"].adjudicated) == (100_000, False)
    assert (crit["ind.a_pct"].ref_value, crit["ind.a_pct"].adjudicated) == (10.0, False)
    # Only scope and triage count, both match: score 1, but coverage 2/4 says how thin that is.
    assert d.score == 1.0 and d.coverage == 0.5


def test_low_coverage_peers_go_last(cat, towns):
    # With size at weight 0 the usable weight is 3 (a, scope, triage).
    # R-A: (0.469670 + 1 + 0) / 3 = 0.489890;  R-B: (1 + 0 + 1) / 3 = 0.666667
    # R-C: only scope -> 1 / 1 = 1.0, but coverage 1/3 < 0.5 -> ranked after A and B despite the higher score.
    w = dict(EQUAL, size=0.0)
    ranked = s.rank_peers(towns[0], towns, cat, w, s.fit_scales(towns, cat))
    assert [r.key for r in ranked] == ["B", "A", "C"]
    assert ranked[2].score == 1.0 and ranked[2].coverage == pytest.approx(1 / 3)
    assert ranked[0].score == pytest.approx(2 / 3)
    assert ranked[1].score == pytest.approx(0.489890, abs=1e-6)


def test_weight_zero_removes_a_criterion(cat, towns):
    scales = s.fit_scales(towns, cat)
    w = dict(EQUAL, **{"org.intake": 0.0})
    for r in s.rank_peers(towns[0], towns, cat, w, scales):
        assert "org.intake" not in {c.key for c in r.criteria}
    # R-A without triage: (1 + 0.469670 + 1) / 3 = 0.823223
    a = {r.key: r for r in s.rank_peers(towns[0], towns, cat, w, scales)}["A"]
    assert a.score == pytest.approx(0.823223, abs=1e-6)


def test_deterministic_ties_broken_by_name(cat):
    twins = [
        Profile("Z1", "Zwolle-achtig", 50_000, {}, {}, {"scope": "x", "intake": "p"}),
        Profile("A1", "Aa-achtig", 50_000, {}, {}, {"scope": "x", "intake": "p"}),
        Profile("M1", "Midden", 50_000, {}, {}, {"scope": "x", "intake": "p"}),
    ]
    ref = Profile(s.OWN_KEY, "Mijn gemeente", 50_000, {}, {}, {"scope": "x", "intake": "p"})
    first = s.rank_peers(ref, twins, cat, EQUAL, {})
    assert [r.name for r in first] == ["Aa-achtig", "Midden", "Zwolle-achtig"]
    for order in (twins[::-1], twins[1:] + twins[:1]):
        again = s.rank_peers(ref, order, cat, EQUAL, {})
        assert [(r.key, r.score, r.coverage) for r in again] == [(r.key, r.score, r.coverage) for r in first]


def test_reference_is_never_its_own_peer_and_k_limits(cat, towns):
    ranked = s.rank_peers(towns[1], towns, cat, EQUAL, s.fit_scales(towns, cat), k=2)
    assert len(ranked) == 2 and "A" not in [r.key for r in ranked]


def test_no_usable_criterion_gives_no_score(cat, towns):
    empty = Profile(s.OWN_KEY, "Leeg", None, {}, {}, {"scope": NR, "intake": NR})
    ranked = s.rank_peers(empty, towns, cat, EQUAL, s.fit_scales(towns, cat))
    assert all(r.score is None and r.coverage == 0.0 for r in ranked)
    assert [r.name for r in ranked] == sorted(r.name for r in ranked)


def test_size_and_indicator_formulas():
    assert s.size_similarity(100, 100) == 1.0
    assert s.size_similarity(100, 200) == pytest.approx(1 - math.log(2) / math.log(10))  # 0.699
    assert s.size_similarity(1000, 10) == 0.0
    scale = s.Scale(mean=0, sd=2.0, n=5)
    assert s.indicator_similarity(1, 5, scale) == pytest.approx(0.5)  # 4 / (4 * 2)
    assert s.indicator_similarity(0, 100, scale) == 0.0


def test_scales_need_three_values_and_spread(cat):
    two = [Profile(str(i), str(i), 1, {"a_pct": float(i)}, {}, {}) for i in range(2)]
    flat = [Profile(str(i), str(i), 1, {"a_pct": 5.0}, {}, {}) for i in range(4)]
    assert s.fit_scales(two, cat) == {} and s.fit_scales(flat, cat) == {}


def test_adjudicated_code_counts_half(cat):
    # Only the two org criteria, weight 1 each. R: scope x (adjudicated), intake p; A: scope x, intake q.
    # scope: adjudicated on R's side -> weight 1 * 0.5; similarity 1. intake: weight 1, similarity 0.
    # score = (0.5 * 1 + 1 * 0) / (0.5 + 1) = 1/3 (without the factor it would be 1/2); coverage 1.5 / 1.5 = 1.
    ref = Profile("R", "Refstad", None, {}, {}, {"scope": "x", "intake": "p"}, org_adjudicated=frozenset({"scope"}))
    peer = Profile("A", "Astad", None, {}, {}, {"scope": "x", "intake": "q"})
    weights = {"org.scope": 1.0, "org.intake": 1.0}
    usable, _ = s.reference_criteria(ref, cat, weights, {})
    result = s.compare(ref, peer, cat, usable, {})
    assert s.ADJUDICATED_FACTOR == 0.5
    assert result.score == pytest.approx(1 / 3)
    assert result.coverage == pytest.approx(1.0)
    scope = next(c for c in result.criteria if c.key == "org.scope")
    assert scope.adjudicated and scope.weight == 0.5
    assert "counts half" in s.explain(scope, "Astad", cat, "en")
    assert "telt half" in s.explain(scope, "Astad", cat, "nl")
