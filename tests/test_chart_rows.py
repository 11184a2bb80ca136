"""A chart's rows as Vega-Lite values (dashboard/core/charts/rows.py). No browser.

Why: the rows are what a chart shows and what its tooltip says; a missing value must arrive as "no value"
(null), never as NaN text or as 0, and a converter written for speed must give what Altair's own gives.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from altair.utils.data import to_values

from dashboard.core.charts.rows import records


def test_records_turn_missing_and_infinite_values_into_null_and_keep_types():
    frame = pd.DataFrame(
        {
            "name": ["Almelo", None, "Leiden"],
            "count": [3, 0, 12],
            "share": [0.25, math.nan, math.inf],
            "flag": [True, False, True],
        }
    )
    rows = records(frame)
    assert rows == [
        {"name": "Almelo", "count": 3, "share": 0.25, "flag": True},
        {"name": None, "count": 0, "share": None, "flag": False},
        {"name": "Leiden", "count": 12, "share": None, "flag": True},
    ]
    # plain Python values (JSON and Arrow take them as they are), not numpy scalars
    assert [type(v) for v in rows[0].values()] == [str, int, float, bool]


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(["a", None, "c"], dtype="string"),
        pd.Series(["a", None, "c"], dtype="str"),
        pd.Series([1, 2, 3], dtype="int64"),
        pd.Series([1, 2, 3], dtype="int32"),
        pd.Series([1.0, np.nan, -np.inf], dtype="float64"),
        pd.Series([1.5, np.nan, 2.0], dtype="float32"),
        pd.Series([True, False, True]),
        # not converted here: handed to Altair's own function
        pd.Series(["x", "y", None], dtype="category"),
        pd.Series([1, None, 3], dtype="Int64"),
        pd.Series(pd.to_datetime(["2019-09-30", None, "2022-01-01"])),
        pd.Series([[1, 2], None, "t"], dtype=object),
    ],
    ids=lambda col: str(col.dtype),
)
def test_records_equal_altairs_conversion_for_every_column_type(column):
    frame = pd.DataFrame({"col": column, "n": [1, 2, 3]}).set_axis([10, 11, 12])  # the index is not a column
    assert records(frame) == to_values(frame)["values"]


def test_records_of_an_empty_frame_and_of_a_frame_without_columns():
    assert records(pd.DataFrame({"a": pd.Series([], dtype="str")})) == []
    assert records(pd.DataFrame(index=range(2))) == to_values(pd.DataFrame(index=range(2)))["values"]
