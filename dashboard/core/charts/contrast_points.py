"""One value per municipality for the contrast charts (scatter, groups, deviation): which values qualify,
whether a national reference is shared, and the ranges left out (named in the subtitle)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from dashboard.core.charts.base import chart_words, is_range, wrap
from dashboard.core.formatting import (
    fmt_value,
)


def whole_municipality_values(values: pd.DataFrame) -> pd.DataFrame:
    """One value per municipality and indicator: the whole municipality (no district), most recent year.

    Scatter, group contrast and deviation compare municipalities, so district figures and older years are
    left out; which year was used stays visible in the tooltip. Applied to its own result it returns the same
    rows in the same order, so the functions below take either raw or already whole values.
    """
    if values.empty:
        return values
    df = values[values["area"].isna()]
    # One stable sort on plain arrays (indicator, municipality, newest year first), then the first row of each
    # pair: the same rows in the same order as sort_values + drop_duplicates, in a third of the time (a
    # contrast page calls this several times for every new filter state).
    indicator = df["indicator_id"].to_numpy(dtype=object)
    municipality = df["municipality_code"].to_numpy(dtype=object)
    newest_first = -df["year"].fillna(-1).to_numpy(dtype="int64")
    order = np.lexsort((newest_first, municipality, indicator))
    indicator, municipality = indicator[order], municipality[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (indicator[1:] != indicator[:-1]) | (municipality[1:] != municipality[:-1])
    return df.iloc[order[first]]


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
    by_indicator = df.groupby("indicator_id")["municipality_code"].agg(set)  # one pass, not one selection each
    sets = {i: by_indicator.get(i, set()) for i in eligible}
    pairs = [(len(sets[a] & sets[b]), a, b) for i, a in enumerate(eligible) for b in eligible[i + 1 :]]
    if not pairs:
        return None
    best = max(pairs, key=lambda p: (p[0], [-eligible.index(p[1]), -eligible.index(p[2])]))
    return best[1], best[2]


def by_coverage(whole: pd.DataFrame, indicator_ids: Sequence[str]) -> list[str]:
    """indicator_ids, the ones most municipalities have a whole-municipality value for first (then by id)."""
    n = whole.groupby("indicator_id")["municipality_code"].nunique()
    return sorted(indicator_ids, key=lambda i: (-int(n.get(i, 0)), i))


def indicator_choices(values: pd.DataFrame) -> dict:
    """What the contrast pages offer for one set of values: the chartable indicators ("eligible"), the default
    pair for the scatter ("pair"), the indicators by coverage for the groups ("by_coverage") and those with a
    national reference for the deviation chart ("with_reference", also ordered by coverage of all values).

    The whole-municipality values are picked once, and once more from the values that have a reference: that
    takes the newest year *with* a reference, which may be older than the newest year."""
    whole = whole_municipality_values(values)
    whole_ref = whole_municipality_values(values[values["national_reference"].notna()])
    eligible = chartable_indicators(whole)
    return {
        "eligible": eligible,
        "pair": (best_pair(whole, eligible) or tuple(eligible[:2])) if len(eligible) >= 2 else None,
        "by_coverage": by_coverage(whole, eligible) if eligible else [],
        "with_reference": by_coverage(whole, chartable_indicators(whole_ref, min_values=1)),
    }


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


def range_note(excluded: Sequence[str], lang: str) -> list[str]:
    """Subtitle line naming the municipalities left out of a point chart because their value is a range."""
    if not excluded:
        return []
    return wrap(f"{chart_words(lang)['range_excluded']}: {'; '.join(excluded)}", 110)


RANGE_EXCLUDED = "range_excluded"  # DataFrame.attrs key: 'Name (30–50%)' per municipality left out


def excluded_names(df: pd.DataFrame, name_col: str, label_cols: Sequence[str], qual_cols: Sequence[str]) -> list[str]:
    out = []
    for _, r in df.sort_values(name_col).iterrows():
        labels = [r[lc] for lc, qc in zip(label_cols, qual_cols, strict=True) if r[qc] == "range"]
        out.append(f"{r[name_col]} ({', '.join(labels)})")
    return out


def range_labels(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    labels = [
        fmt_value(v, u, q, vu, lang)
        for v, u, q, vu in zip(df["value"], df["unit"], df["qualifier"], df["value_upper"], strict=True)
    ]
    return df.assign(range_label=labels)


def with_excluded(df: pd.DataFrame, excluded: list[str]) -> pd.DataFrame:
    df.attrs[RANGE_EXCLUDED] = list(excluded)
    return df


def excluded_ranges(points: pd.DataFrame) -> list[str]:
    """Municipalities prepare_scatter/prepare_group_contrast/prepare_deviation left out for a range value."""
    return list(points.attrs.get(RANGE_EXCLUDED, []))
