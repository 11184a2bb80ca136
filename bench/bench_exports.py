"""Benchmark: chart exports. Not a test; prints a table of medians.

1. PNG export per chart (target <= 500 ms median): the dashboard's own chart builders on a warehouse built
   from data/ into a temporary folder; the render cache is cleared before every run, so each run pays the
   full vl-convert render (what the first click on "Download PNG" costs).
2. SVG export per chart, for comparison (no target).
3. A PowerPoint deck of 10 pinned charts (target <= 5 s), images rendered uncached.
4. A PNG export that hits the cache (the second click), as the baseline for the ratio column.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from dashboard.core import charts, exports, queries
from etl.build import build_warehouse
from etl.citation import report_citation
from etl.paths import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent

RUNS = 5
LANG = "nl"
SUBTITLE = [
    "Selectie: 16 van 16 gemeenten · geen filters",
    "Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart",
]


def real_charts(con) -> dict[str, object]:
    """The dashboard's charts as the pages build them (a few indicators and dimensions as examples)."""
    overview, org = queries.overview(con), queries.org_matrix(con)
    values, dims = queries.indicator_values(con), queries.dimensions(con)
    dim_values, functions = queries.dimension_values(con), queries.basic_functions(con)
    labels = {
        (d, v): lbl
        for d, v, lbl in zip(dim_values["dimension_id"], dim_values["value_id"], dim_values["label_nl"], strict=True)
    }

    def value_map(dim):
        return {v: lbl for (d, v), lbl in labels.items() if d == dim}

    def value_ids(dim):
        return [v for (d, v) in labels if d == dim]

    fmap = dict(zip(functions["basic_function_id"], functions["name_nl"], strict=True))
    out: dict[str, object] = {
        "heatmap": charts.function_heatmap(
            queries.highlights(con),
            overview,
            functions,
            title="Uitgelichte basisfuncties per gemeente",
            subtitle=SUBTITLE,
            lang=LANG,
        ),
        "org_matrix": charts.org_matrix_chart(
            org,
            charts.org_matrix_key(dim_values, LANG),
            dims,
            title="Organisatiemodel per gemeente",
            subtitle=SUBTITLE,
            lang=LANG,
            key_title="Sleutel",
        ),
    }
    points = charts.prepare_map_points(
        overview, org, "team_scope", value_map("team_scope"), fmap, value_map("team_scope"), LANG
    )
    out["map"] = charts.map_chart(
        points,
        value_order=value_ids("team_scope"),
        value_labels=value_map("team_scope"),
        colour_title="Reikwijdte",
        title="Kaart",
        subtitle=SUBTITLE,
        lang=LANG,
    )
    rows = charts.prepare_indicator_rows(
        values[values["municipality_code"].isin(overview["municipality_code"][:4])], LANG, label_by="municipality"
    )
    out["indicator_rows"] = charts.indicator_rows_chart(rows, title="Kenmerken", subtitle=SUBTITLE, lang=LANG)
    for ind in charts.chartable_indicators(values)[:2]:
        unit = values.loc[values["indicator_id"] == ind, "unit"].iloc[0]
        dev = charts.prepare_deviation(values, ind, LANG)
        if len(dev):
            out[f"deviation_{ind}"] = charts.deviation_chart(
                dev, indicator_title=ind, unit=unit, title=f"Afwijking {ind}", subtitle=SUBTITLE, lang=LANG
            )
        pts = charts.prepare_group_contrast(
            values, org, ind, "team_scope", value_ids("team_scope"), value_map("team_scope"), LANG
        )
        if len(pts):
            out[f"groups_{ind}"] = charts.group_contrast_chart(
                pts,
                indicator_title=ind,
                unit=unit,
                group_title="Reikwijdte",
                value_order=value_ids("team_scope"),
                value_labels=value_map("team_scope"),
                title=f"{ind} naar reikwijdte",
                subtitle=SUBTITLE,
                lang=LANG,
            )
    return out


def timed(fn, runs: int = RUNS, clear: bool = True) -> list[float]:
    timings = []
    for _ in range(runs):
        if clear:
            exports.clear_render_cache()
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return timings


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        path = Path(tmp) / "warehouse.duckdb"
        build_warehouse(DATA_DIR, path, log=lambda _line: None)
        with duckdb.connect(str(path), read_only=True) as con:
            built = real_charts(con)
    exports.chart_png(next(iter(built.values())))  # start vl-convert's JavaScript engine once

    rows: list[tuple[str, list[float], float | None]] = []
    png_medians = []
    for name, chart in built.items():
        timings = timed(lambda c=chart: exports.chart_png(c, lang=LANG))
        png_medians.append(statistics.median(timings))
        rows.append((f"png {name}", timings, 0.5))
    rows.extend(
        (f"svg {name}", timed(lambda c=built[name]: exports.chart_svg(c, lang=LANG)), None)
        for name in ("heatmap", "map")
    )
    chart_list = list(built.values())
    pins = [
        {
            "slug": f"chart_{i}",
            "title": f"Grafiek {i + 1}",
            "subtitle": SUBTITLE,
            "spec": exports.spec_json(exports.chart_to_spec(chart_list[i % len(chart_list)])),
        }
        for i in range(10)
    ]
    cite = report_citation(LANG)
    rows.append(("deck of 10 charts", timed(lambda: exports.build_deck(pins, lang=LANG, citation=cite), runs=3), 5.0))
    exports.chart_png(built["heatmap"], lang=LANG)
    cached = timed(lambda: exports.chart_png(built["heatmap"], lang=LANG), clear=False)
    rows.append(("png heatmap (cached)", cached, None))

    base = statistics.median(cached) or 1e-9
    print(f"bench_exports: median of {RUNS} runs (deck: 3), render cache cleared before each uncached run")
    print(f"{'what':<58} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'target ms':>10} {'x cached':>9}  ok")
    for name, timings, target in rows:
        median = statistics.median(timings)
        ok = "" if target is None else ("yes" if median <= target else "NO")
        target_text = "" if target is None else f"{target * 1000:.0f}"
        print(
            f"{name[:58]:<58} {median * 1000:>10.1f} {min(timings) * 1000:>8.1f} {max(timings) * 1000:>8.1f} "
            f"{target_text:>10} {median / base:>9.0f}  {ok}"
        )
    print(
        f"PNG export, median over {len(png_medians)} charts: {statistics.median(png_medians) * 1000:.0f} ms "
        f"(target <= 500 ms)"
    )
    return 0  # a benchmark reports; the "ok" column says whether a target was met


if __name__ == "__main__":
    sys.exit(main())
