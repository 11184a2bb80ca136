"""Chart builders (dashboard/core/charts/heatmap.py): inspect the Vega-Lite spec, no browser.

Why: 'not highlighted' must not read as a count of zero practices found.
"""

from __future__ import annotations

from dashboard.core import charts as c
from tests.chart_support import assert_framed, spec_of


def test_heatmap_zero_means_not_highlighted(warehouse_frames):
    spec = spec_of(
        c.function_heatmap(
            warehouse_frames["highlights"],
            warehouse_frames["overview"],
            warehouse_frames["basic_functions"],
            title="H",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    values = spec["datasets"][next(iter(spec["datasets"]))]
    n_cells = len(warehouse_frames["overview"]) * len(warehouse_frames["basic_functions"])
    assert len(values) == n_cells
    zero = [v for v in values if v["n_practices"] == 0]
    assert all(v["status"] == "niet uitgelicht" for v in zero)
    assert sum(v["n_practices"] for v in values) == int(warehouse_frames["highlights"]["n_practices"].sum())
