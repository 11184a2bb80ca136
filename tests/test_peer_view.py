"""What the peers page shows, computed without Streamlit (dashboard/core/peer_view.py).

Expectations come from the similarity method itself on the same warehouse, from the warehouse's own tables,
or by hand; the page tests (tests/test_peers_page.py) check that the page draws these.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from dashboard.core import peer_view as pv
from dashboard.core import queries as q
from dashboard.core import similarity as sim

NR = sim.NOT_REPORTED


@pytest.fixture(scope="module")
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def ds(con) -> pv.Dataset:
    return pv.dataset_from_frames(
        q.indicators(con),
        q.dimensions(con),
        q.dimension_values(con),
        q.overview(con),
        q.indicator_values(con),
        q.org_matrix(con),
        agreed_only=False,
    )


def _view(ds, con, ref, k=5, lang="nl", allowed=None):
    return pv.compute(
        ds,
        ref,
        sim.preset_weights("default", ds.cat),
        k,
        ds.codes if allowed is None else allowed,
        lang,
        filters_text="Selectie: 16 van 16 gemeenten",
        basic_functions=q.basic_functions(con),
        practices_of=lambda codes: q.practices(con, codes),
    )


def test_dataset_reads_the_sixteen_and_their_slugs(ds, con):
    overview = q.overview(con)
    assert sorted(ds.codes) == sorted(overview["municipality_code"])
    assert [p.name for p in ds.profiles] == sorted(overview["name"])
    leiden = overview.loc[overview["name"] == "Leiden", "municipality_code"].iloc[0]
    assert ds.code_for("leiden") == ds.code_for(leiden) == leiden
    with pytest.raises(ValueError, match="atlantis"):
        ds.code_for("atlantis")
    assert dict(ds.scales) == sim.fit_scales(ds.profiles, ds.cat)  # fitted on all sixteen


def test_url_k_is_clamped_and_a_word_refused():
    assert [pv.parse_k(raw) for raw in ("3", "99", "0", "-4")] == [3, pv.K_MAX, 1, 1]
    with pytest.raises(ValueError):
        pv.parse_k("veel")
    assert pv.valid_k(5) and not pv.valid_k(0) and not pv.valid_k(pv.K_MAX + 1) and not pv.valid_k("5")


def test_view_ranks_with_the_method_and_says_it_in_words(ds, con):
    leiden = ds.profile(ds.code_for("leiden"))
    view = _view(ds, con, leiden, k=4)
    weights = sim.preset_weights("default", ds.cat)
    want = sim.rank_peers(leiden, ds.profiles, ds.cat, weights, ds.scales, k=4)
    assert [r.name for r in view.results] == [r.name for r in want]
    assert list(view.table["gemeente"]) == [f"{r.rank}. {r.name}" for r in want]
    assert list(view.chart_data["name"]) == [r.name for r in want]
    assert [c.summary for c in view.cards] == [sim.summary(r, ds.cat, "nl") for r in want]
    assert view.n_usable == len(sim.reference_criteria(leiden, ds.cat, weights, ds.scales)[0])
    # the chart's source names the producers of the figures shown, and the subtitle the selection
    subtitle = " ".join(view.chart_spec["title"]["subtitle"])
    assert "Selectie: 16 van 16 gemeenten" in subtitle and view.chart_source.startswith("Bron: KPMG (2019)")
    # every practice example of these four peers is in exactly one tab
    practices = q.practices(con, [r.key for r in want])
    assert sum(len(tab.lines) for tab in view.practices) == len(practices)
    assert len(view.practices) == len(q.basic_functions(con))


def test_view_with_a_filter_ranks_only_the_allowed(ds, con):
    leiden = ds.profile(ds.code_for("leiden"))
    allowed = [code for code in ds.codes if code != leiden.key][:3]
    view = _view(ds, con, leiden, allowed=allowed)
    assert {r.key for r in view.results} == set(allowed)


def test_org_table_marks_only_real_differences():
    d = sim.DimensionDef("scope", "Reikwijdte", "Scope", (("x", "X", "X"), ("y", "Y", "Y"), (NR, "nr", "nr")))
    e = sim.DimensionDef("intake", "Intake", "Intake", (("p", "P", "P"), ("q", "Q", "Q"), (NR, "nr", "nr")))
    cat = sim.Catalogue({}, {"scope": d, "intake": e})
    ref = sim.Profile("R", "Refstad", 1000.0, {}, {}, {"scope": "x", "intake": NR})
    peers = [
        sim.Profile("A", "Astad", 1000.0, {}, {}, {"scope": "y", "intake": "q"}),
        sim.Profile("B", "Bstad", 1000.0, {}, {}, {"scope": "x", "intake": NR}),
    ]
    table = pv.org_table(ref, peers, cat, "nl")
    assert list(table.columns) == ["keuze", "referentie", "zelfde keuze", "andere keuze", "niet gerapporteerd"]
    rows = table.set_index("keuze")
    # scope: the reference chose x, Astad chose y: a real difference, marked in text
    assert rows.loc["Reikwijdte", "andere keuze"] == "≠ Y: Astad"
    assert rows.loc["Reikwijdte", "zelfde keuze"] == "Bstad"
    # intake: the reference did not say, so another choice is no difference: not marked
    assert rows.loc["Intake", "referentie"] == "niet gerapporteerd"
    assert rows.loc["Intake", "andere keuze"] == "Q: Astad"
    assert not any("background" in str(v) for v in table.to_numpy().ravel())  # plain cells, no styling


def test_breakdown_marks_each_criterion():
    r = sim.PeerResult(
        "A",
        "Astad",
        0.5,
        1.0,
        2.0,
        (
            sim.CriterionResult("size", 3.0, 0.8, ref_value=1000.0, peer_value=1200.0),
            sim.CriterionResult("org.scope", 1.0, 0.0, ref_value="x", peer_value="y"),
            sim.CriterionResult("org.intake", 1.0, None, "peer_not_reported", ref_value="p"),
        ),
    )
    d = sim.DimensionDef("scope", "Reikwijdte", "Scope", (("x", "X", "X"), ("y", "Y", "Y")))
    e = sim.DimensionDef("intake", "Intake", "Intake", (("p", "P", "P"),))
    lines = pv.breakdown(r, sim.Catalogue({}, {"scope": d, "intake": e}), "nl").splitlines()
    assert [line[:3] for line in lines] == ["- ✓", "- ✗", "- –"]  # heaviest first; used before skipped


def test_csv_columns_table_lists_every_documented_column(ds):
    from dashboard.core import peer_templates

    table = pv.csv_columns_table(ds.cat, "en")
    assert list(table["column"]) == peer_templates.csv_columns(ds.cat)
    assert isinstance(table, pd.DataFrame)
