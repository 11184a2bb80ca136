"""Data-download widgets for the overview and about pages: render_data_downloads().

Two rows of the same three formats: the current selection and the full dataset. Both are the tidy export
tables of `python -m etl export` (etl/export.py) — the selection is those tables restricted to the
municipalities that pass the filters — and every file carries a README in the interface language and a
Frictionless datapackage.json (dashboard.core.exports.dataset_download):

- CSV (zip): README.md, datapackage.json and a CSV per table;
- Excel: one workbook, README sheet first, a sheet per table, the descriptor on the last sheet;
- Parquet (zip): README.md, datapackage.json and a Parquet file per table.

Files are built only when the user clicks (callable download data) and cached per warehouse build,
selection and language.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dashboard.core import exports
from dashboard.core.i18n import t
from dashboard.runtime import db

MIMES = {
    "csv": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/zip",
}
_cache = exports.BytesCache(maxsize=16)


def _connection():
    """A cursor on the dashboard's read-only connection (thread-safe: one cursor per download)."""
    return db.connection().cursor()


def download_bytes(fmt: str, *, lang: str, codes: list[str] | None, filters: str | None) -> bytes:
    """The file of one button (cached): codes None = the full dataset."""
    key = (fmt, db.file_identity(db.warehouse_path()), lang, None if codes is None else tuple(sorted(codes)), filters)

    def make() -> bytes:
        cur = _connection()
        try:
            return exports.dataset_download(cur, fmt, lang=lang, codes=codes, filters=filters)
        finally:
            cur.close()

    return _cache.get_or_make(key, make)


def _buttons(*, lang: str, codes: list[str] | None, filters: str | None, key: str) -> None:
    selection = codes is not None
    with st.container(horizontal=True, gap="small", key=f"{key}__row"):
        for fmt in exports.DOWNLOAD_FORMATS:
            st.download_button(
                t(f"exp_fmt_{fmt}", lang),
                data=lambda fmt=fmt: download_bytes(fmt, lang=lang, codes=codes, filters=filters),
                file_name=exports.download_filename(fmt, selection=selection),
                mime=MIMES[fmt],
                key=f"{key}__{fmt}",
                on_click="ignore",
                icon=":material/download:",
                help=t(f"exp_fmt_{fmt}_help", lang),
            )


def render_data_downloads(
    *,
    lang: str,
    codes: Iterable[str] | None = None,
    filters: str | None = None,
    key: str = "data_downloads",
) -> None:
    """The selection (when filters are active) and the full dataset, each as CSV zip, Excel and Parquet zip.

    codes: the municipality codes that pass the active filters (None: no filter, only the full dataset);
    filters: the active filters in words (written into the README and the descriptor of the selection).
    """
    st.markdown(f"**{t('exp_data_heading', lang)}**")
    st.caption(t("exp_data_intro", lang))
    if codes is not None:
        selected = list(codes)
        st.markdown(t("exp_selection_label", lang, n=len(selected), filters=filters or "–"))
        _buttons(lang=lang, codes=selected, filters=filters, key=f"{key}__sel")
    st.markdown(t("exp_full_label", lang))
    _buttons(lang=lang, codes=None, filters=None, key=f"{key}__full")
    st.caption(t("exp_data_note", lang))
