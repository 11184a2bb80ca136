"""Read-only SQL for researchers, without Streamlit: a locked-down DuckDB connection and run_query().

This is defence in depth, NOT a sandbox. It is meant for a trusted deployment or a single user; operators
of a public deployment switch the console off with LOKALE_TEAMS_SQL_CONSOLE=off. The layers:

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
5. At most MAX_ROWS rows are fetched; errors are reduced to the first line of DuckDB's message.

Messages of the console's own (refusals, the time limit) carry a key and parameters (QueryRefused.key,
QueryResult.error_key) that the page translates with dashboard.i18n.t; DuckDB's own messages stay as they are.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

MAX_ROWS = 10_000
TIME_LIMIT_S = 5.0
MEMORY_LIMIT = "256MB"
THREADS = 1
#: Name under which the warehouse is attached; queries see its tables unqualified (USE).
CATALOG = "warehouse"

_ALLOWED = {duckdb.StatementType.SELECT}


#: English fallbacks of the message keys (str() of a refusal, logs); the interface translates the key
#: itself via dashboard.i18n.t, with the same parameters.
MESSAGES: dict[str, str] = {
    "sql_err_empty": "Empty query.",
    "sql_err_count": "Exactly one statement per run, got {n}.",
    "sql_err_kind": "Only SELECT queries are allowed, not {kind}.",
    "sql_err_parse": "{error}",
    "sql_err_timeout": "Query stopped after the time limit of {seconds:g} s.",
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


@dataclass
class QueryResult:
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    truncated: bool = False       # more than max_rows rows: only the first max_rows are in frame
    elapsed_s: float = 0.0
    error: str | None = None      # a short, one-line message (English fallback); frame is empty when set
    error_key: str | None = None  # set for the console's own messages: translate key + error_params
    error_params: dict = field(default_factory=dict)

    @classmethod
    def failed(cls, key: str, *, elapsed_s: float = 0.0, **params) -> QueryResult:
        return cls(error=message(key, **params), error_key=key, error_params=params, elapsed_s=elapsed_s)

    @property
    def ok(self) -> bool:
        return self.error is None


def short_error(exc: BaseException) -> str:
    """First line of a DuckDB error, without traceback, capped in length."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return first[:300]


_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", flags=re.DOTALL)
_KEYWORD = re.compile(r"([A-Za-z_]+)(?:\s+([A-Za-z_]+))?")


def statement_kind(text: str, fallback: str = "") -> str:
    """The statement's leading keyword as written (INSTALL, RESET, USE, CHECKPOINT...), for messages.

    DuckDB's statement types are coarser than what a user typed (INSTALL is a LOAD statement, RESET and
    USE are SET, CHECKPOINT is CALL), so a refusal names the keyword; a WITH prefix or a bracket says
    nothing about the statement, then the type (fallback) is used.
    """
    match = _KEYWORD.match(text[_COMMENTS.match(text).end():])
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
        raise FileNotFoundError(f"warehouse not found: {path}")
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
    time_limit_s: float = TIME_LIMIT_S,
) -> QueryResult:
    """Run one checked query; never raises for a bad query, returns QueryResult.error instead."""
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
            except Exception:
                pass

    guard = threading.Thread(target=watchdog, name="sql-console-watchdog", daemon=True)
    guard.start()
    try:
        cursor = con.execute(query)
        rows = cursor.fetchmany(max_rows + 1)
        columns = [d[0] for d in (cursor.description or [])]
        truncated = len(rows) > max_rows
        frame = pd.DataFrame.from_records(rows[:max_rows], columns=_unique(columns))
        return QueryResult(frame=frame, truncated=truncated, elapsed_s=time.perf_counter() - start)
    except duckdb.InterruptException:
        return QueryResult.failed("sql_err_timeout", elapsed_s=time.perf_counter() - start, seconds=time_limit_s)
    except duckdb.Error as exc:
        text = short_error(exc)
        if "maximum execution time" in text.lower() or "interrupt" in text.lower():
            return QueryResult.failed("sql_err_timeout", elapsed_s=time.perf_counter() - start,
                                      seconds=time_limit_s)
        return QueryResult(error=text, elapsed_s=time.perf_counter() - start)
    except Exception as exc:  # e.g. a value pandas cannot hold; still one line, never a traceback
        return QueryResult(error=short_error(exc), elapsed_s=time.perf_counter() - start)
    finally:
        done.set()


def _unique(columns: list[str]) -> list[str]:
    """DuckDB allows duplicate column names (select 1 as a, 2 as a); a DataFrame for display should not."""
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


#: Example queries shown beside the editor: (key for the label, SQL).
EXAMPLE_QUERIES: dict[str, str] = {
    "sql_example_reference": """-- Indicatorwaarden met landelijke referentie
select municipality_name, label_nl, value, qualifier, national_reference,
       deviation_from_reference, year, source_title
from v_indicator_values
where national_reference is not null
order by comparability_group, indicator_id, municipality_name""",
    "sql_example_practices": """-- Praktijkvoorbeelden per basisfunctie
select basic_function_nl, count(*) as praktijkvoorbeelden,
       count(distinct municipality_code) as gemeenten
from v_practices
group by basic_function_ordinal, basic_function_nl
order by basic_function_ordinal""",
    "sql_example_overview": """-- Kerngegevens per gemeente
select name, province, population, team_scope, n_team_types, n_practices
from v_municipality_overview
order by name""",
}
