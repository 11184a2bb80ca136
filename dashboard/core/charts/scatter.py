"""The scatter: two indicators, one dot per municipality, coloured by a dimension, sized by population."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.core.charts.base import (
    REFERENCE_COLOUR,
    categorical_colours,
    chart_words,
    framed_spec,
    named_data,
    population_legend_values,
    titled_tooltips,
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
) -> dict:
    """Two indicators (each one definition), colour = org dimension, size = population, reference rules."""
    w = chart_words(lang)
    present = [v for v in value_order if v in set(points["value_id"])] or list(value_order)
    tooltip = titled_tooltips(
        ("name", w["municipality"]),
        ("x_label", truncate(x_title, 50)),
        ("y_label", truncate(y_title, 50)),
        ("colour_label", truncate(colour_title, 50)),
        ("population_label", w["population"]),
    )
    data = points[
        ["name", "x_value", "y_value", "x_label", "y_label", "colour_label", "population", "population_label"]
    ]
    domain, colours = categorical_colours(present, value_labels)
    x = {"field": "x_value", "type": "quantitative"}
    y = {"field": "y_value", "type": "quantitative"}
    pts = {
        "encoding": {
            "x": {**x, "axis": {"format": axis_format(x_unit)}, "scale": {"zero": False}, "title": wrap(x_title, 45)},
            "y": {**y, "axis": {"format": axis_format(y_unit)}, "scale": {"zero": False}, "title": wrap(y_title, 38)},
            "color": {
                "field": "colour_label",
                # legends below the plot: on a phone, legends at the right left the plot a 120-pixel strip
                "legend": {"direction": "vertical", "labelLimit": 260, "orient": "bottom"},
                "scale": {"domain": domain, "range": colours},
                "title": wrap(colour_title, 28),
                "type": "nominal",
            },
            "size": {
                "field": "population",
                "legend": {
                    "format": ",.0f",
                    "orient": "bottom",
                    "values": population_legend_values(points["population"])[-3:],
                },
                "scale": {"range": [60, 800]},
                "title": w["population"],
                "type": "quantitative",
            },
            "tooltip": tooltip,
        },
        "mark": {"opacity": 0.85, "stroke": "#333333", "strokeWidth": 0.7, "type": "circle"},
    }
    names = {
        "encoding": {"text": {"field": "name", "type": "nominal"}, "x": x, "y": y},
        "mark": {"color": "#333333", "dy": -11, "fontSize": 10, "type": "text"},
    }
    layers = [pts, names]
    notes = []
    for axis, unit_title in (("x", x_title), ("y", y_title)):
        status = reference_status(points[f"{axis}_national_reference"])
        if status == "same":
            ref = common_reference(points[f"{axis}_national_reference"])
            rule = {
                "encoding": {axis: {"datum": ref}},
                "mark": {"color": REFERENCE_COLOUR, "strokeDash": [4, 3], "type": "rule"},
            }
            layers.insert(0, rule)
            notes.append(f"{unit_title}: {w['ref_rule']} ({fmt_unit(ref, points[f'{axis}_unit'].iloc[0], lang)})")
        elif status == "differs":
            notes.append(f"{unit_title}: {w['ref_differs']}")
        else:
            notes.append(f"{unit_title}: {w['ref_none']}")
    # whole indicator names, wrapped over lines (a cut-off name would hide which axis a note is about)
    lines = [line for n in notes for line in wrap(n, 110)] + range_note(excluded_ranges(points), lang)
    datasets: dict = {}
    body = {"data": named_data(data, datasets), "height": 560, "layer": layers, "width": "container"}
    return framed_spec(body, datasets, title=title, subtitle=[*subtitle, *lines], lang=lang)
