"""Benchmark: how long does each dashboard page take to run on a warm cache? Not a test; prints a table.

Each page's script (with the shared sidebar in dashboard/app.py) is run in-process with Streamlit's AppTest:
one warm-up run fills the query cache, then RUNS timed reruns; the median is reported.

1. The real data/ folder (target <= 150 ms per page).
2. A SYNTHETIC folder of 400 municipalities from bench/synthetic.py (target <= 400 ms per page).
Warehouses are built with `python -m etl build --data DIR --out FILE` into a temporary folder, never data/.
The time includes AppTest's own overhead (about what a browser rerun costs the server, minus the network).
"""

from __future__ import annotations

import logging
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_synthetic_data  # noqa: E402
from dashboard.core import settings  # noqa: E402

RUNS = 11
N_SYNTHETIC = 400
TARGET_MS = {"real": 150.0, "synthetic": 400.0}
APP = str(ROOT / "dashboard" / "app.py")


def build(data_dir: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "etl", "build", "--data", str(data_dir), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def page_cases(warehouse: Path) -> list[tuple[str, str, dict]]:
    """(label, page file, query params) with parameters that make each page draw its charts."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    slugs = [
        r[0]
        for r in con.execute(
            "select m.slug from municipality m join indicator_value v using (municipality_code) "
            "group by m.slug order by count(*) desc, m.slug limit 2"
        ).fetchall()
    ]
    con.close()
    return [
        ("Overzicht", "views/overview.py", {}),
        ("Gemeenteprofiel", "views/profile.py", {"gm": slugs[0]}),
        ("Vergelijken", "views/compare.py", {"cmp": ",".join(slugs)}),
        ("Contrasten: basisfuncties", "views/contrasts.py", {"contrast": "heatmap"}),
        ("Contrasten: organisatiemodel", "views/contrasts.py", {"contrast": "matrix"}),
        ("Contrasten: twee kenmerken", "views/contrasts.py", {"contrast": "scatter"}),
        ("Contrasten: groepen", "views/contrasts.py", {"contrast": "groups"}),
        ("Contrasten: afwijking", "views/contrasts.py", {"contrast": "deviation"}),
        ("Praktijkvoorbeelden", "views/practices.py", {"q": "team"}),
        ("Over de data", "views/about.py", {}),
    ]


def time_page(page: str, params: dict, runs: int = RUNS) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
    at.query_params.update(params)
    at.run()  # warm-up: fills st.cache_data for this page
    if at.exception:
        raise RuntimeError(f"{page} raised: {at.exception[0].value}")
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def measure(data_dir: Path, warehouse: Path) -> dict[str, float]:
    build(data_dir, warehouse)
    settings.DATA_DIR, settings.WAREHOUSE_PATH = data_dir, warehouse
    return {label: time_page(page, params) for label, page, params in page_cases(warehouse)}


def main() -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        tmp = Path(tmp)
        real = measure(ROOT / "data", tmp / "real.duckdb")
        synthetic_dir = make_synthetic_data(tmp / "synthetic", n=N_SYNTHETIC, seed=0)
        synth = measure(synthetic_dir, tmp / "synthetic.duckdb")

    width = max(len(label) for label in real)
    print(f"Page runtime on a warm cache, median of {RUNS} AppTest runs (ms)")
    print(f"{'page':<{width}}  {'real (16)':>10}  {f'synthetic ({N_SYNTHETIC})':>16}  {'ratio':>6}")
    for label in real:
        r, s = real[label], synth[label]
        flag_r = " " if r <= TARGET_MS["real"] else "!"
        flag_s = " " if s <= TARGET_MS["synthetic"] else "!"
        print(f"{label:<{width}}  {r:>9.0f}{flag_r}  {s:>15.0f}{flag_s}  {s / r:>6.1f}")
    print(
        f"targets: real <= {TARGET_MS['real']:.0f} ms, synthetic <= {TARGET_MS['synthetic']:.0f} ms "
        "('!' marks a page over its target)"
    )
    return 0  # a benchmark reports; it does not fail the build


if __name__ == "__main__":
    sys.exit(main())
