"""Benchmark: what does running each SQL-console query in its own worker process cost? Prints a table.

Per query, the median of RUNS runs of
- in-process: a fresh locked-down connection in this process, the query, close (what the page did before);
- worker: dashboard.runtime.sql_worker.run_in_worker (process start, imports, the same connection and query, Arrow
  IPC back), which is what the page does now.
The difference is the latency the isolation adds per query; the ratio is against the in-process baseline of
the same run. A warehouse is built from data/ into a temporary folder.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dashboard.core import sql_console
from dashboard.runtime import sql_worker

ROOT = Path(__file__).resolve().parent.parent

RUNS = 15
QUERIES = {
    "select 1": "select 1 as one",
    **{key.removeprefix("sql_example_"): sql for key, sql in sql_console.EXAMPLE_QUERIES.items()},
    "10.000 rows": "select * from range(10000)",
}


def in_process(warehouse: Path, sql: str) -> float:
    start = time.perf_counter()
    con = sql_console.connect_sandboxed(warehouse)
    try:
        result = sql_console.run_query(con, sql)
    finally:
        con.close()
    assert result.ok, result.error
    return time.perf_counter() - start


def in_worker(warehouse: Path, sql: str) -> float:
    start = time.perf_counter()
    result = sql_worker.run_in_worker(warehouse, sql)
    assert result.ok, result.error
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = Path(tmp) / "warehouse.duckdb"
        subprocess.run(
            [sys.executable, "-m", "etl", "build", "--data", "data", "--out", str(warehouse)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        print(f"load average: {os.getloadavg()[0]:.2f}; median of {RUNS} runs")
        print(f"{'query':<14} {'in-process':>11} {'worker':>9} {'added':>9} {'ratio':>6}")
        added = []
        for name, sql in QUERIES.items():
            in_worker(warehouse, sql)  # warm the file cache
            base = statistics.median(in_process(warehouse, sql) for _ in range(RUNS))
            isolated = statistics.median(in_worker(warehouse, sql) for _ in range(RUNS))
            added.append(isolated - base)
            print(
                f"{name:<14} {base * 1000:>9.0f} ms {isolated * 1000:>6.0f} ms {(isolated - base) * 1000:>6.0f} ms "
                f"{isolated / base:>5.1f}x"
            )
        print(f"added latency per query: median {statistics.median(added) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
