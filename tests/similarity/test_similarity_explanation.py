"""The peer method in words (dashboard/core/similarity/explanation.py).

Why: the peer page tells policy advisors which municipalities are "like" theirs; each sentence must say what was
compared, in the reader's language, and never present a definition that differs as a comparison.
"""

from __future__ import annotations

from dashboard.core import similarity as s
from dashboard.core.similarity import Catalogue, IndicatorDef, Profile
from tests.similarity.sample import EQUAL, NR


def test_explanations_in_words(cat, towns):
    scales = s.fit_scales(towns, cat)
    by = {r.key: r for r in s.rank_peers(towns[0], towns, cat, EQUAL, scales)}
    c = {x.key: x for x in by["C"].criteria}
    assert s.explain(c["size"], "Cstad", cat, "nl") == "inwonertal 50% kleiner (50.000 tegen 100.000)"
    assert s.explain(c["org.scope"], "Cstad", cat, "nl") == "zelfde Reikwijdte (X)"
    assert s.explain(c["ind.a_pct"], "Cstad", cat, "nl") == (
        "Indicator A niet vergelijkbaar (Cstad meet Indicator B) — weggelaten"
    )
    assert s.explain(c["org.intake"], "Cstad", cat, "en") == "Intake not reported for Cstad — left out"
    a = {x.key: x for x in by["A"].criteria}
    assert s.explain(a["ind.a_pct"], "Astad", cat, "nl") == "Indicator A: 12% tegen 10%"
    assert s.explain(a["org.intake"], "Astad", cat, "nl") == "Intake verschilt: Q (referentie: P)"
    line = s.summary(by["C"], cat, "nl")
    assert line.startswith("inwonertal 50% kleiner") and "1 van 1 organisatiekeuzes gelijk" in line
    assert "2 criteria weggelaten" in line


def test_income_definition_sentence_uses_the_theme_name():
    inds = {
        "disposable_income_household_eur": IndicatorDef(
            "disposable_income_household_eur", "Besteedbaar", "Disposable", "euro", "income"
        ),
        "average_income_per_year_eur_ref32k": IndicatorDef(
            "average_income_per_year_eur_ref32k", "Gemiddeld", "Average", "euro", "income"
        ),
    }
    cat = Catalogue(inds, {})
    r = s.CriterionResult(
        "ind.disposable_income_household_eur",
        1.0,
        None,
        "other_definition",
        ref_value=30000.0,
        other="average_income_per_year_eur_ref32k",
    )
    assert s.explain(r, "Enschede", cat, "nl").startswith("inkomensdefinitie niet vergelijkbaar")


def test_difference_sentence_names_a_reference_from_the_sixteen(cat):
    """'u' is only for the user's own municipality; one of the sixteen is named, and the Dutch sentence has
    no English 'peers'."""
    ref = Profile("GM0001", "Leiden", 1, {}, {}, {"scope": "y", "intake": NR})
    peers = [
        Profile(str(i), str(i), 1, {}, {}, {"scope": "x" if i < 3 else "y", "intake": "p" if i < 1 else NR})
        for i in range(5)
    ]
    scope, intake = s.org_differences(ref, peers, cat)
    assert s.difference_sentence(scope, cat, "nl", ref_name="Leiden") == (
        "3 van de 5 vergelijkbare gemeenten (0, 1 en 2) kiezen bij ‘Reikwijdte’ voor ‘X’; Leiden: ‘Y’"
    )
    assert s.difference_sentence(intake, cat, "nl", ref_name="Leiden") == (
        "1 van de 5 vergelijkbare gemeenten (0) kiest bij ‘Intake’ voor ‘P’; Leiden: niet gerapporteerd"
    )
    assert s.difference_sentence(intake, cat, "en", ref_name="Leiden") == (
        "1 of the 5 similar municipalities (0) chose ‘P’ for ‘Intake’; Leiden: not reported"
    )
    for d in (scope, intake):
        for ref_name in (None, "Leiden"):
            sentence = s.difference_sentence(d, cat, "nl", ref_name=ref_name)
            assert "peers" not in sentence and ("; u:" in sentence) == (ref_name is None)
