"""Peer similarity (dashboard/core/similarity.py): the method, checked against numbers computed by hand.

Why these tests exist: the peer page tells policy advisors which municipalities are "like" theirs. A
silent change in scaling, skipping or tie-breaking would change that advice without anyone noticing.
"""
import math

import pytest

from dashboard.core import similarity as s
from dashboard.core.similarity import Catalogue, DimensionDef, IndicatorDef, Profile

NR = "not_reported"


@pytest.fixture
def cat() -> Catalogue:
    # a_pct and b_pct measure one theme with two definitions (group g1); c_growth is never comparable.
    inds = {
        "a_pct": IndicatorDef("a_pct", "Indicator A", "Indicator A", "percent", "g1"),
        "b_pct": IndicatorDef("b_pct", "Indicator B", "Indicator B", "percent", "g1"),
        "c_growth": IndicatorDef("c_growth", "Groei C", "Growth C", "percent", "g2", comparable=False),
    }
    dims = {
        "scope": DimensionDef("scope", "Reikwijdte", "Scope", (("x", "X", "X"), ("y", "Y", "Y"), (NR, "NR", "NR"))),
        "intake": DimensionDef("intake", "Intake", "Intake", (("p", "P", "P"), ("q", "Q", "Q"), (NR, "NR", "NR"))),
    }
    return Catalogue(inds, dims)


@pytest.fixture
def towns() -> list[Profile]:
    return [
        Profile("R", "Refstad", 100_000, {"a_pct": 10.0, "c_growth": 5.0}, {}, {"scope": "x", "intake": "p"}),
        Profile("A", "Astad", 100_000, {"a_pct": 12.0}, {}, {"scope": "x", "intake": "q"}),
        Profile("B", "Bstad", 10_000, {"a_pct": 10.0}, {}, {"scope": "y", "intake": "p"}),
        Profile("C", "Cstad", 50_000, {"b_pct": 10.0, "c_growth": 5.0}, {}, {"scope": "x", "intake": NR}),
    ]


EQUAL = {"size": 1.0, "ind.a_pct": 1.0, "ind.b_pct": 1.0, "ind.c_growth": 5.0, "org.scope": 1.0, "org.intake": 1.0}


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
    d = {r.key: r for r in s.rank_peers(towns[0], towns + [no_pop], cat, EQUAL, scales)}["D"]
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


def test_point_values_skip_districts_bounds_and_ranges():
    values, issues = s.point_values([
        ("x", 1.0, "exact", 2017, None),
        ("x", 2.0, "approx", 2018, None),  # later year wins
        ("y", 3.0, "exact", None, "Noord"),  # a district is not the municipality
        ("z", 4.0, "more_than", None, None),
        ("r", 5.0, "range", None, None),
    ])
    assert values == {"x": 2.0}
    assert issues == {"y": "district", "z": "bound", "r": "range"}


def test_weights_round_trip_through_the_url(cat):
    w = s.preset_weights("default", cat)
    w.update({"size": 1.0, "org.intake": 0.0, "ind.a_pct": 2.5})
    param = s.weights_to_param(w, "default", cat)
    assert param == "size:1,ind.a_pct:2.5,org.intake:0"
    assert s.weights_from_param(param, "default", cat) == w
    # Hand-edited URLs: unknown keys, junk and out-of-range values are ignored or clipped.
    assert s.weights_from_param("size:abc,nope:3,org.scope:99,ind.c_growth:4", "default", cat) == dict(
        s.preset_weights("default", cat), **{"org.scope": s.MAX_WEIGHT})


def test_presets(cat):
    org = s.preset_weights("organisation", cat)
    ctx = s.preset_weights("context", cat)
    assert org["size"] == 0 and org["ind.a_pct"] == 0 and org["org.scope"] > 0
    assert ctx["size"] > 0 and ctx["ind.a_pct"] > 0 and ctx["org.scope"] == 0


def test_explanations_in_words(cat, towns):
    scales = s.fit_scales(towns, cat)
    by = {r.key: r for r in s.rank_peers(towns[0], towns, cat, EQUAL, scales)}
    c = {x.key: x for x in by["C"].criteria}
    assert s.explain(c["size"], "Cstad", cat, "nl") == "inwonertal 50% kleiner (50.000 tegen 100.000)"
    assert s.explain(c["org.scope"], "Cstad", cat, "nl") == "zelfde Reikwijdte (X)"
    assert s.explain(c["ind.a_pct"], "Cstad", cat, "nl") == (
        "Indicator A niet vergelijkbaar (Cstad meet Indicator B) — weggelaten")
    assert s.explain(c["org.intake"], "Cstad", cat, "en") == "Intake not reported for Cstad — left out"
    a = {x.key: x for x in by["A"].criteria}
    assert s.explain(a["ind.a_pct"], "Astad", cat, "nl") == "Indicator A: 12% tegen 10%"
    assert s.explain(a["org.intake"], "Astad", cat, "nl") == "Intake verschilt: Q (referentie: P)"
    line = s.summary(by["C"], cat, "nl")
    assert line.startswith("inwonertal 50% kleiner") and "1 van 1 organisatiekeuzes gelijk" in line
    assert "2 criteria weggelaten" in line


def test_income_definition_sentence_uses_the_theme_name():
    inds = {"disposable_income_household_eur": IndicatorDef("disposable_income_household_eur", "Besteedbaar",
                                                            "Disposable", "euro", "income"),
            "average_income_per_year_eur_ref32k": IndicatorDef("average_income_per_year_eur_ref32k", "Gemiddeld",
                                                               "Average", "euro", "income")}
    cat = Catalogue(inds, {})
    r = s.CriterionResult("ind.disposable_income_household_eur", 1.0, None, "other_definition", ref_value=30000.0,
                          other="average_income_per_year_eur_ref32k")
    assert s.explain(r, "Enschede", cat, "nl").startswith("inkomensdefinitie niet vergelijkbaar")


def test_org_differences_count_peers(cat):
    ref = Profile(s.OWN_KEY, "Mijn", 1, {}, {}, {"scope": "y", "intake": NR})
    peers = [Profile(str(i), str(i), 1, {}, {}, {"scope": "x" if i < 3 else "y", "intake": "p" if i < 1 else NR})
             for i in range(5)]
    diffs = s.org_differences(ref, peers, cat)
    assert [(d.dimension, d.value, d.count) for d in diffs] == [("scope", "x", 3), ("intake", "p", 1)]
    assert diffs[0].names == ("0", "1", "2")
    assert s.difference_sentence(diffs[0], cat, "nl") == (
        "3 van de 5 vergelijkbare gemeenten (0, 1 en 2) kiezen bij ‘Reikwijdte’ voor ‘X’; u: ‘Y’")
    assert s.difference_sentence(diffs[1], cat, "nl") == (
        "1 van de 5 vergelijkbare gemeenten (0) kiest bij ‘Intake’ voor ‘P’; u: onbekend")


def test_difference_sentence_names_a_reference_from_the_sixteen(cat):
    """'u' is only for the user's own municipality; one of the sixteen is named, and the Dutch sentence has
    no English 'peers'."""
    ref = Profile("GM0001", "Leiden", 1, {}, {}, {"scope": "y", "intake": NR})
    peers = [Profile(str(i), str(i), 1, {}, {}, {"scope": "x" if i < 3 else "y", "intake": "p" if i < 1 else NR})
             for i in range(5)]
    scope, intake = s.org_differences(ref, peers, cat)
    assert s.difference_sentence(scope, cat, "nl", ref_name="Leiden") == (
        "3 van de 5 vergelijkbare gemeenten (0, 1 en 2) kiezen bij ‘Reikwijdte’ voor ‘X’; Leiden: ‘Y’")
    assert s.difference_sentence(intake, cat, "nl", ref_name="Leiden") == (
        "1 van de 5 vergelijkbare gemeenten (0) kiest bij ‘Intake’ voor ‘P’; Leiden: niet gerapporteerd")
    assert s.difference_sentence(intake, cat, "en", ref_name="Leiden") == (
        "1 of the 5 similar municipalities (0) chose ‘P’ for ‘Intake’; Leiden: not reported")
    for d in (scope, intake):
        for ref_name in (None, "Leiden"):
            sentence = s.difference_sentence(d, cat, "nl", ref_name=ref_name)
            assert "peers" not in sentence and ("; u:" in sentence) == (ref_name is None)


def test_org_comparison_groups_peers_by_choice(cat):
    ref = Profile(s.OWN_KEY, "Mijn", 1, {}, {}, {"scope": "y", "intake": NR})
    peers = [Profile(str(i), f"P{i}", 1, {}, {}, {"scope": "xyy"[i % 3], "intake": "p" if i else NR})
             for i in range(4)]
    scope, intake = s.org_comparison(ref, peers, cat)
    assert (scope.same, scope.other, scope.not_reported) == (("P1", "P2"), (("x", ("P0", "P3")),), ())
    # The reference did not report intake: nobody "shares" that, every reported choice is "other".
    assert (intake.same, intake.other, intake.not_reported) == ((), (("p", ("P1", "P2", "P3")),), ("P0",))


# --- confidence in the coding (issue 10) ------------------------------------------------------------------

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


def test_tentative_dimension_starts_at_weight_zero(cat):
    tentative = Catalogue(cat.indicators, cat.dimensions, frozenset({"intake"}))
    for preset in s.PRESETS:
        weights = s.preset_weights(preset, tentative)
        assert weights["org.intake"] == 0.0
        assert weights["org.scope"] == s.preset_weights(preset, cat)["org.scope"]


def test_agreed_only_switch_excludes_adjudicated_codes_with_its_own_reason(cat):
    import pandas as pd

    overview = pd.DataFrame({"municipality_code": ["R", "A"], "name": ["Refstad", "Astad"],
                             "population": [1000, 1000], "population_qualifier": ["exact", "exact"]})
    values = pd.DataFrame(columns=["municipality_code", "indicator_id", "indicator_value_id", "value", "qualifier",
                                   "year", "area"])
    org = pd.DataFrame({"municipality_code": ["R", "R", "A", "A"], "dimension_id": ["scope", "intake"] * 2,
                        "value_id": ["x", "p", "x", "p"],
                        "agreement": ["agreed", "agreed", "adjudicated", "agreed"]})
    ref, peer = sorted(s.profiles_from_frames(overview, values, org, agreed_only=True), key=lambda p: p.key != "R")
    assert peer.org_excluded == frozenset({"scope"}) and not peer.org_adjudicated
    usable, _ = s.reference_criteria(ref, cat, {"org.scope": 1.0, "org.intake": 1.0}, {})
    result = s.compare(ref, peer, cat, usable, {})
    scope = next(c for c in result.criteria if c.key == "org.scope")
    assert scope.reason == "peer_excluded" and not scope.used
    assert "adjudicated" in s.explain(scope, "Astad", cat, "en")
    # the same data without the switch: the adjudicated code counts, at half weight
    ref, peer = sorted(s.profiles_from_frames(overview, values, org), key=lambda p: p.key != "R")
    assert peer.org_adjudicated == frozenset({"scope"}) and not peer.org_excluded
    # and a peer whose code is hidden does not appear among the choices in the comparison table
    hidden = Profile("A", "Astad", None, org={"scope": "y", "intake": "p"}, org_excluded=frozenset({"scope"}))
    scope_row = next(c for c in s.org_comparison(ref, [hidden], cat) if c.dimension == "scope")
    assert scope_row.other == () and scope_row.not_reported == ()
