"""Benchmark: how long does `python -m etl build` take? Not a test; prints a table of medians.

1. The real data/ folder (target <= 1.0 s).
2. A SYNTHETIC folder of 400 municipalities from bench/synthetic.py, written to a temporary directory and
   never into data/ (target <= 5 s).
Each build writes into a temporary folder; the median of RUNS runs is reported, with the ratio between them.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_synthetic_data  # noqa: E402
from etl.build import build_warehouse  # noqa: E402
from etl.paths import DATA_DIR  # noqa: E402

RUNS = 5
N_SYNTHETIC = 400
TARGETS = {"data/ (real)": 1.0, f"synthetic ({N_SYNTHETIC})": 5.0}


def time_builds(data_dir: Path, runs: int = RUNS) -> list[float]:
    timings = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for i in range(runs):
            start = time.perf_counter()
            build_warehouse(data_dir, Path(tmp) / f"warehouse-{i}.duckdb", log=lambda _line: None)
            timings.append(time.perf_counter() - start)
    return timings


def main() -> int:
    results = {}
    results["data/ (real)"] = time_builds(DATA_DIR)
    with tempfile.TemporaryDirectory(prefix="bench-synthetic-") as tmp:
        synthetic = make_synthetic_data(Path(tmp) / "data", n=N_SYNTHETIC, seed=0)
        results[f"synthetic ({N_SYNTHETIC})"] = time_builds(synthetic)

    base = statistics.median(results["data/ (real)"])
    print(f"bench_build: full warehouse build, median of {RUNS} runs")
    print(f"{'data':<18} {'median s':>9} {'min s':>7} {'max s':>7} {'target s':>9} {'ratio':>6}  ok")
    for name, timings in results.items():
        median = statistics.median(timings)
        ok = median <= TARGETS[name]
        print(f"{name:<18} {median:>9.3f} {min(timings):>7.3f} {max(timings):>7.3f} {TARGETS[name]:>9.1f} "
              f"{median / base:>6.1f}  {'yes' if ok else 'NO'}")
    return 0  # a benchmark reports; it does not fail the build (the "ok" column says whether a target was met)


if __name__ == "__main__":
    sys.exit(main())
