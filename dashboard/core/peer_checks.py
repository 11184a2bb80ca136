"""Checks on a user's own municipality, whatever path it came in by (form, YAML, CSV). Pure: no Streamlit.

The plausibility limits of every value, the checks on a name and on organisation-model codes, and the
ParseResult the parsers (dashboard.core.peer_input) return: a Profile, or messages a policy advisor can act on.
Nothing here reads input or writes anything: a user's data goes in as arguments and comes out as messages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import t
from dashboard.core.safe_text import quote, shorten
from dashboard.core.similarity import NOT_REPORTED, Catalogue, Profile

MAX_NAME = 80
MAX_POPULATION = 2_000_000  # more than any Dutch municipality; catches a typo of a few zeros
# Fewer than any Dutch municipality (the smallest, Schiermonnikoog, has just under 1.000 inhabitants), so 1.000
# itself would turn a real municipality away; catches "45" typed or read for 45.000.
MIN_POPULATION = 500
# Every euro indicator is a yearly (household) income: below € 1.000 is a slip, e.g. 29,5 for 29.500,
# above € 1.000.000 a few zeros too many.
MIN_EURO = 1_000.0
MAX_EURO = 1_000_000.0
# Growth since 2000 in percent: more than tenfold growth is no Dutch municipality.
MAX_GROWTH_PCT = 1_000.0
# A difference in years (life expectancy against the national figure): more than 50 is a slip.
MAX_YEARS = 50.0


@dataclass
class ParseResult:
    profile: Profile | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    understood: list[str] = field(default_factory=list)  # form only: "Inwonertal: 45.000", as read

    @property
    def ok(self) -> bool:
        return self.profile is not None and not self.errors


def value_bounds(indicator_id: str, unit: str) -> tuple[float | None, float | None]:
    """Plausible range of one indicator value. Growth figures and differences may be negative or exceed 100."""
    if unit == "percent":
        if "growth" in indicator_id:
            return -100.0, MAX_GROWTH_PCT
        return 0.0, 100.0
    if unit == "euro":
        return MIN_EURO, MAX_EURO
    if unit == "count":
        return 0.0, float(MAX_POPULATION)
    return -MAX_YEARS, MAX_YEARS  # years: a difference with the national figure, either sign


def check_values(profile: Profile, cat: Catalogue, lang: str, where: str = "") -> list[str]:
    """Out-of-range problems in a built profile (negative population, percentages above 100, ...)."""
    prefix = f"{where}: " if where else ""
    out = []
    if profile.population is not None:
        problem = population_problem(profile.population, "population", value_text(profile.population), lang)
        if problem:
            out.append(prefix + problem)
    for ind, value in profile.indicators.items():
        d = cat.indicators.get(ind)
        if d is None:
            continue
        problem = indicator_problem(ind, d.unit, value, ind, value_text(value), lang)
        if problem:
            out.append(prefix + problem)
    return out


def population_problem(value: float, field: str, shown: str, lang: str) -> str | None:
    """Why a population is implausible (field: the column id or the form's label), or None."""
    if not math.isfinite(value):
        return t("peers_err_not_finite", lang, field=field, value=shown)
    if value <= 0:
        return t("peers_err_population_positive", lang, field=field, value=shown)
    if value < MIN_POPULATION:
        return t("peers_err_population_small", lang, field=field, value=shown, min=fmt_number(MIN_POPULATION, 0, lang))
    if value > MAX_POPULATION:
        return t("peers_err_population_large", lang, field=field, value=shown)
    return None


def indicator_problem(ind: str, unit: str, value: float, field: str, shown: str, lang: str) -> str | None:
    if not math.isfinite(value):
        return t("peers_err_not_finite", lang, field=field, value=shown)
    lo, hi = value_bounds(ind, unit)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return t("peers_err_out_of_range", lang, field=field, value=shown, lo=_bound(lo, lang), hi=_bound(hi, lang))
    return None


def value_text(x: object) -> str:
    """A value as a message quotes it: shortened, so a pasted essay or a huge number stays one short line."""
    return shorten(f"{x:g}") if isinstance(x, float) else quote(x)


def _bound(x: float | None, lang: str = "nl") -> str:
    return "…" if x is None else fmt_number(x, None, lang)


def clean_name(name: object, lang: str, errors: list[str]) -> str:
    name = "" if name is None else str(name).strip()
    if not name:
        errors.append(t("peers_err_name_missing", lang))
    elif len(name) > MAX_NAME:
        errors.append(t("peers_err_name_long", lang, n=MAX_NAME))
    return name[:MAX_NAME]


def finish(
    profile: Profile, cat: Catalogue, lang: str, errors: list[str], warnings: list[str], where: str = ""
) -> ParseResult:
    errors = errors + check_values(profile, cat, lang, where)
    incomparable = [i for i in profile.indicators if i in cat.indicators and not cat.indicators[i].comparable]
    warnings.extend(t("peers_warn_incomparable", lang, field=ind) for ind in incomparable)
    return ParseResult(None if errors else profile, errors, warnings)


def check_org(
    org: Mapping[str, str | None], cat: Catalogue, lang: str, errors: list[str], where: str = ""
) -> dict[str, str]:
    """The organisation-model codes of every dimension (empty = not_reported); an unknown value is an error."""
    prefix = f"{where}: " if where else ""
    codes = {}
    for dim, d in cat.dimensions.items():
        v = org.get(dim)
        v = NOT_REPORTED if v is None or str(v).strip() == "" else str(v).strip()
        if v not in d.value_ids:
            errors.append(
                prefix
                + t("peers_err_unknown_value", lang, field=dim, value=value_text(v), allowed=", ".join(d.value_ids))
            )
        codes[dim] = v
    return codes
