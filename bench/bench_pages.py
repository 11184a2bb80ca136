"""Benchmark: what does each dashboard page cost against a bare Streamlit page? Not a test; prints ratios.

In ONE process, with Streamlit's AppTest: a minimal BASELINE script (a title, three sidebar multiselects, a
16-row dataframe and a 16-point Altair chart) and every page of the app. Each is run once to warm its caches,
then RUNS reruns of the page and of the baseline are timed alternately; the table shows each page's median
divided by the baseline's median (targets: <= 2x on data/, <= 3x at 2000 synthetic municipalities). Ratios,
not milliseconds: a busy shared machine slows baseline and pages alike, and a benchmark reports, it never
fails on timings.

The pages are discovered from the app itself: the app runs once while `st.navigation` is observed, so every
page it declares (peers, presentation and the SQL console included) is measured, wherever its file lives.
PAGE_PARAMS adds URL parameters that make a page draw its charts (keyed by url path; unknown keys are ignored).

Sizes: data/ (16 municipalities) and SYNTHETIC folders of 400, 2000 and 5000 (bench/synthetic.py), each
built with `python -m etl build` into a temporary folder, never into data/. `python -m bench.bench_pages 16 400`
measures only the sizes given. `--cold` empties the page-content memo before every page run: what the first
view of a filter state costs (the tail of bench/load.py, where visitors keep making new filter states).
"""

from __future__ import annotations

import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import streamlit as st

from bench.synthetic import make_synthetic_data
from dashboard.core import settings
from dashboard.runtime import db

ROOT = Path(__file__).resolve().parent.parent
# The app's entry script (what `make run` starts); its st.navigation call lists the pages.
APP = ROOT / "dashboard" / "app.py"
SIZES = (16, 400, 2000, 5000)
RUNS = {16: 11, 400: 7, 2000: 5, 5000: 3}

BASELINE_SCRIPT = """
import altair as alt
import pandas as pd
import streamlit as st

st.title("Baseline")
names = [f"Gemeente {i}" for i in range(16)]
for label in ("Provincie", "Teamvorm", "Basisfunctie"):
    st.sidebar.multiselect(label, names)
frame = pd.DataFrame({"gemeente": names, "inwoners": [10_000 * (i + 1) for i in range(16)]})
st.dataframe(frame)
st.altair_chart(alt.Chart(frame).mark_point().encode(x="gemeente", y="inwoners"))
"""


def page_params(slugs: list[str]) -> dict[str, list[tuple[str, dict]]]:
    """Variants per url path: (label suffix, query params). Pages not listed run once without parameters."""
    return {
        "profiel": [("", {"gm": slugs[0]})],
        "vergelijken": [("", {"cmp": ",".join(slugs)})],
        "contrasten": [
            (": basisfuncties", {"contrast": "heatmap"}),
            (": organisatiemodel", {"contrast": "matrix"}),
            (": twee kenmerken", {"contrast": "scatter"}),
            (": groepen", {"contrast": "groups"}),
            (": afwijking", {"contrast": "deviation"}),
        ],
        "praktijkvoorbeelden": [("", {"q": "team"})],
        "vergelijkbare-gemeenten": [("", {"peer_ref": slugs[0]})],
    }


def share_script_cache() -> None:
    """Give every AppTest run one ScriptCache, like the server (one per process): AppTest makes a new one per
    run, so every rerun would compile the app and the page again, a cost no user ever pays."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[attr-defined]
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[attr-defined]


def discover_pages() -> list[tuple[str, str, bool]]:
    """(url path, page script relative to the app's folder, is default) for every page the app declares.

    The default page has an empty url path; it is named after its script instead."""
    from streamlit.testing.v1 import AppTest

    found: list[tuple[str, str, bool]] = []
    real_navigation = st.navigation

    def observing_navigation(pages, *args, **kwargs):
        flat = [p for group in pages.values() for p in group] if isinstance(pages, dict) else list(pages)
        found.clear()
        for page in flat:
            script = Path(str(page._page))  # the script path st.Page was given (resolved by Streamlit)
            relative = os.path.relpath(script, APP.parent) if script.is_absolute() else str(script)
            found.append((page.url_path or script.stem, relative, bool(page._default)))
        return real_navigation(pages, *args, **kwargs)

    st.navigation = observing_navigation
    try:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.run()
    finally:
        st.navigation = real_navigation
    if not found:
        raise RuntimeError(f"{APP} declared no pages through st.navigation")
    return found


def baseline_app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(BASELINE_SCRIPT, default_timeout=120)
    at.run()
    return at


def page_app(page: str, is_default: bool, params: dict):
    """An AppTest on one page variant, run twice (the second run fills the per-build memos for it)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    if not is_default:
        at.switch_page(page)
    at.query_params.update(params)
    at.run()  # warm-up: fills the memos for this page
    if at.exception:
        raise RuntimeError(f"page raised: {at.exception[0].value}")
    return at


def time_pair(baseline, page, runs: int, cold: bool = False) -> tuple[float, float]:
    """Median rerun times (ms) of the baseline and a page, run alternately (ABAB): a load change on the shared
    machine during the measurement moves both sides of the ratio alike. cold: the page's content memo is
    emptied before each of its runs, as for the first view of a filter state nobody has looked at yet."""
    base_times, page_times = [], []
    for _ in range(runs):
        for at, times in ((baseline, base_times), (page, page_times)):
            if cold and at is page:
                db.forget_page_content()
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(base_times), statistics.median(page_times)


def top_slugs(warehouse: Path) -> list[str]:
    """The two municipalities with the most indicator values (so compare and profile draw full charts)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "select m.slug from municipality m join indicator_value v using (municipality_code) "
            "group by m.slug order by count(*) desc, m.slug limit 2"
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def build(data_dir: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "etl", "build", "--data", str(data_dir), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def measure(data_dir: Path, warehouse: Path, runs: int, cold: bool = False) -> tuple[float, dict[str, float]]:
    """Median baseline (ms) and each page's ratio to the baseline on one warehouse.

    The baseline is timed alternately with every page (time_pair), so a load change on a shared machine
    during the run moves both sides of each ratio alike."""
    build(data_dir, warehouse)
    settings.DATA_DIR, settings.WAREHOUSE_PATH = data_dir, warehouse
    variants = page_params(top_slugs(warehouse))
    baseline = baseline_app()
    baselines: list[float] = []
    ratios: dict[str, float] = {}
    for url_path, script, is_default in discover_pages():
        for suffix, params in variants.get(url_path, [("", {})]):
            base_ms, page_ms = time_pair(baseline, page_app(script, is_default, params), runs, cold)
            baselines.append(base_ms)
            ratios[url_path + suffix] = page_ms / base_ms
    return statistics.median(baselines), ratios


def main(argv: list[str]) -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    share_script_cache()
    cold = "--cold" in argv
    sizes = tuple(int(a) for a in argv if a != "--cold") or SIZES
    results: dict[int, tuple[float, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp_name:
        tmp = Path(tmp_name)
        for n in sizes:
            data_dir = ROOT / "data" if n == 16 else make_synthetic_data(tmp / f"synthetic-{n}", n=n, seed=0)
            results[n] = measure(data_dir, tmp / f"warehouse-{n}.duckdb", RUNS.get(n, 3), cold)

    labels = list(next(iter(results.values()))[1])
    width = max(len(label) for label in labels)
    caches = "first view of a new filter state: page memo emptied before each run" if cold else "warm caches"
    print(f"Page rerun cost as a ratio to a bare Streamlit page (same process, {caches}, median)")
    print(f"{'page':<{width}}" + "".join(f"{n:>8}" for n in sizes))
    for label in labels:
        print(f"{label:<{width}}" + "".join(f"{results[n][1].get(label, float('nan')):>7.1f}x" for n in sizes))
    print(f"{'(baseline ms, median)':<{width}}" + "".join(f"{results[n][0]:>8.0f}" for n in sizes))
    print("targets: <= 2x on data/ (16), <= 3x at 2000; linear growth: the ratio rises about in step with size")
    return 0  # a benchmark reports; it does not fail the build


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
