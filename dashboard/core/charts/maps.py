"""The map: municipalities as dots on a hand-drawn outline of the Netherlands, coloured by one dimension."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd

from dashboard.core.charts.base import categorical_scale, chart_words, fast_build, frame, population_legend_values, wrap
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
# The map as the page draws it (dashboard/views/overview.py): small enough for a 390 px phone (the outline 300 px
# wide, the names beyond it), enlarged on wide screens by CSS zoom. Name placement (map_labels.PX_PER_DEGREE)
# follows this size. Autosize "pad": the legends go below the plot instead of squeezing it (Streamlit fits a
# fixed-size chart into its width and height otherwise). Exports keep map_chart's own width and height.
MAP_PAGE_SIZE = {"width": 300, "height": 360, "autosize": {"type": "pad", "contains": "padding"}}
WATER_TEST = "datum.properties.kind == 'water'"  # lakes and sea inside the outline are drawn white


@fast_build
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
):
    """Municipalities on a simplified outline of the Netherlands (Mercator on lon/lat; no tile server)."""
    w = chart_words(lang)
    outline = alt.Data(values=nl_outline()["features"])
    land = (
        alt.Chart(outline)
        .mark_geoshape(stroke="#9a9a9a", strokeWidth=0.8)
        .encode(color=alt.ColorValue("#efefec", condition={"test": WATER_TEST, "value": "#ffffff"}))
        .project(type="mercator")
    )
    # Names never overlap (dashboard.core.map_labels): each municipality takes the first free spot around its
    # dot (a name without one is listed under the map), and a province name is drawn only where it overlaps no
    # dot and no municipality name. Circle area follows population (zero-based, range 60-900 px²).
    top = float(points["population"].max() or 1)
    radius_px = ((60 + 840 * points["population"] / top) / math.pi) ** 0.5
    placed = place_labels(points, radius_px)
    labels = (
        alt.Chart(free_labels(placed, radius_px, province_labels()))
        .mark_text(fontSize=10, color="#8a8a8a", fontStyle="italic")
        .encode(longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("name:N"))
        .project(type="mercator")
    )
    present = [v for v in value_order if v in set(points["value_id"])] or list(value_order)
    scale = categorical_scale(present, value_labels)
    tooltip = [
        alt.Tooltip("name:N", title=w["municipality"]),
        alt.Tooltip("province:N", title=w["province"]),
        alt.Tooltip("population_label:N", title=w["population"]),
        alt.Tooltip("colour_label:N", title=colour_title),
        alt.Tooltip("scope_label:N", title=w["team_scope"]),
        alt.Tooltip("teams_label:N", title=w["teams"]),
        alt.Tooltip("functions_label:N", title=w["functions"]),
    ]
    pts = (
        alt.Chart(points)
        .mark_circle(stroke="#333333", strokeWidth=0.8, opacity=0.9)
        .encode(
            longitude=alt.Longitude("longitude:Q"),
            latitude=alt.Latitude("latitude:Q"),
            size=alt.Size(
                "population:Q",
                title=w["population"],
                scale=alt.Scale(range=[60, 900], zero=True),
                legend=alt.Legend(
                    format=",.0f",
                    orient="bottom",
                    direction="vertical",
                    values=population_legend_values(points["population"])[-3:],
                ),
            ),
            color=alt.Color(
                "colour_label:N",
                title=truncate(colour_title, 60),
                scale=scale,
                legend=alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=300),
            ),
            tooltip=tooltip,
        )
        .project(type="mercator")
    )
    names = (
        alt.Chart(placed[placed["label_lon"].notna()][["name", "label_lon", "label_lat"]])
        .mark_text(fontSize=10, align="center", baseline="middle", color="#333333")
        .encode(longitude=alt.Longitude("label_lon:Q"), latitude=alt.Latitude("label_lat:Q"), text=alt.Text("name:N"))
        .project(type="mercator")
    )
    missing = unlabelled(placed)
    if missing:
        subtitle = [*subtitle, *wrap(w["map_unlabelled"].format(names=", ".join(missing)), 70)]
    if selectable:
        sel = alt.selection_point(name=MAP_SELECTION, fields=["slug"], on="click", clear="dblclick")
        pts = pts.add_params(sel)
    chart = alt.layer(land, labels, pts, names, width=width, height=height)
    return frame(chart, title=title, subtitle=subtitle, lang=lang)
