"""Sidebar filter logic, pure: which municipalities pass, and how filters travel in a URL.

Semantics (documented in README "Dashboard"):
- within one filter, a municipality passes when it has *any* of the chosen values
  (e.g. province Utrecht or Zuid-Holland);
- across filters, a municipality must pass *all* of them;
- an empty filter does not filter;
- for an org-model dimension, "niet gerapporteerd" (`not_reported`) is an ordinary option, so "not
  reported" can be selected on its own and is never merged with "no";
- basic function: municipalities whose sketch highlights the function with practice examples (v_highlight);
- size class from the population the sketch reports (the number, whatever its qualifier):
  < 50.000, 50.000–100.000, 100.000–250.000, ≥ 250.000 (lower bound inclusive);
- "only codes both coders agreed on" (agreed_only): an adjudicated code (data/coding/adjudication.yaml) is
  treated as excluded: it matches no org-model filter value, and pages show it as hidden, never as
  "not reported". On its own the switch removes no municipality.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.i18n import LANGUAGES, lang_code, t

# (id, lower bound inclusive, upper bound exclusive or None)
SIZE_CLASSES: tuple[tuple[str, int, int | None], ...] = (
    ("lt_50k", 0, 50_000),
    ("50k_100k", 50_000, 100_000),
    ("100k_250k", 100_000, 250_000),
    ("ge_250k", 250_000, None),
)
SIZE_CLASS_IDS = tuple(c[0] for c in SIZE_CLASSES)
SIZE_CLASS_LABELS = {lang: {c: t(f"filter_size_{c}", lang) for c in SIZE_CLASS_IDS} for lang in LANGUAGES}

# URL parameter names. Org-model dimensions use "org.<dimension_id>".
PARAM_FUNCTIONS = "bf"
PARAM_SIZES = "size"
PARAM_PROVINCES = "prov"
PARAM_AGREED = "agreed"  # "1" = only codes both coders agreed on
# Coding statuses of codes that two independent coders did not both give (etl/coding.py): adjudicated after they
# differed, or single_coded (a municipality no coder file names yet). The switch hides them; peers count them half.
NOT_AGREED = ("adjudicated", "single_coded")
ORG_PREFIX = "org."


def size_class(population) -> str | None:
    """The size class id of a population count; None when the population is unknown."""
    if population is None or pd.isna(population):
        return None
    for class_id, low, high in SIZE_CLASSES:
        if population >= low and (high is None or population < high):
            return class_id
    return None


@dataclass(frozen=True)
class FilterOptions:
    """What can be chosen, read from the warehouse (so a new value in the codebook shows up by itself)."""

    dimensions: Mapping[str, tuple[str, ...]]  # dimension id -> value ids, codebook order
    functions: tuple[str, ...]
    provinces: tuple[str, ...]
    sizes: tuple[str, ...] = SIZE_CLASS_IDS


@dataclass(frozen=True)
class FilterState:
    dimensions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    functions: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    agreed_only: bool = False

    @property
    def active(self) -> bool:
        return bool(self.functions or self.sizes or self.provinces or any(self.dimensions.values()) or self.agreed_only)

    def active_count(self) -> int:
        return (
            sum(1 for v in (self.functions, self.sizes, self.provinces) if v)
            + sum(1 for v in self.dimensions.values() if v)
            + int(self.agreed_only)
        )


def state_key(state: FilterState) -> tuple:
    """A hashable key of a filter state: equal for equal choices, different whenever a choice differs.

    Empty dimensions are left out (no filter on a dimension is the same as an empty one); the order of the
    values is kept, because it shows in the words that describe the filters."""
    dims = tuple((dim, tuple(values)) for dim, values in sorted(state.dimensions.items()) if values)
    return (
        tuple(state.functions),
        tuple(state.sizes),
        tuple(state.provinces),
        bool(state.agreed_only),
        dims,
    )


def excluded_mask(org: pd.DataFrame, agreed_only: bool) -> pd.Series:
    """True for org-matrix rows the 'agreed only' switch hides: adjudicated codes (never anything else)."""
    if not agreed_only or "agreement" not in org.columns:
        return pd.Series(False, index=org.index)
    return org["agreement"].isin(NOT_AGREED).fillna(False).astype(bool)


def apply_filters(state: FilterState, overview: pd.DataFrame, org: pd.DataFrame, highlights: pd.DataFrame) -> list[str]:
    """Municipality codes that pass every active filter, in the order of `overview`.

    overview: v_municipality_overview (municipality_code, population, province);
    org: v_org_matrix (municipality_code, dimension_id, value_id);
    highlights: v_highlight (municipality_code, basic_function_id).
    """
    keep = pd.Series(True, index=overview.index)
    codes = overview["municipality_code"]
    if state.provinces:
        keep &= overview["province"].isin(state.provinces)
    if state.sizes:
        keep &= overview["population"].map(size_class).isin(state.sizes)
    if state.functions:
        hit = highlights.loc[highlights["basic_function_id"].isin(state.functions), "municipality_code"]
        keep &= codes.isin(set(hit))
    shown = org[~excluded_mask(org, state.agreed_only)]
    for dim, values in state.dimensions.items():
        if not values:
            continue
        rows = shown[(shown["dimension_id"] == dim) & (shown["value_id"].isin(values))]
        keep &= codes.isin(set(rows["municipality_code"]))
    return codes[keep].tolist()


def _split(raw) -> list[str]:
    """A URL value 'a,b' (or a list of such values) -> ['a', 'b']."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _known(values: Iterable[str], allowed: Iterable[str], name: str, notices: list[str]) -> tuple[str, ...]:
    allowed = tuple(allowed)
    good: list[str] = []
    bad: list[str] = []
    for v in values:
        (good if v in allowed else bad).append(v)
    if bad:
        notices.append(f"{name}={','.join(bad)}")
    # keep the codebook order and drop duplicates, so equal filters give equal URLs
    return tuple(v for v in allowed if v in set(good))


def from_params(params: Mapping[str, object], options: FilterOptions) -> tuple[FilterState, list[str]]:
    """Read filters from URL parameters. Unknown values are dropped and reported (never raised).

    Returns the state and a list of 'param=value' strings that were ignored.
    """
    notices: list[str] = []
    dims: dict[str, tuple[str, ...]] = {}
    for key in params:
        if key.startswith(ORG_PREFIX):
            dim = key[len(ORG_PREFIX) :]
            if dim not in options.dimensions:
                notices.append(f"{key}")
                continue
            dims[dim] = _known(_split(params[key]), options.dimensions[dim], key, notices)
    state = FilterState(
        dimensions={d: dims.get(d, ()) for d in options.dimensions},
        functions=_known(_split(params.get(PARAM_FUNCTIONS)), options.functions, PARAM_FUNCTIONS, notices),
        sizes=_known(_split(params.get(PARAM_SIZES)), options.sizes, PARAM_SIZES, notices),
        provinces=_known(_split(params.get(PARAM_PROVINCES)), options.provinces, PARAM_PROVINCES, notices),
        agreed_only=_flag(params.get(PARAM_AGREED), notices),
    )
    return state, notices


def _flag(raw, notices: list[str]) -> bool:
    values = _split(raw)
    if not values:
        return False
    if values == ["1"]:
        return True
    notices.append(f"{PARAM_AGREED}={','.join(values)}")
    return False


def to_params(state: FilterState) -> dict[str, str]:
    """URL parameters for a filter state; empty filters are left out so a clean view has a clean URL."""
    out: dict[str, str] = {}
    if state.functions:
        out[PARAM_FUNCTIONS] = ",".join(state.functions)
    if state.sizes:
        out[PARAM_SIZES] = ",".join(state.sizes)
    if state.provinces:
        out[PARAM_PROVINCES] = ",".join(state.provinces)
    for dim, values in state.dimensions.items():
        if values:
            out[ORG_PREFIX + dim] = ",".join(values)
    if state.agreed_only:
        out[PARAM_AGREED] = "1"
    return out


def filter_param_names(options: FilterOptions) -> set[str]:
    return {PARAM_FUNCTIONS, PARAM_SIZES, PARAM_PROVINCES, PARAM_AGREED} | {ORG_PREFIX + d for d in options.dimensions}


def describe(
    state: FilterState,
    *,
    lang: str,
    dimension_labels: Mapping[str, str],
    value_labels: Mapping[tuple[str, str], str],
    function_labels: Mapping[str, str],
    none_text: str,
    max_chars: int = 220,
) -> str:
    """One line naming the active filters, for chart subtitles: 'Provincie: Utrecht · Basisfunctie: …'."""
    words = {word: t(f"filter_text_{word}", lang) for word in ("bf", "size", "prov", "or", "agreed")}
    parts = []
    if state.functions:
        parts.append(f"{words['bf']}: " + words["or"].join(function_labels.get(f, f) for f in state.functions))
    if state.sizes:
        labels = SIZE_CLASS_LABELS[lang_code(lang)]
        parts.append(f"{words['size']}: " + words["or"].join(labels[s] for s in state.sizes))
    if state.provinces:
        parts.append(f"{words['prov']}: " + words["or"].join(state.provinces))
    for dim, values in state.dimensions.items():
        if values:
            parts.append(
                f"{dimension_labels.get(dim, dim)}: " + words["or"].join(value_labels.get((dim, v), v) for v in values)
            )
    if state.agreed_only:
        parts.append(words["agreed"])
    if not parts:
        return none_text
    text = " · ".join(parts)
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"
