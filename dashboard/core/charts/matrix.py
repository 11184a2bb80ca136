"""The organisation matrix: municipality × dimension with the coded value in words, and a key per column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from dashboard.core.charts.base import LINE_BREAK, chart_words, fast_build, frame, word_tooltips
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
        for rec in part.itertuples():
            reported = rec.value_id != "not_reported"
            label = str(getattr(rec, label_col))
            rows.append(
                {
                    "dimension_id": dim,
                    "value_id": rec.value_id,
                    "value_label": label,
                    "short_label": truncate(short_labels.get((dim, rec.value_id), label), MATRIX_CELL_CHARS)
                    if reported
                    else MATRIX_NOT_REPORTED_TEXT,
                    "colour": next(tints, "#DDDDDD") if reported else MATRIX_NOT_REPORTED,
                    "colour_key": f"{dim}:{rec.value_id}",
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


@fast_build
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
    colour = alt.Color(
        "colour_key:N", scale=alt.Scale(domain=list(key["colour_key"]), range=list(key["colour"])), legend=None
    )
    x_top = alt.X(
        "dimension:N",
        sort=order,
        title=None,
        axis=alt.Axis(
            orient="top",
            labelAngle=-40,
            labelLimit=230,
            labelAlign="left",
            labelOverlap=False,
            labelFontSize=11,
            labelColor="#333333",
            domain=False,
            ticks=False,
        ),
    )
    y = alt.Y(
        "municipality_name:N",
        sort=sorted(df["municipality_name"].unique(), key=str.casefold),
        title=None,
        axis=alt.Axis(labelLimit=160, labelColor="#333333", domain=False, ticks=False),
    )
    tooltip = word_tooltips(
        w,
        ("municipality_name", "municipality"),
        ("dimension", "dimension"),
        ("value_label", "coded_value"),
        ("justification", "justification"),
        ("locator", "locator"),
        ("status", "coding"),
    )
    base = alt.Chart(df).encode(x=x_top, y=y, tooltip=tooltip)
    cells = alt.layer(
        base.mark_rect(stroke="white", strokeWidth=1.5).encode(color=colour),
        base.mark_text(fontSize=10, color="#111111").encode(text=alt.Text("short_label:N")),
        width=alt.Step(MATRIX_COLUMN_STEP),
        height=alt.Step(MATRIX_ROW_STEP),
    )

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
        key_base.mark_text(
            fontSize=9.5, color="#111111", lineBreak=LINE_BREAK, lineHeight=11, baseline="top", dy=5
        ).encode(y=alt.Y("key_rank:O", axis=None, title=None, bandPosition=0), text=alt.Text("key_text:N")),
        width=alt.Step(MATRIX_COLUMN_STEP),
        height=alt.Step(MATRIX_KEY_ROW_STEP),
        title=alt.Title(key_title, anchor="start", fontSize=11, fontWeight="normal", color="#333333"),
    )
    # usermeta: on a projector the 10-px words become 18 px, so the cells grow with them (exports.presentation_spec)
    chart = alt.vconcat(
        cells,
        key_chart,
        spacing=14,
        usermeta={"presentation_grow": 1.9},
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="shared")),
    )
    return frame(chart, title=title, subtitle=subtitle, lang=lang)
