"""Agreement between independent coders: Krippendorff's alpha (nominal) and percentage agreement. Pure.

Input is "reliability data": for every unit (here: one municipality on one dimension) the values the coders
gave it, as a sequence; a coder who did not code the unit is simply absent (or None). Values are compared
as labels only (nominal metric: equal or not), so any hashable value works.

Alpha, general form via the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability", section C):

- A unit is *pairable* when at least two coders gave it a value; other units are ignored.
- For a pairable unit with m_u values, every ordered pair of values (c, k) from two different coders adds
  1 / (m_u - 1) to the coincidence o[c, k]. So each pairable unit contributes exactly m_u to the matrix.
- n_c = sum over k of o[c, k]; n = sum of all n_c (the number of pairable values).
- Observed disagreement D_o = sum over c != k of o[c, k] / n.
- Expected disagreement D_e = sum over c != k of n_c * n_k / (n * (n - 1)).
- alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_{c!=k} o[c, k] / sum_{c!=k} n_c * n_k.

Conventions (documented in data/README.md, "How alpha is computed and read"):
- When D_e is 0 (every pairable value is the same, or there is at most one pairable unit with all coders
  agreeing) alpha is *undefined* and returned as None, not 1: the data then show no variation, so they
  cannot show that coders tell values apart. Percentage agreement is still reported (then 100%).
- With no pairable unit at all, alpha and percentage agreement are both None.
- Percentage agreement = share of pairable units on which every coder gave the same value (for two coders:
  the plain share of units both coded alike). Values 0..100.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

# Krippendorff's usual thresholds: >= 0.800 to draw conclusions, >= 0.667 for tentative conclusions only.
TARGET_ALPHA = 0.80
TENTATIVE_ALPHA = 0.667


@dataclass(frozen=True)
class Agreement:
    n_units: int  # pairable units (coded by at least two coders)
    n_values: int  # pairable values (n in the formula)
    pct_agreement: float | None  # 0..100; None without pairable units
    alpha: float | None  # None when undefined (no variation or no pairable units)


def _pairable(units: Iterable[Sequence[Hashable | None]]) -> list[list[Hashable]]:
    out = []
    for unit in units:
        values = [v for v in unit if v is not None]
        if len(values) >= 2:
            out.append(values)
    return out


def coincidences(units: Iterable[Sequence[Hashable | None]]) -> dict[tuple[Hashable, Hashable], float]:
    """The coincidence matrix o[(c, k)] of the pairable units (see module docstring)."""
    matrix: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)  # pairs / (m - 1): fractional
    for values in _pairable(units):
        m = len(values)
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                # ordered pairs of values from different coders: n_c * n_k, minus the value paired with itself
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    matrix[(c, k)] += pairs / (m - 1)
    return matrix


def krippendorff_alpha_nominal(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data; None when undefined (see module docstring)."""
    matrix = coincidences(units)
    marginals: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _k), o in matrix.items():
        marginals[c] += o
    n = sum(marginals.values())
    if n <= 1:
        return None
    observed = sum(o for (c, k), o in matrix.items() if c != k)
    # sum over c != k of n_c * n_k = n^2 - sum of n_c^2
    expected = n * n - sum(v * v for v in marginals.values())
    if expected <= 1e-12:
        return None
    return 1.0 - (n - 1) * observed / expected


def percentage_agreement(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Share (0..100) of pairable units on which all coders gave the same value; None without such units."""
    pairable = _pairable(units)
    if not pairable:
        return None
    return 100.0 * sum(1 for values in pairable if len(set(values)) == 1) / len(pairable)


def agreement(units: Iterable[Sequence[Hashable | None]]) -> Agreement:
    units = list(units)
    pairable = _pairable(units)
    return Agreement(
        n_units=len(pairable),
        n_values=sum(len(v) for v in pairable),
        pct_agreement=percentage_agreement(units),
        alpha=krippendorff_alpha_nominal(units),
    )


def is_tentative(alpha: float | None) -> bool:
    """Below the level for tentative conclusions. An undefined alpha is not flagged here (no variation)."""
    return alpha is not None and alpha < TENTATIVE_ALPHA


def below_target(alpha: float | None) -> bool:
    """Not shown to reach the 0.80 target: below it, or undefined (then nothing shows it was reached)."""
    return alpha is None or alpha < TARGET_ALPHA


def pooled_alpha_nominal(groups: Iterable[Iterable[Sequence[Hashable | None]]]) -> float | None:
    """One alpha for several variables (here: all dimensions), each keeping its own expected disagreement.

    Putting every unit of every dimension into one matrix would count pairs of values from *different*
    dimensions as expected disagreement, which can never occur, and inflate alpha. Instead the disagreements
    are added up per dimension: alpha = 1 - sum_g n_g * D_o,g / sum_g n_g * D_e,g, which for one group is the
    ordinary alpha. Groups without variation add nothing; None when no group has any.
    """
    observed = expected = 0.0
    for units in groups:
        matrix = coincidences(units)
        marginals: defaultdict[Hashable, float] = defaultdict(float)
        for (c, _k), o in matrix.items():
            marginals[c] += o
        n = sum(marginals.values())
        if n <= 1:
            continue
        observed += sum(o for (c, k), o in matrix.items() if c != k)  # n * D_o
        expected += (n * n - sum(v * v for v in marginals.values())) / (n - 1)  # n * D_e
    if expected <= 1e-12:
        return None
    return 1.0 - observed / expected
