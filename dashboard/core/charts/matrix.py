"""The organisation matrix: municipality × dimension with the coded value in words, and a key per column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.core.charts.base import LINE_BREAK, chart_words, framed_spec, named_data, word_tooltips
from dashboard.core.filters import NOT_AGREED
from dashboard.core.formatting import (
    truncate,
)
from dashboard.core.i18n import column

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
        rest = word
        while len(rest) > room:
            cut = room - 1
            lines[-1] += (" " if lines[-1] else "") + rest[:cut] + "-"
            rest = rest[cut:]
            lines.append("")
            room = width
        lines[-1] = rest
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], truncate(" ".join(lines[max_lines - 1 :]), width)]
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
    for dim, part in dimension_values.sort_values(["dimension_ordinal", "ordinal"]).groupby("dimension_id", sort=False):
        tints = iter(MATRIX_TINTS)
        rank = 0
        for value_id, label_value in zip(part["value_id"], part[label_col], strict=True):
            reported = value_id != "not_reported"
            label = str(label_value)
            rows.append(
                {
                    "dimension_id": dim,
                    "value_id": value_id,
                    "value_label": label,
                    "short_label": truncate(short_labels.get((dim, value_id), label), MATRIX_CELL_CHARS)
                    if reported
                    else MATRIX_NOT_REPORTED_TEXT,
                    "colour": next(tints, "#DDDDDD") if reported else MATRIX_NOT_REPORTED,
                    "colour_key": f"{dim}:{value_id}",
                    "key_rank": rank if reported else None,
                    "key_text": LINE_BREAK.join(hyphen_wrap(label, MATRIX_KEY_CHARS, MATRIX_KEY_LINES)),
                }
            )
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


def org_matrix_chart(
    org: pd.DataFrame,
    key: pd.DataFrame,
    dimensions: pd.DataFrame,
    *,
    title: str,
    subtitle: Sequence[str],
    lang: str,
    key_title: str,
) -> dict:
    """Municipality × dimension with the coded value's short words in each cell, and under each column a key:
    that column's colours with the full value labels. 'Not reported' is a grey dash, never a colour of its own
    meaning. Built from org_matrix_key(); one spec for screen and PNG. With double coding, '*' marks an
    adjudicated cell and the tooltip gives its coding status (adjudication_marks)."""
    w = chart_words(lang)
    dim_label = column("label", lang)
    val_label = column("value_label", lang)
    just = column("justification", lang)
    dims = dimensions.sort_values("ordinal")
    dim_titles = dict(zip(dims["dimension_id"], dims[dim_label], strict=True))
    order = list(dims[dim_label])
    df = org.merge(
        key[["dimension_id", "value_id", "short_label", "colour_key"]], on=["dimension_id", "value_id"], how="left"
    )
    df["dimension"] = df["dimension_id"].map(dim_titles)
    df["value_label"] = df[val_label]
    df["justification"] = df[just]
    df["short_label"], df["status"] = adjudication_marks(df, "short_label")
    df = df[
        [
            "municipality_name",
            "dimension",
            "short_label",
            "colour_key",
            "value_label",
            "justification",
            "locator",
            "status",
        ]
    ]
    datasets: dict = {}
    colour = {
        "field": "colour_key",
        "legend": None,
        "scale": {"domain": list(key["colour_key"]), "range": list(key["colour"])},
        "type": "nominal",
    }
    x_top = {
        "axis": {
            "domain": False,
            "labelAlign": "left",
            "labelAngle": -40,
            "labelColor": "#333333",
            "labelFontSize": 11,
            "labelLimit": 230,
            "labelOverlap": False,
            "orient": "top",
            "ticks": False,
        },
        "field": "dimension",
        "sort": order,
        "title": None,
        "type": "nominal",
    }
    y = {
        "axis": {"domain": False, "labelColor": "#333333", "labelLimit": 160, "ticks": False},
        "field": "municipality_name",
        "sort": sorted(df["municipality_name"].unique(), key=str.casefold),
        "title": None,
        "type": "nominal",
    }
    tooltip = word_tooltips(
        w,
        ("municipality_name", "municipality"),
        ("dimension", "dimension"),
        ("value_label", "coded_value"),
        ("justification", "justification"),
        ("locator", "locator"),
        ("status", "coding"),
    )
    cells = {
        "data": named_data(df, datasets),
        "height": {"step": MATRIX_ROW_STEP},
        "layer": [
            {
                "encoding": {"color": colour, "tooltip": tooltip, "x": x_top, "y": y},
                "mark": {"stroke": "white", "strokeWidth": 1.5, "type": "rect"},
            },
            {
                "encoding": {
                    "text": {"field": "short_label", "type": "nominal"},
                    "tooltip": tooltip,
                    "x": x_top,
                    "y": y,
                },
                "mark": {"color": "#111111", "fontSize": 10, "type": "text"},
            },
        ],
        "width": {"step": MATRIX_COLUMN_STEP},
    }

    legend = key[key["key_rank"].notna()].copy()
    legend["dimension"] = legend["dimension_id"].map(dim_titles)
    legend["key_rank"] = legend["key_rank"].astype(int)
    legend = legend[["dimension", "key_rank", "colour_key", "key_text", "value_label"]]
    x_key = {"axis": None, "field": "dimension", "sort": order, "title": None, "type": "nominal"}
    key_y = {"axis": None, "field": "key_rank", "title": None, "type": "ordinal"}
    key_tooltip = word_tooltips(w, ("value_label", "coded_value"))
    key_chart = {
        "data": named_data(legend, datasets),
        "height": {"step": MATRIX_KEY_ROW_STEP},
        "layer": [
            {
                "encoding": {"color": colour, "tooltip": key_tooltip, "x": x_key, "y": key_y},
                "mark": {"stroke": "white", "strokeWidth": 1.5, "type": "rect"},
            },
            # multi-line text hangs from the top of its cell (a centred baseline would centre only the first line)
            {
                "encoding": {
                    "text": {"field": "key_text", "type": "nominal"},
                    "tooltip": key_tooltip,
                    "x": x_key,
                    "y": {**key_y, "bandPosition": 0},
                },
                "mark": {
                    "baseline": "top",
                    "color": "#111111",
                    "dy": 5,
                    "fontSize": 9.5,
                    "lineBreak": LINE_BREAK,
                    "lineHeight": 11,
                    "type": "text",
                },
            },
        ],
        "title": {"anchor": "start", "color": "#333333", "fontSize": 11, "fontWeight": "normal", "text": key_title},
        "width": {"step": MATRIX_COLUMN_STEP},
    }
    # usermeta: on a projector the 10-px words become 18 px, so the cells grow with them (exports.presentation_spec)
    body = {
        "resolve": {"scale": {"color": "shared"}},
        "spacing": 14,
        "usermeta": {"presentation_grow": 1.9},
        "vconcat": [cells, key_chart],
    }
    return framed_spec(body, datasets, title=title, subtitle=subtitle, lang=lang)
