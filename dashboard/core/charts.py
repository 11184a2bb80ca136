"""Chart builders: DataFrame in, Altair chart out. Pure: no Streamlit, no database.

Every chart carries its own title, a subtitle naming the active filters, and a source line inside the
Vega-Lite spec (title.subtitle), plus the number locale (config.locale), so a PNG/SVG export made from the
spec alone says what it shows, for which selection, from which source, with Dutch number formatting.

Rules the builders enforce (and tests/test_charts.py checks on the spec):
- values of one indicator definition (indicator_id) share an axis; different definitions never do, not even
  when they belong to the same comparability_group; an indicator flagged comparable_across_municipalities =
  false gets one axis per municipality;
- a national reference is drawn only where the sketch gives one, and a reference rule across several points
  only when that reference is the same for all of them;
- "not reported" is its own category with its own grey, never 0 or "no";
- colours are colour-blind safe (Okabe-Ito).
"""

from __future__ import annotations

import functools
import json
import math
import textwrap
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd
from altair.utils.schemapi import debug_mode

from dashboard.core.filters import NOT_AGREED
from dashboard.core.formatting import (
    axis_format,
    fmt_difference,
    fmt_population,
    fmt_unit,
    fmt_value,
    is_missing,
    shared_decimals,
    truncate,
    vega_locale,
)
from dashboard.core.i18n import STRINGS, column, t
from dashboard.core.map_labels import place_labels, unlabelled
from dashboard.core.precision import decimals_by
from dashboard.core.responsive import container_range

# Okabe & Ito (2008), the palette most often recommended for colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
NOT_REPORTED_GREY = "#BBBBBB"
REFERENCE_COLOUR = "#222222"
BAR_COLOUR = "#0072B2"
RANGE_COLOUR = "#A6CDEB"  # a lighter BAR_COLOUR: the stretch between the lower and the upper bound of a range
BELOW_COLOUR = "#0072B2"  # blue: below the national reference
ABOVE_COLOUR = "#D55E00"  # vermillion: above it
HEATMAP_SCHEME = "blues"

ASSETS = Path(__file__).resolve().parent / "assets"



def _fast(builder):
    """Build without Altair's per-object validation (about 40 ms per chart); the whole spec is still
    validated when tests serialise it (tests/test_charts.py calls to_dict(), which validates); the app does not."""

    @functools.wraps(builder)
    def wrapper(*args, **kwargs):
        with debug_mode(False):
            return builder(*args, **kwargs)

    return wrapper


@functools.cache
def _w(lang: str) -> dict[str, str]:
    """The chart words (strings/charts.py, keys chart_*) of one language, without the prefix."""
    return {key.removeprefix("chart_"): t(key, lang) for key in STRINGS if key.startswith("chart_")}


# -- frame: title, subtitle, source, locale -----------------------------------------------------------------


def source_line(lang: str, producers: Sequence[str] = ()) -> str:
    """'Bron: KPMG (2019), …, bijlage 2; cijfers in de schetsen uit CBS, VNG'."""
    base = t("chart_source_base", lang)
    names = sorted({p for p in producers if p and not str(p).startswith("KPMG")})
    return f"{base}; {_w(lang)['indicator_sources']} {', '.join(names)}" if names else base


def wrap(text: str, width: int = 100) -> list[str]:
    return textwrap.wrap(str(text), width=width, break_long_words=False) or [""]


def subtitle_lines(filters_text: str | None, source: str, extra: Sequence[str] = (), width: int = 100) -> list[str]:
    lines: list[str] = []
    for part in (*extra, filters_text, source):
        if part:
            lines.extend(wrap(part, width))
    return lines


def frame(chart, *, title: str, subtitle: Sequence[str], lang: str):
    """Put title, subtitle and source into the spec, plus the number locale and a readable base style.

    One .properties() call: every Altair method returns a deep copy of the whole chart, so chaining
    .configure_*() calls would copy it five times.
    """
    config = {
        "locale": {"number": vega_locale(lang)},
        "axis": {"labelFontSize": 11, "titleFontSize": 11},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 260},
        "view": {"stroke": None},
    }
    title_params = alt.Title(
        text=title,
        subtitle=list(subtitle),
        anchor="start",
        fontSize=15,
        subtitleFontSize=11,
        subtitleColor="#4a4a4a",
        subtitlePadding=4,
        offset=10,
    )
    return chart.properties(title=title_params, config=config)


def categorical_scale(values: Sequence[str], labels: Mapping[str, str], not_reported: str = "not_reported"):
    """Colour scale over value ids in codebook order: Okabe-Ito, with 'not reported' always grey."""
    domain, colours = [], []
    palette = iter(OKABE_ITO)
    for v in values:
        domain.append(labels.get(v, v))
        colours.append(NOT_REPORTED_GREY if v == not_reported else next(palette, "#777777"))
    return alt.Scale(domain=domain, range=colours)


# -- indicator rows (profile, compare) -----------------------------------------------------------------------


LABEL_CHARS = 38  # characters per line in the label column of indicator_rows_chart
LABEL_MAX_LINES = 4  # beyond that the label ends with '…' (the tooltip keeps the whole note)
RESPONSIVE_MIN_WIDTH = 110  # pixels: the narrowest bar area (a 390-pixel phone)
LABEL_WIDTH = 215  # pixels: LABEL_CHARS characters of 11 px text, plus a margin
LABEL_LINE_HEIGHT = 13  # Vega's default line height for 11 px text
LINE_BREAK = "\n"  # joins the lines of a bar label; the label text mark breaks on it


def label_lines(text: str, width: int = LABEL_CHARS, max_lines: int = LABEL_MAX_LINES) -> list[str]:
    """A bar label split into lines for the label column; long words are never cut."""
    lines = wrap(text, width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], truncate(" ".join(lines[max_lines - 1 :]), width)]
    return lines


def is_range(df: pd.DataFrame) -> pd.Series:
    """Values the sketch gives as a range (value = lower bound, value_upper = upper bound), not as one number."""
    if "qualifier" not in df:
        return pd.Series(False, index=df.index)
    return df["qualifier"].eq("range").fillna(False).astype(bool)


def range_note(excluded: Sequence[str], lang: str) -> list[str]:
    """Subtitle line naming the municipalities left out of a point chart because their value is a range."""
    if not excluded:
        return []
    return wrap(f"{_w(lang)['range_excluded']}: {'; '.join(excluded)}", 110)


def _row_key(row) -> str:
    if bool(row.get("comparable_across_municipalities", True)):
        return str(row["indicator_id"])
    # values of this definition are not comparable between municipalities: one axis each
    return f"{row['indicator_id']}|{row['municipality_code']}"


def prepare_indicator_rows(
    values: pd.DataFrame, lang: str, *, label_by: str = "municipality", group_labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Rows for indicator_rows_chart: one per value, with formatted labels and the axis key per row.

    label_by='municipality' (compare: one bar per municipality) or 'context' (profile: one bar per area/year).
    """
    w = _w(lang)
    if values.empty:
        return values.assign(row_key=[], row_title=[], bar_label=[], value_label=[], reference_label=[])
    df = values.copy()
    label_col = column("label", lang)
    df["row_key"] = df.apply(_row_key, axis=1)

    def row_title(r) -> str:
        title = str(r[label_col])
        if group_labels:  # 'Inkomen · Gemiddeld inkomen per jaar …': rows of one theme read as a group
            title = f"{group_labels.get(r['comparability_group'], r['comparability_group'])} · {title}"
        if not bool(r.get("comparable_across_municipalities", True)):
            title += f" — {r['municipality_name']}"
        return title

    df["row_title"] = df.apply(row_title, axis=1)

    def context(r) -> str:
        bits = []
        if not is_missing(r.get("area")):
            bits.append(str(r["area"]))
        if not is_missing(r.get("period")):
            bits.append(str(r["period"]))
        elif not is_missing(r.get("year")):
            bits.append(str(int(r["year"])))
        return " · ".join(bits)

    ctx = df.apply(context, axis=1)
    if label_by == "municipality":
        df["bar_label"] = [f"{m} ({c})" if c else str(m) for m, c in zip(df["municipality_name"], ctx, strict=True)]
    else:
        df["bar_label"] = [c if c else w["whole"] for c in ctx]
    # two values with the same label in one row (e.g. a subgroup in the same year) stay apart: name the note
    note_col = column("note", lang)
    notes = df[note_col] if note_col in df else pd.Series([None] * len(df), index=df.index)
    clash = df.duplicated(["row_key", "bar_label"], keep=False)
    df["bar_label"] = [
        f"{b} · {str(n).strip().rstrip('.')}" if c and not is_missing(n) else b
        for b, n, c in zip(df["bar_label"], notes, clash, strict=True)
    ]
    dup = df.groupby(["row_key", "bar_label"]).cumcount()
    df["bar_label"] = [b if d == 0 else f"{b} ({d + 1})" for b, d in zip(df["bar_label"], dup, strict=True)]
    places = decimals_by(df, "row_key", ["value", "value_upper", "national_reference"])  # one precision per row
    df["value_label"] = [
        fmt_value(v, u, q, vu, lang, p)
        for v, u, q, vu, p in zip(df["value"], df["unit"], df["qualifier"], df["value_upper"], places, strict=True)
    ]
    df["reference_label"] = [
        fmt_unit(r, u, lang, p) if not is_missing(r) else w["no_reference"]
        for r, u, p in zip(df["national_reference"], df["unit"], places, strict=True)
    ]
    df["context"] = [c or w["whole"] for c in ctx]
    df["note"] = notes.fillna("")
    keep = [
        "row_key",
        "row_title",
        "bar_label",
        "indicator_id",
        "comparability_group",
        "unit",
        "municipality_code",
        "municipality_name",
        "value",
        "value_upper",
        "qualifier",
        "national_reference",
        "value_label",
        "reference_label",
        "context",
        "source_title",
        "source_producer",
        "locator",
        "note",
    ]
    return df[[c for c in keep if c in df.columns]].reset_index(drop=True)


@_fast
def indicator_rows_chart(
    rows: pd.DataFrame, *, title: str, subtitle: Sequence[str], lang: str, width: int = 520
) -> alt.FacetChart:
    """One row per indicator definition (row_key), each with its own x axis; bar = value, tick = reference.

    Rows of different definitions never share an axis (resolve_scale x independent); within one row the
    bars share one axis, so municipalities (or areas/years) are compared on one definition only.
    A range (qualifier 'range') is a solid bar up to the lower bound and a lighter bar on to the upper bound,
    labelled '30–50%'. Bar labels are drawn as multi-line text in a fixed label column, so a long label is
    wrapped, never cut off: the lines are split here (label_lines) and joined with LINE_BREAK, which the text
    mark breaks on (mark lineBreak). Not a list-valued field: Streamlit sends data as Arrow, and a list arrives
    in Vega as one string '[a,b]'.
    """
    w = _w(lang)
    data = rows.copy()
    lines = data["bar_label"].map(label_lines)
    data["bar_text"] = lines.map(LINE_BREAK.join)
    upper = pd.to_numeric(data["value_upper"], errors="coerce") if "value_upper" in data else float("nan")
    data["value_upper"] = upper
    ranged = is_range(data) & data["value_upper"].notna()
    data["range_start"] = data["value"].where(ranged)
    data["range_end"] = data["value_upper"].where(ranged)
    far = data[["value", "range_end", "national_reference"]].apply(pd.to_numeric, errors="coerce")
    # invisible point beyond the longest bar/range/reference so the value label fits inside the row
    data["x_pad"] = far.abs().max(axis=1) * 1.35 * (data["value"].apply(lambda v: -1 if v < 0 else 1))
    # the value label starts at the end of its own bar (or range), never at the reference tick, where it would
    # read as the reference's value; a white halo keeps it legible where it crosses the tick (negative values:
    # the label starts right of zero, outside the bar)
    data["text_x"] = far[["value", "range_end"]].max(axis=1).clip(lower=0)
    order = list(dict.fromkeys(data["row_key"]))
    # row titles wrap over lines (about 260 px at 12 px bold), so a phone shows them whole
    titles = {k: LINE_BREAK.join(wrap(v, 40)) for k, v in zip(data["row_key"], data["row_title"], strict=False)}
    data["row_header"] = data["row_key"].map(titles)
    header_order = [titles[k] for k in order]
    n_lines = int(lines.map(len).max()) if len(data) else 1
    step = max(24, LABEL_LINE_HEIGHT * n_lines + 12)
    # the axis draws no labels but keeps the label column free; the text layer below fills it
    y = alt.Y(
        "bar_label:N",
        title=None,
        sort=None,
        axis=alt.Axis(labels=False, ticks=False, minExtent=LABEL_WIDTH, maxExtent=LABEL_WIDTH),
    )
    tooltip = [
        alt.Tooltip("row_title:N", title=w["value"]),
        alt.Tooltip("municipality_name:N", title=w["municipality"]),
        alt.Tooltip("context:N", title=w["area"]),
        alt.Tooltip("value_label:N", title=w["value"]),
        alt.Tooltip("reference_label:N", title=w["reference"]),
        alt.Tooltip("source_title:N", title=w["source"]),
        alt.Tooltip("locator:N", title=w["locator"]),
        alt.Tooltip("note:N", title=w["note"]),
    ]
    # the bars follow the page width (dashboard.core.responsive); exports keep `width`
    x = alt.X("value:Q", title=None, axis=alt.Axis(format=",.4~f", tickCount=4, grid=True),
              scale=alt.Scale(range=container_range(width, LABEL_WIDTH + 40, low=RESPONSIVE_MIN_WIDTH)))
    bars = alt.Chart().mark_bar(color=BAR_COLOUR, height={"band": 0.6}).encode(x=x, y=y, tooltip=tooltip)
    spans = (
        alt.Chart()
        .transform_filter("isValid(datum.range_end)")
        .mark_bar(color=RANGE_COLOUR, stroke=BAR_COLOUR, strokeWidth=1, strokeDash=[3, 2], height={"band": 0.6})
        .encode(x=alt.X("range_start:Q"), x2="range_end:Q", y=y, tooltip=tooltip)
    )
    ref = (
        alt.Chart()
        .mark_tick(color=REFERENCE_COLOUR, thickness=2.5, size=18)
        .encode(x=alt.X("national_reference:Q"), y=y, tooltip=tooltip)
    )
    halo = (
        alt.Chart()
        .mark_text(align="left", dx=5, fontSize=11, stroke="white", strokeWidth=4, strokeJoin="round")
        .encode(x=alt.X("text_x:Q"), y=y, text="value_label:N")
    )
    text = (
        alt.Chart()
        .mark_text(align="left", dx=5, fontSize=11, color="#222")
        .encode(x=alt.X("text_x:Q"), y=y, text="value_label:N")
    )
    labels = (
        alt.Chart()
        .mark_text(
            align="right",
            baseline="middle",
            fontSize=11,  # line height: Vega's default, font size + 2 (also when presentation mode enlarges it)
            lineBreak=LINE_BREAK,
            color="#555555",
        )
        .encode(x=alt.value(-8), y=y, text="bar_text:N", tooltip=tooltip)
    )
    pad = alt.Chart().mark_point(opacity=0).encode(x=alt.X("x_pad:Q"), y=y)
    data = data[
        [
            "row_header",
            "bar_label",
            "bar_text",
            "value",
            "range_start",
            "range_end",
            "national_reference",
            "text_x",
            "x_pad",
            "value_label",
            "row_title",
            "municipality_name",
            "context",
            "reference_label",
            "source_title",
            "locator",
            "note",
        ]
    ]
    layered = alt.layer(bars, spans, ref, halo, text, labels, pad, data=data).properties(
        width=RESPONSIVE_MIN_WIDTH, height=alt.Step(step)  # the x range sets the drawn width
    )
    chart = layered.facet(
        row=alt.Row(
            "row_header:N",
            sort=header_order,
            title=None,
            header=alt.Header(
                labelOrient="top",
                labelAnchor="start",
                labelAngle=0,
                labelAlign="left",
                labelFontSize=12,
                labelFontWeight="bold",
                labelLimit=620,
                labelPadding=4,
                labelExpr=f"split(datum.value, {json.dumps(LINE_BREAK)})",
            ),
        ),
        spacing=14,
    ).resolve_scale(x="independent", y="independent")
    notes = [*wrap(w["ref_tick"]), *wrap(w["own_axis"])]
    if ranged.any():
        notes += wrap(w["range_bar"])
    return frame(chart, title=title, subtitle=[*subtitle, *notes], lang=lang)


def definition_notes(values: pd.DataFrame, lang: str, group_labels: Mapping[str, str]) -> list[str]:
    """For each comparability group with more than one definition present: a note saying why they stay apart."""
    if values.empty:
        return []
    label_col = column("label", lang)
    notes = []
    for group, part in values.groupby("comparability_group", sort=True):
        labels = list(dict.fromkeys(part[label_col]))
        if len(labels) < 2:
            continue
        name = group_labels.get(group, str(group).replace("_", " "))
        notes.append(t("chart_note_definitions", lang, name=name, n=len(labels), labels="; ".join(labels)))
    for ind, part in values[~values["comparable_across_municipalities"].astype(bool)].groupby(label_col):
        if part["municipality_code"].nunique() > 1:
            notes.append(t("chart_note_periods", lang, indicator=ind))
    return notes


# -- map ----------------------------------------------------------------------------------------------------


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
    from dashboard.core.formatting import fmt_list, fmt_team_count  # local: keeps the import list short

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


def population_legend_values(population: pd.Series) -> list[int]:
    """Round legend steps inside the data range (a legend starting at 0 inhabitants says nothing)."""
    steps = [10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000]
    if population.empty:
        return steps[:4]
    low, high = float(population.min()), float(population.max())
    inside = [s for s in steps if low <= s <= high]
    return inside[-4:] if inside else [int(round(high, -3))]


@_fast
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
    w = _w(lang)
    outline = alt.Data(values=nl_outline()["features"])
    land = (
        alt.Chart(outline)
        .mark_geoshape(stroke="#9a9a9a", strokeWidth=0.8)
        .encode(color=alt.condition("datum.properties.kind == 'water'", alt.value("#ffffff"), alt.value("#efefec")))
        .project(type="mercator")
    )
    labels = (
        alt.Chart(province_labels())
        .mark_text(fontSize=10, color="#8a8a8a", fontStyle="italic")
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
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
            longitude="longitude:Q",
            latitude="latitude:Q",
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
    # Names right of the dot (the Randstad municipalities lie above each other, so this overlaps least),
    # starting just beyond the circle's edge: circle area follows population on the size scale (zero-based,
    # range 60-900 px²); at the map's usual size a degree of longitude is about 105 px.
    # Names never overlap (dashboard.core.map_labels): each takes the first free spot around its dot; a name
    # without one is listed under the map. Circle area follows population (zero-based, range 60-900 px²).
    top = float(points["population"].max() or 1)
    radius_px = ((60 + 840 * points["population"] / top) / math.pi) ** 0.5
    placed = place_labels(points, radius_px, province_labels())
    names = (
        alt.Chart(placed[placed["label_lon"].notna()][["name", "label_lon", "label_lat"]])
        .mark_text(fontSize=10, align="center", baseline="middle", color="#333333")
        .encode(longitude="label_lon:Q", latitude="label_lat:Q", text="name:N")
        .project(type="mercator")
    )
    missing = unlabelled(placed)
    if missing:
        subtitle = [*subtitle, *wrap(w["map_unlabelled"].format(names=", ".join(missing)), 70)]
    if selectable:
        sel = alt.selection_point(name=MAP_SELECTION, fields=["slug"], on="click", clear="dblclick")
        pts = pts.add_params(sel)
    chart = alt.layer(land, labels, pts, names).properties(width=width, height=height)
    return frame(chart, title=title, subtitle=subtitle, lang=lang)


# -- contrasts ----------------------------------------------------------------------------------------------


@_fast
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
    w = _w(lang)
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
            color=alt.condition(
                "datum.n_practices == 0",
                alt.value("#f2f2f2"),
                alt.Color(
                    "n_practices:O",
                    title=w["n_practices"],
                    scale=alt.Scale(scheme=HEATMAP_SCHEME, domain=levels),
                    legend=alt.Legend(orient="right"),
                ),
            ),
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart()
        .mark_text(fontSize=11)
        .encode(
            x=x,
            y=y,
            text="cell_label:N",
            color=alt.condition(
                f"datum.n_practices >= {max(2, round(len(levels) * 0.6))}", alt.value("white"), alt.value("#333333")
            ),
            tooltip=tooltip,
        )
    )
    chart = alt.layer(rect, text, data=grid).properties(width=alt.Step(110), height=alt.Step(24))
    return frame(chart, title=title, subtitle=subtitle, lang=lang)


def _two_lines(text: str, width: int = 18) -> str:
    return "|".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


# Light tints of the Okabe-Ito colours (half way to white): near-black cell text stays above 4.5:1 contrast.
MATRIX_TINTS = ["#F2CF80", "#AAD9F4", "#80CEB9", "#E5BCD3", "#F7F1A0", "#EAAE80", "#80B8D8"]
MATRIX_NOT_REPORTED = "#F2F2F2"  # 'not reported' is its own, empty-looking cell in every column
MATRIX_NOT_REPORTED_TEXT = "–"
MATRIX_COLUMN_STEP = 62  # px per dimension: 11 columns and the names fit the 820-px page of a 1280-px screen
MATRIX_ROW_STEP = 26
MATRIX_KEY_ROW_STEP = 64  # a key cell holds up to five lines of 9.5-px text
MATRIX_CELL_CHARS = 12  # characters of 10-px text that fit a cell; longer labels are cut with '…'
MATRIX_KEY_CHARS = 12
MATRIX_KEY_LINES = 5


def hyphen_wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Lines of at most `width` characters for a narrow cell. A word longer than a line fills the rest of the
    current line and goes on after a hyphen ('maatschappelijk-' / 'werkorganisatie'); the last line ends
    with '…' when the text needs more than max_lines lines."""
    lines: list[str] = [""]
    for word in str(text).split():
        room = width - len(lines[-1]) - (1 if lines[-1] else 0)
        if len(word) <= room:
            lines[-1] += (" " if lines[-1] else "") + word
            continue
        if len(word) <= width:
            lines.append(word)
            continue
        if room < 5:  # too little room to start a long word here
            lines.append("")
            room = width
        while len(word) > room:
            cut = room - 1
            lines[-1] += (" " if lines[-1] else "") + word[:cut] + "-"
            word = word[cut:]
            lines.append("")
            room = width
        lines[-1] = word
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], truncate(" ".join(lines[max_lines - 1:]), width)]
    return lines


def org_matrix_key(
    dimension_values: pd.DataFrame, lang: str, short_labels: Mapping[tuple[str, str], str] | None = None
) -> pd.DataFrame:
    """The codebook with what the matrix draws: per (dimension, value) its colour, cell text and key text.

    Colours are per column (dimension), in codebook order, so the key under each column explains that column
    only; 'not reported' is the same light grey with a dash everywhere. short_labels: the words in the cell
    (from the text catalogue); a value without one shows its full label, cut to fit.
    """
    short_labels = short_labels or {}
    label_col = column("label", lang)
    rows = []
    for dim, part in dimension_values.sort_values(["dimension_ordinal", "ordinal"]).groupby(
        "dimension_id", sort=False
    ):
        tints = iter(MATRIX_TINTS)
        rank = 0
        for rec in part.itertuples():
            reported = rec.value_id != "not_reported"
            label = str(getattr(rec, label_col))
            rows.append({
                "dimension_id": dim,
                "value_id": rec.value_id,
                "value_label": label,
                "short_label": truncate(short_labels.get((dim, rec.value_id), label), MATRIX_CELL_CHARS)
                if reported else MATRIX_NOT_REPORTED_TEXT,
                "colour": next(tints, "#DDDDDD") if reported else MATRIX_NOT_REPORTED,
                "colour_key": f"{dim}:{rec.value_id}",
                "key_rank": rank if reported else None,
                "key_text": LINE_BREAK.join(hyphen_wrap(label, MATRIX_KEY_CHARS, MATRIX_KEY_LINES)),
            })
            rank += 1 if reported else 0
    return pd.DataFrame(rows)


def adjudication_marks(df: pd.DataFrame, text_col: str) -> tuple[pd.Series, pd.Series]:
    """(cell text with '*' after adjudicated codes, coding status in words) for the organisation matrix.

    Reads the columns `agreement` and `status` that dashboard.core.confidence.with_confidence adds; without them
    (no double coding) the text is unchanged and the status empty."""
    text = df[text_col]
    if "agreement" in df.columns:
        text = text + df["agreement"].isin(NOT_AGREED).map({True: "*", False: ""})
    status = df["status"] if "status" in df.columns else pd.Series("", index=df.index)
    return text, status


@_fast
def org_matrix_chart(
    org: pd.DataFrame,
    key: pd.DataFrame,
    dimensions: pd.DataFrame,
    *,
    title: str,
    subtitle: Sequence[str],
    lang: str,
    key_title: str,
):
    """Municipality × dimension with the coded value's short words in each cell, and under each column a key:
    that column's colours with the full value labels. 'Not reported' is a grey dash, never a colour of its own
    meaning. Built from org_matrix_key(); one spec for screen and PNG. With double coding, '*' marks an
    adjudicated cell and the tooltip gives its coding status (adjudication_marks)."""
    w = _w(lang)
    dim_label = column("label", lang)
    val_label = column("value_label", lang)
    just = column("justification", lang)
    dims = dimensions.sort_values("ordinal")
    dim_titles = dict(zip(dims["dimension_id"], dims[dim_label], strict=True))
    order = list(dims[dim_label])
    df = org.merge(key[["dimension_id", "value_id", "short_label", "colour_key"]],
                   on=["dimension_id", "value_id"], how="left")
    df["dimension"] = df["dimension_id"].map(dim_titles)
    df["value_label"] = df[val_label]
    df["justification"] = df[just]
    df["short_label"], df["status"] = adjudication_marks(df, "short_label")
    df = df[["municipality_name", "dimension", "short_label", "colour_key", "value_label", "justification",
             "locator", "status"]]
    colour = alt.Color("colour_key:N", scale=alt.Scale(domain=list(key["colour_key"]), range=list(key["colour"])),
                       legend=None)
    x_top = alt.X("dimension:N", sort=order, title=None,
                  axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=230, labelAlign="left", labelOverlap=False,
                                labelFontSize=11, labelColor="#333333", domain=False, ticks=False))
    y = alt.Y("municipality_name:N", sort=sorted(df["municipality_name"].unique(), key=str.casefold), title=None,
              axis=alt.Axis(labelLimit=160, labelColor="#333333", domain=False, ticks=False))
    tooltip = [
        alt.Tooltip("municipality_name:N", title=w["municipality"]),
        alt.Tooltip("dimension:N", title=w["dimension"]),
        alt.Tooltip("value_label:N", title=w["coded_value"]),
        alt.Tooltip("justification:N", title=w["justification"]),
        alt.Tooltip("locator:N", title=w["locator"]),
        alt.Tooltip("status:N", title=w["coding"]),
    ]
    base = alt.Chart(df).encode(x=x_top, y=y, tooltip=tooltip)
    cells = alt.layer(
        base.mark_rect(stroke="white", strokeWidth=1.5).encode(color=colour),
        base.mark_text(fontSize=10, color="#111111").encode(text="short_label:N"),
    ).properties(width=alt.Step(MATRIX_COLUMN_STEP), height=alt.Step(MATRIX_ROW_STEP))

    legend = key[key["key_rank"].notna()].copy()
    legend["dimension"] = legend["dimension_id"].map(dim_titles)
    legend["key_rank"] = legend["key_rank"].astype(int)
    legend = legend[["dimension", "key_rank", "colour_key", "key_text", "value_label"]]
    x_key = alt.X("dimension:N", sort=order, title=None, axis=None)
    key_y = alt.Y("key_rank:O", axis=None, title=None)
    key_base = alt.Chart(legend).encode(x=x_key, tooltip=[alt.Tooltip("value_label:N", title=w["coded_value"])])
    key_chart = alt.layer(
        key_base.mark_rect(stroke="white", strokeWidth=1.5).encode(y=key_y, color=colour),
        # multi-line text hangs from the top of its cell (a centred baseline would centre only the first line)
        key_base.mark_text(fontSize=9.5, color="#111111", lineBreak=LINE_BREAK, lineHeight=11, baseline="top",
                           dy=5).encode(y=alt.Y("key_rank:O", axis=None, title=None, bandPosition=0),
                                        text="key_text:N"),
    ).properties(
        width=alt.Step(MATRIX_COLUMN_STEP), height=alt.Step(MATRIX_KEY_ROW_STEP),
        title=alt.Title(key_title, anchor="start", fontSize=11, fontWeight="normal", color="#333333"),
    )
    # usermeta: on a projector the 10-px words become 18 px, so the cells grow with them (exports.presentation_spec)
    chart = alt.vconcat(cells, key_chart, spacing=14, usermeta={"presentation_grow": 1.9}).resolve_scale(
        color="shared")
    return frame(chart, title=title, subtitle=subtitle, lang=lang)


def whole_municipality_values(values: pd.DataFrame) -> pd.DataFrame:
    """One value per municipality and indicator: the whole municipality (no district), most recent year.

    Scatter, group contrast and deviation compare municipalities, so district figures and older years are
    left out; which year was used stays visible in the tooltip.
    """
    if values.empty:
        return values
    df = values[values["area"].isna()].copy()
    df["_year"] = df["year"].fillna(-1)
    df = df.sort_values(["indicator_id", "municipality_code", "_year"], ascending=[True, True, False])
    return df.drop_duplicates(["indicator_id", "municipality_code"]).drop(columns="_year")


def chartable_indicators(values: pd.DataFrame, min_values: int = 3) -> list[str]:
    """Indicator ids with a whole-municipality value for at least min_values municipalities, comparable ones only."""
    df = whole_municipality_values(values)
    if df.empty:
        return []
    df = df[df["comparable_across_municipalities"].astype(bool) & ~is_range(df)]  # a range is not a point
    counts = df.groupby("indicator_id")["municipality_code"].nunique()
    return sorted(counts[counts >= min_values].index)


def best_pair(values: pd.DataFrame, eligible: Sequence[str]) -> tuple[str, str] | None:
    """The two eligible indicators that the most municipalities both have (a useful default scatter)."""
    df = whole_municipality_values(values)
    sets = {i: set(df[df["indicator_id"] == i]["municipality_code"]) for i in eligible}
    pairs = [(len(sets[a] & sets[b]), a, b) for i, a in enumerate(eligible) for b in eligible[i + 1 :]]
    if not pairs:
        return None
    best = max(pairs, key=lambda p: (p[0], [-eligible.index(p[1]), -eligible.index(p[2])]))
    return best[1], best[2]


def common_reference(values: pd.Series) -> float | None:
    """The national reference when it is the same for every point, else None."""
    refs = values.dropna().unique()
    if len(values) and values.notna().all() and len(refs) == 1:
        return float(refs[0])
    return None


def reference_status(values: pd.Series) -> str:
    """'same' (one reference for every point), 'differs', or 'none'."""
    if values.notna().sum() == 0:
        return "none"
    return "same" if common_reference(values) is not None else "differs"


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
    excluded = _excluded_names(both[ranged], "name", ["x_label", "y_label"], ["x_qualifier", "y_qualifier"])
    return _with_excluded(both[~ranged].sort_values("name").reset_index(drop=True), excluded)


RANGE_EXCLUDED = "range_excluded"  # DataFrame.attrs key: 'Name (30–50%)' per municipality left out


def _excluded_names(df: pd.DataFrame, name_col: str, label_cols: Sequence[str], qual_cols: Sequence[str]) -> list[str]:
    out = []
    for _, r in df.sort_values(name_col).iterrows():
        labels = [r[lc] for lc, qc in zip(label_cols, qual_cols, strict=True) if r[qc] == "range"]
        out.append(f"{r[name_col]} ({', '.join(labels)})")
    return out


def _range_labels(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    labels = [
        fmt_value(v, u, q, vu, lang)
        for v, u, q, vu in zip(df["value"], df["unit"], df["qualifier"], df["value_upper"], strict=True)
    ]
    return df.assign(range_label=labels)


def _with_excluded(df: pd.DataFrame, excluded: list[str]) -> pd.DataFrame:
    df.attrs[RANGE_EXCLUDED] = list(excluded)
    return df


def excluded_ranges(points: pd.DataFrame) -> list[str]:
    """Municipalities prepare_scatter/prepare_group_contrast/prepare_deviation left out for a range value."""
    return list(points.attrs.get(RANGE_EXCLUDED, []))


@_fast
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
    w = _w(lang)
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
            "x_value:Q", title=wrap(x_title, 70), scale=alt.Scale(zero=False), axis=alt.Axis(format=axis_format(x_unit))
        ),
        y=alt.Y(
            "y_value:Q", title=wrap(y_title, 38), scale=alt.Scale(zero=False), axis=alt.Axis(format=axis_format(y_unit))
        ),
        color=alt.Color(
            "colour_label:N",
            title=wrap(colour_title, 28),
            scale=categorical_scale(present, value_labels),
            legend=alt.Legend(orient="right", direction="vertical", labelLimit=190),
        ),
        size=alt.Size(
            "population:Q",
            title=w["population"],
            scale=alt.Scale(range=[60, 800]),
            legend=alt.Legend(
                format=",.0f", orient="right", values=population_legend_values(points["population"])[-3:]
            ),
        ),
        tooltip=tooltip,
    )
    names = base.mark_text(fontSize=10, dy=-11, color="#333333").encode(x="x_value:Q", y="y_value:Q", text="name:N")
    layers = [pts, names]
    notes = []
    for axis, unit_title in (("x", x_title), ("y", y_title)):
        status = reference_status(points[f"{axis}_national_reference"])
        if status == "same":
            ref = common_reference(points[f"{axis}_national_reference"])
            enc = {axis: alt.datum(ref)}
            layers.insert(0, alt.Chart().mark_rule(color=REFERENCE_COLOUR, strokeDash=[4, 3]).encode(**enc))
            notes.append(f"{unit_title}: {w['ref_rule']} ({fmt_unit(ref, points[f'{axis}_unit'].iloc[0], lang)})")
        elif status == "differs":
            notes.append(f"{unit_title}: {w['ref_differs']}")
        else:
            notes.append(f"{unit_title}: {w['ref_none']}")
    # whole indicator names, wrapped over lines (a cut-off name would hide which axis a note is about)
    lines = [line for n in notes for line in wrap(n, 110)] + range_note(excluded_ranges(points), lang)
    chart = alt.layer(*layers, data=data).properties(width="container", height=560)
    return frame(chart, title=title, subtitle=[*subtitle, *lines], lang=lang)


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
    excluded = _excluded_names(_range_labels(df[ranged], lang), "municipality_name", ["range_label"], ["qualifier"])
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
        fmt_unit(r, u, lang, p) if not is_missing(r) else _w(lang)["no_reference"]
        for r, u in zip(df["national_reference"], df["unit"], strict=True)
    ]
    df = df.sort_values(["group_order", "value"]).reset_index(drop=True)
    # neighbours by value alternate between three lanes, so their name labels overlap less
    df["lane"] = df.groupby("value_id").cumcount() % 3 - 1
    return _with_excluded(df.sort_values(["group_order", "municipality_name"]).reset_index(drop=True), excluded)


@_fast
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
):
    """Every municipality a dot, per coded value of one dimension; n per group in the label; no averages."""
    w = _w(lang)
    groups = list(dict.fromkeys(points["group_label"]))
    present = [v for v in value_order if v in set(points["value_id"])]
    colour_scale = categorical_scale(
        present, {v: lbl for v, lbl in zip(points["value_id"], points["group_label"], strict=True)}
    )
    tooltip = [
        alt.Tooltip("municipality_name:N", title=w["municipality"]),
        alt.Tooltip("group_label:N", title=truncate(group_title, 50)),
        alt.Tooltip("value_label:N", title=w["value"]),
        alt.Tooltip("reference_label:N", title=w["reference"]),
        alt.Tooltip("locator:N", title=w["locator"]),
    ]
    y = alt.Y("group_label:N", sort=groups, title=None, axis=alt.Axis(labelLimit=260))
    lane = alt.YOffset("lane:Q", scale=alt.Scale(domain=[-2, 2]))
    data = points[["municipality_name", "group_label", "value", "value_label", "reference_label", "locator", "lane"]]
    pts = (
        alt.Chart()
        .mark_circle(size=110, opacity=0.85, stroke="#333333", strokeWidth=0.7)
        .encode(
            yOffset=lane,
            x=alt.X(
                "value:Q",
                title=wrap(indicator_title, 80),
                scale=alt.Scale(zero=False),
                axis=alt.Axis(format=axis_format(unit)),
            ),
            y=y,
            color=alt.Color("group_label:N", scale=colour_scale, legend=None),
            tooltip=tooltip,
        )
    )
    names = (
        alt.Chart()
        .mark_text(fontSize=10, dy=-11, color="#333333")
        .encode(x="value:Q", y=y, yOffset=lane, text="municipality_name:N")
    )
    layers = [pts, names]
    status = reference_status(points["national_reference"])
    if status == "same":
        ref = common_reference(points["national_reference"])
        layers.insert(0, alt.Chart().mark_rule(color=REFERENCE_COLOUR, strokeDash=[4, 3]).encode(x=alt.datum(ref)))
        note = f"{w['ref_rule']} ({fmt_unit(ref, unit, lang)})"
    else:
        note = w["ref_differs"] if status == "differs" else w["ref_none"]
    chart = alt.layer(*layers, data=data).properties(width="container", height=alt.Step(90))
    notes = [w["each_point"] + "; " + note, *range_note(excluded_ranges(points), lang)]
    return frame(chart, title=title, subtitle=[*subtitle, *notes], lang=lang)


def prepare_deviation(values: pd.DataFrame, indicator_id: str, lang: str) -> pd.DataFrame:
    """Value minus the national reference per municipality; a range has no single difference: left out,
    named in the chart's subtitle."""
    df = whole_municipality_values(values)
    df = df[(df["indicator_id"] == indicator_id) & df["national_reference"].notna()].copy()
    ranged = is_range(df)
    excluded = _excluded_names(_range_labels(df[ranged], lang), "municipality_name", ["range_label"], ["qualifier"])
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
    return _with_excluded(df.sort_values("deviation").reset_index(drop=True), excluded)


@_fast
def deviation_chart(
    points: pd.DataFrame, *, indicator_title: str, unit: str, title: str, subtitle: Sequence[str], lang: str
):
    """Diverging bars: value minus the national reference the sketch gives, per municipality."""
    w = _w(lang)
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
    tooltip = [
        alt.Tooltip("municipality_name:N", title=w["municipality"]),
        alt.Tooltip("value_label:N", title=w["value"]),
        alt.Tooltip("reference_label:N", title=w["reference"]),
        alt.Tooltip("deviation_label:N", title=w["deviation"]),
        alt.Tooltip("locator:N", title=w["locator"]),
    ]
    y = alt.Y("municipality_name:N", sort=list(points["municipality_name"]), title=None, axis=alt.Axis(labelLimit=160))
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
    bars = (
        alt.Chart()
        .mark_bar(height={"band": 0.65})
        .encode(
            # zero always in the domain: the reference (0) stays visible, also with one municipality
            x=alt.X(
                "deviation:Q",
                title=x_title,
                scale=alt.Scale(zero=True, nice=True),
                axis=alt.Axis(format=axis_format(unit)),
            ),
            y=y,
            color=alt.Color(
                "direction_label:N",
                title=None,
                scale=alt.Scale(
                    domain=[direction_labels[d] for d in present], range=[direction_colours[d] for d in present]
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    zero = alt.Chart().mark_rule(color=REFERENCE_COLOUR).encode(x=alt.datum(0))
    # labels outside the bar end: right of positive bars, left of negative ones
    text_pos = (
        alt.Chart()
        .transform_filter("datum.deviation >= 0")
        .mark_text(fontSize=10, dx=4, align="left", color="#333333")
        .encode(x=alt.X("deviation:Q"), y=y, text="deviation_label:N")
    )
    text_neg = (
        alt.Chart()
        .transform_filter("datum.deviation < 0")
        .mark_text(fontSize=10, dx=-4, align="right", color="#333333")
        .encode(x=alt.X("deviation:Q"), y=y, text="deviation_label:N")
    )
    pad = alt.Chart().mark_point(opacity=0).encode(x=alt.X("pad:Q"), y=y)
    refs = reference_status(points["national_reference"])
    note = (
        f"{w['reference']}: {points['reference_label'].iloc[0]}"
        if refs == "same"
        else t("chart_reference_per_municipality", lang)
    )
    chart = alt.layer(zero, bars, text_pos, text_neg, pad, data=points).properties(
        width="container", height=alt.Step(24)
    )
    return frame(chart, title=title, subtitle=[*subtitle, note, *range_note(excluded, lang)], lang=lang)
