"""The map: municipalities as dots on a hand-drawn outline of the Netherlands, coloured by one dimension."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core.charts.base import (
    categorical_colours,
    chart_words,
    framed_spec,
    named_data,
    population_legend_values,
    titled_tooltips,
    wrap,
)
from dashboard.core.formatting import fmt_list, fmt_population, fmt_team_count, truncate
from dashboard.core.map_labels import free_labels, place_labels, unlabelled

ASSETS = Path(__file__).resolve().parents[1] / "assets"  # dashboard/core/assets


@lru_cache(maxsize=1)
def nl_outline() -> dict:
    """Simplified outline of the Netherlands (mainland, Wadden islands, IJsselmeer), drawn by hand.

    Approximate coordinates (about 5 km precision), made for this dashboard: enough to place sixteen
    municipalities, not a boundary data set. Rings run clockwise, as d3-geo expects.
    """
    return json.loads((ASSETS / "nl_outline.geojson").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def province_labels() -> pd.DataFrame:
    return pd.DataFrame(json.loads((ASSETS / "province_labels.json").read_text(encoding="utf-8")))


def prepare_map_points(
    overview: pd.DataFrame,
    org: pd.DataFrame,
    dimension_id: str,
    value_labels: Mapping[str, str],
    function_labels: Mapping[str, str],
    scope_labels: Mapping[str, str],
    lang: str,
) -> pd.DataFrame:
    """One row per municipality with position, population, the chosen dimension's value and tooltip text."""
    df = overview.copy()
    choice = org[org["dimension_id"] == dimension_id][["municipality_code", "value_id"]]
    df = df.merge(choice, on="municipality_code", how="left")
    df["value_id"] = df["value_id"].fillna("not_reported")
    df["colour_label"] = df["value_id"].map(lambda v: value_labels.get(v, v))
    df["population_label"] = [
        fmt_population(p, q, lang) for p, q in zip(df["population"], df["population_qualifier"], strict=True)
    ]
    df["teams_label"] = [
        fmt_team_count(c, lower_bound=bool(lb), incomplete=bool(inc), lang=lang)
        for c, lb, inc in zip(
            df["team_count_reported"], df["team_count_is_lower_bound"], df["team_count_incomplete"], strict=True
        )
    ]
    df["scope_label"] = df["team_scope"].fillna("not_reported").map(lambda v: scope_labels.get(v, v))
    df["functions_label"] = df["highlighted_functions"].map(
        lambda fs: fmt_list([function_labels.get(f, f) for f in fs], lang) or "–"
    )
    return df[
        [
            "municipality_code",
            "slug",
            "name",
            "province",
            "latitude",
            "longitude",
            "population",
            "population_label",
            "value_id",
            "colour_label",
            "teams_label",
            "scope_label",
            "functions_label",
        ]
    ]


MAP_SELECTION = "map_municipality"
MAP_DOTS_VIEW = "municipality_dots"  # the layer of dots the selection listens to
# The map as the page draws it (dashboard/views/overview.py): small enough for a 390 px phone (the outline 300 px
# wide, the names beyond it), enlarged on wide screens by CSS zoom. Name placement (map_labels.PX_PER_DEGREE)
# follows this size. Autosize "pad": the legends go below the plot instead of squeezing it (Streamlit fits a
# fixed-size chart into its width and height otherwise). Exports keep map_chart's own width and height.
MAP_PAGE_SIZE = {"width": 300, "height": 360, "autosize": {"type": "pad", "contains": "padding"}}
WATER_TEST = "datum.properties.kind == 'water'"  # lakes and sea inside the outline are drawn white


def map_chart(
    points: pd.DataFrame,
    *,
    value_order: Sequence[str],
    value_labels: Mapping[str, str],
    colour_title: str,
    title: str,
    subtitle: Sequence[str],
    lang: str,
    width: int = 520,
    height: int = 700,
    selectable: bool = True,
) -> dict:
    """Municipalities on a simplified outline of the Netherlands (Mercator on lon/lat; no tile server)."""
    w = chart_words(lang)
    mercator = {"type": "mercator"}
    datasets: dict = {}
    land = {
        "data": {"values": nl_outline()["features"]},
        "encoding": {"color": {"condition": {"test": WATER_TEST, "value": "#ffffff"}, "value": "#efefec"}},
        "mark": {"stroke": "#9a9a9a", "strokeWidth": 0.8, "type": "geoshape"},
        "projection": mercator,
    }
    # Names never overlap (dashboard.core.map_labels): each municipality takes the first free spot around its
    # dot (a name without one is listed under the map), and a province name is drawn only where it overlaps no
    # dot and no municipality name. Circle area follows population (zero-based, range 60-900 px²).
    top = float(points["population"].max() or 1)
    radius_px = ((60 + 840 * points["population"] / top) / math.pi) ** 0.5
    placed = place_labels(points, radius_px)
    labels = {
        "data": named_data(free_labels(placed, radius_px, province_labels()), datasets),
        "encoding": {
            "latitude": {"field": "lat", "type": "quantitative"},
            "longitude": {"field": "lon", "type": "quantitative"},
            "text": {"field": "name", "type": "nominal"},
        },
        "mark": {"color": "#8a8a8a", "fontSize": 10, "fontStyle": "italic", "type": "text"},
        "projection": mercator,
    }
    present = [v for v in value_order if v in set(points["value_id"])] or list(value_order)
    domain, colours = categorical_colours(present, value_labels)
    tooltip = titled_tooltips(
        ("name", w["municipality"]),
        ("province", w["province"]),
        ("population_label", w["population"]),
        ("colour_label", colour_title),
        ("scope_label", w["team_scope"]),
        ("teams_label", w["teams"]),
        ("functions_label", w["functions"]),
    )
    pts: dict[str, Any] = {
        "data": named_data(points, datasets),
        "encoding": {
            "color": {
                "field": "colour_label",
                "legend": {"columns": 1, "direction": "vertical", "labelLimit": 300, "orient": "bottom"},
                "scale": {"domain": domain, "range": colours},
                "title": truncate(colour_title, 60),
                "type": "nominal",
            },
            "latitude": {"field": "latitude", "type": "quantitative"},
            "longitude": {"field": "longitude", "type": "quantitative"},
            "size": {
                "field": "population",
                "legend": {
                    "direction": "vertical",
                    "format": ",.0f",
                    "orient": "bottom",
                    "values": population_legend_values(points["population"])[-3:],
                },
                "scale": {"range": [60, 900], "zero": True},
                "title": w["population"],
                "type": "quantitative",
            },
            "tooltip": tooltip,
        },
        "mark": {"opacity": 0.9, "stroke": "#333333", "strokeWidth": 0.8, "type": "circle"},
        "projection": mercator,
    }
    names = {
        "data": named_data(placed[placed["label_lon"].notna()][["name", "label_lon", "label_lat"]], datasets),
        "encoding": {
            "latitude": {"field": "label_lat", "type": "quantitative"},
            "longitude": {"field": "label_lon", "type": "quantitative"},
            "text": {"field": "name", "type": "nominal"},
        },
        "mark": {"align": "center", "baseline": "middle", "color": "#333333", "fontSize": 10, "type": "text"},
        "projection": mercator,
    }
    missing = unlabelled(placed)
    if missing:
        subtitle = [*subtitle, *wrap(w["map_unlabelled"].format(names=", ".join(missing)), 70)]
    body: dict = {"height": height, "layer": [land, labels, pts, names], "width": width}
    if selectable:
        # a click on a dot selects its municipality (the page opens its profile); a double click clears it
        pts["name"] = MAP_DOTS_VIEW
        body["params"] = [
            {
                "name": MAP_SELECTION,
                "select": {"clear": "dblclick", "fields": ["slug"], "on": "click", "type": "point"},
                "views": [MAP_DOTS_VIEW],
            }
        ]
    return framed_spec(body, datasets, title=title, subtitle=subtitle, lang=lang)
