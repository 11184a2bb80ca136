"""The scatter: two indicators, one dot per municipality, coloured by a dimension, sized by population."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from dashboard.core.charts.base import (
    REFERENCE_COLOUR,
    categorical_scale,
    chart_words,
    fast_build,
    frame,
    population_legend_values,
    wrap,
)
from dashboard.core.charts.contrast_points import (
    common_reference,
    excluded_names,
    excluded_ranges,
    range_note,
    reference_status,
    whole_municipality_values,
    with_excluded,
)
from dashboard.core.formatting import (
    axis_format,
    fmt_population,
    fmt_unit,
    fmt_value,
    shared_decimals,
    truncate,
)


def prepare_scatter(
    values: pd.DataFrame,
    overview: pd.DataFrame,
    org: pd.DataFrame,
    x_id: str,
    y_id: str,
    dimension_id: str,
    value_labels: Mapping[str, str],
    lang: str,
) -> pd.DataFrame:
    """One row per municipality with a whole-municipality value for both indicators."""
    df = whole_municipality_values(values)
    cols = ["municipality_code", "value", "value_upper", "qualifier", "national_reference", "unit", "year"]
    xs = (
        df[df["indicator_id"] == x_id][cols]
        .add_prefix("x_")
        .rename(columns={"x_municipality_code": "municipality_code"})
    )
    ys = (
        df[df["indicator_id"] == y_id][cols]
        .add_prefix("y_")
        .rename(columns={"y_municipality_code": "municipality_code"})
    )
    both = xs.merge(ys, on="municipality_code")
    both = both.merge(
        overview[["municipality_code", "name", "population", "population_qualifier"]], on="municipality_code"
    )
    choice = org[org["dimension_id"] == dimension_id][["municipality_code", "value_id"]]
    both = both.merge(choice, on="municipality_code", how="left")
    both["value_id"] = both["value_id"].fillna("not_reported")
    both["colour_label"] = both["value_id"].map(lambda v: value_labels.get(v, v))
    for axis in ("x", "y"):
        p = shared_decimals(*both[f"{axis}_value"], *both[f"{axis}_value_upper"])  # one precision per axis
        both[f"{axis}_label"] = [
            fmt_value(v, u, q, vu, lang, p)
            for v, u, q, vu in zip(
                both[f"{axis}_value"],
                both[f"{axis}_unit"],
                both[f"{axis}_qualifier"],
                both[f"{axis}_value_upper"],
                strict=True,
            )
        ]
    both["population_label"] = [
        fmt_population(p, q, lang) for p, q in zip(both["population"], both["population_qualifier"], strict=True)
    ]
    # a range is not a point: such municipalities are left out, and named in the chart's subtitle
    ranged = (both["x_qualifier"] == "range") | (both["y_qualifier"] == "range")
    excluded = excluded_names(both[ranged], "name", ["x_label", "y_label"], ["x_qualifier", "y_qualifier"])
    return with_excluded(both[~ranged].sort_values("name").reset_index(drop=True), excluded)


@fast_build
def scatter_chart(
    points: pd.DataFrame,
    *,
    x_title: str,
    y_title: str,
    x_unit: str,
    y_unit: str,
    value_order: Sequence[str],
    value_labels: Mapping[str, str],
    colour_title: str,
    title: str,
    subtitle: Sequence[str],
    lang: str,
):
    """Two indicators (each one definition), colour = org dimension, size = population, reference rules."""
    w = chart_words(lang)
    present = [v for v in value_order if v in set(points["value_id"])] or list(value_order)
    tooltip = [
        alt.Tooltip("name:N", title=w["municipality"]),
        alt.Tooltip("x_label:N", title=truncate(x_title, 50)),
        alt.Tooltip("y_label:N", title=truncate(y_title, 50)),
        alt.Tooltip("colour_label:N", title=truncate(colour_title, 50)),
        alt.Tooltip("population_label:N", title=w["population"]),
    ]
    data = points[
        ["name", "x_value", "y_value", "x_label", "y_label", "colour_label", "population", "population_label"]
    ]
    base = alt.Chart()
    pts = base.mark_circle(opacity=0.85, stroke="#333333", strokeWidth=0.7).encode(
        x=alt.X(
            "x_value:Q", title=wrap(x_title, 45), scale=alt.Scale(zero=False), axis=alt.Axis(format=axis_format(x_unit))
        ),
        y=alt.Y(
            "y_value:Q", title=wrap(y_title, 38), scale=alt.Scale(zero=False), axis=alt.Axis(format=axis_format(y_unit))
        ),
        color=alt.Color(
            "colour_label:N",
            title=wrap(colour_title, 28),
            scale=categorical_scale(present, value_labels),
            # legends below the plot: on a phone, legends at the right left the plot a 120-pixel strip
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=260),
        ),
        size=alt.Size(
            "population:Q",
            title=w["population"],
            scale=alt.Scale(range=[60, 800]),
            legend=alt.Legend(
                format=",.0f", orient="bottom", values=population_legend_values(points["population"])[-3:]
            ),
        ),
        tooltip=tooltip,
    )
    names = base.mark_text(fontSize=10, dy=-11, color="#333333").encode(
        x=alt.X("x_value:Q"), y=alt.Y("y_value:Q"), text=alt.Text("name:N")
    )
    layers = [pts, names]
    notes = []
    for axis, unit_title in (("x", x_title), ("y", y_title)):
        status = reference_status(points[f"{axis}_national_reference"])
        if status == "same":
            ref = common_reference(points[f"{axis}_national_reference"])
            enc = {axis: alt.XDatum(ref) if axis == "x" else alt.YDatum(ref)}
            layers.insert(0, alt.Chart().mark_rule(color=REFERENCE_COLOUR, strokeDash=[4, 3]).encode(**enc))
            notes.append(f"{unit_title}: {w['ref_rule']} ({fmt_unit(ref, points[f'{axis}_unit'].iloc[0], lang)})")
        elif status == "differs":
            notes.append(f"{unit_title}: {w['ref_differs']}")
        else:
            notes.append(f"{unit_title}: {w['ref_none']}")
    # whole indicator names, wrapped over lines (a cut-off name would hide which axis a note is about)
    lines = [line for n in notes for line in wrap(n, 110)] + range_note(excluded_ranges(points), lang)
    chart = alt.layer(*layers, data=data, width="container", height=560)
    return frame(chart, title=title, subtitle=[*subtitle, *lines], lang=lang)
