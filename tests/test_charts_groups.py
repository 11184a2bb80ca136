"""Chart builders (dashboard/core/charts/groups.py): inspect the Vega-Lite spec, no browser.

Why: a group average over a handful of municipalities would hide who is in it.
"""

from __future__ import annotations

import json

from dashboard.core import charts as c
from tests.chart_support import assert_framed, spec_of


def test_group_contrast_shows_points_and_n_not_averages(warehouse_frames):
    iv = warehouse_frames["indicator_values"]
    ind = c.chartable_indicators(iv)[0]
    dv = warehouse_frames["dimension_values"]
    scope = dv[dv.dimension_id == "team_scope"]
    labels = dict(zip(scope.value_id, scope.label_nl, strict=True))
    pts = c.prepare_group_contrast(iv, warehouse_frames["org_matrix"], ind, "team_scope", list(labels), labels, "nl")
    assert pts["group_label"].str.contains(r"\(n=\d+\)").all()
    spec = spec_of(
        c.group_contrast_chart(
            pts,
            indicator_title=ind,
            unit="percent",
            group_title="Scope",
            value_order=list(labels),
            value_labels=labels,
            title="G",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    text = json.dumps(spec)
    assert '"aggregate"' not in text and "mean" not in text
    assert len(spec["datasets"][spec["data"]["name"]]) == len(pts)  # every municipality a point
