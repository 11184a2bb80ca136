"""The deviation chart: each municipality's value minus the national reference, as diverging bars."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.core.charts.base import (
    ABOVE_COLOUR,
    BELOW_COLOUR,
    REFERENCE_COLOUR,
    chart_words,
    framed_spec,
    is_range,
    named_data,
    word_tooltips,
)
from dashboard.core.charts.contrast_points import (
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
    fmt_difference,
    fmt_unit,
    fmt_value,
    shared_decimals,
)
from dashboard.core.i18n import t


def prepare_deviation(values: pd.DataFrame, indicator_id: str, lang: str) -> pd.DataFrame:
    """Value minus the national reference per municipality; a range has no single difference: left out,
    named in the chart's subtitle."""
    df = whole_municipality_values(values)
    df = df[(df["indicator_id"] == indicator_id) & df["national_reference"].notna()].copy()
    ranged = is_range(df)
    excluded = excluded_names(range_labels(df[ranged], lang), "municipality_name", ["range_label"], ["qualifier"])
    df = df[~ranged].copy()
    df["deviation"] = df["value"] - df["national_reference"]
    df["direction"] = df["deviation"].map(lambda d: "above" if d > 0 else ("below" if d < 0 else "equal"))
    p = shared_decimals(*df["value"], *df["value_upper"], *df["national_reference"])  # one indicator: one precision
    df["value_label"] = [
        fmt_value(v, u, q, vu, lang, p)
        for v, u, q, vu in zip(df["value"], df["unit"], df["qualifier"], df["value_upper"], strict=True)
    ]
    df["reference_label"] = [fmt_unit(r, u, lang, p) for r, u in zip(df["national_reference"], df["unit"], strict=True)]
    df["deviation_label"] = [fmt_difference(d, u, lang) for d, u in zip(df["deviation"], df["unit"], strict=True)]
    return with_excluded(df.sort_values("deviation").reset_index(drop=True), excluded)


def deviation_chart(
    points: pd.DataFrame, *, indicator_title: str, unit: str, title: str, subtitle: Sequence[str], lang: str
) -> dict:
    """Diverging bars: value minus the national reference the sketch gives, per municipality."""
    w = chart_words(lang)
    label_below = t("chart_below_reference", lang)
    label_above = t("chart_above_reference", lang)
    label_equal = t("chart_equal_reference", lang)
    excluded = excluded_ranges(points)
    points = points.copy()
    # invisible points 25% beyond the longest bar on both sides keep the outside labels inside the chart
    span = float(points["deviation"].abs().max() or 1)
    points["pad"] = points["deviation"].map(lambda d: (abs(d) + 0.25 * span) * (1 if d >= 0 else -1))
    direction_labels = {"below": label_below, "above": label_above, "equal": label_equal}
    direction_colours = {"below": BELOW_COLOUR, "above": ABOVE_COLOUR, "equal": "#999999"}
    points["direction_label"] = points["direction"].map(direction_labels)
    # the legend lists only the directions that occur (no 'equal to the reference' when none is)
    present = [d for d in direction_labels if d in set(points["direction"])]
    unit_title = {"percent": w["points"], "euro": "€", "years": t("chart_unit_years", lang)}.get(unit, "")
    x_title = f"{w['deviation']}" + (f" ({unit_title})" if unit_title else "")
    tooltip = word_tooltips(
        w,
        ("municipality_name", "municipality"),
        ("value_label", "value"),
        ("reference_label", "reference"),
        ("deviation_label", "deviation"),
        ("locator", "locator"),
    )
    y = {
        "axis": {"labelLimit": 160},
        "field": "municipality_name",
        "sort": list(points["municipality_name"]),
        "title": None,
        "type": "nominal",
    }
    points = points[
        [
            "municipality_name",
            "deviation",
            "pad",
            "direction_label",
            "value_label",
            "reference_label",
            "deviation_label",
            "locator",
            "national_reference",
        ]
    ]
    deviation_x = {"field": "deviation", "type": "quantitative"}
    bars = {
        "encoding": {
            # zero always in the domain: the reference (0) stays visible, also with one municipality
            "x": {
                **deviation_x,
                "axis": {"format": axis_format(unit)},
                "scale": {"nice": True, "zero": True},
                "title": x_title,
            },
            "y": y,
            "color": {
                "field": "direction_label",
                "legend": {"orient": "bottom"},
                "scale": {
                    "domain": [direction_labels[d] for d in present],
                    "range": [direction_colours[d] for d in present],
                },
                "title": None,
                "type": "nominal",
            },
            "tooltip": tooltip,
        },
        "mark": {"height": {"band": 0.65}, "type": "bar"},
    }
    zero = {"encoding": {"x": {"datum": 0}}, "mark": {"color": REFERENCE_COLOUR, "type": "rule"}}
    label_text = {"field": "deviation_label", "type": "nominal"}
    # labels outside the bar end: right of positive bars, left of negative ones
    text_pos = {
        "encoding": {"text": label_text, "x": deviation_x, "y": y},
        "mark": {"align": "left", "color": "#333333", "dx": 4, "fontSize": 10, "type": "text"},
        "transform": [{"filter": "datum.deviation >= 0"}],
    }
    text_neg = {
        "encoding": {"text": label_text, "x": deviation_x, "y": y},
        "mark": {"align": "right", "color": "#333333", "dx": -4, "fontSize": 10, "type": "text"},
        "transform": [{"filter": "datum.deviation < 0"}],
    }
    pad = {"encoding": {"x": {"field": "pad", "type": "quantitative"}, "y": y}, "mark": {"opacity": 0, "type": "point"}}
    refs = reference_status(points["national_reference"])
    note = (
        f"{w['reference']}: {points['reference_label'].iloc[0]}"
        if refs == "same"
        else t("chart_reference_per_municipality", lang)
    )
    datasets: dict = {}
    body = {
        "data": named_data(points, datasets),
        "height": {"step": 24},
        "layer": [zero, bars, text_pos, text_neg, pad],
        "width": "container",
    }
    subtitle = [*subtitle, note, *range_note(excluded, lang)]
    return framed_spec(body, datasets, title=title, subtitle=subtitle, lang=lang)
