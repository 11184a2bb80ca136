"""How the reference's organisational choices compare with its peers': who chose the same, who chose what else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.core.similarity.profiles import NOT_REPORTED, Catalogue, Profile


@dataclass(frozen=True)
class OrgDifference:
    dimension: str
    value: str  # what `count` of the peers chose
    count: int
    n_peers: int
    ref_value: str  # the reference's choice (may be not_reported)
    names: tuple[str, ...] = ()  # the peers that chose `value`, in the order given


def org_differences(ref: Profile, peers: Iterable[Profile], cat: Catalogue) -> list[OrgDifference]:
    """Choices that peers made and the reference did not: most common first, then codebook order."""
    peers = list(peers)
    out = []
    for d_order, (dim, d) in enumerate(cat.dimensions.items()):
        ref_value = ref.org.get(dim, NOT_REPORTED)
        for v_order, vid in enumerate(d.value_ids):
            if vid in (NOT_REPORTED, ref_value):
                continue
            names = tuple(p.name for p in peers if p.org.get(dim) == vid and dim not in p.org_excluded)
            if names:
                out.append(
                    (-len(names), d_order, v_order, OrgDifference(dim, vid, len(names), len(peers), ref_value, names))
                )
    return [x[-1] for x in sorted(out, key=lambda x: x[:3])]


@dataclass(frozen=True)
class OrgComparison:
    dimension: str
    ref_value: str
    same: tuple[str, ...]  # peers with the reference's choice (empty when the reference did not report it)
    other: tuple[tuple[str, tuple[str, ...]], ...]  # (value, peers) for every other reported choice
    not_reported: tuple[str, ...]


def org_comparison(ref: Profile, peers: Iterable[Profile], cat: Catalogue) -> list[OrgComparison]:
    """Per dimension: which peers share the reference's choice, which chose what else, which did not say."""
    peers = list(peers)
    out = []
    for dim, d in cat.dimensions.items():
        ref_value = ref.org.get(dim, NOT_REPORTED)
        shown = [p for p in peers if dim not in p.org_excluded]  # the "agreed only" switch hides the others
        nr = tuple(p.name for p in shown if p.org.get(dim, NOT_REPORTED) == NOT_REPORTED)
        same = tuple(p.name for p in shown if ref_value != NOT_REPORTED and p.org.get(dim) == ref_value)
        other = tuple(
            (v, names)
            for v in d.value_ids
            if v not in (NOT_REPORTED, ref_value)
            for names in [tuple(p.name for p in shown if p.org.get(dim) == v)]
            if names
        )
        out.append(OrgComparison(dim, ref_value, same, other, nr))
    return out
