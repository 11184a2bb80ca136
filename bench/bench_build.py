"""Benchmark: how does `python -m etl build` scale? Not a test; prints a table and never fails on timings.

A whole process per build (interpreter start, imports, validation, warehouse write), as a user runs it, on:
the real data/ folder (16 municipalities; target <= 1 s) and SYNTHETIC folders of 400, 2000 and 5000
municipalities from bench/synthetic.py (written to a temporary folder, never into data/).

Reported as ratios, so a busy shared machine shifts every row alike:
- `x baseline`: the build against a bare process that only imports DuckDB (`python -c "import duckdb"`),
  measured in the same run;
- `per municipality`: the build minus the baseline, divided by the number of municipalities, relative to
  the 400 row: about 1.0 at 2000 and 5000 means linear growth.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import make_synthetic_data
from etl.paths import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
SIZES = (400, 2000, 5000)
RUNS = {16: 7, 400: 5, 2000: 3, 5000: 3}


def time_process(args: list[str], runs: int) -> float:
    """Median wall time of `python ARGS` in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=ROOT, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def time_build(data_dir: Path, out: Path, runs: int) -> float:
    return time_process(["-m", "etl", "build", "--data", str(data_dir), "--out", str(out)], runs)


def main() -> int:
    baseline = time_process(["-c", "import duckdb"], RUNS[16])
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp_name:
        tmp = Path(tmp_name)
        results = {16: time_build(DATA_DIR, tmp / "real.duckdb", RUNS[16])}
        for n in SIZES:
            data_dir = make_synthetic_data(tmp / f"synthetic-{n}", n=n, seed=0)
            results[n] = time_build(data_dir, tmp / f"synthetic-{n}.duckdb", RUNS[n])

    def per_municipality(n: int) -> float:
        return max(results[n] - baseline, 0.0) / n

    reference = per_municipality(SIZES[0])
    print("bench_build: `python -m etl build` as a whole process, median wall time")
    print(f"baseline (python -c 'import duckdb'): {baseline:.3f} s")
    print(f"{'municipalities':>14} {'seconds':>8} {'x baseline':>11} {'per municipality (x 400 row)':>29}")
    for n, seconds in results.items():
        growth = per_municipality(n) / reference if reference else float("nan")
        print(f"{n:>14} {seconds:>8.3f} {seconds / baseline:>11.1f} {growth:>29.2f}")
    print(f"target: data/ (16) <= 1 s as a whole process; measured {results[16]:.2f} s")
    return 0  # a benchmark reports; it does not fail the build


if __name__ == "__main__":
    sys.exit(main())
