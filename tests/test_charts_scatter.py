"""Chart builders (dashboard/core/charts/scatter.py): inspect the Vega-Lite spec, no browser.

Why: a reference rule is right only when every point shares that reference.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts as c
from tests.chart_support import assert_framed, spec_of, value, walk


def _scatter_points(refs_x, refs_y):
    rows = []
    for i, (rx, ry) in enumerate(zip(refs_x, refs_y, strict=True)):
        rows.append(value(f"M{i}", f"GM{i}", "x", 10 + i, ref=rx))
        rows.append(value(f"M{i}", f"GM{i}", "y", 20 + i, ref=ry))
    values = pd.DataFrame(rows)
    overview = pd.DataFrame(
        {
            "municipality_code": [f"GM{i}" for i in range(len(refs_x))],
            "name": [f"M{i}" for i in range(len(refs_x))],
            "population": 1000,
            "population_qualifier": "exact",
        }
    )
    org = pd.DataFrame(
        {"municipality_code": [f"GM{i}" for i in range(len(refs_x))], "dimension_id": "d", "value_id": "a"}
    )
    return c.prepare_scatter(values, overview, org, "x", "y", "d", {"a": "A"}, "nl")


def _rules(spec):
    return [d for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "rule"]


def test_scatter_reference_rule_only_when_shared():
    pts = _scatter_points([7.3, 7.3, 7.3], [4.0, 4.0, 3.9])
    spec = spec_of(
        c.scatter_chart(
            pts,
            x_title="X",
            y_title="Y",
            x_unit="percent",
            y_unit="percent",
            value_order=["a"],
            value_labels={"a": "A"},
            colour_title="D",
            title="S",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    rules = _rules(spec)
    assert len(rules) == 1 and "x" in rules[0]["encoding"]  # x shared, y differs
    sub = " ".join(spec["title"]["subtitle"])
    assert "verschillende landelijke referenties" in sub
    assert spec["layer"][-2]["encoding"]["size"]["field"] == "population"


def test_scatter_subtitle_wraps_long_indicator_names():
    pts = _scatter_points([7.3, 7.3, 7.3], [4.0, 4.0, 4.0])
    long_x = "Gemiddeld besteedbaar huishoudensinkomen van particuliere huishoudens (ref. € 41.000)"
    spec = spec_of(
        c.scatter_chart(
            pts,
            x_title=long_x,
            y_title="Y",
            x_unit="percent",
            y_unit="percent",
            value_order=["a"],
            value_labels={"a": "A"},
            colour_title="D",
            title="S",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    sub = spec["title"]["subtitle"]
    assert not any("…" in line for line in sub)
    assert long_x in " ".join(sub)
    assert all(len(line) <= 110 for line in sub)
