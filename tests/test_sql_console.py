"""SQL console (dashboard/core/sql_console.py): every known way out is refused, and nothing crashes.

Why: the console hands a text box to the user. Each test below is one escape route a query could take
(write a file, read a file, attach another database, load code, reach the caller's Python objects,
change the settings that enforce all this, or simply never finish). The console is defence in depth, not
a sandbox, so these tests guard each layer separately: the statement check, the DuckDB settings, the
time limit and the watchdog.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.core import sql_console as sc

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 1.0
MARGIN_S = 1.5


@pytest.fixture(scope="module")
def warehouse(fixture_warehouse) -> Path:
    return fixture_warehouse


@pytest.fixture
def con(warehouse):
    # The dashboard's own read-only connection is open at the same time, as in the running app.
    dashboard_con = duckdb.connect(str(warehouse), read_only=True)
    console = sc.connect_sandboxed(warehouse, time_limit_s=LIMIT_S)
    yield console
    console.close()
    dashboard_con.close()


def refused(result: sc.QueryResult) -> bool:
    return (not result.ok) and result.frame.empty and "\n" not in result.error and "Traceback" not in result.error


def test_a_query_runs_and_sees_tables_and_views(con):
    result = sc.run_query(con, "select count(*) as n from v_municipality_overview")
    assert result.ok and result.frame["n"].iloc[0] == 3
    result = sc.run_query(con, "-- comment first\nWITH x AS (SELECT 1 AS a) SELECT * FROM x;")
    assert result.ok and result.frame["a"].tolist() == [1]


@pytest.mark.parametrize(
    "sql",
    [
        "copy (select 1) to '/tmp/lokale_teams_escape.csv'",
        "copy municipality to '/tmp/lokale_teams_escape.parquet' (format parquet)",
        "attach '/tmp/lokale_teams_escape.duckdb' as x",
        "attach ':memory:' as x",
        "detach warehouse",
        "install httpfs",
        "load httpfs",
        "force install httpfs",
        "create temp table t as select 1",
        "create table t (a int)",
        "create view v as select 1",
        "create macro m() as 1",
        "insert into municipality select * from municipality",
        "update municipality set name = 'x'",
        "delete from municipality",
        "drop table municipality",
        "alter table municipality add column x int",
        "set enable_external_access = true",
        "set lock_configuration = false",
        "reset max_execution_time",
        "pragma disable_checkpoint_on_shutdown",
        "pragma version",
        "call pragma_version()",
        "export database '/tmp/lokale_teams_export'",
        "import database '/tmp/lokale_teams_export'",
        "use memory",
        "checkpoint",
        "explain analyze select 1",
        "begin transaction",
        "prepare p as select 1",
        "select 1; select 2",
        "select 1; drop table municipality",
        "",
        "   ;  ",
        "selec 1",
    ],
)
def test_statements_other_than_one_select_are_refused(con, sql):
    result = sc.run_query(con, sql)
    assert refused(result)
    assert result.error_key in sc.MESSAGES  # the page translates it (tests/test_chart_panel.py)


@pytest.mark.parametrize(
    ("sql", "key", "params"),
    [
        ("install httpfs", "sql_err_kind", {"kind": "INSTALL"}),  # DuckDB's type for it is LOAD
        ("force install httpfs", "sql_err_kind", {"kind": "FORCE INSTALL"}),
        ("load httpfs", "sql_err_kind", {"kind": "LOAD"}),
        ("-- a comment\n/* and another */ Install httpfs", "sql_err_kind", {"kind": "INSTALL"}),
        ("reset max_execution_time", "sql_err_kind", {"kind": "RESET"}),  # type SET
        ("use memory", "sql_err_kind", {"kind": "USE"}),  # type SET
        ("checkpoint", "sql_err_kind", {"kind": "CHECKPOINT"}),  # type CALL
        ("import database '/tmp/lokale_teams_export'", "sql_err_kind", {"kind": "IMPORT"}),  # type PRAGMA
        ("copy (select 1) to '/tmp/lokale_teams_escape.csv'", "sql_err_kind", {"kind": "COPY"}),
        ("with x as (select 1 as a) insert into municipality select * from x", "sql_err_kind", {"kind": "INSERT"}),
        ("update extensions", "sql_err_kind", {"kind": "UPDATE"}),  # a type the Python enum does not know
        ("select 1; select 2", "sql_err_count", {"n": 2}),
        ("", "sql_err_empty", {}),
        ("   ;  ", "sql_err_empty", {}),
    ],
)
def test_refusals_carry_a_message_key_and_the_statement_as_written(con, sql, key, params):
    result = sc.run_query(con, sql)
    assert refused(result)
    assert (result.error_key, result.error_params) == (key, params)
    with pytest.raises(sc.QueryRefused) as info:
        sc.check_query(sql)
    assert (info.value.key, info.value.params) == (key, params)


def test_every_message_key_is_translated():
    from dashboard.core.i18n import STRINGS, t

    samples = {"n": 2, "kind": "COPY", "error": "Parser Error: x", "seconds": "5", "megabytes": 768}
    for key in sc.MESSAGES:
        assert key in STRINGS
        nl, en = t(key, "nl", **samples), t(key, "en", **samples)
        assert "{" not in nl and "{" not in en
    assert t("sql_err_kind", "nl", kind="COPY") == "Alleen SELECT-queries zijn toegestaan, geen COPY."
    assert t("sql_err_count", "nl", n=2) == "Eén statement per keer; dit zijn er 2."


@pytest.mark.parametrize(
    "sql",
    [
        "select * from read_csv('/etc/passwd')",
        "select * from read_csv_auto('/etc/passwd')",
        "select * from read_text('/etc/passwd')",
        "select * from read_blob('/etc/passwd')",
        "select * from '/etc/passwd'",
        "select * from glob('/etc/*')",
        "select * from read_parquet('https://example.org/x.parquet')",
        "select * from query('create temp table x as select 1')",
        "select * from query('attach '':memory:'' as z')",
        "select getenv('HOME')",
    ],
)
def test_file_network_and_nested_escapes_fail_inside_a_select(con, sql):
    result = sc.run_query(con, sql)
    assert refused(result), result.frame


def test_python_variables_of_the_caller_are_invisible(con, warehouse):
    secret_df = pd.DataFrame({"secret": ["do not leak"]})  # noqa: F841 - the query below tries to reach it
    # Control: an ordinary connection does find it by name (so the test below proves something).
    with duckdb.connect() as plain:
        assert plain.execute("select * from secret_df").fetchall() == [("do not leak",)]
    assert refused(sc.run_query(con, "select * from secret_df"))
    with pytest.raises(duckdb.CatalogException):
        con.execute("select * from secret_df")  # the setting itself, not only run_query's frame


def test_settings_are_locked_even_when_executed_directly(con):
    for sql in (
        "set enable_external_access = true",
        "set python_enable_replacements = true",
        "set lock_configuration = false",
        "set max_execution_time = 0",
        "set memory_limit = '64GB'",
    ):
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    settings = dict(
        con.execute(
            "select name, value from duckdb_settings() where name in ('enable_external_access', "
            "'autoinstall_known_extensions', 'autoload_known_extensions', 'python_enable_replacements', "
            "'lock_configuration', 'threads', 'max_execution_time')"
        ).fetchall()
    )
    assert settings == {
        "enable_external_access": "false",
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
        "python_enable_replacements": "false",
        "lock_configuration": "true",
        "threads": str(sc.THREADS),
        "max_execution_time": str(int(LIMIT_S * 1000)),
    }


def test_the_warehouse_is_attached_read_only(con, warehouse):
    with pytest.raises(duckdb.Error):
        con.execute("create table warehouse.main.x (a int)")
    assert duckdb.connect(str(warehouse), read_only=True).execute("select count(*) from municipality").fetchone()


@pytest.mark.parametrize(
    "sql",
    [
        "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r",
        "select count(*) from range(1000000) a, range(1000000) b where a.range + b.range < 0",
    ],
)
def test_a_query_that_runs_forever_is_stopped_within_the_limit(con, sql):
    start = time.perf_counter()
    result = sc.run_query(con, sql, time_limit_s=LIMIT_S)
    elapsed = time.perf_counter() - start
    assert refused(result) and result.error_key == "sql_err_timeout"
    assert result.error_params == {"seconds": LIMIT_S}
    assert elapsed < LIMIT_S + MARGIN_S


def test_the_watchdog_interrupts_when_the_setting_does_not(warehouse):
    # A connection whose own max_execution_time is far away: only the watchdog thread can stop the query.
    console = sc.connect_sandboxed(warehouse, time_limit_s=60)
    try:
        start = time.perf_counter()
        result = sc.run_query(
            console,
            "select count(*) from range(1000000) a, range(1000000) b where a.range + b.range < 0",
            time_limit_s=LIMIT_S,
        )
        assert refused(result) and time.perf_counter() - start < LIMIT_S + MARGIN_S
        assert result.error_key == "sql_err_timeout"
        assert sc.run_query(console, "select 1 as ok").ok  # the connection is still usable afterwards
    finally:
        console.close()


def test_rows_are_capped_and_truncation_is_reported(con):
    result = sc.run_query(con, "select * from range(25000)", max_rows=10_000)
    assert result.ok and len(result.frame) == 10_000 and result.truncated
    result = sc.run_query(con, "select * from range(10000)", max_rows=10_000)
    assert len(result.frame) == 10_000 and not result.truncated


def test_errors_are_one_short_line(con):
    result = sc.run_query(con, "select no_such_column from municipality")
    assert refused(result) and result.error.startswith("Binder Error") and len(result.error) <= 300
    assert result.error_key is None  # DuckDB's own message, shown as it is


def test_duplicate_column_names_do_not_crash(con):
    result = sc.run_query(con, "select 1 as a, 2 as a")
    assert result.ok and list(result.frame.columns) == ["a", "a_1"]


def test_schema_lists_tables_and_views_with_columns(con):
    schema = sc.schema_overview(con)
    names = set(schema["table_name"])
    assert {"municipality", "indicator_value", "v_indicator_values", "v_practices"} <= names
    assert set(schema["table_type"]) == {"BASE TABLE", "VIEW"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("key", list(sc.EXAMPLE_QUERIES))
def test_example_queries_run_in_both_languages(con, key, lang):
    """The examples speak the interface language (comment, aliases, label columns) and run as they are."""
    from dashboard.core.i18n import t

    sql = sc.example_query(key, lang)
    assert sql.startswith(f"-- {t(key, lang)}\n")
    result = sc.run_query(con, sql)
    assert result.ok, result.error


def test_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        sc.connect_sandboxed(tmp_path / "nope.duckdb")
