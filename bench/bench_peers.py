"""Benchmark: peer computation for one reference. Not a test; prints a table of medians.

What the peers page computes on every rerun, for one reference against all candidates:
    fit_scales (z-score scaling over the data set) + rank_peers (every pair, every criterion)
and, for the k=5 shown, the explanations in words. Measured on
1. the real sixteen (baseline, measured in the same run);
2. 400 SYNTHETIC municipalities from bench/synthetic.py (YAML written to a temporary folder, built with the
   ETL, read back with dashboard.core.queries: the same path the page uses). Target: median <= 50 ms.
Also reported: turning the warehouse frames into profiles (profiles_from_frames), which the page does too.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.synthetic import make_synthetic_data
from dashboard.core import queries
from dashboard.core import similarity as sim
from etl.build import build_warehouse
from etl.paths import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent

RUNS = 51
N_SYNTHETIC = 400
K = 5
TARGET_MS = 50.0


def load(warehouse: Path):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cat = sim.catalogue_from_frames(queries.indicators(con), queries.dimensions(con), queries.dimension_values(con))
        frames = (queries.overview(con), queries.indicator_values(con), queries.org_matrix(con))
    finally:
        con.close()
    return cat, frames


def median_ms(fn, runs: int = RUNS) -> tuple[float, float, float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), min(timings), max(timings)


def measure(label: str, warehouse: Path) -> dict[str, tuple[float, float, float]]:
    cat, frames = load(warehouse)
    profiles = sim.profiles_from_frames(*frames)
    weights = sim.preset_weights("default", cat)
    # The reference with the most data: the worst case for the number of criteria per pair.
    ref = max(profiles, key=lambda p: (len(p.indicators) + sum(v != sim.NOT_REPORTED for v in p.org.values()), p.name))

    def rank():
        scales = sim.fit_scales(profiles, cat)
        return sim.rank_peers(ref, profiles, cat, weights, scales, k=K)

    def rank_and_words():
        return [sim.summary(r, cat, "nl") for r in rank()]

    return {
        f"{label}: fit_scales + rank_peers": median_ms(rank),
        f"{label}: + words for top {K}": median_ms(rank_and_words),
        f"{label}: profiles_from_frames": median_ms(lambda: sim.profiles_from_frames(*frames)),
    }, len(profiles)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-peers-") as tmp_name:
        tmp = Path(tmp_name)
        build_warehouse(DATA_DIR, tmp / "real.duckdb", log=lambda _line: None)
        synthetic = make_synthetic_data(tmp / "data", n=N_SYNTHETIC, seed=0)
        build_warehouse(synthetic, tmp / "synthetic.duckdb", log=lambda _line: None)
        real, n_real = measure("real", tmp / "real.duckdb")
        synth, n_synth = measure("synthetic", tmp / "synthetic.duckdb")

    base = real["real: fit_scales + rank_peers"][0]
    print(
        f"bench_peers: one reference against all others, median of {RUNS} runs "
        f"(real: {n_real} municipalities, synthetic: {n_synth})"
    )
    print(f"{'what':<42} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'vs real':>8}")
    for name, (median, lo, hi) in {**real, **synth}.items():
        print(f"{name:<42} {median:>10.2f} {lo:>8.2f} {hi:>8.2f} {median / base:>7.1f}x")
    headline = synth["synthetic: fit_scales + rank_peers"][0]
    ok = headline <= TARGET_MS
    print(
        f"target: synthetic fit_scales + rank_peers <= {TARGET_MS:.0f} ms: {'ok' if ok else 'TOO SLOW'} "
        f"({headline:.2f} ms)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
