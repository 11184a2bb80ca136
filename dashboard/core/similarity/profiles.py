"""The data the peer method works on: the codebook (indicators, dimensions) and one profile per municipality
(size, point values, coded choices), read from the warehouse frames or a user's own entry."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.filters import NOT_AGREED
from dashboard.core.i18n import column, lang_code

NOT_REPORTED = "not_reported"
OWN_KEY = "__own__"  # the key of a user-entered reference; never a municipality code
POINT_QUALIFIERS = frozenset({"exact", "approx"})


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
            r.indicator_id,
            r.label_nl,
            r.label_en,
            r.unit,
            r.comparability_group,
            bool(True if comparable is None or pd.isna(comparable) else comparable),
            getattr(r, "definition_nl", "") or "",
            getattr(r, "definition", "") or "",
        )
    dims = {}
    tentative = set()
    for r in dimensions.sort_values("ordinal").itertuples(index=False):
        vals = values[values["dimension_id"] == r.dimension_id].sort_values("ordinal")
        dims[r.dimension_id] = DimensionDef(
            r.dimension_id,
            r.label_nl,
            r.label_en,
            tuple(zip(vals["value_id"], vals["label_nl"], vals["label_en"], strict=True)),
        )
        if bool(getattr(r, "tentative", False)):
            tentative.add(r.dimension_id)
    return Catalogue(inds, dims, frozenset(tentative))


def profiles_from_frames(
    overview: pd.DataFrame, indicator_values: pd.DataFrame, org_matrix: pd.DataFrame, agreed_only: bool = False
) -> list[Profile]:
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
        out.append(
            Profile(
                r.municipality_code,
                r.name,
                pop,
                values,
                issues,
                org.get(r.municipality_code, {}),
                pop_issue,
                org_adjudicated=frozenset() if agreed_only else adj,
                org_excluded=adj if agreed_only else frozenset(),
            )
        )
    return out
