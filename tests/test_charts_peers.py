"""Chart builder (dashboard/core/charts/peers.py) and its text alternative: inspect the spec, no browser.

Why: the peer chart is one of the chart families, so it uses the palette, carries title, filters and source in
its spec, and can be read as a sentence and a table (dashboard/core/chart_text.py) like every other chart.
"""

from __future__ import annotations

from dashboard.core import chart_text
from dashboard.core import charts as c
from tests.chart_support import assert_framed, spec_of, walk

ROWS = [(1, "Astad", 0.734, 0.9), (2, "Bstad", None, 0.25), (3, "Cstad", 0.5, 1.0)]


def test_prepare_keeps_rank_order_and_writes_percentages_per_language():
    nl = c.prepare_peer_scores(ROWS, "nl")
    assert list(nl.columns) == list(c.PEER_SCORE_COLUMNS)
    assert list(nl["name"]) == ["Astad", "Bstad", "Cstad"]
    assert list(nl["score_label"]) == ["73%", "—", "50%"]  # no score: a dash, never 0%
    assert list(nl["coverage_label"]) == ["90%", "25%", "100%"]
    assert c.prepare_peer_scores([(1, "Astad", 0.7345, 0.5)], "en")["score_label"].iloc[0] == "73%"


def test_chart_uses_the_palette_and_is_framed():
    data = c.prepare_peer_scores(ROWS, "nl")
    spec = spec_of(c.peer_score_chart(data, title="Overeenkomst en dekking", subtitle=[c.source_line("nl")], lang="nl"))
    assert_framed(spec)
    scales = [d["scale"] for d in walk(spec) if isinstance(d.get("scale"), dict) and "range" in d["scale"]]
    assert scales and all(s["range"] == [c.RANGE_COLOUR, c.BAR_COLOUR] for s in scales)
    assert scales[0]["domain"] == ["dekking", "overeenkomst"]
    bars = [d["mark"] for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "bar"]
    assert sorted(b["size"] for b in bars) == [8, 20]  # similarity narrow on top of coverage
    y = next(d["encoding"]["y"] for d in walk(spec) if "encoding" in d and "y" in d["encoding"])
    assert y["sort"] == ["Astad", "Bstad", "Cstad"]  # rank order, not alphabetical


def test_text_alternative_and_table_view():
    data = c.prepare_peer_scores(ROWS, "nl")
    assert "peers" in chart_text.FAMILIES
    assert (
        chart_text.summary("peers", data, "nl") == "3 vergelijkbare gemeenten; het meest vergelijkbaar is Astad (73%)."
    )
    table = chart_text.table_view("peers", data, "en")
    assert list(table.columns) == ["municipality", "similarity", "coverage"]
    assert table.iloc[1].tolist() == ["Bstad", "—", "25%"]
