"""The frame every chart shares (dashboard/core/charts/base.py): the source line. No browser.

Why: an export travels alone; without its source line it could not be cited.
"""

from __future__ import annotations

from dashboard.core import charts as c


def test_source_line_names_indicator_sources():
    assert c.source_line("nl", ["CBS", "VNG", "CBS", "KPMG"]) == (
        "Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart, bijlage 2; cijfers in de schetsen uit CBS, VNG"
    )


def test_charts_inline_more_than_altairs_default_5000_rows():
    """The heatmap and matrix have a row per municipality and value: at 2000 municipalities that is more than
    Altair's default limit of 5000 rows, which would raise MaxRowsError on the page."""
    import altair as alt
    import pandas as pd

    import dashboard.core.charts.base  # noqa: F401  (sets the data transformer)

    frame = pd.DataFrame({"x": range(6000)})
    spec = alt.Chart(frame).mark_point().encode(x=alt.X("x:Q")).to_dict()
    assert len(next(iter(spec["datasets"].values()))) == 6000
