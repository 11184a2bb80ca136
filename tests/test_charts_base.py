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
    Altair's default limit of 5000 rows; every row must reach the spec."""
    import pandas as pd

    datasets: dict = {}
    ref = c.named_data(pd.DataFrame({"x": range(6000)}), datasets)
    assert [row["x"] for row in datasets[ref["name"]]] == list(range(6000))


def test_named_data_stores_the_same_rows_once_under_altairs_name():
    """Two views over the same rows share one dataset, named as Altair names it (the specs stay the ones Altair
    wrote, so image caches and pins keyed by the spec keep working)."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"name": ["Almelo", "Leiden"], "value": [1.5, None]})
    datasets: dict = {}
    first, second = c.named_data(frame, datasets), c.named_data(frame.copy(), datasets)
    assert first == second and len(datasets) == 1
    assert datasets[first["name"]] == [{"name": "Almelo", "value": 1.5}, {"name": "Leiden", "value": None}]
    altairs = alt.Chart(frame).mark_point().to_dict()
    assert {"name": next(iter(altairs["datasets"]))} == first
