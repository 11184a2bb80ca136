"""One precision per indicator within a chart: every figure of one indicator gets the same decimals."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.core.formatting import shared_decimals


def decimals_by(df: pd.DataFrame, key: str | None, columns: Sequence[str]) -> pd.Series:
    """Per row, the decimals that show every figure in `columns` of the rows sharing its `key` (None: all rows
    are one indicator) exactly; aligned with df's index."""
    cols = [c for c in columns if c in df.columns]
    if df.empty:
        return pd.Series([], index=df.index, dtype=int)
    groups = [(None, df)] if key is None else df.groupby(key, sort=False)
    out = pd.Series(0, index=df.index, dtype=int)
    for _, part in groups:
        figures = pd.to_numeric(part[cols].stack(), errors="coerce") if cols else pd.Series(dtype=float)
        out.loc[part.index] = shared_decimals(*figures.tolist())
    return out
