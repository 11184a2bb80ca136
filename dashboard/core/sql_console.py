"""Read-only SQL for researchers, without Streamlit: a locked-down DuckDB connection and run_query().

The page never calls run_query() itself: dashboard/runtime/sql_worker.py runs it in a separate process whose memory,
CPU time and wall-clock time the operating system limits, so a query cannot take the server down whatever
DuckDB does with it. The layers below stay as defence in depth inside that process; operators of a public
deployment can still switch the console off with LOKALE_TEAMS_SQL_CONSOLE=off. The layers of this module:

1. Only one statement per run, and only a query: duckdb.extract_statements must return exactly one
   statement of type SELECT. Everything else is refused before it reaches the database (CREATE, also
   CREATE TEMP TABLE which succeeds even on a read-only database; INSERT/UPDATE/DELETE/DROP; PRAGMA;
   SET/RESET/USE; COPY; ATTACH/DETACH; INSTALL/LOAD; CALL; EXPORT/IMPORT; EXPLAIN ANALYZE...).
2. A connection of its own, separate from the dashboard's: an in-memory DuckDB database with the
   warehouse ATTACHed read-only. (DuckDB refuses a second duckdb.connect() to a file that this process
   already opened with a different configuration, so the file is attached instead of connected to.)
3. Settings, applied before lock_configuration=true so that a query cannot undo them:
   enable_external_access=false (no files, no network, no extension installs), autoinstall/autoload of
   extensions off, python_enable_replacements=false (a query cannot read the caller's DataFrames by
   variable name), memory_limit, threads, max_execution_time.
4. A watchdog thread interrupts the connection if a query outlives the limit anyway.
5. At most MAX_ROWS rows and MAX_RESULT_BYTES bytes are fetched (streamed in batches, so a huge result is
   never built whole); errors are reduced to the first line of DuckDB's message, without server paths.

Messages of the console's own (refusals, the time limit) carry a key and parameters (QueryRefused.key,
QueryResult.error_key) that the page translates with dashboard.core.i18n.t; DuckDB's own messages stay as they are.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from dashboard.core.i18n import lang_code, t
from dashboard.core.safe_text import strip_paths

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import pandas as pd

MAX_ROWS = 10_000
#: Bytes of Arrow data a result may hold (what is shown, kept for the downloads and sent to the browser):
#: far below Streamlit's message limit, small enough to keep one per session.
MAX_RESULT_BYTES = 4 * 1024 * 1024
#: Longer query texts are refused before anything parses them.
MAX_SQL_CHARS = 20_000
BATCH_ROWS = 1024
TIME_LIMIT_S = 5.0
MEMORY_LIMIT = "256MB"
#: Address space of the worker process that runs a query (dashboard/runtime/sql_worker.py), enforced by the OS
#: (RLIMIT_AS). Python, DuckDB and Arrow map about 470 MB of it before the first query.
WORKER_MEMORY_MB = 768
THREADS = 1
#: Name under which the warehouse is attached; queries see its tables unqualified (USE).
CATALOG = "warehouse"

_ALLOWED = {duckdb.StatementType.SELECT}


#: English fallbacks of the message keys (str() of a refusal, logs); the interface translates the key
#: itself via dashboard.core.i18n.t, with the same parameters.
MESSAGES: dict[str, str] = {
    "sql_err_empty": "Empty query.",
    "sql_err_long": "The query is longer than {n} characters.",
    "sql_err_count": "Exactly one statement per run, got {n}.",
    "sql_err_kind": "Only SELECT queries are allowed, not {kind}.",
    "sql_err_parse": "{error}",
    "sql_err_timeout": "Query stopped after the time limit of {seconds:g} s.",
    "sql_err_memory": "Query stopped: it needed more than the memory limit of {megabytes} MB.",
    "sql_err_busy": "Too many queries are running right now; try again in a moment.",
    "sql_err_failed": "The query process stopped unexpectedly.",
    "sql_err_platform": "Queries run only where the operating system can limit their memory and time (Linux, macOS).",
}


def message(key: str, **params) -> str:
    """The English text of a message key (the fallback; the page shows the translation)."""
    template = MESSAGES.get(key)
    return key if template is None else template.format(**params)


class QueryRefused(ValueError):
    """The text is not exactly one read-only query: key (see MESSAGES) and params say why."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(message(key, **params))


def _empty_table() -> pa.Table:
    return pa.table({})


@dataclass
class QueryResult:
    table: pa.Table = field(default_factory=_empty_table)  # Arrow keeps DuckDB's types (a year stays 2017)
    truncated: bool = False  # more than max_rows rows or max_bytes bytes: only the first ones are in table
    truncated_by: str | None = None  # "rows" or "bytes"
    elapsed_s: float = 0.0
    error: str | None = None  # a short, one-line message (English fallback); frame is empty when set
    error_key: str | None = None  # set for the console's own messages: translate key + error_params
    error_params: dict = field(default_factory=dict)
    peak_rss_kb: int | None = None  # set by dashboard.runtime.sql_worker: the worker process's peak resident memory

    @classmethod
    def failed(cls, key: str, *, elapsed_s: float = 0.0, **params) -> QueryResult:
        return cls(error=message(key, **params), error_key=key, error_params=params, elapsed_s=elapsed_s)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def frame(self):
        """The rows as a pandas DataFrame with Arrow dtypes (integers with NULLs stay integers)."""
        import pandas as pd  # only where a DataFrame is wanted; the worker process does without pandas

        return self.table.to_pandas(types_mapper=pd.ArrowDtype)


def short_error(exc: BaseException | str) -> str:
    """First line of a DuckDB error, without traceback or server paths, capped in length."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return strip_paths(first)[:300]


_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", flags=re.DOTALL)
_KEYWORD = re.compile(r"([A-Za-z_]+)(?:\s+([A-Za-z_]+))?")


def statement_kind(text: str, fallback: str = "") -> str:
    """The statement's leading keyword as written (INSTALL, RESET, USE, CHECKPOINT...), for messages.

    DuckDB's statement types are coarser than what a user typed (INSTALL is a LOAD statement, RESET and
    USE are SET, CHECKPOINT is CALL), so a refusal names the keyword; a WITH prefix or a bracket says
    nothing about the statement, then the type (fallback) is used.
    """
    match = _KEYWORD.match(_COMMENTS.sub("", text, count=1))
    if not match:
        return fallback or "?"
    first, second = match.group(1).upper(), (match.group(2) or "").upper()
    if first == "WITH" and fallback:
        return fallback
    return f"{first} {second}" if first == "FORCE" and second else first


def check_query(sql: str) -> str:
    """The single statement in sql if it is a query; raises QueryRefused otherwise.

    The statement type comes from DuckDB's own parser, so comments, odd casing and whitespace cannot hide
    a CREATE behind a SELECT.
    """
    if not sql or not sql.strip():
        raise QueryRefused("sql_err_empty")
    if len(sql) > MAX_SQL_CHARS:
        raise QueryRefused("sql_err_long", n=MAX_SQL_CHARS)
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused("sql_err_parse", error=short_error(exc)) from None
    if not statements:  # only semicolons or comments
        raise QueryRefused("sql_err_empty")
    if len(statements) != 1:
        raise QueryRefused("sql_err_count", n=len(statements))
    statement = statements[0]
    try:
        kind = statement.type
    except ValueError:  # a statement type the Python enum does not know (UPDATE EXTENSIONS): not a query
        raise QueryRefused("sql_err_kind", kind=statement_kind(statement.query)) from None
    if kind not in _ALLOWED:
        raise QueryRefused("sql_err_kind", kind=statement_kind(statement.query, getattr(kind, "name", str(kind))))
    return statement.query.strip().rstrip(";").strip()


def connect_sandboxed(
    warehouse: str | Path,
    *,
    memory_limit: str = MEMORY_LIMIT,
    threads: int = THREADS,
    time_limit_s: float = TIME_LIMIT_S,
) -> duckdb.DuckDBPyConnection:
    """A fresh, locked-down connection that sees the warehouse read-only (see the module docstring)."""
    path = Path(warehouse)
    if not path.is_file():
        raise FileNotFoundError(f"warehouse not found: {path.name}")
    con = duckdb.connect(
        ":memory:",
        config={
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "python_enable_replacements": False,
            "memory_limit": memory_limit,
            "threads": threads,
            "max_execution_time": int(time_limit_s * 1000),
        },
    )
    try:
        # The file is attached while external access is still on, then access is switched off and locked.
        con.execute(f"attach {_sql_string(str(path))} as {CATALOG} (read_only)")
        con.execute(f"use {CATALOG}")
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except Exception:
        con.close()
        raise
    return con


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def run_query(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    *,
    max_rows: int = MAX_ROWS,
    max_bytes: int = MAX_RESULT_BYTES,
    time_limit_s: float = TIME_LIMIT_S,
    hide: tuple[str, ...] = (),
) -> QueryResult:
    """Run one checked query in this process; never raises for a bad query, returns QueryResult.error instead.

    hide: server paths to replace with "…" in text columns of the result (duckdb_databases() and
    duckdb_settings() show where the attached file lives). The page runs this through
    dashboard.runtime.sql_worker.run_in_worker(), never directly.
    """
    start = time.perf_counter()
    try:
        query = check_query(sql)
    except QueryRefused as exc:
        return QueryResult.failed(exc.key, elapsed_s=time.perf_counter() - start, **exc.params)

    done = threading.Event()

    def watchdog() -> None:
        # max_execution_time should stop the query first; this catches what it does not cover.
        if not done.wait(time_limit_s + 0.5):
            try:
                con.interrupt()
            except duckdb.Error as exc:  # the connection closed meanwhile: nothing left to stop
                log.info("SQL console watchdog: interrupt not needed: %s", exc)

    guard = threading.Thread(target=watchdog, name="sql-console-watchdog", daemon=True)
    guard.start()
    try:
        reader = con.sql(query).to_arrow_reader(BATCH_ROWS)
        table, truncated_by = _fetch_limited(reader, max_rows, max_bytes)
        table = _hide_paths(table.rename_columns(_unique(table.column_names)), hide)
        return QueryResult(
            table=table,
            truncated=truncated_by is not None,
            truncated_by=truncated_by,
            elapsed_s=time.perf_counter() - start,
        )
    except duckdb.InterruptException:
        return QueryResult.failed("sql_err_timeout", elapsed_s=time.perf_counter() - start, seconds=time_limit_s)
    except duckdb.Error as exc:
        text = short_error(exc)
        if "maximum execution time" in text.lower() or "interrupt" in text.lower():
            return QueryResult.failed("sql_err_timeout", elapsed_s=time.perf_counter() - start, seconds=time_limit_s)
        if text.lower().startswith("out of memory"):
            return QueryResult.failed(
                "sql_err_memory", elapsed_s=time.perf_counter() - start, megabytes=WORKER_MEMORY_MB
            )
        return QueryResult(error=text, elapsed_s=time.perf_counter() - start)
    except MemoryError:
        return QueryResult.failed("sql_err_memory", elapsed_s=time.perf_counter() - start, megabytes=WORKER_MEMORY_MB)
    except Exception as exc:  # noqa: BLE001 - e.g. a value Arrow cannot hold; still one line, never a traceback
        log.warning("SQL console: query failed outside DuckDB: %s", short_error(exc))
        return QueryResult(error=short_error(exc), elapsed_s=time.perf_counter() - start)
    finally:
        done.set()


def _fetch_limited(reader: pa.RecordBatchReader, max_rows: int, max_bytes: int) -> tuple[pa.Table, str | None]:
    """At most max_rows rows and max_bytes bytes from a stream of batches; which limit cut it, or None."""
    batches: list[pa.RecordBatch] = []
    rows = size = 0
    for incoming in reader:
        if rows >= max_rows:  # the limit was reached exactly: one more row means the result is larger
            if incoming.num_rows:
                return pa.Table.from_batches(batches, schema=reader.schema), "rows"
            continue
        cut = incoming.num_rows > max_rows - rows
        part = incoming.slice(0, max_rows - rows) if cut else incoming
        if size + part.nbytes > max_bytes:
            batches.append(_fit(part, max_bytes - size))
            return pa.Table.from_batches(batches, schema=reader.schema), "bytes"
        batches.append(part)
        rows, size = rows + part.num_rows, size + part.nbytes
        if cut:
            return pa.Table.from_batches(batches, schema=reader.schema), "rows"
    return pa.Table.from_batches(batches, schema=reader.schema), None


def _hide_paths(table: pa.Table, hide: tuple[str, ...]) -> pa.Table:
    """The table with every path in hide (longest first) replaced by "…": in text columns directly; a nested
    or binary column that holds such a path (duckdb_settings().typed_value) is shown as redacted text."""
    import pyarrow.compute as pc

    secrets = sorted((h for h in hide if h and h != "/"), key=len, reverse=True)
    if not secrets:
        return table
    for index, column in enumerate(table.columns):
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            cleaned = column
            for secret in secrets:
                cleaned = pc.replace_substring(cleaned, secret, "…")
            table = table.set_column(index, table.field(index).name, cleaned)
        elif _holds_any(column, secrets):
            texts = [None if v is None else _redact(str(v), secrets) for v in column.to_pylist()]
            table = table.set_column(index, table.field(index).name, pa.array(texts, pa.string()))
    return table


def _holds_any(column: pa.ChunkedArray, secrets: list[str]) -> bool:
    needles = [secret.encode() for secret in secrets]
    for chunk in column.chunks:
        for array in [chunk, *_children(chunk)]:
            for buffer in array.buffers():
                if buffer is not None and any(needle in buffer.to_pybytes() for needle in needles):
                    return True
    return False


def _children(array: pa.Array) -> list[pa.Array]:
    """Every nested child array (struct fields, list values), depth first."""
    out = []
    if isinstance(array, pa.StructArray):
        kids = [array.field(i) for i in range(array.type.num_fields)]
    elif isinstance(array, pa.ListArray | pa.LargeListArray | pa.FixedSizeListArray):
        kids = [array.values]
    elif isinstance(array, pa.MapArray):
        kids = [array.keys, array.items]
    elif isinstance(array, pa.ExtensionArray):
        kids = [array.storage]
    else:
        kids = []
    for kid in kids:
        out.extend([kid, *_children(kid)])
    return out


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "…")
    return text


def _fit(batch: pa.RecordBatch, room: int) -> pa.RecordBatch:
    """The longest head of batch within room bytes (binary search; nbytes of a slice counts only its rows)."""
    lo, hi = 0, batch.num_rows
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if batch.slice(0, mid).nbytes <= room:
            lo = mid
        else:
            hi = mid - 1
    return batch.slice(0, lo)


def _unique(columns: list[str]) -> list[str]:
    """DuckDB allows duplicate column names (select 1 as a, 2 as a); a table for display should not."""
    seen: dict[str, int] = {}
    out = []
    for name in columns:
        if name in seen:
            seen[name] += 1
            out.append(f"{name}_{seen[name]}")
        else:
            seen[name] = 0
            out.append(name)
    return out


def schema_overview(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Tables and views of the warehouse with their columns, for the list beside the editor."""
    return con.execute(
        """
        select t.table_name, t.table_type, c.column_name, c.data_type, c.ordinal_position
        from information_schema.tables t
        join information_schema.columns c
          on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema and c.table_name = t.table_name
        where t.table_catalog = ? and t.table_schema = 'main'
        order by t.table_type, t.table_name, c.ordinal_position
        """,
        [CATALOG],
    ).df()


#: Example queries shown beside the editor: key for the label (also the comment line) -> SQL template, whose
#: comment, aliases and two-language columns follow the interface language (example_query).
EXAMPLE_QUERIES: dict[str, str] = {
    "sql_example_reference": """-- {comment}
select municipality_name, label_{sfx}, value, qualifier, national_reference,
       deviation_from_reference, year, source_title
from v_indicator_values
where national_reference is not null
order by comparability_group, indicator_id, municipality_name""",
    "sql_example_practices": """-- {comment}
select basic_function_{sfx}, count(*) as {practices},
       count(distinct municipality_code) as {municipalities}
from v_practices
group by basic_function_ordinal, basic_function_{sfx}
order by basic_function_ordinal""",
    "sql_example_overview": """-- {comment}
select name, province, population, team_scope, n_team_types, n_practices
from v_municipality_overview
order by name""",
}


def example_query(key: str, lang: str) -> str:
    """An example query in the interface language: its comment, column aliases and label columns."""
    return EXAMPLE_QUERIES[key].format(
        comment=t(key, lang),
        sfx=lang_code(lang),
        practices=t("sql_alias_practices", lang),
        municipalities=t("sql_alias_municipalities", lang),
    )
