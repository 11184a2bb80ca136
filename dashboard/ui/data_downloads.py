"""Data-download widgets for the overview and about pages: render_data_downloads().

- Selection as CSV: the overview rows (v_municipality_overview) of the municipalities that pass the filters.
- Selection as Excel: README (filters, citation, data version, column definitions) and every export table
  restricted to the selection.
- Full dataset as Excel (a sheet per table, README first) and as a zip of Parquet files for researchers.

Files are built only when the user clicks (callable download data) and the full-dataset files are cached per
warehouse build. All tables come from etl/export.py, so the in-app files have the same columns as
`python -m etl export`; formula injection is neutralised in every CSV and Excel file.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import streamlit as st

from dashboard import exports, settings
from dashboard.i18n import t

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_cache = exports._BytesCache(maxsize=16)


def _connection():
    """A cursor on the dashboard's read-only connection (thread-safe: one cursor per download)."""
    from dashboard import db

    return db.connection().cursor()


def _build_id() -> tuple:
    """Changes whenever the ETL swaps in a new warehouse file, so cached files are never stale."""
    try:
        stat = os.stat(Path(settings.WAREHOUSE_PATH))
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    except OSError:
        return ()


def _with_cursor(make):
    def build() -> bytes:
        cur = _connection()
        try:
            return make(cur)
        finally:
            cur.close()
    return build


def selection_csv(codes: Sequence[str] | None) -> bytes:
    def make(cur) -> bytes:
        frame = cur.execute("select * from v_municipality_overview order by name").df()
        if codes is not None:
            frame = frame[frame["municipality_code"].isin(set(codes))]
        return exports.dataframe_csv_bytes(frame)
    return _with_cursor(make)()


def render_data_downloads(
    *,
    lang: str,
    codes: Iterable[str] | None = None,
    filters: str | None = None,
    key: str = "data_downloads",
) -> None:
    """Four download buttons: the filtered selection (CSV, Excel) and the full dataset (Excel, Parquet zip).

    codes: the municipality codes that pass the active filters (None: no filter, all municipalities);
    filters: the active filters in words (written into the README sheet of the selection workbook).
    """
    selected = None if codes is None else list(codes)
    filter_text = filters or ("geen filters" if lang == "nl" else "no filters")
    build = _build_id()
    st.markdown(f"**{t('exp_data_heading', lang)}**")
    if selected is not None:
        st.caption(t("exp_selection_caption", lang, n=len(selected), filters=filter_text))
    sel_key = tuple(sorted(selected)) if selected is not None else None
    with st.container(horizontal=True, gap="small", key=f"{key}__row"):
        st.download_button(
            t("exp_selection_csv", lang),
            data=lambda: _cache.get_or_make(("sel_csv", build, sel_key), lambda: selection_csv(selected)),
            file_name=exports.export_filename("selectie", "csv"), mime="text/csv",
            key=f"{key}__sel_csv", on_click="ignore", icon=":material/download:",
        )
        st.download_button(
            t("exp_selection_xlsx", lang),
            data=lambda: _cache.get_or_make(
                ("sel_xlsx", build, sel_key, lang, filter_text),
                _with_cursor(lambda cur: exports.selection_xlsx_bytes(
                    cur, selected if selected is not None else _all_codes(cur), lang=lang, filters=filter_text)),
            ),
            file_name=exports.export_filename("selectie", "xlsx"), mime=_XLSX,
            key=f"{key}__sel_xlsx", on_click="ignore", icon=":material/download:",
        )
        st.download_button(
            t("exp_full_xlsx", lang),
            data=lambda: _cache.get_or_make(("full_xlsx", build), _with_cursor(exports.full_dataset_xlsx_bytes)),
            file_name=exports.export_filename("dataset", "xlsx"), mime=_XLSX,
            key=f"{key}__full_xlsx", on_click="ignore", icon=":material/download:",
        )
        st.download_button(
            t("exp_full_parquet", lang),
            data=lambda: _cache.get_or_make(("parquet", build), _with_cursor(exports.full_dataset_parquet_zip)),
            file_name=exports.export_filename("dataset_parquet", "zip"), mime="application/zip",
            key=f"{key}__parquet", on_click="ignore", icon=":material/download:",
        )
    st.caption(t("exp_data_note", lang))


def _all_codes(cur) -> list[str]:
    return [row[0] for row in cur.execute("select municipality_code from municipality").fetchall()]
