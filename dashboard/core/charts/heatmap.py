"""The function heatmap: municipality × basic function, each cell the number of practice examples."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd

from dashboard.core.charts.base import HEATMAP_SCHEME, chart_words, framed_spec, named_data, titled_tooltips
from dashboard.core.i18n import column


def function_heatmap(
    highlights: pd.DataFrame,
    municipalities: pd.DataFrame,
    functions: pd.DataFrame,
    *,
    title: str,
    subtitle: Sequence[str],
    lang: str,
) -> dict:
    """Municipality × basic function, cell = number of practice examples; 0 = not highlighted."""
    w = chart_words(lang)
    name_col = column("name", lang)
    grid = municipalities[["municipality_code", "name"]].merge(
        functions[["basic_function_id", "ordinal", name_col]], how="cross"
    )
    grid = grid.merge(
        highlights[["municipality_code", "basic_function_id", "n_practices"]],
        on=["municipality_code", "basic_function_id"],
        how="left",
    )
    grid["n_practices"] = grid["n_practices"].fillna(0).astype(int)
    grid["cell_label"] = grid["n_practices"].map(lambda n: str(n) if n else "0")
    grid["status"] = grid["n_practices"].map(lambda n: str(n) if n else w["not_highlighted"])
    order_f = list(functions.sort_values("ordinal")[name_col])
    top = int(grid["n_practices"].max()) if len(grid) else 1
    # the colour steps start at 1 so that a single example is visibly different from "not highlighted"
    levels = list(range(1, max(top, 3) + 1))
    order_m = sorted(grid["name"].unique(), key=str.casefold)
    # long function names wrap over two lines on the axis ('|' is split by labelExpr)
    grid["function_axis"] = grid[name_col].map(_two_lines)
    x = {
        "axis": {"labelAngle": 0, "labelExpr": "split(datum.label, '|')", "labelLimit": 130, "orient": "bottom"},
        "field": "function_axis",
        "sort": [_two_lines(f) for f in order_f],
        "title": None,
        "type": "nominal",
    }
    y = {"axis": {"labelLimit": 160}, "field": "name", "sort": order_m, "title": None, "type": "nominal"}
    tooltip = titled_tooltips(
        ("name", w["municipality"]), (name_col, w["basic_function"]), ("status", w["n_practices"])
    )
    grid = grid[
        [
            "name",
            "function_axis",
            name_col,
            "n_practices",
            "cell_label",
            "status",
            "municipality_code",
            "basic_function_id",
        ]
    ]
    rect = {
        "encoding": {
            "x": x,
            "y": y,
            "color": {
                "condition": {"test": "datum.n_practices == 0", "value": "#f2f2f2"},
                "field": "n_practices",
                "legend": {"orient": "right"},
                "scale": {"domain": levels, "scheme": HEATMAP_SCHEME},
                "title": w["n_practices"],
                "type": "ordinal",
            },
            "tooltip": tooltip,
        },
        "mark": {"stroke": "white", "strokeWidth": 1.5, "type": "rect"},
    }
    dark_from = max(2, round(len(levels) * 0.6))  # cells this dark get white text
    text = {
        "encoding": {
            "x": x,
            "y": y,
            "text": {"field": "cell_label", "type": "nominal"},
            "color": {"condition": {"test": f"datum.n_practices >= {dark_from}", "value": "white"}, "value": "#333333"},
            "tooltip": tooltip,
        },
        "mark": {"fontSize": 11, "type": "text"},
    }
    datasets: dict = {}
    body = {"data": named_data(grid, datasets), "height": {"step": 24}, "layer": [rect, text], "width": {"step": 110}}
    return framed_spec(body, datasets, title=title, subtitle=subtitle, lang=lang)


def _two_lines(text: str, width: int = 18) -> str:
    return "|".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)
