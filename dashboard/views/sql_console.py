"""SQL-console: read-only queries for researchers, on a locked-down connection of its own.

Registered by dashboard/app.py only when settings.SQL_CONSOLE_ENABLED; the page checks the switch again
so that opening the file directly cannot bypass it. Every query runs in a limited worker process
(dashboard/runtime/sql_worker.py); the session keeps only the last, capped result (sql_console.MAX_RESULT_BYTES).
Everything the query or DuckDB sends back is shown as text (md_escape) or in a table, never as markdown.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import streamlit as st

from dashboard.core import exports, settings, sql_console
from dashboard.core.i18n import t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, sql_worker, state
from dashboard.ui import common

log = logging.getLogger(__name__)

EDITOR_KEY = "sql_text"
RESULT_KEY = "sql_result"


def _use_example(sql: str) -> None:
    st.session_state[EDITOR_KEY] = sql
    st.session_state.pop(RESULT_KEY, None)


def _run(path: Path) -> None:
    # A process per run: nothing a query does can outlive it or reach the server's memory. The previous
    # result is dropped first, so a session never holds two.
    text = st.session_state.get(EDITOR_KEY, "")
    st.session_state.pop(RESULT_KEY, None)
    st.session_state[RESULT_KEY] = (text, sql_worker.run_in_worker(path, text))


def schema_sections(path: Path) -> list[tuple[str, str]]:
    """(expander label, column list in markdown) per table and view, read through the console's own sandboxed
    connection: once per warehouse build (db.per_build), not on every rerun."""

    def build() -> list[tuple[str, str]]:
        con = sql_console.connect_sandboxed(str(path))
        try:
            schema = sql_console.schema_overview(con)
        finally:
            con.close()
        sections = []
        for (name, kind), columns in schema.groupby(["table_name", "table_type"], sort=False):
            # a table name is code (an identifier of the warehouse), not a word of the interface language
            shown = f"`{name}`" if "`" not in name else md_escape(name)
            label = shown + (" (view)" if kind == "VIEW" else "")
            text = "\n".join(
                f"- {md_escape(c)} · {md_escape(d.lower())}"
                for c, d in zip(columns["column_name"], columns["data_type"], strict=True)
            )
            sections.append((label, text))
        return sections

    return db.per_build(("sql_schema", str(path)), build)


def show_schema(path: Path, lang: str) -> None:
    st.markdown(f"**{t('sql_schema', lang)}**")
    try:
        sections = schema_sections(path)
    except (OSError, duckdb.Error, db.WarehouseError) as exc:
        log.warning("SQL console: schema of %s not readable: %s", path, exc)
        st.caption(md_escape(sql_console.short_error(exc)))
        return
    for label, text in sections:
        with st.expander(label):
            st.markdown(text)


def _number(value: float, lang: str, fmt: str = ",") -> str:
    """A number in the interface's notation: 10.000 and 0,25 in Dutch, 10,000 and 0.25 in English."""
    text = format(value, fmt)
    return text.translate(str.maketrans(",.", t("num_group_decimal", lang)))


def error_text(result: sql_console.QueryResult, lang: str) -> str:
    """The error in the interface language: the console's own messages by key, DuckDB's as they are."""
    if result.error_key is None:
        return result.error or ""
    params = {
        name: _number(value, lang, "g") if isinstance(value, float) else value
        for name, value in result.error_params.items()
    }
    return t(result.error_key, lang, **params)


def rows_text(n: int, seconds: float, lang: str) -> str:
    shown = _number(seconds, lang, ".2f")
    return t("sql_rows_one", lang, seconds=shown) if n == 1 else t("sql_rows", lang, n=_number(n, lang), seconds=shown)


def show_result(result: sql_console.QueryResult, sql: str, lang: str) -> None:
    if not result.ok:
        st.error(t("sql_refused", lang, error=md_escape(error_text(result, lang))), icon=":material/block:")
        return
    frame = result.frame
    st.caption(rows_text(len(frame), result.elapsed_s, lang))
    if result.truncated_by == "bytes":
        st.warning(
            t(
                "sql_truncated_bytes",
                lang,
                n=_number(len(frame), lang),
                megabytes=_number(sql_console.MAX_RESULT_BYTES / 1024 / 1024, lang, "g"),
            )
        )
    elif result.truncated:
        st.warning(t("sql_truncated", lang, n=_number(sql_console.MAX_ROWS, lang)))
    # NULL, as SQL users know it, instead of Streamlit's "None".
    st.dataframe(frame, hide_index=True, key="sql_result_table", placeholder="NULL")
    cite = common.citation(lang)
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            t("sql_download_csv", lang),
            data=lambda: exports.dataframe_csv_bytes(frame),
            file_name=exports.export_filename("sql_resultaat", "csv"),
            mime="text/csv",
            key="sql_download_csv",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            t("sql_download_xlsx", lang),
            data=lambda: exports.xlsx_bytes(
                {"resultaat": frame}, [("query", sql), ("truncated", str(result.truncated)), ("source", cite)]
            ),
            file_name=exports.export_filename("sql_resultaat", "xlsx"),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="sql_download_xlsx",
            on_click="ignore",
            icon=":material/download:",
        )


def main() -> None:
    lang = state.current_lang()
    st.title(t("sql_page_title", lang))
    if not settings.SQL_CONSOLE_ENABLED:
        st.info(t("sql_disabled", lang))
        return
    path = Path(settings.WAREHOUSE_PATH)
    seconds = _number(sql_console.TIME_LIMIT_S, lang, "g")
    rows = _number(sql_console.MAX_ROWS, lang)
    st.markdown(
        t(
            "sql_intro",
            lang,
            rows=rows,
            seconds=seconds,
            memory=sql_console.WORKER_MEMORY_MB,
            megabytes=_number(sql_console.MAX_RESULT_BYTES / 1024 / 1024, lang, "g"),
        )
    )
    st.caption(t("sql_security_note", lang))
    if not path.is_file():
        st.error(t("sql_no_warehouse", lang, path=path.name))
        return
    if EDITOR_KEY not in st.session_state:
        st.session_state[EDITOR_KEY] = sql_console.example_query("sql_example_reference", lang)

    editor, side = st.columns([3, 2], gap="medium")
    with side:
        st.markdown(f"**{t('sql_examples', lang)}**")
        for example_key in sql_console.EXAMPLE_QUERIES:
            st.button(
                t(example_key, lang),
                key=f"sql_ex_{example_key}",
                on_click=_use_example,
                args=(sql_console.example_query(example_key, lang),),
                type="tertiary",
                icon=":material/play_arrow:",
            )
        show_schema(path, lang)
    with editor:
        st.text_area(t("sql_editor", lang), key=EDITOR_KEY, height=220, max_chars=sql_console.MAX_SQL_CHARS)
        st.button(
            t("sql_run", lang),
            key="sql_run",
            type="primary",
            on_click=_run,
            args=(path,),
            icon=":material/play_arrow:",
            shortcut="Ctrl+Enter",
        )
        ran = st.session_state.get(RESULT_KEY)
        if ran is not None:
            show_result(ran[1], ran[0], lang)


main()
