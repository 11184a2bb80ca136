"""Run one SQL-console query in a process of its own, where the operating system enforces the limits.

DuckDB's memory_limit does not cover everything (a 400 MB string from repeat() is allocated outside its
buffer manager) and max_execution_time is only checked between steps, so in the server process one query
could take gigabytes and minutes. Here each query runs in a short-lived child process:

* address space: RLIMIT_AS = sql_console.WORKER_MEMORY_MB; an allocation beyond it fails inside the child
  (DuckDB reports "Out of Memory", Python raises MemoryError) and the server is not touched;
* CPU time: RLIMIT_CPU, one second over the time limit (the kernel kills the child with SIGXCPU);
* wall-clock time: the parent kills the child (SIGKILL) when it outlives TIME_LIMIT_S + STARTUP_S;
* at most MAX_WORKERS children at once (other sessions are told to try again), so twenty sessions can
  never hold more than MAX_WORKERS x WORKER_MEMORY_MB;
* the result travels back as Arrow IPC bytes, already capped by rows and bytes inside the child; the
  parent refuses more than MAX_RESULT_BYTES plus a small margin.

The child sets its own limits first thing (instead of a preexec_fn in the parent, which is unsafe in a
multi-threaded server such as Streamlit's); it is started as `python -E -s -m dashboard.runtime.sql_worker`
from the repository root (no environment variables or user site; the package is found as a package, no
sys.path edit), moves into the warehouse's folder and attaches the file by its bare name, so no server path
reaches a result or a message. Protocol: stdin = one JSON request; stdout = one JSON header line, then the
Arrow IPC stream.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

MAX_WORKERS = 2
#: Allowance for starting Python and importing DuckDB and Arrow (about 0,3 s) on a busy machine.
STARTUP_S = 2.0
#: How long a session waits for a free worker slot before it is told to try again.
SLOT_WAIT_S = 2.0
_ROOT = Path(__file__).resolve().parents[2]  # the repository root (dashboard/runtime/ is two levels down)
_SLOTS = threading.BoundedSemaphore(MAX_WORKERS)

try:  # POSIX only: without OS limits the console refuses to run queries (it never runs them unbounded)
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None


# --- child side -----------------------------------------------------------------------------------------


def _limit_self(memory_mb: int, cpu_seconds: int) -> None:
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def child_main() -> int:
    request = json.loads(sys.stdin.read())
    _limit_self(int(request["memory_mb"]), int(request["cpu_seconds"]))
    os.chdir(request["folder"])
    import pyarrow as pa

    from dashboard.core import sql_console

    try:
        con = sql_console.connect_sandboxed(request["warehouse"], time_limit_s=float(request["time_limit_s"]))
    except Exception as exc:  # noqa: BLE001 - reported as one line (the parent logs the result)
        result = sql_console.QueryResult(error=sql_console.short_error(exc))
    else:
        result = sql_console.run_query(
            con,
            request["sql"],
            max_rows=int(request["max_rows"]),
            max_bytes=int(request["max_bytes"]),
            time_limit_s=float(request["time_limit_s"]),
            hide=(str(Path.cwd()), str(_ROOT), sys.prefix, sys.base_prefix),
        )
    header = {
        "error": result.error,
        "error_key": result.error_key,
        "error_params": result.error_params,
        "truncated": result.truncated,
        "truncated_by": result.truncated_by,
        "elapsed_s": result.elapsed_s,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    out = sys.stdout.buffer
    out.write(json.dumps(header).encode() + b"\n")
    if result.ok:
        with pa.ipc.new_stream(out, result.table.schema) as writer:
            writer.write_table(result.table)
    out.flush()
    return 0


# --- parent side ----------------------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": "/",  # DuckDB shows paths under $HOME in duckdb_settings(); "/" tells nothing
        "MALLOC_ARENA_MAX": "2",  # fewer malloc arenas: less address space for the same work
        "ARROW_DEFAULT_MEMORY_POOL": "system",
        "OMP_NUM_THREADS": "1",
    }


def _peak_rss_kb(pid: int) -> int | None:
    """The child's peak resident memory so far (VmHWM), read before it is killed."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def run_in_worker(
    warehouse: str | Path,
    sql: str,
    *,
    max_rows: int | None = None,
    max_bytes: int | None = None,
    time_limit_s: float | None = None,
    memory_mb: int | None = None,
):
    """Run one query in a limited child process -> sql_console.QueryResult (never raises for a bad query).

    result.peak_rss_kb holds the child's peak resident memory (for tests and bench/).
    """
    from dashboard.core import sql_console as sc

    if resource is None:  # pragma: no cover - Windows
        return sc.QueryResult.failed("sql_err_platform")
    max_rows = sc.MAX_ROWS if max_rows is None else max_rows
    max_bytes = sc.MAX_RESULT_BYTES if max_bytes is None else max_bytes
    time_limit_s = sc.TIME_LIMIT_S if time_limit_s is None else time_limit_s
    memory_mb = sc.WORKER_MEMORY_MB if memory_mb is None else memory_mb
    start = time.perf_counter()
    try:
        sc.check_query(sql)  # refusals are answered without starting a process
    except sc.QueryRefused as exc:
        return sc.QueryResult.failed(exc.key, elapsed_s=time.perf_counter() - start, **exc.params)
    path = Path(warehouse)
    if not path.is_file():
        return sc.QueryResult(error=sc.short_error(f"warehouse not found: {path.name}"))
    if not _SLOTS.acquire(timeout=SLOT_WAIT_S):
        return sc.QueryResult.failed("sql_err_busy", elapsed_s=time.perf_counter() - start)
    try:
        return _spawn(path, sql, max_rows, max_bytes, time_limit_s, memory_mb, start)
    finally:
        _SLOTS.release()


def _spawn(path: Path, sql: str, max_rows: int, max_bytes: int, time_limit_s: float, memory_mb: int, start: float):
    import pyarrow as pa

    from dashboard.core import sql_console as sc

    request = json.dumps(
        {
            "warehouse": path.name,
            "folder": str(path.resolve().parent),
            "sql": sql,
            "max_rows": max_rows,
            "max_bytes": max_bytes,
            "time_limit_s": time_limit_s,
            "memory_mb": memory_mb,
            "cpu_seconds": int(time_limit_s) + 2,
        }
    ).encode()
    proc = subprocess.Popen(
        # -m from the repository root: this checkout's package, never another one on site-packages' paths
        [sys.executable, "-E", "-s", "-m", "dashboard.runtime.sql_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=str(_ROOT),
        env=_child_env(),
        start_new_session=True,
        close_fds=True,
    )
    peak = None
    try:
        out, _ = proc.communicate(request, timeout=time_limit_s + STARTUP_S)
    except subprocess.TimeoutExpired:
        peak = _peak_rss_kb(proc.pid)
        proc.kill()
        proc.communicate()
        result = sc.QueryResult.failed("sql_err_timeout", elapsed_s=time.perf_counter() - start, seconds=time_limit_s)
        result.peak_rss_kb = peak
        return result
    elapsed = time.perf_counter() - start
    header_line, _, body = out.partition(b"\n")
    try:
        header = json.loads(header_line)
    except ValueError:
        header = None
    if header is None:
        # No answer: the kernel stopped the child (SIGXCPU for CPU time, SIGKILL) or it ran out of memory
        # before it could say so.
        if proc.returncode in (-9, -24):  # SIGKILL, SIGXCPU
            result = sc.QueryResult.failed("sql_err_timeout", elapsed_s=elapsed, seconds=time_limit_s)
        elif proc.returncode in (-6, -11, 1):  # abort / segfault after a failed allocation, MemoryError
            result = sc.QueryResult.failed("sql_err_memory", elapsed_s=elapsed, megabytes=memory_mb)
        else:
            result = sc.QueryResult.failed("sql_err_failed", elapsed_s=elapsed)
        result.peak_rss_kb = None
        return result
    if len(body) > max_bytes + 1024 * 1024:  # the child capped it; this only guards against a bug there
        result = sc.QueryResult.failed("sql_err_failed", elapsed_s=elapsed)
        result.peak_rss_kb = header.get("peak_rss_kb")
        return result
    if header["error"] is not None:
        result = sc.QueryResult(
            error=header["error"],
            error_key=header["error_key"],
            error_params=header["error_params"] or {},
            elapsed_s=elapsed,
        )
    else:
        table = pa.ipc.open_stream(body).read_all() if body else pa.table({})
        result = sc.QueryResult(
            table=table, truncated=header["truncated"], truncated_by=header["truncated_by"], elapsed_s=elapsed
        )
    result.peak_rss_kb = header.get("peak_rss_kb")
    return result


if __name__ == "__main__":
    sys.exit(child_main())
