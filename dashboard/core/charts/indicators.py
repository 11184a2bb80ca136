"""Indicator rows (profile, compare): one row per indicator definition, each with its own axis, and the notes
that say why definitions stay apart."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.core.charts.base import (
    BAR_COLOUR,
    LINE_BREAK,
    RANGE_COLOUR,
    REFERENCE_COLOUR,
    chart_words,
    framed_spec,
    is_range,
    named_data,
    word_tooltips,
    wrap,
)
from dashboard.core.formatting import (
    fmt_unit,
    fmt_value,
    is_missing,
    truncate,
)
from dashboard.core.i18n import column, t
from dashboard.core.precision import decimals_by
from dashboard.core.responsive import container_range

LABEL_CHARS = 38  # characters per line in the label column of indicator_rows_chart
LABEL_MAX_LINES = 4  # beyond that the label ends with '…' (the tooltip keeps the whole note)
RESPONSIVE_MIN_WIDTH = 110  # pixels: the narrowest bar area (a 390-pixel phone)
LABEL_WIDTH = 215  # pixels: LABEL_CHARS characters of 11 px text, plus a margin
LABEL_LINE_HEIGHT = 13  # Vega's default line height for 11 px text
# Under NARROW_WINDOW pixels (a phone) the label column and the row titles are narrower, so the whole chart fits
# a 390-pixel screen: labels wrap at LABEL_CHARS_NARROW characters, titles at HEADER_CHARS_NARROW (12 px bold).
NARROW_WINDOW = 600
LABEL_CHARS_NARROW = 18
LABEL_MAX_LINES_NARROW = 6
LABEL_WIDTH_NARROW = 110
HEADER_CHARS = 40
HEADER_CHARS_NARROW = 30
HEADER_SEP = "\u241e"  # between the wide and the narrow wrapping of a row title (one header value holds both)
NARROW = f"(isValid(windowSize()[0]) && windowSize()[0] > 0 && windowSize()[0] < {NARROW_WINDOW})"


def label_lines(text: str, width: int = LABEL_CHARS, max_lines: int = LABEL_MAX_LINES) -> list[str]:
    """A bar label split into lines for the label column; long words are never cut."""
    lines = wrap(text, width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], truncate(" ".join(lines[max_lines - 1 :]), width)]
    return lines


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
    w = chart_words(lang)
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


def indicator_rows_chart(
    rows: pd.DataFrame, *, title: str, subtitle: Sequence[str], lang: str, width: int = 520
) -> dict:
    """One row per indicator definition (row_key), each with its own x axis; bar = value, tick = reference.

    Rows of different definitions never share an axis (resolve_scale x independent); within one row the
    bars share one axis, so municipalities (or areas/years) are compared on one definition only.
    A range (qualifier 'range') is a solid bar up to the lower bound and a lighter bar on to the upper bound,
    labelled '30–50%'. Bar labels are drawn as multi-line text in a fixed label column, so a long label is
    wrapped, never cut off: the lines are split here (label_lines) and joined with LINE_BREAK, which the text
    mark breaks on (mark lineBreak). Not a list-valued field: Streamlit sends data as Arrow, and a list arrives
    in Vega as one string '[a,b]'.
    """
    w = chart_words(lang)
    label_width = {"expr": f"{NARROW} ? {LABEL_WIDTH_NARROW} : {LABEL_WIDTH}"}
    data = rows.copy()
    lines = data["bar_label"].map(label_lines)
    narrow = data["bar_label"].map(lambda s: label_lines(s, LABEL_CHARS_NARROW, LABEL_MAX_LINES_NARROW))
    data["bar_text"] = lines.map(LINE_BREAK.join)
    data["bar_text_narrow"] = narrow.map(LINE_BREAK.join)
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
    # row titles wrap over lines (about 260 px at 12 px bold; 200 px on a phone), so a phone shows them whole;
    # the header value holds both wrappings and labelExpr picks one by the window's width
    titles = {
        k: LINE_BREAK.join(wrap(v, HEADER_CHARS)) + HEADER_SEP + LINE_BREAK.join(wrap(v, HEADER_CHARS_NARROW))
        for k, v in zip(data["row_key"], data["row_title"], strict=False)
    }
    data["row_header"] = data["row_key"].map(titles)
    header_order = [titles[k] for k in order]
    header_expr = f"split(split(datum.value, {json.dumps(HEADER_SEP)})[{NARROW} ? 1 : 0], {json.dumps(LINE_BREAK)})"
    n_lines = max(int(lines.map(len).max()), int(narrow.map(len).max())) if len(data) else 1
    step = max(24, LABEL_LINE_HEIGHT * n_lines + 12)
    # the axis draws no labels but keeps the label column free; the text layer below fills it
    y = {
        "axis": {"labels": False, "maxExtent": label_width, "minExtent": label_width, "ticks": False},
        "field": "bar_label",
        "sort": None,
        "title": None,
        "type": "nominal",
    }
    tooltip = word_tooltips(
        w,
        ("row_title", "indicator"),
        ("municipality_name", "municipality"),
        ("context", "area"),
        ("value_label", "value"),
        ("reference_label", "reference"),
        ("source_title", "source"),
        ("locator", "locator"),
        ("note", "note"),
    )
    # the bars follow the page width (dashboard.core.responsive); exports keep `width`
    x = {
        "axis": {"format": ",.4~f", "grid": True, "tickCount": 4},
        "field": "value",
        "scale": {
            "range": container_range(
                width, f"({NARROW} ? {LABEL_WIDTH_NARROW + 40} : {LABEL_WIDTH + 40})", low=RESPONSIVE_MIN_WIDTH
            )
        },
        "title": None,
        "type": "quantitative",
    }
    value_text = {"field": "value_label", "type": "nominal"}
    text_x = {"field": "text_x", "type": "quantitative"}
    bars = {
        "encoding": {"tooltip": tooltip, "x": x, "y": y},
        "mark": {"color": BAR_COLOUR, "height": {"band": 0.6}, "type": "bar"},
    }
    spans = {
        "encoding": {
            "tooltip": tooltip,
            "x": {"field": "range_start", "type": "quantitative"},
            "x2": {"field": "range_end"},
            "y": y,
        },
        "mark": {
            "color": RANGE_COLOUR,
            "height": {"band": 0.6},
            "stroke": BAR_COLOUR,
            "strokeDash": [3, 2],
            "strokeWidth": 1,
            "type": "bar",
        },
        "transform": [{"filter": "isValid(datum.range_end)"}],
    }
    ref = {
        "encoding": {"tooltip": tooltip, "x": {"field": "national_reference", "type": "quantitative"}, "y": y},
        "mark": {"color": REFERENCE_COLOUR, "size": 18, "thickness": 2.5, "type": "tick"},
    }
    halo = {
        "encoding": {"text": value_text, "x": text_x, "y": y},
        "mark": {
            "align": "left",
            "dx": 5,
            "fontSize": 11,
            "stroke": "white",
            "strokeJoin": "round",
            "strokeWidth": 4,
            "type": "text",
        },
    }
    text = {
        "encoding": {"text": value_text, "x": text_x, "y": y},
        "mark": {"align": "left", "color": "#222", "dx": 5, "fontSize": 11, "type": "text"},
    }
    labels = {
        "encoding": {
            "text": {"field": "bar_text_shown", "type": "nominal"},
            "tooltip": tooltip,
            "x": {"value": -8},
            "y": y,
        },
        # line height: Vega's default, font size + 2 (also when presentation mode enlarges it)
        "mark": {
            "align": "right",
            "baseline": "middle",
            "color": "#555555",
            "fontSize": 11,
            "lineBreak": LINE_BREAK,
            "type": "text",
        },
        "transform": [{"as": "bar_text_shown", "calculate": f"{NARROW} ? datum.bar_text_narrow : datum.bar_text"}],
    }
    pad = {
        "encoding": {"x": {"field": "x_pad", "type": "quantitative"}, "y": y},
        "mark": {"opacity": 0, "type": "point"},
    }
    data = data[
        [
            "row_header",
            "bar_label",
            "bar_text",
            "bar_text_narrow",
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
    datasets: dict = {}
    body = {
        "data": named_data(data, datasets),
        "facet": {
            "row": {
                "field": "row_header",
                "header": {
                    "labelAlign": "left",
                    "labelAnchor": "start",
                    "labelAngle": 0,
                    "labelExpr": header_expr,
                    "labelFontSize": 12,
                    "labelFontWeight": "bold",
                    "labelLimit": 620,
                    "labelOrient": "top",
                    "labelPadding": 4,
                },
                "sort": header_order,
                "title": None,
                "type": "nominal",
            }
        },
        "resolve": {"scale": {"x": "independent", "y": "independent"}},
        "spacing": 14,
        # the x range sets the drawn width
        "spec": {
            "height": {"step": step},
            "layer": [bars, spans, ref, halo, text, labels, pad],
            "width": RESPONSIVE_MIN_WIDTH,
        },
    }
    notes = [*wrap(w["ref_tick"]), *wrap(w["own_axis"])]
    if ranged.any():
        notes += wrap(w["range_bar"])
    return framed_spec(body, datasets, title=title, subtitle=[*subtitle, *notes], lang=lang)


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
