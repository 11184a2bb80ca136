"""Constants the similarity tests share: not_reported, and EQUAL: weight 1 for every criterion (5 for c_growth,
which is never a criterion, whatever its weight)."""

from __future__ import annotations

NR = "not_reported"
EQUAL = {"size": 1.0, "ind.a_pct": 1.0, "ind.b_pct": 1.0, "ind.c_growth": 5.0, "org.scope": 1.0, "org.intake": 1.0}
