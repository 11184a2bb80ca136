"""Build the DuckDB warehouse from data/: load and validate -> transform -> save atomically.

Why atomic: the dashboard reads the warehouse while people edit data/. A build writes a temporary file
beside the target (same folder, so the final `os.replace` is a rename on one file system) and swaps it in
only when it is complete. Invalid input, a crash or `kill -9` therefore leave an existing warehouse
byte-for-byte as it was; the orphaned temporary file is removed by the next build.

Why deterministic: files are read in sorted order and surrogate ids follow file and list order
(etl/transform.py), so the same data gives the same table contents. Only `meta.build_time` differs.

The `meta` table records:
- build_time: UTC ISO 8601 time of the build;
- data_checksum: sha256 over the sorted relative paths and bytes of every YAML file the build reads;
- data_version: DATA_VERSION below, the version of the curated data set (2019 = year of the KPMG report,
  .1 = first curation). Bump it when the meaning of the data changes, not for typo fixes;
- schema_version: SCHEMA_VERSION below, bumped by hand when etl/schema.sql changes incompatibly;
- schema_checksum: sha256 of etl/schema.sql, so ensure_warehouse rebuilds after any schema edit.

Test-only hook: LOKALE_TEAMS_BUILD_PAUSE=<seconds> sleeps after every stage (and between table inserts), so a
test can kill a build reliably while the temporary file exists. Never set it in normal use.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from etl.paths import DATA_DIR, SCHEMA_SQL, WAREHOUSE, data_files
from etl.schema import Municipality
from etl.transform import Table, summary_counts, transform
from etl.validate import Reference, validate

log = logging.getLogger("lokale_teams.etl")

DATA_VERSION = "2019.1"
SCHEMA_VERSION = "1"
PAUSE_ENV = "LOKALE_TEAMS_BUILD_PAUSE"
TEMP_MARK = ".tmp-"
BLOCK_SIZE = 16384

Log = Callable[[str], None]

# DuckDB column type -> Arrow type name (pyarrow is imported only when rows are inserted: it costs ~0.5 s).
ARROW_TYPES = {"VARCHAR": "string", "INTEGER": "int32", "BIGINT": "int64", "DOUBLE": "float64", "BOOLEAN": "bool_"}


@dataclass(frozen=True)
class BuildResult:
    path: Path
    counts: dict[str, int]
    data_checksum: str
    seconds: float


# -- checksums and meta -------------------------------------------------------------------------------------


def data_checksum(data_dir: Path) -> str:
    """sha256 over (relative path, bytes) of every YAML file the build reads, in sorted order."""
    h = hashlib.sha256()
    data_dir = Path(data_dir)
    for path in data_files(data_dir):
        rel = path.relative_to(data_dir).as_posix().encode()
        body = path.read_bytes()
        # Length prefixes keep ("ab", "c") and ("a", "bc") apart.
        h.update(len(rel).to_bytes(8, "big") + rel + len(body).to_bytes(8, "big") + body)
    return h.hexdigest()


def schema_checksum(schema_path: Path = SCHEMA_SQL) -> str:
    return hashlib.sha256(Path(schema_path).read_bytes()).hexdigest()


def meta_rows(checksum: str, schema_path: Path, now: datetime) -> list[tuple[str, str]]:
    return [
        ("build_time", now.astimezone(UTC).isoformat(timespec="seconds")),
        ("data_checksum", checksum),
        ("data_version", DATA_VERSION),
        ("schema_version", SCHEMA_VERSION),
        ("schema_checksum", schema_checksum(schema_path)),
    ]


def read_meta(warehouse: Path) -> dict[str, str] | None:
    """The meta table of a warehouse as a dict, or None when the file is missing or unreadable."""
    if not Path(warehouse).is_file():
        return None
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        log.info("existing warehouse %s not readable (it will be rebuilt): %s", warehouse, exc)
        return None
    try:
        return dict(con.execute("select key, value from meta").fetchall())
    except duckdb.Error as exc:
        log.info("existing warehouse %s has no readable meta table (it will be rebuilt): %s", warehouse, exc)
        return None
    finally:
        con.close()


# -- load -> process -> save --------------------------------------------------------------------------------


def load(data_dir: Path) -> tuple[Reference, list[Municipality]]:
    """Read and validate everything (etl/validate.py); raises DataError with every problem found."""
    return validate(data_dir)


def process(ref: Reference, municipalities: list[Municipality]) -> dict[str, Table]:
    return transform(ref, municipalities)


def save(tables: dict[str, Table], meta: list[tuple[str, str]], target: Path, schema_path: Path = SCHEMA_SQL) -> None:
    """Write all tables to a fresh temporary file beside `target`, then swap it in with os.replace."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    tmp = target.with_name(f"{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")
    try:
        con = duckdb.connect()
        try:
            # Small blocks: the default 256 KiB per block makes a 1 MB warehouse ~14 MB (a few blocks per table).
            quoted = str(tmp).replace("'", "''")
            con.execute(f"attach '{quoted}' as warehouse (block_size {BLOCK_SIZE})")
            con.execute("use warehouse")
            con.execute(Path(schema_path).read_text(encoding="utf-8"))
            _pause()
            for name, table in tables.items():
                insert(con, name, table)
                _pause()
            insert(con, "meta", Table(("key", "value"), meta))
            con.execute("use memory")
            con.execute("detach warehouse")
        finally:
            con.close()  # checkpoints: everything is in the main file, no WAL left behind
        _fsync(tmp)
        _pause()
        stale_wal = target.with_name(target.name + ".wal")
        if stale_wal.exists():
            stale_wal.unlink()  # a WAL of the old file must never be replayed onto the new one
        tmp.replace(target)
        _fsync(target.parent)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)


def insert(con: duckdb.DuckDBPyConnection, name: str, table: Table) -> None:
    """Insert a table's rows after checking that transform and schema agree on its columns."""
    schema = dict(
        con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_catalog = 'warehouse' and table_name = ? "
            "order by ordinal_position",
            [name],
        ).fetchall()
    )
    if set(schema) != set(table.columns):
        raise RuntimeError(
            f"etl/transform.py and etl/schema.sql disagree on table {name}: "
            f"missing {sorted(set(schema) - set(table.columns))}, unknown {sorted(set(table.columns) - set(schema))}"
        )
    if len(table.rows) <= VALUES_MAX_ROWS:
        _insert_values(con, name, table)
    else:
        _insert_arrow(con, name, table, schema)


# Up to this many rows a table goes in as parameterised VALUES; bigger tables through Arrow. pyarrow (and the
# pandas it pulls in) costs ~0.5 s to import, more than the whole build of data/ (issue 11: build <= 1 s).
VALUES_MAX_ROWS = 5000
VALUES_CHUNK = 500


def _insert_values(con: duckdb.DuckDBPyConnection, name: str, table: Table) -> None:
    column_list = ", ".join(table.columns)
    row_marks = "(" + ", ".join("?" for _ in table.columns) + ")"
    for start in range(0, len(table.rows), VALUES_CHUNK):
        chunk = table.rows[start : start + VALUES_CHUNK]
        # Identifiers cannot be parameters; `name` and the columns come from our own code, never from data.
        con.execute(
            f"insert into {name} ({column_list}) values {', '.join(row_marks for _ in chunk)}",
            [value for row in chunk for value in row],
        )


def _insert_arrow(con: duckdb.DuckDBPyConnection, name: str, table: Table, schema: dict[str, str]) -> None:
    """Insert rows through an Arrow table typed like the target columns (fast and exact, no guessing)."""
    import pyarrow as pa

    def arrow_type(column: str) -> pa.DataType | None:
        type_name = ARROW_TYPES.get(schema[column])
        return getattr(pa, type_name)() if type_name else None

    columns = list(zip(*table.rows, strict=True))
    arrow = pa.table(
        {c: pa.array(list(values), type=arrow_type(c)) for c, values in zip(table.columns, columns, strict=True)}
    )
    column_list = ", ".join(table.columns)
    con.register("incoming_rows", arrow)
    try:
        con.execute(f"insert into {name} ({column_list}) select {column_list} from incoming_rows")
    finally:
        con.unregister("incoming_rows")


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete temporary files left by builds that died (their process no longer exists)."""
    removed = []
    prefix = f"{Path(target).name}{TEMP_MARK}"
    for path in Path(target).parent.glob(f"{prefix}*"):
        pid_text = path.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _running(int(pid_text), path):
            continue  # another build is writing it right now; leave it alone
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _running(pid: int, path: Path) -> bool:
    if os.name == "nt":
        # os.kill(pid, 0) would terminate the process on Windows; treat an hour-old file as abandoned instead.
        return time.time() - path.stat().st_mtime < 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # e.g. directories on Windows
    try:
        os.fsync(fd)
    except OSError as exc:
        log.debug("fsync of %s not supported: %s", path, exc)
    finally:
        os.close(fd)


def _pause() -> None:
    seconds = float(os.environ.get(PAUSE_ENV) or 0)
    if seconds > 0:
        time.sleep(seconds)


# -- entry points -------------------------------------------------------------------------------------------


def build_warehouse(
    data_dir: Path = DATA_DIR,
    target: Path = WAREHOUSE,
    log: Log = print,
    schema_path: Path = SCHEMA_SQL,
) -> BuildResult:
    """Validate data_dir and write the warehouse at target. Raises DataError; target is then untouched."""
    data_dir, target = Path(data_dir), Path(target)
    start = time.perf_counter()

    def stage(text: str, since: float) -> float:
        now = time.perf_counter()
        log(f"{text} ({now - since:.2f} s)")
        return now

    checksum = data_checksum(data_dir)
    ref, municipalities = load(data_dir)
    t = stage(f"validate: {_format_counts(_model_counts(municipalities))}", start)
    _pause()
    tables = process(ref, municipalities)
    counts = summary_counts(tables)
    t = stage(f"transform: {len(tables)} tables, {sum(len(x.rows) for x in tables.values())} rows", t)
    _pause()
    save(tables, meta_rows(checksum, schema_path, datetime.now(UTC)), target, schema_path)
    stage(f"write: {target} ({target.stat().st_size // 1024} KiB)", t)
    seconds = time.perf_counter() - start
    log(f"done: {_format_counts(counts)} in {seconds:.2f} s")
    return BuildResult(target, counts, checksum, seconds)


def is_current(data_dir: Path, warehouse: Path, schema_path: Path = SCHEMA_SQL) -> bool:
    """True when the warehouse exists and was built from exactly these data files and this schema."""
    meta = read_meta(warehouse)
    return (
        meta is not None
        and meta.get("data_checksum") == data_checksum(data_dir)
        and meta.get("schema_checksum") == schema_checksum(schema_path)
    )


def ensure_warehouse(data_dir: Path = DATA_DIR, warehouse_path: Path = WAREHOUSE, log: Log | None = None) -> bool:
    """Build the warehouse if it is missing or was built from other data or another schema; first remove
    temporary files of builds that died (remove_stale_temps).

    Returns True when it built, False when the existing file was current. Compares content checksums rather
    than mtimes, because a git checkout or copy changes mtimes without changing data. Raises DataError when
    the data do not validate; an existing warehouse is then left untouched, so a caller may catch the error,
    warn, and keep serving the last good build.
    """
    # Leftovers of a build that was killed, cleaned at start. A read-only folder (OSError) cannot hold
    # leftovers, and the build below will say so.
    with contextlib.suppress(OSError):
        remove_stale_temps(warehouse_path)
    if is_current(data_dir, warehouse_path):
        return False
    build_warehouse(data_dir, warehouse_path, log=log or (lambda _line: None))
    return True


def _model_counts(municipalities: list[Municipality]) -> dict[str, int]:
    return {
        "municipalities": len(municipalities),
        "indicator values": sum(len(m.indicators) for m in municipalities),
        "teams": sum(len(m.teams) for m in municipalities),
        "coded choices": sum(len(m.organisation) for m in municipalities),
        "practices": sum(len(m.practices) for m in municipalities),
    }


def _format_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {label}" for label, n in counts.items())
