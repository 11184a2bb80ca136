"""Chart builders (dashboard/core/charts/deviation.py): inspect the Vega-Lite spec, no browser.

Why: a difference from the national reference means something only where the sketch
gives that reference.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts as c
from tests.chart_support import assert_framed, bar_layer, spec_of, value, walk


def test_deviation_only_values_with_reference():
    df = pd.DataFrame(
        [
            value("A", "GM1", "x", 9.0, ref=7.3),
            value("B", "GM2", "x", 5.0, ref=7.3),
            value("C", "GM3", "x", 6.0, ref=None),
        ]
    )
    pts = c.prepare_deviation(df, "x", "nl")
    assert list(pts["municipality_code"]) == ["GM2", "GM1"]
    assert pts["deviation_label"].tolist() == ["\u22122,3 %-punt", "+1,7 %-punt"]
    spec = spec_of(
        c.deviation_chart(
            pts, indicator_title="X", unit="percent", title="D", subtitle=[c.source_line("nl")], lang="nl"
        )
    )
    assert_framed(spec)
    bar = next(d for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "bar")
    assert bar["encoding"]["x"]["field"] == "deviation"
    assert bar["encoding"]["color"]["scale"]["range"] == [c.BELOW_COLOUR, c.ABOVE_COLOUR]
    # the legend lists only directions that occur: nobody equals the reference here
    assert bar["encoding"]["color"]["scale"]["domain"] == ["onder de referentie", "boven de referentie"]
    assert bar["encoding"]["x"]["scale"]["zero"] is True


def test_deviation_one_municipality_keeps_zero_and_minus_sign():
    pts = c.prepare_deviation(pd.DataFrame([value("Haarlem", "GM1", "x", 28300, ref=41000, unit="euro")]), "x", "nl")
    assert pts["deviation_label"].tolist() == ["\u2212€ 12.700"]
    spec = spec_of(
        c.deviation_chart(pts, indicator_title="X", unit="euro", title="D", subtitle=[c.source_line("nl")], lang="nl")
    )
    bar = bar_layer(spec)
    assert bar["encoding"]["x"]["scale"]["zero"] is True  # the reference (0) is on the axis
    assert bar["encoding"]["color"]["scale"]["domain"] == ["onder de referentie"]
    (row,) = spec["datasets"][spec["data"]["name"]]
    assert row["deviation_label"].startswith("\u2212") and "-" not in row["deviation_label"]
