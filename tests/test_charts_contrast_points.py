"""The values the contrast charts share (dashboard/core/charts/contrast_points.py): which indicators can be
charted, and the ranges left out of the point charts. Specs are inspected, no browser.

Why: a range drawn as a point, or an indicator with two definitions on one axis, would make a contrast
that the data do not support.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts as c
from tests.chart_support import range_value, spec_of, value


def test_chartable_indicators_need_three_values_and_one_definition(warehouse_frames):
    iv = warehouse_frames["indicator_values"]
    eligible = c.chartable_indicators(iv)
    whole = c.whole_municipality_values(iv)
    for ind in eligible:
        part = whole[whole.indicator_id == ind]
        assert part["municipality_code"].nunique() >= 3
        assert part["comparable_across_municipalities"].all()
    assert not whole.duplicated(["indicator_id", "municipality_code"]).any()


def _range_scatter_points():
    rows = []
    for i in range(4):
        rows.append(value(f"M{i}", f"GM{i}", "x", 10 + i, ref=7.3))
        rows.append(value(f"M{i}", f"GM{i}", "y", 20 + i, ref=4.0))
    rows[-1] = range_value("M3", "GM3", "y", 30, 50, ref=4.0)
    overview = pd.DataFrame(
        {"municipality_code": [f"GM{i}" for i in range(4)], "name": [f"M{i}" for i in range(4)], "population": 1000}
    ).assign(population_qualifier="exact")
    org = pd.DataFrame({"municipality_code": [f"GM{i}" for i in range(4)], "dimension_id": "d", "value_id": "a"})
    return pd.DataFrame(rows), overview, org


def test_point_charts_leave_out_ranges_and_say_so():
    values, overview, org = _range_scatter_points()
    # scatter
    pts = c.prepare_scatter(values, overview, org, "x", "y", "d", {"a": "A"}, "nl")
    assert list(pts["name"]) == ["M0", "M1", "M2"]
    assert c.excluded_ranges(pts) == ["M3 (30–50%)"]
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
    sub = " ".join(spec["title"]["subtitle"])
    assert "bereik" in sub and "M3 (30–50%)" in sub
    # group contrast: no dot, not in n
    groups = c.prepare_group_contrast(values, org, "y", "d", ["a"], {"a": "A"}, "nl")
    assert list(groups["municipality_name"]) == ["M0", "M1", "M2"]
    assert set(groups["group_label"]) == {"A (n=3)"}
    spec = spec_of(
        c.group_contrast_chart(
            groups,
            indicator_title="Y",
            unit="percent",
            group_title="D",
            value_order=["a"],
            value_labels={"a": "A"},
            title="G",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert "M3 (30–50%)" in " ".join(spec["title"]["subtitle"])
    # deviation: a range has no single difference from the reference
    dev = c.prepare_deviation(values, "y", "nl")
    assert "GM3" not in set(dev["municipality_code"])
    spec = spec_of(c.deviation_chart(dev, indicator_title="Y", unit="percent", title="D", subtitle=["s"], lang="nl"))
    assert "M3 (30–50%)" in " ".join(spec["title"]["subtitle"])
    # and a range does not count towards the three values a contrast chart needs
    assert c.chartable_indicators(values) == ["x", "y"]
    assert c.chartable_indicators(values, min_values=4) == ["x"]


def test_whole_municipality_values_takes_the_newest_whole_municipality_figure():
    """Hand-worked: a district figure never counts, the newest year wins, an unknown year counts as oldest,
    and the result is ordered by indicator, then municipality."""
    rows = [
        {**value("B", "GM2", "x", 1.0, year=2016)},
        {**value("B", "GM2", "x", 2.0, year=None)},
        {**value("A", "GM1", "x", 3.0, year=2017)},
        {**value("A", "GM1", "x", 4.0, year=2018)},
        {**value("A", "GM1", "x", 5.0, year=2019, area="Wijk Noord")},
        {**value("A", "GM1", "w", 6.0, year=2015)},
    ]
    frame = pd.DataFrame(rows).astype({"year": "Int32"})
    whole = c.whole_municipality_values(frame)
    assert list(zip(whole["indicator_id"], whole["municipality_code"], whole["value"], strict=True)) == [
        ("w", "GM1", 6.0),
        ("x", "GM1", 4.0),
        ("x", "GM2", 1.0),
    ]


def test_best_pair_takes_the_two_indicators_most_municipalities_share():
    import pandas as pd

    from tests.chart_support import value

    # A: municipalities 1-4, B: 1-3, C: 2-5; plus a district figure of municipality 1 for C (not a
    # whole-municipality value, so it must not count) and an older year of municipality 2 for C (counted once)
    have = {"A": "1234", "B": "123", "C": "2345"}
    rows = [value(f"G{m}", f"GM{m}", ind, 1.0) for ind, ms in have.items() for m in ms]
    rows += [value("G1", "GM1", "C", 1.0, area="Wijk"), value("G2", "GM2", "C", 1.0, year=2010)]
    values = pd.DataFrame(rows)
    # by hand: A&B share 3 (1, 2, 3), A&C share 3 (2, 3, 4), B&C share 2; the tie goes to the earlier pair
    assert c.best_pair(values, ["A", "B", "C"]) == ("A", "B")
    assert c.best_pair(values, ["B", "C"]) == ("B", "C")
    # an eligible indicator without any value shares nothing
    assert c.best_pair(values, ["A", "D"]) == ("A", "D")
    assert c.best_pair(values, ["A"]) is None


def test_whole_values_of_whole_values_are_the_same_rows_in_the_same_order(warehouse_frames):
    # the contrast pages pick the whole-municipality values once and hand them to the helpers, which pick again
    iv = warehouse_frames["indicator_values"]
    whole = c.whole_municipality_values(iv)
    again = c.whole_municipality_values(whole)
    assert len(whole) < len(iv)  # the real data have district rows and older years to leave out
    assert list(again.index) == list(whole.index)
    with_ref = iv[iv["national_reference"].notna()]
    assert list(c.whole_municipality_values(c.whole_municipality_values(with_ref)).index) == list(
        c.whole_municipality_values(with_ref).index
    )


def test_indicator_choices_order_the_reference_indicators_by_coverage_of_all_values():
    import pandas as pd

    from tests.chart_support import value

    # X: a value for five municipalities, a reference in only one of them; Y: three values, all with reference;
    # Z: one municipality's newest year (2020) has no reference, its older year (2018) has one
    rows = [value(f"G{m}", f"GM{m}", "X", 1.0, ref=(2.0 if m == 1 else None)) for m in range(1, 6)]
    rows += [value(f"G{m}", f"GM{m}", "Y", 1.0, ref=2.0) for m in range(1, 4)]
    rows += [value("G1", "GM1", "Z", 1.0, year=2020), value("G1", "GM1", "Z", 3.0, ref=2.0, year=2018)]
    choices = c.indicator_choices(pd.DataFrame(rows))
    # by hand: chartable (three or more municipalities): X (5) and Y (3); most covered first
    assert choices["eligible"] == ["X", "Y"]
    assert choices["by_coverage"] == ["X", "Y"]
    assert choices["pair"] == ("X", "Y")
    # with a reference: X (1 municipality), Y (3) and Z (its 2018 value); ordered by how many municipalities
    # have a value at all: X 5, Y 3, Z 1 (ordering by reference coverage would give Y, X, Z)
    assert choices["with_reference"] == ["X", "Y", "Z"]
