"""The peer score chart: per peer, coverage as a wide light bar and similarity as a narrow dark bar on top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from dashboard.core.charts.base import BAR_COLOUR, RANGE_COLOUR, fast_build, frame
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


@fast_build
def peer_score_chart(data: pd.DataFrame, *, title: str, subtitle: Sequence[str], lang: str):
    """Bullet bars, in rank order: coverage (RANGE_COLOUR, wide) under similarity (BAR_COLOUR, narrow)."""
    score, cover = t("peers_col_score", lang), t("peers_col_coverage", lang)
    long = pd.concat(
        [
            data.assign(measure=cover, value=data["coverage"], value_label=data["coverage_label"]),
            data.assign(measure=score, value=data["score"], value_label=data["score_label"]),
        ],
        ignore_index=True,
    )[["rank", "name", "measure", "value", "value_label"]]
    # The data sits on the layer, not on each mark: Altair deep-copies a chart's parts on every method call.
    encoding: dict[str, Any] = {
        "y": alt.Y("name:N", sort=list(data["name"]), title=None, axis=alt.Axis(labelLimit=140)),
        "x": alt.X("value:Q", title=None, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%", tickCount=5)),
        "color": alt.Color(
            "measure:N",
            sort=[cover, score],
            title=None,
            scale=alt.Scale(domain=[cover, score], range=[RANGE_COLOUR, BAR_COLOUR]),
            legend=alt.Legend(orient="top"),
        ),
        "tooltip": [
            alt.Tooltip("name:N", title=t("peers_col_peer", lang)),
            alt.Tooltip("measure:N", title=" "),
            alt.Tooltip("value_label:N", title=" "),
        ],
    }
    layered = alt.LayerChart(
        data=long,
        layer=[
            alt.Chart(mark=alt.MarkDef(type="bar", size=20), encoding=alt.FacetedEncoding(**encoding)).transform_filter(
                alt.datum.measure == cover
            ),
            alt.Chart(mark=alt.MarkDef(type="bar", size=8), encoding=alt.FacetedEncoding(**encoding)).transform_filter(
                alt.datum.measure == score
            ),
        ],
        height=alt.Step(30),
    )
    return frame(layered, title=title, subtitle=subtitle, lang=lang)
