"""Number and label formatting for the dashboard, Dutch by default. Pure: no Streamlit, no database.

Dutch conventions (decimal comma, thousands dot, "€ 41.000") are used in tables, tooltips and chart axes.
Tables and tooltips get strings built here; chart axes are formatted by Vega with the locale from
`vega_locale()`, which charts carry in their own spec (config.locale) so that Streamlit and exported
PNG/SVG files show the same numbers.

The report's qualifiers are kept next to every number ("ca. 72.600", "meer dan 12"), and a value the
source does not give is shown as "niet gerapporteerd", never as 0 or "nee".

Negative numbers get the typographic minus sign U+2212 ("−1 jaar", "−€ 12.700"), the sign Vega/d3 puts on
chart axes, so a label next to a bar reads the same as the axis under it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.core.i18n import LANGUAGES, lang_code, t

# Words come from the text catalogue (strings/charts.py, keys num_*); these tables are built from it once.
NOT_REPORTED = {lang: t("num_not_reported", lang) for lang in LANGUAGES}

MINUS = "\u2212"  # '−', as on Vega/d3 axes; never the hyphen-minus '-'

# What the report says about a number's precision, as words before the number.
QUALIFIER_WORDS = {
    lang: {"exact": "", "range": "", **{q: t(f"num_qualifier_{q}", lang) for q in ("approx", "more_than", "less_than")}}
    for lang in LANGUAGES
}

# Vega/d3 number locales. Dutch: decimal comma, thousands dot, euro sign with a space before the amount.
VEGA_LOCALES = {
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}

UNIT_WORDS = {
    lang: {"percent": "%", "euro": "€", "count": t("num_unit_count", lang), "years": t("chart_unit_years", lang)}
    for lang in LANGUAGES
}

_lang = lang_code


def is_missing(value) -> bool:
    """None, NaN and pandas' NA all mean: the source does not give this number."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value, decimals: int | None = None, lang: str = "nl") -> str:
    """72600 -> '72.600'; 7.25 -> '7,25'. decimals=None shows up to two decimals, dropping trailing zeros."""
    if is_missing(value):
        return NOT_REPORTED[_lang(lang)]
    value = float(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if decimals is None else f"{value:,.{decimals}f}"
    if text.startswith("-"):
        # '-0' or '-0.00' after rounding is zero; any other negative number gets the minus sign U+2212
        text = text[1:] if not text.strip("-0.,") else MINUS + text[1:]
    return text.translate(str.maketrans(",.", t("num_group_decimal", lang)))


def fmt_percent(value, decimals: int | None = None, lang: str = "nl") -> str:
    """7.3 (percentage points) -> '7,3%'; 15 -> '15%'."""
    if is_missing(value):
        return NOT_REPORTED[_lang(lang)]
    return f"{fmt_number(value, decimals, lang)}%"


def fmt_euro(value, lang: str = "nl") -> str:
    """41000 -> '€ 41.000' (nl) or '€41,000' (en)."""
    if is_missing(value):
        return NOT_REPORTED[_lang(lang)]
    amount = fmt_number(abs(float(value)), 0, lang)
    sign = MINUS if float(value) < 0 and amount != "0" else ""
    return f"{sign}{t('num_euro_prefix', lang)}{amount}"


def shared_decimals(*values) -> int:
    """The decimals (0–2) that show every given figure exactly as fmt_number would: one precision for figures
    read side by side ('9,0% tegen 16,4%', never '9% tegen 16,4%'). Missing values are ignored."""
    places = 0
    for value in values:
        if is_missing(value):
            continue
        text = f"{abs(float(value)):.2f}".rstrip("0")
        places = max(places, len(text.split(".")[1]))
    return places


def fmt_unit(value, unit: str, lang: str = "nl", decimals: int | None = None) -> str:
    """A bare number in its unit: percent, euro, count or years (decimals: see shared_decimals; euros are
    always whole)."""
    if is_missing(value):
        return NOT_REPORTED[_lang(lang)]
    if unit == "percent":
        return fmt_percent(value, decimals, lang)
    if unit == "euro":
        return fmt_euro(value, lang)
    if unit == "years":
        return f"{fmt_number(value, decimals, lang)} {UNIT_WORDS[_lang(lang)]['years']}"
    return fmt_number(value, decimals, lang)


def fmt_value(
    value, unit: str, qualifier: str = "exact", value_upper=None, lang: str = "nl", decimals: int | None = None
) -> str:
    """A reported figure with its qualifier: 'ca. € 41.000', 'meer dan 12', '7,3–8,1%'."""
    lang = _lang(lang)
    if is_missing(value):
        return NOT_REPORTED[lang]
    if qualifier == "range" and not is_missing(value_upper):
        if unit == "percent":
            return f"{fmt_number(value, decimals, lang)}–{fmt_percent(value_upper, decimals, lang)}"
        return f"{fmt_unit(value, unit, lang, decimals)}–{fmt_unit(value_upper, unit, lang, decimals)}"
    word = QUALIFIER_WORDS[lang].get(qualifier or "exact", "")
    text = fmt_unit(value, unit, lang, decimals)
    return f"{word} {text}" if word else text


def fmt_difference(value, unit: str, lang: str = "nl") -> str:
    """A difference with its sign: '+1,7 %-punt', '−2,3 %-punt', '−€ 12.700', '+1 jaar'; zero has no sign."""
    lang = _lang(lang)
    if is_missing(value):
        return NOT_REPORTED[lang]
    value = float(value)
    if unit == "percent":
        text = fmt_number(abs(value), None, lang) + t("num_percentage_points", lang)
    else:
        text = fmt_unit(abs(value), unit, lang)
    rounded = fmt_number(abs(value), 0 if unit == "euro" else None, lang)
    if not rounded.strip("0.,"):  # rounds to zero: no sign
        return text
    return ("+" if value > 0 else MINUS) + text


FIGURE_UNITS = {
    lang: {unit: t(f"num_figure_{unit}", lang) for unit in ("fte", "days", "weeks", "months", "years")}
    for lang in LANGUAGES
}


def fmt_figure(value, unit: str, qualifier: str = "exact", lang: str = "nl") -> str:
    """A number from a practice example: '28 fte', 'ca. 6 weken', '€ 1.200', '35%'."""
    lang = _lang(lang)
    if unit in ("percent", "euro", "count"):
        return fmt_value(value, unit, qualifier, None, lang)
    text = fmt_value(value, "count", qualifier, None, lang)
    return f"{text} {FIGURE_UNITS[lang].get(unit, unit)}"


def fmt_population(value, qualifier: str = "exact", lang: str = "nl") -> str:
    """72600, 'approx' -> 'ca. 72.600'."""
    return fmt_value(value, "count", qualifier, None, lang)


def fmt_team_count(count, *, lower_bound: bool = False, incomplete: bool = False, lang: str = "nl") -> str:
    """Number of teams: '12', 'meer dan 12' (a lower bound) or 'niet gerapporteerd'.

    `incomplete` means at least one team type has no count: a sum would understate the total, so the
    reported part is shown as a lower bound ('ten minste').
    """
    lang = _lang(lang)
    if is_missing(count) or count == 0:
        return NOT_REPORTED[lang]
    text = fmt_number(count, 0, lang)
    if lower_bound:
        return f"{QUALIFIER_WORDS[lang]['more_than']} {text}"
    if incomplete:
        return f"{t('num_at_least', lang)} {text}"
    return text


def fmt_list(items: Sequence[str], lang: str = "nl") -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    items = [str(i) for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    joiner = t("num_list_and", lang)
    return ", ".join(items[:-1]) + joiner + items[-1]


def vega_locale(lang: str = "nl") -> dict:
    """The Vega number locale for config.locale.number in a chart spec."""
    return dict(VEGA_LOCALES[_lang(lang)])


def axis_format(unit: str) -> str:
    """d3 format string for a chart axis in this unit (the locale supplies comma/dot and the euro sign)."""
    return {"euro": "$,.0f", "percent": ",.4~f", "years": ",.4~f"}.get(unit, ",.4~f")


def axis_unit_suffix(unit: str, lang: str = "nl") -> str:
    """Appended to an axis title so a reader knows the unit where the tick labels do not show it."""
    return {"percent": " (%)", "years": f" ({UNIT_WORDS[_lang(lang)]['years']})"}.get(unit, "")


def truncate(text: str, limit: int) -> str:
    """Shorten a label to `limit` characters with an ellipsis (tooltips keep the full text)."""
    text = str(text)
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"
