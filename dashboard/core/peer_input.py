"""Read a user's own municipality (form, YAML upload, CSV upload) into a similarity Profile. Pure: no Streamlit.

This module parses; the plausibility checks and the ParseResult are dashboard.core.peer_checks, the bounded
file reader is dashboard.core.user_files, the templates are dashboard.core.peer_templates.

What a user enters is private: these functions only read bytes and return objects. They never write a
file, never log, never touch the warehouse; the page keeps the result in st.session_state only.

Every function returns a ParseResult: a Profile, or a list of messages a policy advisor can act on. Bad
input never raises (a bad file must never break the page).

Formats
* YAML: the format of a municipality file in data/gemeenten/ (etl/schema.py), validated with the same
  code as the ETL (etl.validate: pydantic model + check_references), minus the rule that the slug equals
  the file name (an upload's name is arbitrary). Template: dashboard/core/assets/peer_template.yaml.
* CSV: one header row and one data row. Columns: `name` and `population` (required), any comparable
  indicator id from data/reference/indicators.yaml (value in that indicator's unit; empty = unknown) and
  any org-model dimension id from data/reference/org_model.yaml (a value id; empty or not_reported = don't
  know). Comma or semicolon separated; decimal point or decimal comma; no thousands separators; UTF-8.
  Template: dashboard/core/assets/peer_template.csv.
* Form: text fields read the way the interface language writes numbers (parse_number): Dutch "45.000" is
  forty-five thousand and "7,3" is seven point three; English "45,000" and "7.3". What was read is echoed
  back, formatted, so a misreading is visible (ParseResult.understood).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from dashboard.core import user_files
from dashboard.core.formatting import UNIT_WORDS, fmt_number
from dashboard.core.i18n import lang_code, t
from dashboard.core.peer_checks import (
    ParseResult,
    check_org,
    clean_name,
    finish,
    indicator_problem,
    population_problem,
    value_text,
)
from dashboard.core.safe_text import quote, shorten
from dashboard.core.similarity import OWN_KEY, Catalogue, Profile, point_values, population_value
from etl.schema import Municipality
from etl.validate import Reference, check_references, pydantic_problems

log = logging.getLogger(__name__)

_AMBIGUOUS_THOUSANDS = re.compile(r"^-?\d{1,3}([.,]\d{3})+$")
_NUMBER = re.compile(r"^[-+]?(\d+([.,]\d*)?|[.,]\d+)$")


# --- form ---------------------------------------------------------------------------------------------


def profile_from_form(
    name: str, population, indicators: dict[str, float | None], org: dict[str, str], cat: Catalogue, lang: str = "nl"
) -> ParseResult:
    """Values from the page's form; None means 'unknown' / 'weet ik niet'."""
    errors: list[str] = []
    clean = clean_name(name, lang, errors)
    if population is None:
        errors.append(t("peers_err_population_missing", lang))
    values = {}
    for ind, v in indicators.items():
        if v is None:
            continue
        if ind not in cat.indicators:
            errors.append(t("peers_err_unknown_indicator", lang, field=ind))
        elif not isinstance(v, (int, float)) or not math.isfinite(v):
            errors.append(t("peers_err_not_number", lang, field=ind, value=value_text(v)))
        else:
            values[ind] = float(v)
    codes = check_org(org, cat, lang, errors)
    profile = Profile(OWN_KEY, clean, None if population is None else float(population), values, {}, codes)
    return finish(profile, cat, lang, errors, [])


def profile_from_form_text(
    name: str,
    population: str | None,
    indicators: dict[str, str | None],
    org: dict[str, str],
    cat: Catalogue,
    lang: str = "nl",
) -> ParseResult:
    """The form's text fields, read as the interface language writes numbers (parse_number); empty = unknown.

    Messages name the form's labels, not column ids, and show the number as it was read; `understood` lists
    every value that was read ("Inwonertal: 45.000"), so the user sees what the ranking uses.
    """
    errors: list[str] = []
    understood: list[str] = []
    pop_label = t("peers_form_population", lang)
    pop = _form_number(population, pop_label, lang, errors)
    pop_rejected = bool(errors)
    if pop is not None:
        shown = fmt_number(pop, _decimals(pop), lang)
        understood.append(f"{pop_label}: {shown}")
        problem = population_problem(pop, pop_label, shown, lang)
        if problem is None and not pop.is_integer():
            problem = t("peers_err_population_integer", lang, field=pop_label, value=shown)
        if problem:
            errors.append(problem + t("peers_err_form_hint", lang))
            pop, pop_rejected = None, True
    values: dict[str, float | None] = {}
    for ind, raw in indicators.items():
        d = cat.indicators.get(ind)
        if d is None:
            if raw is not None and str(raw).strip():
                errors.append(t("peers_err_unknown_indicator", lang, field=ind))
            continue
        label = d.label(lang)
        v = _form_number(raw, label, lang, errors)
        if v is None:
            continue
        shown = shown_as_read(v, d.unit, lang)
        understood.append(f"{label}: {shown}")
        problem = indicator_problem(ind, d.unit, v, label, shown, lang)
        if problem:
            errors.append(problem + (t("peers_err_form_hint", lang) if d.unit in ("euro", "count") else ""))
        else:
            values[ind] = v
    result = profile_from_form(name, pop, values, org, cat, lang)
    missing = t("peers_err_population_missing", lang)
    errors = [e for e in result.errors if not (pop_rejected and e == missing)] + errors
    return ParseResult(None if errors else result.profile, errors, result.warnings, understood)


def _form_number(raw: str | None, label: str, lang: str, errors: list[str]) -> float | None:
    try:
        return parse_number(raw, lang)
    except ValueError:
        errors.append(t("peers_err_form_not_number", lang, field=label, value=shorten(str(raw).strip())))
        return None


def _decimals(x: float) -> int:
    """As many decimals as the number has (at most 4), so '7,25' is echoed as 7,25 and not rounded."""
    text = f"{x:.4f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def shown_as_read(x: float, unit: str, lang: str = "nl") -> str:
    """A number as the form read it, in its unit and the interface language, never rounded away:
    29,5 euro stays '€ 29,5' (not '€ 30'), so a misreading is visible."""
    number = fmt_number(x, _decimals(x), lang)
    if unit == "percent":
        return f"{number}%"
    if unit == "euro":
        return t("num_euro_prefix", lang) + number
    if unit == "years":
        return f"{number} {UNIT_WORDS[lang_code(lang)]['years']}"
    return number


# --- numbers as people type them -------------------------------------------------------------------------

_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_SPACES = re.compile(r"[ \u00a0\u202f]")
_SPACE_GROUPED = re.compile(r"^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$")


def parse_number(raw: str | None, lang: str = "nl") -> float | None:
    """A number as a person types it in the interface language -> float; None for empty input.

    Dutch (default): "." groups thousands and "," is the decimal mark: "45.000" = 45000, "1.234,5" = 1234.5,
    "7,3" = 7.3. English: the other way round: "45,000" = 45000, "7.3" = 7.3. A single separator that cannot
    be a thousands separator (not followed by exactly three digits: "7.3" in Dutch, "7,3" in English) is read
    as the decimal mark, since that is the only reading. Spaces between groups of three ("45 000"), a leading
    "€" and a trailing "%" are allowed. Anything else, including a mix that contradicts the language
    ("1,234.5" in Dutch), raises ValueError: better a message than a guess.
    """
    if raw is None:
        return None
    text = str(raw).strip()
    if text.startswith("€"):
        text = text[1:].strip()
    if text.endswith("%"):
        text = text[:-1].strip()
    if text == "":
        return None
    sign = 1.0
    if text[0] in "-+\u2212":
        sign = -1.0 if text[0] != "+" else 1.0
        text = text[1:].strip()
    if text.startswith("€"):
        text = text[1:].strip()
    if _SPACE_GROUPED.match(text):
        text = _SPACES.sub("", text)
    group, dec = _SEPARATORS[lang_code(lang)]
    g, d = re.escape(group), re.escape(dec)
    if re.fullmatch(rf"\d{{1,3}}({g}\d{{3}})+({d}\d+)?", text):  # 45.000 / 1.234.567 / 1.234,5
        return sign * float(text.replace(group, "").replace(dec, "."))
    if re.fullmatch(rf"\d+({d}\d*)?|{d}\d+", text):  # 45000 / 7,3 / ,5
        return sign * float(text.replace(dec, "."))
    if re.fullmatch(rf"\d*{g}\d+", text):  # 7.3 in Dutch: not a thousands group, so a decimal mark
        return sign * float(text.replace(group, "."))
    raise ValueError(raw)


# --- uploads ------------------------------------------------------------------------------------------


def reference_from_warehouse(
    indicators: pd.DataFrame, sources: pd.DataFrame, dimension_values: pd.DataFrame
) -> Reference:
    """The id lists check_references needs (indicators, sources, codebook values), read from the warehouse
    tables rather than from data/ at runtime: the same ids the ETL validated the warehouse against."""
    ref = Reference()
    ref.indicators = {i: {"id": i} for i in indicators["indicator_id"]}
    ref.sources = {s: {"id": s} for s in sources["source_id"]}
    for dim, value in zip(dimension_values["dimension_id"], dimension_values["value_id"], strict=True):
        ref.dimensions.setdefault(dim, []).append(value)
    return ref


def parse_upload(filename: str, data: bytes, cat: Catalogue, ref: Reference, lang: str = "nl") -> ParseResult:
    """Any uploaded bytes -> ParseResult with at most user_files.MAX_MESSAGES short messages. Never raises."""
    try:
        result = _parse_upload(filename, data, cat, ref, lang)
    except user_files.UserFileError as exc:
        result = ParseResult(errors=[exc.text(lang)])
    except Exception as exc:  # noqa: BLE001 - last line of defence: a bad file must not break the page
        # the type only: the file's content is a user's own data and never goes into a log
        log.warning("upload could not be read: %s", type(exc).__name__)
        result = ParseResult(errors=[t("peers_err_unreadable", lang, kind=type(exc).__name__)])
    result.errors = user_files.limit_messages(result.errors, lang)
    result.warnings = user_files.limit_messages(result.warnings, lang)
    return result


def _parse_upload(filename: str, data: bytes, cat: Catalogue, ref: Reference, lang: str) -> ParseResult:
    shown = user_files.display_name(filename)
    suffix = Path(shown).suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        return ParseResult(errors=[t("peers_err_file_type", lang, file=shown)])
    text = user_files.decode(shown, data)
    if suffix == ".csv":
        return parse_csv_text(text, shown, cat, lang)
    return parse_yaml_text(text, shown, cat, ref, lang)


def parse_yaml_text(text: str, filename: str, cat: Catalogue, ref: Reference, lang: str = "nl") -> ParseResult:
    try:
        data = user_files.load_yaml(text, filename)
    except user_files.UserFileError as exc:
        return ParseResult(errors=[exc.text(lang)])
    if not isinstance(data, dict):
        return ParseResult(errors=[t("peers_err_yaml_shape", lang, file=filename)])
    path = Path(filename)
    try:
        m = Municipality.model_validate(data)
    except ValidationError as exc:
        return ParseResult(errors=pydantic_problems(path, exc, data))
    # The ETL requires slug == file name; an upload's file name is whatever the browser sends.
    slug_rule = f"{path}: municipality.slug: "
    problems = [p for p in check_references(path, m, ref) if not p.startswith(slug_rule)]
    errors: list[str] = list(problems)
    name = clean_name(m.municipality.name, lang, errors)
    population, pop_issue = population_value(m.municipality.population.value, m.municipality.population.qualifier)
    values, issues = point_values((v.indicator, v.value, v.qualifier, v.year, v.area) for v in m.indicators)
    org = {dim: c.value for dim, c in m.organisation.items()}
    profile = Profile(OWN_KEY, name, population, values, issues, org, pop_issue)
    return finish(profile, cat, lang, errors, [], where=filename)


def parse_csv_text(text: str, filename: str, cat: Catalogue, lang: str = "nl") -> ParseResult:
    try:
        rows = user_files.read_csv(text, filename)  # line and column counts are checked there, first
    except user_files.UserFileError as exc:
        return ParseResult(errors=[exc.text(lang)])
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    errors: list[str] = []
    warnings: list[str] = []
    if len(rows) < 2:
        return ParseResult(errors=[t("peers_err_csv_no_row", lang, file=filename)])
    if len(rows) > 2:
        errors.append(t("peers_err_csv_rows", lang, file=filename, n=len(rows) - 1))
    row = rows[1]
    if len(row) != len(header):
        errors.append(t("peers_err_csv_width", lang, file=filename, header=len(header), row=len(row)))
    known = {"name", "population", *cat.indicators, *cat.dimensions}
    unknown = [h for h in header if h not in known]
    if unknown:
        errors.append(t("peers_err_csv_unknown_columns", lang, file=filename, columns=_name_list(unknown)))
    dupes = sorted(h for h, n in Counter(header).items() if n > 1)  # linear: a header may be long
    if dupes:
        errors.append(t("peers_err_csv_duplicate_columns", lang, file=filename, columns=_name_list(dupes)))
    missing = [c for c in ("name", "population") if c not in header]
    if missing:
        errors.append(t("peers_err_csv_missing_columns", lang, file=filename, columns=", ".join(missing)))
    if errors:
        return ParseResult(errors=errors)
    cells = dict(zip(header, (c.strip() for c in row), strict=True))  # widths checked above
    name = clean_name(cells.get("name"), lang, errors)
    population = _csv_number(cells.get("population", ""), "population", filename, lang, errors)
    if population is None and not any("population" in e for e in errors):
        errors.append(f"{filename}: " + t("peers_err_population_missing", lang))
    values = {}
    for ind in cat.indicators:
        if cells.get(ind, "") != "":
            v = _csv_number(cells[ind], ind, filename, lang, errors)
            if v is not None:
                values[ind] = v
    org = check_org({d: cells.get(d) for d in cat.dimensions}, cat, lang, errors, where=filename)
    if population is not None and not float(population).is_integer():
        errors.append(f"{filename}: " + t("peers_err_population_integer", lang, value=value_text(population)))
    profile = Profile(OWN_KEY, name, population, values, {}, org)
    return finish(profile, cat, lang, errors, warnings, where=filename)


def _name_list(names: list[str], limit: int = 5) -> str:
    """A few column names for a message, each shortened, then how many more."""
    shown = ", ".join(shorten(n, 40) for n in names[:limit])
    return shown + (f" (+{len(names) - limit})" if len(names) > limit else "")


def _csv_number(raw: str, column: str, filename: str, lang: str, errors: list[str]) -> float | None:
    raw = raw.strip()
    if raw == "":
        return None
    if _AMBIGUOUS_THOUSANDS.match(raw):
        errors.append(f"{filename}: " + t("peers_err_thousands", lang, field=column, value=raw))
        return None
    if not _NUMBER.match(raw):
        errors.append(f"{filename}: " + t("peers_err_not_number", lang, field=column, value=quote(raw)))
        return None
    value = float(raw.replace(",", "."))
    if not math.isfinite(value):  # "1" and 400 zeros is a valid float literal: infinity
        errors.append(f"{filename}: " + t("peers_err_not_finite", lang, field=column, value=quote(raw)))
        return None
    return value
