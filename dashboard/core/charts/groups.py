"""The group contrast: every municipality a dot, grouped by the coded value of one dimension."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.core.charts.base import (
    REFERENCE_COLOUR,
    categorical_colours,
    chart_words,
    framed_spec,
    is_range,
    named_data,
    titled_tooltips,
    wrap,
)
from dashboard.core.charts.contrast_points import (
    common_reference,
    excluded_names,
    excluded_ranges,
    range_labels,
    range_note,
    reference_status,
    whole_municipality_values,
    with_excluded,
)
from dashboard.core.formatting import (
    axis_format,
    fmt_unit,
    fmt_value,
    is_missing,
    shared_decimals,
    truncate,
)


def prepare_group_contrast(
    values: pd.DataFrame,
    org: pd.DataFrame,
    indicator_id: str,
    dimension_id: str,
    value_order: Sequence[str],
    value_labels: Mapping[str, str],
    lang: str,
) -> pd.DataFrame:
    df = whole_municipality_values(values)
    df = df[df["indicator_id"] == indicator_id]
    # a range is not a point: left out of the dots and the group sizes, named in the subtitle
    ranged = is_range(df)
    excluded = excluded_names(range_labels(df[ranged], lang), "municipality_name", ["range_label"], ["qualifier"])
    df = df[~ranged]
    choice = org[org["dimension_id"] == dimension_id][["municipality_code", "value_id"]]
    df = df.merge(choice, on="municipality_code", how="left")
    df["value_id"] = df["value_id"].fillna("not_reported")
    n = df.groupby("value_id")["municipality_code"].transform("nunique")
    df["group_label"] = [f"{value_labels.get(v, v)} (n={k})" for v, k in zip(df["value_id"], n, strict=True)]
    order = {v: i for i, v in enumerate(value_order)}
    df["group_order"] = df["value_id"].map(lambda v: order.get(v, 99))
    p = shared_decimals(*df["value"], *df["value_upper"], *df["national_reference"])  # one indicator: one precision
    df["value_label"] = [
        fmt_value(v, u, q, vu, lang, p)
        for v, u, q, vu in zip(df["value"], df["unit"], df["qualifier"], df["value_upper"], strict=True)
    ]
    df["reference_label"] = [
        fmt_unit(r, u, lang, p) if not is_missing(r) else chart_words(lang)["no_reference"]
        for r, u in zip(df["national_reference"], df["unit"], strict=True)
    ]
    df = df.sort_values(["group_order", "value"]).reset_index(drop=True)
    # neighbours by value alternate between three lanes, so their name labels overlap less
    df["lane"] = df.groupby("value_id").cumcount() % 3 - 1
    return with_excluded(df.sort_values(["group_order", "municipality_name"]).reset_index(drop=True), excluded)


def group_contrast_chart(
    points: pd.DataFrame,
    *,
    indicator_title: str,
    unit: str,
    group_title: str,
    value_order: Sequence[str],
    value_labels: Mapping[str, str],
    title: str,
    subtitle: Sequence[str],
    lang: str,
) -> dict:
    """Every municipality a dot, per coded value of one dimension; n per group in the label; no averages."""
    w = chart_words(lang)
    groups = list(dict.fromkeys(points["group_label"]))
    present = [v for v in value_order if v in set(points["value_id"])]
    domain, colours = categorical_colours(present, dict(zip(points["value_id"], points["group_label"], strict=True)))
    tooltip = titled_tooltips(
        ("municipality_name", w["municipality"]),
        ("group_label", truncate(group_title, 50)),
        ("value_label", w["value"]),
        ("reference_label", w["reference"]),
        ("locator", w["locator"]),
    )
    y = {"axis": {"labelLimit": 260}, "field": "group_label", "sort": groups, "title": None, "type": "nominal"}
    lane = {"field": "lane", "scale": {"domain": [-2, 2]}, "type": "quantitative"}
    data = points[["municipality_name", "group_label", "value", "value_label", "reference_label", "locator", "lane"]]
    value_x = {"field": "value", "type": "quantitative"}
    pts = {
        "encoding": {
            "yOffset": lane,
            "x": {
                **value_x,
                # the title ends at the axis end and runs left under the group names: on a phone the plot is
                # narrower than a centred title would need
                "axis": {"format": axis_format(unit), "titleAnchor": "end"},
                "scale": {"zero": False},
                "title": wrap(indicator_title, 45),
            },
            "y": y,
            "color": {
                "field": "group_label",
                "legend": None,
                "scale": {"domain": domain, "range": colours},
                "type": "nominal",
            },
            "tooltip": tooltip,
        },
        "mark": {"opacity": 0.85, "size": 110, "stroke": "#333333", "strokeWidth": 0.7, "type": "circle"},
    }
    names = {
        "encoding": {"text": {"field": "municipality_name", "type": "nominal"}, "x": value_x, "y": y, "yOffset": lane},
        "mark": {"color": "#333333", "dy": -11, "fontSize": 10, "type": "text"},
    }
    layers: list[dict[str, Any]] = [pts, names]
    status = reference_status(points["national_reference"])
    if status == "same":
        ref = common_reference(points["national_reference"])
        rule = {
            "encoding": {"x": {"datum": ref}},
            "mark": {"color": REFERENCE_COLOUR, "strokeDash": [4, 3], "type": "rule"},
        }
        layers.insert(0, rule)
        note = f"{w['ref_rule']} ({fmt_unit(ref, unit, lang)})"
    else:
        note = w["ref_differs"] if status == "differs" else w["ref_none"]
    datasets: dict = {}
    body = {"data": named_data(data, datasets), "height": {"step": 90}, "layer": layers, "width": "container"}
    notes = [w["each_point"] + "; " + note, *range_note(excluded_ranges(points), lang)]
    return framed_spec(body, datasets, title=title, subtitle=[*subtitle, *notes], lang=lang)
