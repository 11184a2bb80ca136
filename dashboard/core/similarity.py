"""Peer similarity: which of the sixteen municipalities are most like a reference? Pure: no Streamlit.

The method (also on the page and in data/README.md, "Peer similarity method"):

* Criteria. One *size* criterion, one criterion per comparable indicator id, one per organisational-model
  dimension. Each gets a weight >= 0; weight 0 removes the criterion.
* Size. Compared on log(population): s = 1 - min(|ln(p_a / p_b)| / ln(10), 1). Equal size gives 1, a
  factor 2 gives 0.70, a factor 10 or more gives 0. A fixed scale (not the spread of the sixteen) so that
  "35% smaller" means the same whatever else is in the data.
* Indicators. Only values of the *same indicator id* are compared (one id = one definition); ids marked
  comparable_across_municipalities: false are never criteria. Values are standardised over the
  municipalities in the data set (z = (x - mean) / sd, population sd, at least MIN_VALUES values and sd > 0,
  else the indicator is skipped), and s = 1 - min(|z_a - z_b| / 4, 1): four standard deviations apart or
  more gives 0. Only point values count (qualifier exact or "ca."); a bound ("meer dan"), a range or a
  figure for one district is skipped, never turned into a number.
* Organisation. Match = 1, mismatch = 0; not_reported on either side skips the criterion for that pair.
  Confidence in the coding (data/coding/, issue 10): a code that was *adjudicated* (the two independent
  coders disagreed) or *single_coded* (a municipality no coder file names yet) on either side counts with
  ADJUDICATED_FACTOR (0.5) times its weight for that pair;
  a *tentative* dimension (last-round Krippendorff's alpha < 0.667) starts with weight 0 in every preset
  (the user may raise it); with the sidebar switch "only codes both coders agreed on", adjudicated codes
  are left out like a missing value (reason `*_excluded`), never read as "not reported".
* Score = sum(w * s) / sum(w) over the criteria available for that pair (normalised by the weight actually
  used). Coverage = that used weight / the weight of all criteria the reference itself has a value for.
  Missing values are skipped and reported, never imputed.
* Ranking. Pairs with coverage below `min_coverage` go after the others (so a peer that matches on one
  criterion is not ranked as a perfect match); within each group by score, then coverage, then name.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.filters import NOT_AGREED
from dashboard.core.formatting import fmt_list, fmt_number, fmt_unit, shared_decimals
from dashboard.core.i18n import column, lang_code, t

SIZE = "size"
IND = "ind."
ORG = "org."
NOT_REPORTED = "not_reported"
OWN_KEY = "__own__"  # the key of a user-entered reference; never a municipality code

LOG_SIZE_SPAN = math.log(10)  # |ln ratio| at which size similarity reaches 0
Z_SPAN = 4.0  # |z_a - z_b| at which indicator similarity reaches 0
MIN_VALUES = 3  # an indicator needs this many municipalities with a value to be standardised
DEFAULT_MIN_COVERAGE = 0.5
MAX_WEIGHT = 5.0
POINT_QUALIFIERS = frozenset({"exact", "approx"})
# An adjudicated code is less certain than one both coders gave independently: it counts half. A factor, not
# exclusion, because adjudication settles most disagreements from the text; the switch excludes them entirely.
ADJUDICATED_FACTOR = 0.5

# Weight presets. Size counts as much as three single criteria because it drives most of what a team faces.
PRESETS = ("default", "organisation", "context")
_PRESET_BLOCKS = {  # (size, each indicator, each org dimension)
    "default": (3.0, 1.0, 1.0),
    "organisation": (0.0, 0.0, 1.0),
    "context": (3.0, 1.0, 0.0),
}


# --- the data the method works on ---------------------------------------------------------------------

@dataclass(frozen=True)
class IndicatorDef:
    id: str
    label_nl: str
    label_en: str
    unit: str  # percent | euro | count | years
    group: str  # comparability_group: same theme, possibly another definition
    comparable: bool = True
    definition_nl: str = ""
    definition_en: str = ""

    def label(self, lang: str) -> str:
        return getattr(self, column("label", lang))


@dataclass(frozen=True)
class DimensionDef:
    id: str
    label_nl: str
    label_en: str
    values: tuple[tuple[str, str, str], ...]  # (value_id, label_nl, label_en), in codebook order

    def label(self, lang: str) -> str:
        return getattr(self, column("label", lang))

    def value_label(self, value_id: str | None, lang: str) -> str:
        for vid, nl, en in self.values:
            if vid == value_id:
                return {"nl": nl, "en": en}[lang_code(lang)]
        return str(value_id)

    @property
    def value_ids(self) -> tuple[str, ...]:
        return tuple(v[0] for v in self.values)


@dataclass(frozen=True)
class Catalogue:
    indicators: Mapping[str, IndicatorDef]  # in codebook order
    dimensions: Mapping[str, DimensionDef]  # in codebook order
    tentative: frozenset[str] = frozenset()  # dimensions whose last-round alpha < 0.667: weight 0 by default

    @property
    def comparable_indicators(self) -> list[str]:
        return [i for i, d in self.indicators.items() if d.comparable]


@dataclass(frozen=True)
class Profile:
    """One municipality as the method sees it: a name, a size, point values and coded choices."""

    key: str  # municipality code, or OWN_KEY
    name: str
    population: float | None
    indicators: Mapping[str, float] = field(default_factory=dict)  # usable point values by indicator id
    indicator_issues: Mapping[str, str] = field(default_factory=dict)  # id -> bound | range | district
    org: Mapping[str, str] = field(default_factory=dict)  # dimension id -> value id
    population_issue: str | None = None  # bound | range when the population is not a point value
    org_adjudicated: frozenset[str] = frozenset()  # dimensions whose code was adjudicated (counts half)
    org_excluded: frozenset[str] = frozenset()  # adjudicated codes hidden by the "agreed only" switch


@dataclass(frozen=True)
class Scale:
    mean: float
    sd: float
    n: int


def point_values(rows: Iterable[tuple]) -> tuple[dict[str, float], dict[str, str]]:
    """(indicator_id, value, qualifier, year, area) rows -> (point values, issues for the rest).

    A district figure, a bound or a range is never a point value for the municipality. With several
    whole-municipality values for one id, the latest year wins (an unknown year counts as oldest); on equal
    years the first row wins, so callers pass rows in a stable order.
    """
    best: dict[str, tuple[int, float]] = {}
    issues: dict[str, str] = {}
    for ind, value, qualifier, year, area in rows:
        if area is not None and str(area).strip() and str(area) != "nan":
            issues.setdefault(ind, "district")
            continue
        if qualifier not in POINT_QUALIFIERS:
            issues.setdefault(ind, "range" if qualifier == "range" else "bound")
            continue
        y = -1 if year is None or (isinstance(year, float) and math.isnan(year)) else int(year)
        if ind not in best or y > best[ind][0]:
            best[ind] = (y, float(value))
    return {i: v for i, (_, v) in best.items()}, {i: r for i, r in issues.items() if i not in best}


def population_value(value, qualifier: str) -> tuple[float | None, str | None]:
    if value is None:
        return None, None
    if qualifier in POINT_QUALIFIERS:
        return float(value), None
    return None, "range" if qualifier == "range" else "bound"


def catalogue_from_frames(indicators: pd.DataFrame, dimensions: pd.DataFrame, values: pd.DataFrame) -> Catalogue:
    """From dashboard.core.queries.indicators / dimensions / dimension_values (warehouse tables)."""
    inds = {}
    for r in indicators.itertuples(index=False):  # query order: by comparability group, then id
        comparable = getattr(r, "comparable_across_municipalities", True)
        inds[r.indicator_id] = IndicatorDef(
            r.indicator_id, r.label_nl, r.label_en, r.unit, r.comparability_group,
            bool(True if comparable is None or pd.isna(comparable) else comparable),
            getattr(r, "definition_nl", "") or "", getattr(r, "definition", "") or "")
    dims = {}
    tentative = set()
    for r in dimensions.sort_values("ordinal").itertuples(index=False):
        vals = values[values["dimension_id"] == r.dimension_id].sort_values("ordinal")
        dims[r.dimension_id] = DimensionDef(
            r.dimension_id, r.label_nl, r.label_en,
            tuple(zip(vals["value_id"], vals["label_nl"], vals["label_en"], strict=True)))
        if bool(getattr(r, "tentative", False)):
            tentative.add(r.dimension_id)
    return Catalogue(inds, dims, frozenset(tentative))


def profiles_from_frames(overview: pd.DataFrame, indicator_values: pd.DataFrame, org_matrix: pd.DataFrame,
                         agreed_only: bool = False) -> list[Profile]:
    """From dashboard.core.queries.overview / indicator_values / org_matrix: one Profile per municipality.

    agreed_only: the sidebar switch; adjudicated codes are then excluded (org_excluded), not just weighted down.
    """
    ivals = indicator_values.sort_values(["municipality_code", "indicator_id", "indicator_value_id"])
    by_muni: dict[str, list[tuple]] = {}
    for r in ivals.itertuples(index=False):
        year = None if pd.isna(r.year) else int(r.year)
        area = None if r.area is None or pd.isna(r.area) else r.area
        by_muni.setdefault(r.municipality_code, []).append((r.indicator_id, r.value, r.qualifier, year, area))
    org: dict[str, dict[str, str]] = {}
    adjudicated: dict[str, set[str]] = {}
    for r in org_matrix.itertuples(index=False):
        org.setdefault(r.municipality_code, {})[r.dimension_id] = r.value_id
        if getattr(r, "agreement", None) in NOT_AGREED:
            adjudicated.setdefault(r.municipality_code, set()).add(r.dimension_id)
    out = []
    for r in overview.sort_values("name").itertuples(index=False):
        values, issues = point_values(by_muni.get(r.municipality_code, []))
        pop, pop_issue = population_value(None if pd.isna(r.population) else r.population, r.population_qualifier)
        adj = frozenset(adjudicated.get(r.municipality_code, ()))
        out.append(Profile(r.municipality_code, r.name, pop, values, issues, org.get(r.municipality_code, {}),
                           pop_issue, org_adjudicated=frozenset() if agreed_only else adj,
                           org_excluded=adj if agreed_only else frozenset()))
    return out


# --- weights ------------------------------------------------------------------------------------------

def criteria(cat: Catalogue) -> list[str]:
    """Every criterion key, in display order: size, comparable indicators, org dimensions."""
    return [SIZE] + [IND + i for i in cat.comparable_indicators] + [ORG + d for d in cat.dimensions]


def preset_weights(preset: str, cat: Catalogue) -> dict[str, float]:
    """Weights of a preset; tentative dimensions start at 0 (left out) whatever the preset."""
    size, ind, org = _PRESET_BLOCKS.get(preset, _PRESET_BLOCKS["default"])
    out = {SIZE: size}
    out.update({IND + i: ind for i in cat.comparable_indicators})
    out.update({ORG + d: 0.0 if d in cat.tentative else org for d in cat.dimensions})
    return out


def weights_to_param(weights: Mapping[str, float], preset: str, cat: Catalogue) -> str:
    """Only the weights that differ from the preset, as 'size:2,org.triage:0' (short, shareable URLs)."""
    base = preset_weights(preset, cat)
    parts = [f"{k}:{_num_token(weights[k])}" for k in criteria(cat) if k in weights and weights[k] != base[k]]
    return ",".join(parts)


def weights_from_param(param: str | None, preset: str, cat: Catalogue) -> dict[str, float]:
    """Inverse of weights_to_param. Unknown keys and bad numbers are ignored (URLs get edited by hand)."""
    weights = preset_weights(preset, cat)
    for part in (param or "").split(","):
        key, sep, raw = part.strip().rpartition(":")
        if not sep or key not in weights:
            continue
        try:
            value = float(raw)
        except ValueError:
            continue
        if math.isfinite(value):
            weights[key] = min(max(value, 0.0), MAX_WEIGHT)
    return weights


def _num_token(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --- the computation ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CriterionResult:
    key: str
    weight: float
    similarity: float | None  # None: skipped for this pair
    reason: str | None = None  # why skipped
    adjudicated: bool = False  # an adjudicated code on either side: weight already multiplied by the factor
    ref_value: object = None
    peer_value: object = None
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


def reference_criteria(ref: Profile, cat: Catalogue, weights: Mapping[str, float], scales: Mapping[str, Scale]
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
            ind = key[len(IND):]
            if ind not in ref.indicators:
                gaps.append((key, ref.indicator_issues.get(ind, "ref_missing")))
                continue
            if ind not in scales:
                gaps.append((key, "too_few_values"))
                continue
        else:
            if key[len(ORG):] in ref.org_excluded:
                gaps.append((key, "ref_excluded"))
                continue
            if ref.org.get(key[len(ORG):], NOT_REPORTED) == NOT_REPORTED:
                gaps.append((key, "ref_not_reported"))
                continue
        usable[key] = w
    return usable, gaps


def _group_index(cat: Catalogue) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for ind, d in cat.indicators.items():
        groups.setdefault(d.group, []).append(ind)
    return groups


def compare(ref: Profile, peer: Profile, cat: Catalogue, usable: Mapping[str, float],
            scales: Mapping[str, Scale], groups: Mapping[str, list[str]] | None = None) -> PeerResult:
    """Score one pair over the criteria the reference can use (see reference_criteria)."""
    groups = _group_index(cat) if groups is None else groups
    results = []
    total = used = acc = 0.0
    for key, w in usable.items():
        total += w
        if key == SIZE:
            if peer.population is None:
                r = CriterionResult(key, w, None, peer.population_issue or "peer_missing", ref.population)
            else:
                r = CriterionResult(key, w, size_similarity(ref.population, peer.population),
                                    ref_value=ref.population, peer_value=peer.population)
        elif key.startswith(IND):
            ind = key[len(IND):]
            x_ref = ref.indicators[ind]
            if ind in peer.indicators:
                r = CriterionResult(key, w, indicator_similarity(x_ref, peer.indicators[ind], scales[ind]),
                                    ref_value=x_ref, peer_value=peer.indicators[ind])
            elif ind in peer.indicator_issues:
                r = CriterionResult(key, w, None, peer.indicator_issues[ind], x_ref)
            else:
                others = [o for o in groups.get(cat.indicators[ind].group, [])
                          if o != ind and (o in peer.indicators or o in peer.indicator_issues)]
                if others:
                    r = CriterionResult(key, w, None, "other_definition", x_ref, other=others[0])
                else:
                    r = CriterionResult(key, w, None, "peer_missing", x_ref)
        else:
            dim = key[len(ORG):]
            v_ref, v_peer = ref.org[dim], peer.org.get(dim, NOT_REPORTED)
            if dim in peer.org_excluded:
                r = CriterionResult(key, w, None, "peer_excluded", v_ref, v_peer)
            elif v_peer == NOT_REPORTED:
                r = CriterionResult(key, w, None, "peer_not_reported", v_ref, v_peer)
            else:
                adjudicated = dim in ref.org_adjudicated or dim in peer.org_adjudicated
                w_pair = w * ADJUDICATED_FACTOR if adjudicated else w
                total += w_pair - w  # the pair's available weight shrinks with it, so coverage is not penalised
                w = w_pair
                r = CriterionResult(key, w, 1.0 if v_ref == v_peer else 0.0, ref_value=v_ref, peer_value=v_peer,
                                    adjudicated=adjudicated)
        if r.used:
            used += w
            acc += w * r.similarity
        results.append(r)
    score = acc / used if used > 0 else None
    coverage = used / total if total > 0 else 0.0
    return PeerResult(peer.key, peer.name, score, coverage, used, tuple(results))


def rank_peers(ref: Profile, candidates: Iterable[Profile], cat: Catalogue, weights: Mapping[str, float],
               scales: Mapping[str, Scale], k: int | None = None,
               min_coverage: float = DEFAULT_MIN_COVERAGE) -> list[PeerResult]:
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
    return [PeerResult(r.key, r.name, r.score, r.coverage, r.used_weight, r.criteria, i + 1)
            for i, r in enumerate(results)]


# --- organisational differences between the reference and its peers ---------------------------------

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
                out.append((-len(names), d_order, v_order,
                            OrgDifference(dim, vid, len(names), len(peers), ref_value, names)))
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
        other = tuple((v, names) for v in d.value_ids if v not in (NOT_REPORTED, ref_value)
                      for names in [tuple(p.name for p in shown if p.org.get(dim) == v)] if names)
        out.append(OrgComparison(dim, ref_value, same, other, nr))
    return out


# --- words ---------------------------------------------------------------------------------------------

def criterion_label(key: str, cat: Catalogue, lang: str) -> str:
    """Short noun for a criterion, as used in sentences ('teamreikwijdte')."""
    if key == SIZE:
        return t("peers_crit_size", lang)
    if key.startswith(IND):
        d = cat.indicators.get(key[len(IND):])
        return d.label(lang) if d else key
    dim = key[len(ORG):]
    noun = t(f"peers_dim_{dim}", lang)
    if noun != f"peers_dim_{dim}":
        return noun
    d = cat.dimensions.get(dim)
    return d.label(lang) if d else dim


def explain(r: CriterionResult, peer_name: str, cat: Catalogue, lang: str, left_out: bool = True) -> str:
    """One criterion of one pair in words, e.g. 'inwonertal 35% kleiner (72.600 tegen 111.000)'.

    A skipped criterion says why and ends in ' — weggelaten' (unless left_out=False).
    """
    text = _explain(r, peer_name, cat, lang)
    return text + t("peers_left_out", lang) if left_out and not r.used else text


def _explain(r: CriterionResult, peer_name: str, cat: Catalogue, lang: str) -> str:
    label = criterion_label(r.key, cat, lang)
    if r.kind == "size":
        if not r.used:
            return t(f"peers_why_{r.reason}", lang, label=label, peer=peer_name)
        ratio = r.peer_value / r.ref_value
        nums = dict(peer=fmt_number(r.peer_value, 0, lang), ref=fmt_number(r.ref_value, 0, lang))
        if abs(ratio - 1) < 0.05:
            return t("peers_size_same", lang, **nums)
        if ratio < 1:
            return t("peers_size_smaller", lang, pct=round((1 - ratio) * 100), **nums)
        if ratio < 2:
            return t("peers_size_larger", lang, pct=round((ratio - 1) * 100), **nums)
        return t("peers_size_times", lang, times=fmt_number(ratio, 1, lang), **nums)
    if r.kind == "indicator":
        d = cat.indicators[r.key[len(IND):]]
        if r.used:
            places = shared_decimals(r.peer_value, r.ref_value)  # one precision in one sentence
            return t("peers_ind_used", lang, label=label,
                     peer=_nbsp(fmt_unit(r.peer_value, d.unit, lang, places)),
                     ref=_nbsp(fmt_unit(r.ref_value, d.unit, lang, places)))
        if r.reason == "other_definition":
            group = t(f"peers_group_{d.group}", lang)
            group = label if group == f"peers_group_{d.group}" else group
            other = cat.indicators.get(r.other)
            return t("peers_why_other_definition", lang, label=group, peer=peer_name,
                     other=other.label(lang) if other else r.other)
        return t(f"peers_why_{r.reason}", lang, label=label, peer=peer_name)
    d = cat.dimensions[r.key[len(ORG):]]
    if not r.used:
        return t(f"peers_why_{r.reason or 'peer_not_reported'}", lang, label=label, peer=peer_name)
    note = t("peers_org_adjudicated", lang) if r.adjudicated else ""
    if r.similarity == 1.0:
        return t("peers_org_same", lang, label=label, value=d.value_label(r.peer_value, lang)) + note
    return t("peers_org_different", lang, label=label, value=d.value_label(r.peer_value, lang),
             ref=d.value_label(r.ref_value, lang)) + note


def summary(result: PeerResult, cat: Catalogue, lang: str) -> str:
    """One line per peer: size, how many organisational choices match, the indicators, what was left out.

    The full per-criterion breakdown is `explain` on every criterion; this is the short version for a table.
    """
    parts = []
    by_kind: dict[str, list[CriterionResult]] = {"size": [], "indicator": [], "org": []}
    for c in result.criteria:
        by_kind[c.kind].append(c)
    parts += [explain(c, result.name, cat, lang) for c in by_kind["size"] if c.used]
    org_used = [c for c in by_kind["org"] if c.used]
    if org_used:
        same = [c for c in org_used if c.similarity == 1.0]
        parts.append(t("peers_sum_org", lang, same=len(same), n=len(org_used)))
    parts += [explain(c, result.name, cat, lang) for c in by_kind["indicator"] if c.used][:2]
    skipped = [c for c in result.criteria if not c.used]
    if skipped:
        first = sorted(skipped, key=lambda c: c.reason != "other_definition")[0]
        key = "peers_sum_skipped1" if len(skipped) == 1 else "peers_sum_skipped"
        parts.append(t(key, lang, n=len(skipped), example=explain(first, result.name, cat, lang, left_out=False)))
    return "; ".join(parts)


def _nbsp(text: str) -> str:
    """Keep '€ 35.000' on one line."""
    return text.replace("€ ", "€\u00a0")


def difference_sentence(d: OrgDifference, cat: Catalogue, lang: str, ref_name: str | None = None) -> str:
    """'3 van de 5 vergelijkbare gemeenten (A, B en C) kiezen bij ‘Triage’ voor ‘X’; jij: ‘Y’'.

    ref_name None: the reference is the user's own municipality ('jij'); otherwise the reference is one of
    the sixteen and is named ('Leiden: ‘Y’', 'Leiden: niet gerapporteerd').
    """
    dim = cat.dimensions[d.dimension]
    unknown = d.ref_value == NOT_REPORTED
    value = None if unknown else dim.value_label(d.ref_value, lang)
    if ref_name is None:
        ref = t("peers_diff_own_unknown", lang) if unknown else t("peers_diff_own", lang, value=value)
    else:
        ref = (t("peers_diff_named_unknown", lang, name=ref_name) if unknown
               else t("peers_diff_named", lang, name=ref_name, value=value))
    return t("peers_diff1" if d.count == 1 else "peers_diff", lang, count=d.count, n=d.n_peers, dim=dim.label(lang),
             value=dim.value_label(d.value, lang), ref=ref, names=fmt_list(list(d.names), lang))
