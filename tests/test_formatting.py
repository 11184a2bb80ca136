"""Dutch number formatting and the report's qualifiers (dashboard/core/formatting.py).

Why: a policy advisor reads "41,000" as forty-one euro; "not reported" shown as 0 would be a false fact.
"""

import math

import pandas as pd
import pytest

from dashboard.core import formatting as f


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (72600, "72.600"),
        (7.3, "7,3"),
        (1234567.891, "1.234.567,89"),
        (0, "0"),
        (-1.5, "\u22121,5"),
        (15.0, "15"),
        (-0.001, "0"),  # rounds to zero: no minus sign
    ],
)
def test_fmt_number_dutch(value, expected):
    assert f.fmt_number(value) == expected


def test_examples_from_the_issue():
    assert f.fmt_euro(41000) == "€ 41.000"
    assert f.fmt_percent(7.3) == "7,3%"
    assert f.fmt_number(72600) == "72.600"


def test_english_formatting():
    assert f.fmt_euro(41000, "en") == "€41,000"
    assert f.fmt_percent(7.3, lang="en") == "7.3%"
    assert f.fmt_number(72600, lang="en") == "72,600"


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, math.nan])
def test_missing_is_not_reported_never_zero(missing):
    assert f.fmt_number(missing) == "niet gerapporteerd"
    assert f.fmt_euro(missing, "en") == "not reported"
    assert f.fmt_value(missing, "percent") == "niet gerapporteerd"
    assert f.fmt_team_count(missing) == "niet gerapporteerd"


def test_qualifiers_stay_visible():
    assert f.fmt_population(72600, "approx") == "ca. 72.600"
    assert f.fmt_value(12, "count", "more_than") == "meer dan 12"
    assert f.fmt_value(12, "count", "more_than", lang="en") == "more than 12"
    assert f.fmt_value(30, "percent", "range", 50) == "30–50%"
    assert f.fmt_value(41000, "euro", "approx") == "ca. € 41.000"
    assert f.fmt_value(-1.5, "years") == "\u22121,5 jaar"


def test_one_minus_sign_everywhere():
    """U+2212, as Vega/d3 puts on the axes; never the hyphen-minus next to a bar or in a tooltip."""
    minus = "\u2212"
    assert f.fmt_unit(-1, "years") == f"{minus}1 jaar"
    assert f.fmt_euro(-12700) == f"{minus}€ 12.700"
    assert f.fmt_euro(-12700, "en") == f"{minus}€12,700"
    assert f.fmt_euro(-0.2) == "€ 0"
    assert f.fmt_percent(-2.5) == f"{minus}2,5%"
    for text in (f.fmt_unit(-1, "years"), f.fmt_euro(-5), f.fmt_number(-3, 1), f.fmt_difference(-2.3, "percent")):
        assert not text.startswith("-") and text.startswith(minus)


def test_fmt_difference_has_a_sign():
    minus = "\u2212"
    assert f.fmt_difference(1.7, "percent") == "+1,7 %-punt"
    assert f.fmt_difference(-2.3, "percent") == f"{minus}2,3 %-punt"
    assert f.fmt_difference(-2.3, "percent", "en") == f"{minus}2.3 pp"
    assert f.fmt_difference(-12700, "euro") == f"{minus}€ 12.700"
    assert f.fmt_difference(300, "euro") == "+€ 300"
    assert f.fmt_difference(-1, "years") == f"{minus}1 jaar"
    assert f.fmt_difference(0, "percent") == "0 %-punt"
    assert f.fmt_difference(None, "euro") == "niet gerapporteerd"


def test_team_counts():
    assert f.fmt_team_count(12) == "12"
    assert f.fmt_team_count(12, lower_bound=True) == "meer dan 12"
    assert f.fmt_team_count(12, incomplete=True) == "ten minste 12"
    assert f.fmt_team_count(12, incomplete=True, lang="en") == "at least 12"


def test_fmt_list():
    assert f.fmt_list(["a", "b", "c"]) == "a, b en c"
    assert f.fmt_list(["a", "b"], "en") == "a and b"
    assert f.fmt_list([]) == ""


def test_vega_locale_is_dutch_by_default():
    loc = f.vega_locale("nl")
    assert (loc["decimal"], loc["thousands"], loc["currency"]) == (",", ".", ["€ ", ""])
    assert f.vega_locale("en")["decimal"] == "."
    assert f.vega_locale("xx") == f.vega_locale("nl")


def test_truncate():
    assert f.truncate("abcdef", 4) == "abc…"
    assert f.truncate("abc", 4) == "abc"


def test_practice_figures_translate_their_unit():
    assert f.fmt_figure(28, "fte") == "28 fte"
    assert f.fmt_figure(6, "weeks", "approx") == "ca. 6 weken"
    assert f.fmt_figure(6, "weeks", lang="en") == "6 weeks"
    assert f.fmt_figure(1200, "euro") == "€ 1.200"


def test_shared_decimals_gives_figures_read_together_one_precision():
    assert f.shared_decimals(9, 16.4) == 1
    assert f.shared_decimals(9, 16, None) == 0
    assert f.shared_decimals(7.25, 3) == 2
    places = f.shared_decimals(9, 16.4)
    assert (f.fmt_unit(9, "percent", "nl", places), f.fmt_unit(16.4, "percent", "nl", places)) == ("9,0%", "16,4%")
