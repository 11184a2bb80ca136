"""What every chart shares: the palette, the chart words, the frame (title, subtitle, source line, number
locale), the colour scale, and the parts of a spec written as a plain Vega-Lite dict. No chart of its own.

Every builder writes its Vega-Lite spec as a plain dict (framed_spec) rather than through Altair's objects:
for a layered or concatenated chart Altair deep-copies every layer when it composes them and again when it
serialises, which was most of the cost of a page's first view in a new filter state (bench/load.py). The specs
are the ones Altair wrote for the same charts; tests/chart_support.spec_of validates each against Vega-Lite's
JSON schema."""

from __future__ import annotations

import functools
import hashlib
import json
import textwrap
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from dashboard.core.charts.rows import records
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
HEATMAP_SCHEME = "blues"


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


def framed_spec(body: dict, datasets: dict, *, title: str, subtitle: Sequence[str], lang: str) -> dict:
    """The whole Vega-Lite spec of a chart from its view (body) and the rows it names (datasets, see named_data):
    title, subtitle and source lines, the number locale and a readable base style."""
    return {
        "$schema": alt.SCHEMA_URL,
        "config": {
            "locale": {"number": vega_locale(lang)},
            "axis": {"labelFontSize": 11, "titleFontSize": 11},
            "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 260},
            # continuousWidth/Height: what Altair's default theme wrote into every spec (the specs stay as they were)
            "view": {"continuousWidth": 300, "continuousHeight": 300, "stroke": None},
        },
        **body,
        "title": {
            "text": title,
            "subtitle": list(subtitle),
            "anchor": "start",
            "fontSize": 15,
            "subtitleFontSize": 11,
            "subtitleColor": "#4a4a4a",
            "subtitlePadding": 4,
            "offset": 10,
        },
        "datasets": datasets,
    }


def named_data(df: pd.DataFrame, datasets: dict) -> dict:
    """{"name": ...} for the rows of df, which go into datasets under a name made from their content, as
    Altair names them (the same rows in two views are stored once)."""
    values = records(df)
    name = "empty" if values == [{}] else "data-" + _content_hash(values)
    datasets[name] = values
    return {"name": name}


def _content_hash(values: list) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:32]


def titled_tooltips(*fields: tuple[str, str]) -> list[dict]:
    """Tooltips on nominal fields: (field, title) pairs, in order."""
    return [{"field": field, "title": title, "type": "nominal"} for field, title in fields]


def word_tooltips(words: Mapping[str, str], *fields: tuple[str, str]) -> list[dict]:
    """titled_tooltips() titled with chart words: (field, word key) pairs, in order."""
    return titled_tooltips(*((field, words[word]) for field, word in fields))


def categorical_colours(values: Sequence[str], labels: Mapping[str, str], not_reported: str = "not_reported"):
    """(domain, range) of a colour scale over value ids in codebook order: Okabe-Ito, 'not reported' always grey."""
    domain, colours = [], []
    palette = iter(OKABE_ITO)
    for v in values:
        domain.append(labels.get(v, v))
        colours.append(NOT_REPORTED_GREY if v == not_reported else next(palette, "#777777"))
    return domain, colours


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
