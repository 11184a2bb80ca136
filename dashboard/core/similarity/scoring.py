"""The peer method's numbers: similarity per criterion, a score and coverage per pair, and the ranking."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, dataclass

from dashboard.core.similarity.profiles import NOT_REPORTED, Catalogue, Profile
from dashboard.core.similarity.weights import IND, ORG, SIZE, criteria

LOG_SIZE_SPAN = math.log(10)  # |ln ratio| at which size similarity reaches 0
Z_SPAN = 4.0  # |z_a - z_b| at which indicator similarity reaches 0
MIN_VALUES = 3  # an indicator needs this many municipalities with a value to be standardised
DEFAULT_MIN_COVERAGE = 0.5
# An adjudicated code is less certain than one both coders gave independently: it counts half. A factor, not
# exclusion, because adjudication settles most disagreements from the text; the switch excludes them entirely.
ADJUDICATED_FACTOR = 0.5


@dataclass(frozen=True)
class Scale:
    mean: float
    sd: float
    n: int


@dataclass(frozen=True)
class CriterionResult:
    key: str
    weight: float
    similarity: float | None  # None: skipped for this pair
    reason: str | None = None  # why skipped
    # Keyword-only from here: passed by position, a reference value once landed in `adjudicated`.
    _: KW_ONLY
    adjudicated: bool = False  # an adjudicated code on either side: weight already multiplied by the factor
    ref_value: float | str | None = None  # a number (size, indicator) or a value id (organisation)
    peer_value: float | str | None = None
    other: str | None = None  # other_definition: the peer's indicator id in the same comparability group

    @property
    def used(self) -> bool:
        return self.similarity is not None

    @property
    def kind(self) -> str:
        return "size" if self.key == SIZE else ("indicator" if self.key.startswith(IND) else "org")


@dataclass(frozen=True)
class PeerResult:
    key: str
    name: str
    score: float | None  # None when no criterion could be used
    coverage: float  # used weight / weight available on the reference side
    used_weight: float
    criteria: tuple[CriterionResult, ...]
    rank: int = 0


def fit_scales(profiles: Iterable[Profile], cat: Catalogue, min_values: int = MIN_VALUES) -> dict[str, Scale]:
    """Mean and population sd per comparable indicator over the given municipalities (the data set)."""
    values: dict[str, list[float]] = {}
    for p in profiles:
        for ind, v in p.indicators.items():
            values.setdefault(ind, []).append(v)
    scales = {}
    for ind in cat.comparable_indicators:
        xs = values.get(ind, [])
        if len(xs) < min_values:
            continue
        mean = sum(xs) / len(xs)
        sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))
        if sd > 0:
            scales[ind] = Scale(mean, sd, len(xs))
    return scales


def size_similarity(p_a: float, p_b: float) -> float:
    return 1.0 - min(abs(math.log(p_a / p_b)) / LOG_SIZE_SPAN, 1.0)


def indicator_similarity(x_a: float, x_b: float, scale: Scale) -> float:
    return 1.0 - min(abs(x_a - x_b) / (Z_SPAN * scale.sd), 1.0)


def reference_criteria(
    ref: Profile, cat: Catalogue, weights: Mapping[str, float], scales: Mapping[str, Scale]
) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """Split the weighted criteria into those the reference can use and those it cannot (with why).

    Returns ({criterion: weight} usable, [(criterion, reason)] unusable). What the reference lacks is the
    same for every pair, so it is reported once on the page, not per peer.
    """
    usable: dict[str, float] = {}
    gaps: list[tuple[str, str]] = []
    for key in criteria(cat):
        w = float(weights.get(key, 0.0))
        if w <= 0:
            continue
        if key == SIZE:
            if ref.population is None:
                gaps.append((key, ref.population_issue or "ref_missing"))
                continue
        elif key.startswith(IND):
            ind = key[len(IND) :]
            if ind not in ref.indicators:
                gaps.append((key, ref.indicator_issues.get(ind, "ref_missing")))
                continue
            if ind not in scales:
                gaps.append((key, "too_few_values"))
                continue
        else:
            if key[len(ORG) :] in ref.org_excluded:
                gaps.append((key, "ref_excluded"))
                continue
            if ref.org.get(key[len(ORG) :], NOT_REPORTED) == NOT_REPORTED:
                gaps.append((key, "ref_not_reported"))
                continue
        usable[key] = w
    return usable, gaps


def _group_index(cat: Catalogue) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for ind, d in cat.indicators.items():
        groups.setdefault(d.group, []).append(ind)
    return groups


def compare(
    ref: Profile,
    peer: Profile,
    cat: Catalogue,
    usable: Mapping[str, float],
    scales: Mapping[str, Scale],
    groups: Mapping[str, list[str]] | None = None,
) -> PeerResult:
    """Score one pair over the criteria the reference can use (see reference_criteria)."""
    groups = _group_index(cat) if groups is None else groups
    results = []
    total = used = acc = 0.0
    for key, w in usable.items():
        total += w
        if key == SIZE:
            assert ref.population is not None  # reference_criteria puts SIZE in usable only then
            if peer.population is None:
                r = CriterionResult(key, w, None, peer.population_issue or "peer_missing", ref_value=ref.population)
            else:
                r = CriterionResult(
                    key,
                    w,
                    size_similarity(ref.population, peer.population),
                    ref_value=ref.population,
                    peer_value=peer.population,
                )
        elif key.startswith(IND):
            ind = key[len(IND) :]
            x_ref = ref.indicators[ind]
            if ind in peer.indicators:
                r = CriterionResult(
                    key,
                    w,
                    indicator_similarity(x_ref, peer.indicators[ind], scales[ind]),
                    ref_value=x_ref,
                    peer_value=peer.indicators[ind],
                )
            elif ind in peer.indicator_issues:
                r = CriterionResult(key, w, None, peer.indicator_issues[ind], ref_value=x_ref)
            else:
                others = [
                    o
                    for o in groups.get(cat.indicators[ind].group, [])
                    if o != ind and (o in peer.indicators or o in peer.indicator_issues)
                ]
                if others:
                    r = CriterionResult(key, w, None, "other_definition", ref_value=x_ref, other=others[0])
                else:
                    r = CriterionResult(key, w, None, "peer_missing", ref_value=x_ref)
        else:
            dim = key[len(ORG) :]
            v_ref, v_peer = ref.org[dim], peer.org.get(dim, NOT_REPORTED)
            if dim in peer.org_excluded:
                r = CriterionResult(key, w, None, "peer_excluded", ref_value=v_ref, peer_value=v_peer)
            elif v_peer == NOT_REPORTED:
                r = CriterionResult(key, w, None, "peer_not_reported", ref_value=v_ref, peer_value=v_peer)
            else:
                adjudicated = dim in ref.org_adjudicated or dim in peer.org_adjudicated
                w_pair = w * ADJUDICATED_FACTOR if adjudicated else w
                total += w_pair - w  # the pair's available weight shrinks with it, so coverage is not penalised
                r = CriterionResult(
                    key,
                    w_pair,
                    1.0 if v_ref == v_peer else 0.0,
                    ref_value=v_ref,
                    peer_value=v_peer,
                    adjudicated=adjudicated,
                )
        if r.similarity is not None:  # r.used, spelled out so the type checker sees a number
            used += r.weight
            acc += r.weight * r.similarity
        results.append(r)
    score = acc / used if used > 0 else None
    coverage = used / total if total > 0 else 0.0
    return PeerResult(peer.key, peer.name, score, coverage, used, tuple(results))


def rank_peers(
    ref: Profile,
    candidates: Iterable[Profile],
    cat: Catalogue,
    weights: Mapping[str, float],
    scales: Mapping[str, Scale],
    k: int | None = None,
    min_coverage: float = DEFAULT_MIN_COVERAGE,
) -> list[PeerResult]:
    """All candidates except the reference itself, most similar first; the first k if k is given."""
    usable, _ = reference_criteria(ref, cat, weights, scales)
    groups = _group_index(cat)
    results = [compare(ref, p, cat, usable, scales, groups) for p in candidates if p.key != ref.key]

    def order(r: PeerResult):
        # Rounded so that float noise never beats the name tie-break (determinism).
        score = -1.0 if r.score is None else round(r.score, 9)
        return (r.score is None, r.coverage < min_coverage, -score, -round(r.coverage, 9), r.name.casefold(), r.key)

    results.sort(key=order)
    if k is not None:
        results = results[: max(int(k), 0)]
    return [
        PeerResult(r.key, r.name, r.score, r.coverage, r.used_weight, r.criteria, i + 1) for i, r in enumerate(results)
    ]
