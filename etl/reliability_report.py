"""The agreement table of `python -m etl reliability`: read from the warehouse, format as plain text. No CLI here."""

from __future__ import annotations

import math

import duckdb

from etl.reliability import TARGET_ALPHA, TENTATIVE_ALPHA

# v_reliability_summary (etl/schema.sql): per dimension the first round next to the last; overall last.
SUMMARY_SQL = """
select coalesce(dimension_id, 'overall') as dimension, first_alpha, first_pct_agreement, last_round, last_alpha,
       last_pct_agreement, last_n_units, tentative, below_target
from v_reliability_summary
order by dimension_ordinal
"""

HEADER = ("dimension", "round 1 alpha", "round 1 %", "last round", "alpha", "%", "n", "status")


def read_reliability(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(SUMMARY_SQL).fetchall()


def status_word(alpha: float | None, tentative: bool) -> str:
    """ok (alpha >= 0.80), below target (0.667 <= alpha < 0.80), tentative (< 0.667), undefined (no variation)."""
    if alpha is None:
        return "undefined (no variation)"
    if tentative:
        return f"tentative (< {TENTATIVE_ALPHA})"
    if alpha < TARGET_ALPHA:
        return f"below target (< {TARGET_ALPHA:.2f})"
    return "ok"


def _num(x: float | None, digits: int) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def format_reliability(rows: list[tuple]) -> str:
    """A fixed-width text table; a sentence instead when the data set has no double coding yet."""
    if not rows:
        return "no double coding in this data set (data/coding/ is missing), so there are no agreement figures"
    body = [
        (
            dim,
            _num(a1, 3),
            _num(p1, 1),
            str(last),
            _num(a, 3),
            _num(p, 1),
            str(n),
            "—" if dim == "overall" else status_word(a, bool(tent)),
        )
        for dim, a1, p1, last, a, p, n, tent, _below in rows
    ]
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER))]
    left = (0, 7)  # dimension and status read left-aligned; numbers right-aligned
    lines = [
        "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in [HEADER, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(
        "alpha: Krippendorff's alpha, nominal (1 = perfect agreement, 0 = no better than chance); "
        "%: share of units both coders coded alike; n: units coded by both (a unit is one municipality "
        "on one dimension)."
    )
    lines.append(
        f"Target alpha >= {TARGET_ALPHA:.2f}; below {TENTATIVE_ALPHA} a dimension is marked tentative. "
        "Overall: disagreements summed over dimensions (see data/README.md)."
    )
    return "\n".join(line.rstrip() for line in lines)
