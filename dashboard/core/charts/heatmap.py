"""The function heatmap: municipality × basic function, each cell the number of practice examples."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from dashboard.core.charts.base import HEATMAP_SCHEME, chart_words, fast_build, frame
from dashboard.core.i18n import column


@fast_build
def function_heatmap(
    highlights: pd.DataFrame,
    municipalities: pd.DataFrame,
    functions: pd.DataFrame,
    *,
    title: str,
    subtitle: Sequence[str],
    lang: str,
):
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
    x = alt.X(
        "function_axis:N",
        sort=[_two_lines(f) for f in order_f],
        title=None,
        axis=alt.Axis(orient="bottom", labelAngle=0, labelLimit=130, labelExpr="split(datum.label, '|')"),
    )
    y = alt.Y("name:N", sort=order_m, title=None, axis=alt.Axis(labelLimit=160))
    tooltip = [
        alt.Tooltip("name:N", title=w["municipality"]),
        alt.Tooltip(f"{name_col}:N", title=w["basic_function"]),
        alt.Tooltip("status:N", title=w["n_practices"]),
    ]
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
    rect = (
        alt.Chart()
        .mark_rect(stroke="white", strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "n_practices:O",
                title=w["n_practices"],
                scale=alt.Scale(scheme=HEATMAP_SCHEME, domain=levels),
                legend=alt.Legend(orient="right"),
                condition={"test": "datum.n_practices == 0", "value": "#f2f2f2"},
            ),
            tooltip=tooltip,
        )
    )
    dark_from = max(2, round(len(levels) * 0.6))  # cells this dark get white text
    text = (
        alt.Chart()
        .mark_text(fontSize=11)
        .encode(
            x=x,
            y=y,
            text=alt.Text("cell_label:N"),
            color=alt.ColorValue("#333333", condition={"test": f"datum.n_practices >= {dark_from}", "value": "white"}),
            tooltip=tooltip,
        )
    )
    chart = alt.layer(rect, text, data=grid, width=alt.Step(110), height=alt.Step(24))
    return frame(chart, title=title, subtitle=subtitle, lang=lang)


def _two_lines(text: str, width: int = 18) -> str:
    return "|".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)
