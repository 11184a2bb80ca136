"""Run hostile upload cases, each in a forked child of one prepared process, and measure each one.

    python -m tests.hostile.probe WAREHOUSE < cases.json > results.json    (from the repository root)

The parent imports everything and loads the codebook once (so a case's figures are its own, not import
costs), then forks a child per case. The child runs dashboard.core.peer_input.parse_upload on the case's bytes
and reports its wall time, its peak resident memory above what it started with (ru_maxrss minus the RSS
at fork), the messages, and any exception. A child that is still running after HARD_LIMIT_S is killed and
reported as such: an unbounded case fails its test instead of hanging the suite.
"""

from __future__ import annotations

import base64
import json
import os
import resource
import select
import signal
import sys
import time
from pathlib import Path

HARD_LIMIT_S = 20.0


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    import duckdb

    from dashboard.core import peer_input, queries
    from dashboard.core.similarity import catalogue_from_frames

    warehouse = Path(sys.argv[1])
    con = duckdb.connect(str(warehouse), read_only=True)
    cat = catalogue_from_frames(queries.indicators(con), queries.dimensions(con), queries.dimension_values(con))
    # the ids an upload may point to, from the warehouse, as the page reads them
    ref = peer_input.reference_from_warehouse(
        queries.indicators(con), queries.sources(con), queries.dimension_values(con)
    )
    con.close()
    cases = json.loads(sys.stdin.read())
    results = {}
    for case in cases:
        data = base64.b64decode(case["data"])
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            base = _rss_kb()
            start = time.perf_counter()
            report = {"exception": None}
            try:
                result = peer_input.parse_upload(case["filename"], data, cat, ref, case.get("lang", "nl"))
                report.update(
                    errors=result.errors,
                    warnings=result.warnings,
                    ok=result.ok,
                    name=result.profile.name if result.profile else None,
                )
            except BaseException as exc:  # noqa: BLE001 - reported, the test fails on it
                report["exception"] = f"{type(exc).__name__}: {str(exc)[:200]}"
            report["seconds"] = time.perf_counter() - start
            report["peak_mb"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base, 0) / 1024
            with os.fdopen(write_fd, "w") as out:
                json.dump(report, out)
            os._exit(0)
        os.close(write_fd)
        chunks = []
        deadline = time.monotonic() + HARD_LIMIT_S
        with os.fdopen(read_fd) as pipe:
            while True:
                remaining = deadline - time.monotonic()
                ready, _, _ = select.select([pipe], [], [], max(remaining, 0))
                if not ready:
                    os.kill(pid, signal.SIGKILL)
                    chunks = None
                    break
                chunk = pipe.read()
                chunks.append(chunk)
                break
        os.waitpid(pid, 0)
        if chunks is None:
            results[case["id"]] = {"exception": f"killed after {HARD_LIMIT_S:g} s", "seconds": HARD_LIMIT_S}
        else:
            results[case["id"]] = json.loads("".join(chunks) or '{"exception": "no report"}')
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
