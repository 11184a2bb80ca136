"""What every chart shares: the palette, the chart words, the frame (title, subtitle, source line, number
locale), the colour scale and the fast-build wrapper. No chart of its own."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Mapping, Sequence
from typing import Final

import altair as alt
import pandas as pd
from altair.utils.schemapi import debug_mode

from dashboard.core.formatting import (
    vega_locale,
)
from dashboard.core.i18n import STRINGS, t

# Okabe & Ito (2008), the palette most often recommended for colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
NOT_REPORTED_GREY = "#BBBBBB"
REFERENCE_COLOUR = "#222222"
BAR_COLOUR = "#0072B2"
RANGE_COLOUR = "#A6CDEB"  # a lighter BAR_COLOUR: the stretch between the lower and the upper bound of a range
BELOW_COLOUR = "#0072B2"  # blue: below the national reference
ABOVE_COLOUR = "#D55E00"  # vermillion: above it
HEATMAP_SCHEME: Final = "blues"  # Final: the literal type Altair's stubs ask for

# Altair refuses to inline more than 5000 rows; the heatmap and the organisation matrix have one row per
# municipality and value, so 2000 municipalities pass that. The rows are needed: lift the limit.
alt.data_transformers.enable("default", max_rows=None)


def fast_build(builder):
    """Build without Altair's per-object validation (about 40 ms per chart); the whole spec is still
    validated when tests serialise it (tests/test_charts_*.py call to_dict(), which validates); the app does not."""

    @functools.wraps(builder)
    def wrapper(*args, **kwargs):
        with debug_mode(False):
            return builder(*args, **kwargs)

    return wrapper


@functools.cache
def chart_words(lang: str) -> dict[str, str]:
    """The chart words (strings/charts.py, keys chart_*) of one language, without the prefix."""
    return {key.removeprefix("chart_"): t(key, lang) for key in STRINGS if key.startswith("chart_")}


def source_line(lang: str, producers: Sequence[str] = ()) -> str:
    """'Bron: KPMG (2019), …, bijlage 2; cijfers in de schetsen uit CBS, VNG'."""
    base = t("chart_source_base", lang)
    names = sorted({p for p in producers if p and not str(p).startswith("KPMG")})
    return f"{base}; {chart_words(lang)['indicator_sources']} {', '.join(names)}" if names else base


def wrap(text: str, width: int = 100) -> list[str]:
    return textwrap.wrap(str(text), width=width, break_long_words=False) or [""]


def subtitle_lines(filters_text: str | None, source: str, extra: Sequence[str] = (), width: int = 100) -> list[str]:
    lines: list[str] = []
    for part in (*extra, filters_text, source):
        if part:
            lines.extend(wrap(part, width))
    return lines


def frame(chart, *, title: str, subtitle: Sequence[str], lang: str):
    """Put title, subtitle and source into the spec, plus the number locale and a readable base style.

    The two properties are set on the chart itself, which the builder has just made: .properties() would
    make a copy first, and copying a layered chart runs Altair's LayerChart set-up again, which deep-copies
    every layer twice (about a tenth of building a chart page's charts).
    """
    config = {
        "locale": {"number": vega_locale(lang)},
        "axis": {"labelFontSize": 11, "titleFontSize": 11},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 260},
        "view": {"stroke": None},
    }
    title_params = alt.Title(
        text=title,
        subtitle=list(subtitle),
        anchor="start",
        fontSize=15,
        subtitleFontSize=11,
        subtitleColor="#4a4a4a",
        subtitlePadding=4,
        offset=10,
    )
    chart.title = title_params
    chart.config = config
    return chart


def word_tooltips(words: Mapping[str, str], *fields: tuple[str, str]) -> list[alt.Tooltip]:
    """Tooltips on nominal fields, each titled with a chart word: (field, word key) pairs, in order."""
    return [alt.Tooltip(f"{field}:N", title=words[word]) for field, word in fields]


def categorical_scale(values: Sequence[str], labels: Mapping[str, str], not_reported: str = "not_reported"):
    """Colour scale over value ids in codebook order: Okabe-Ito, with 'not reported' always grey."""
    domain, colours = [], []
    palette = iter(OKABE_ITO)
    for v in values:
        domain.append(labels.get(v, v))
        colours.append(NOT_REPORTED_GREY if v == not_reported else next(palette, "#777777"))
    return alt.Scale(domain=domain, range=colours)


LINE_BREAK = "\n"  # joins the lines of a bar label; the label text mark breaks on it


def is_range(df: pd.DataFrame) -> pd.Series:
    """Values the sketch gives as a range (value = lower bound, value_upper = upper bound), not as one number."""
    if "qualifier" not in df:
        return pd.Series(False, index=df.index)
    return df["qualifier"].eq("range").fillna(False).astype(bool)


def population_legend_values(population: pd.Series) -> list[int]:
    """Round legend steps inside the data range (a legend starting at 0 inhabitants says nothing)."""
    steps = [10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000]
    if population.empty:
        return steps[:4]
    low, high = float(population.min()), float(population.max())
    inside = [s for s in steps if low <= s <= high]
    return inside[-4:] if inside else [int(round(high, -3))]
