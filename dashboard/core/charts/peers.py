"""The peer score chart: per peer, coverage as a wide light bar and similarity as a narrow dark bar on top."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.core.charts.base import BAR_COLOUR, RANGE_COLOUR, framed_spec, named_data, titled_tooltips
from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import t

# The columns of prepare_peer_scores(), in order (chart_text.TABLE_COLUMNS["peers"] shows the labelled ones).
PEER_SCORE_COLUMNS = ("rank", "name", "score", "coverage", "score_label", "coverage_label")


def _percent(share: float | None, lang: str) -> str:
    return "—" if share is None or pd.isna(share) else f"{fmt_number(100 * share, 0, lang)}%"


def prepare_peer_scores(rows: Sequence[tuple[int, str, float | None, float]], lang: str) -> pd.DataFrame:
    """(rank, name, score, coverage) per peer, in rank order -> the rows behind the chart (and its CSV):
    score and coverage as shares (0..1, score None when no criterion could be used) and as Dutch/English text."""
    data = pd.DataFrame(list(rows), columns=["rank", "name", "score", "coverage"])
    data["score"] = data["score"].astype(float)
    data["coverage"] = data["coverage"].astype(float)
    data["score_label"] = [_percent(s, lang) for s in data["score"]]
    data["coverage_label"] = [_percent(c, lang) for c in data["coverage"]]
    return data.loc[:, list(PEER_SCORE_COLUMNS)]


def peer_score_chart(data: pd.DataFrame, *, title: str, subtitle: Sequence[str], lang: str) -> dict:
    """Bullet bars, in rank order: coverage (RANGE_COLOUR, wide) under similarity (BAR_COLOUR, narrow)."""
    score, cover = t("peers_col_score", lang), t("peers_col_coverage", lang)
    long = pd.concat(
        [
            data.assign(measure=cover, value=data["coverage"], value_label=data["coverage_label"]),
            data.assign(measure=score, value=data["score"], value_label=data["score_label"]),
        ],
        ignore_index=True,
    )[["rank", "name", "measure", "value", "value_label"]]
    encoding = {
        "y": {
            "axis": {"labelLimit": 140},
            "field": "name",
            "sort": list(data["name"]),
            "title": None,
            "type": "nominal",
        },
        "x": {
            "axis": {"format": ".0%", "tickCount": 5},
            "field": "value",
            "scale": {"domain": [0, 1]},
            "title": None,
            "type": "quantitative",
        },
        "color": {
            "field": "measure",
            "legend": {"orient": "top"},
            "scale": {"domain": [cover, score], "range": [RANGE_COLOUR, BAR_COLOUR]},
            "sort": [cover, score],
            "title": None,
            "type": "nominal",
        },
        "tooltip": titled_tooltips(("name", t("peers_col_peer", lang)), ("measure", " "), ("value_label", " ")),
    }
    layers = [
        # a Python string literal is a Vega expression string literal too (the measures are our own words)
        {
            "encoding": encoding,
            "mark": {"size": size, "type": "bar"},
            "transform": [{"filter": f"(datum.measure === {measure!r})"}],
        }
        for measure, size in ((cover, 20), (score, 8))
    ]
    datasets: dict = {}
    body = {"data": named_data(long, datasets), "height": {"step": 30}, "layer": layers}
    return framed_spec(body, datasets, title=title, subtitle=subtitle, lang=lang)
