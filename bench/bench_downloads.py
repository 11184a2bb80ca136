"""Benchmark: data downloads (dashboard.core.exports.dataset_download). Not a test; prints a table of medians.

Baseline, from the same run: reading the tidy tables from the warehouse (etl.export.read_export_tables),
which every download does first. Each format is then timed for the full dataset and for a selection of
three municipalities, as the first click pays it (the dashboard caches the bytes per build afterwards).
The ratio column says how many times the baseline a download costs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from dashboard.core import exports
from etl.build import build_warehouse
from etl.export import read_export_tables
from etl.paths import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent

RUNS = 5
SELECTION = ["GM0363", "GM0518", "GM0141"]  # Amsterdam, Den Haag, Almelo


def timed(fn, runs: int = RUNS) -> tuple[list[float], object]:
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        timings.append(time.perf_counter() - start)
    return timings, result


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-downloads-") as tmp:
        path = Path(tmp) / "warehouse.duckdb"
        build_warehouse(DATA_DIR, path, log=lambda _line: None)
        with duckdb.connect(str(path), read_only=True) as con:
            base, _ = timed(lambda: read_export_tables(con))
            rows = [("read tables (baseline)", base, None)]
            for fmt in exports.DOWNLOAD_FORMATS:
                for label, codes in (("full", None), ("3 municipalities", SELECTION)):
                    timings, data = timed(lambda f=fmt, c=codes: exports.dataset_download(con, f, lang="nl", codes=c))
                    rows.append((f"{fmt} {label}", timings, len(data)))
    baseline = statistics.median(base) or 1e-9
    print(f"bench_downloads: median of {RUNS} runs")
    print(f"{'what':<28} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x baseline':>11} {'size KiB':>9}")
    for name, timings, size in rows:
        median = statistics.median(timings)
        size_text = "" if size is None else f"{size / 1024:.0f}"
        print(
            f"{name:<28} {median * 1000:>10.1f} {min(timings) * 1000:>8.1f} {max(timings) * 1000:>8.1f} "
            f"{median / baseline:>11.1f} {size_text:>9}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
