"""Text alternatives for charts: a one-sentence summary per chart family, a table view of the same numbers,
and the spec settings that give the drawn SVG one accessible name instead of many unnamed mark groups.

Pure functions (no Streamlit): the chart panel shows summary() next to every chart and table_view() in an
expander, and draws accessible_spec() instead of the bare spec, so screen readers get one description of the
whole chart (axe rule svg-img-alt) and the numbers stay readable without seeing the marks.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from dashboard.core.formatting import fmt_list
from dashboard.core.i18n import t

FAMILIES = ("map", "indicator_rows", "heatmap", "org_matrix", "scatter", "groups", "deviation", "peers")


def accessible_spec(spec: Mapping[str, Any], description: str) -> dict[str, Any]:
    """A copy of spec whose drawing carries description as its accessible name and hides marks and guides
    from assistive technology (they have no names of their own; the description and the table carry them)."""
    out = copy.deepcopy(dict(spec))
    out["description"] = description
    config = dict(out.get("config") or {})
    config["aria"] = False
    for part in ("mark", "axis", "legend", "title"):
        config[part] = {**(config.get(part) or {}), "aria": False}
    out["config"] = config
    return out


def _names(series: pd.Series) -> int:
    return int(series.dropna().nunique())


def _map(data: pd.DataFrame, lang: str) -> str:
    counts = data["colour_label"].value_counts()
    # most frequent first; equal counts in alphabetical order, so the sentence does not depend on row order
    parts = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]).casefold()))
    groups = fmt_list([f"{n} {label}" for label, n in parts], lang)
    return t("ctext_map", lang, n=_names(data["name"]), groups=groups)


def _indicator_rows(data: pd.DataFrame, lang: str) -> str:
    m = _names(data["municipality_name"])
    places = t("ctext_one_municipality" if m == 1 else "ctext_municipalities", lang, m=m)
    return t("ctext_indicator_rows", lang, n=len(data), k=_names(data["row_key"]), places=places)


def _heatmap(data: pd.DataFrame, lang: str) -> str:
    shown = data[data["n_practices"] > 0]
    return t(
        "ctext_heatmap",
        lang,
        m=_names(shown["municipality_code"]),
        f=_names(shown["basic_function_id"]),
        n=int(shown["n_practices"].sum()),
    )


def _org_matrix(data: pd.DataFrame, lang: str) -> str:
    return t("ctext_org_matrix", lang, m=_names(data["municipality_code"]), d=_names(data["dimension_id"]))


def _extremes(data: pd.DataFrame, value: str, label: str, name: str) -> tuple[str, str]:
    """'Name (label)' of the lowest and the highest value; ties go to the alphabetically first name."""
    ordered = data.sort_values([value, name], key=lambda s: s if s.name == value else s.str.casefold())
    low, high = ordered.iloc[0], ordered.sort_values(value, ascending=False, kind="stable").iloc[0]
    return f"{low[name]} ({low[label]})", f"{high[name]} ({high[label]})"


def _scatter(data: pd.DataFrame, lang: str) -> str:
    if data.empty:
        return t("ctext_empty", lang)
    x_low, x_high = _extremes(data, "x_value", "x_label", "name")
    y_low, y_high = _extremes(data, "y_value", "y_label", "name")
    return t("ctext_scatter", lang, n=len(data), x_low=x_low, x_high=x_high, y_low=y_low, y_high=y_high)


def _groups(data: pd.DataFrame, lang: str) -> str:
    if data.empty:
        return t("ctext_empty", lang)
    low, high = _extremes(data, "value", "value_label", "municipality_name")
    return t("ctext_groups", lang, n=_names(data["municipality_code"]), g=_names(data["value_id"]), low=low, high=high)


def _deviation(data: pd.DataFrame, lang: str) -> str:
    if data.empty:
        return t("ctext_empty", lang)
    counts = data["direction"].value_counts()
    largest = data.loc[data["deviation"].abs().sort_values(ascending=False, kind="stable").index[0]]
    return t(
        "ctext_deviation",
        lang,
        above=int(counts.get("above", 0)),
        below=int(counts.get("below", 0)),
        equal=int(counts.get("equal", 0)),
        name=largest["municipality_name"],
        difference=largest["deviation_label"],
    )


def _peers(data: pd.DataFrame, lang: str) -> str:
    """From charts.prepare_peer_scores: the number of peers and the most similar one."""
    best = data.sort_values("rank").iloc[0]
    return t("ctext_peers", lang, n=len(data), name=best["name"], score=best["score_label"])


SUMMARIES: dict[str, Callable[[pd.DataFrame, str], str]] = {
    "map": _map,
    "indicator_rows": _indicator_rows,
    "heatmap": _heatmap,
    "org_matrix": _org_matrix,
    "scatter": _scatter,
    "groups": _groups,
    "deviation": _deviation,
    "peers": _peers,
}


def summary(family: str, data: pd.DataFrame, lang: str) -> str:
    """One sentence, from the chart's own rows, saying what the chart shows."""
    if data is None or data.empty:
        return t("ctext_empty", lang)
    return SUMMARIES[family](data, lang)


def description(title: str | None, family: str, data: pd.DataFrame, lang: str) -> str:
    """Title plus summary: the accessible name of the drawn chart."""
    text = summary(family, data, lang)
    return f"{title}. {text}" if title else text


# The columns a reader needs per family, in reading order, with their catalogue key for the header.
TABLE_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "map": [
        ("name", "ctext_col_municipality"),
        ("province", "ctext_col_province"),
        ("population_label", "ctext_col_population"),
        ("colour_label", "ctext_col_colour"),
        ("teams_label", "ctext_col_teams"),
    ],
    "indicator_rows": [
        ("row_title", "ctext_col_indicator"),
        ("bar_label", "ctext_col_bar"),
        ("value_label", "ctext_col_value"),
        ("reference_label", "ctext_col_reference"),
        ("source_title", "ctext_col_source"),
        ("locator", "ctext_col_locator"),
    ],
    "heatmap": [
        ("name", "ctext_col_municipality"),
        ("basic_function_id", "ctext_col_function"),
        ("n_practices", "ctext_col_practices"),
    ],
    "scatter": [
        ("name", "ctext_col_municipality"),
        ("x_label", "ctext_col_x"),
        ("y_label", "ctext_col_y"),
        ("colour_label", "ctext_col_colour"),
    ],
    "groups": [
        ("group_label", "ctext_col_group"),
        ("municipality_name", "ctext_col_municipality"),
        ("value_label", "ctext_col_value"),
        ("reference_label", "ctext_col_reference"),
    ],
    "deviation": [
        ("municipality_name", "ctext_col_municipality"),
        ("value_label", "ctext_col_value"),
        ("reference_label", "ctext_col_reference"),
        ("deviation_label", "ctext_col_difference"),
    ],
    "peers": [
        ("name", "peers_col_peer"),
        ("score_label", "peers_col_score"),
        ("coverage_label", "peers_col_coverage"),
    ],
}


def table_view(family: str, data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chart's numbers as a table with headers in lang; families without a column list show their rows."""
    columns = [(c, key) for c, key in TABLE_COLUMNS.get(family, []) if c in data.columns]
    if not columns:
        return data.reset_index(drop=True)
    return data[[c for c, _ in columns]].rename(columns={c: t(key, lang) for c, key in columns}).reset_index(drop=True)


_REFERENCE_IN_LABEL = re.compile(r"\s*\(ref\.[^)]*\)|,\s*ref\.[^)]*(?=\))")


def without_reference(label: str) -> str:
    """An indicator label without the reference it names ('Laag opgeleid (beroepsbevolking, ref. 14,6%)' ->
    'Laag opgeleid (beroepsbevolking)'), for axes of charts that do not draw that reference as such: the
    chart's own note says whether and where a reference is drawn."""
    return _REFERENCE_IN_LABEL.sub("", label).strip()
