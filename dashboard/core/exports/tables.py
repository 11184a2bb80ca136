"""Data downloads: tables as CSV or an Excel workbook, and the whole (or a selected part of the) dataset
as a data package (etl/export.py) in CSV, Excel or Parquet."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from dashboard.core import queries
from dashboard.core.exports.names import download_filename
from dashboard.core.i18n import t
from etl.datapackage import FORMATS


def _neutralise(df: pd.DataFrame) -> pd.DataFrame:
    from etl.export import neutralise_formulas  # one rule for every spreadsheet the project writes

    return neutralise_formulas(df)


def _flatten_for_files(df: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts (e.g. highlighted_functions) as '; '-joined text: CSV and Excel cells are flat.

    DuckDB hands a LIST column to pandas as numpy arrays, whose str() is a bracketed print-out with line
    breaks; they are joined like lists. Separator: '; ' (said in the help of every 'Download data' button)."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(_is_sequence).any():
            out[column] = out[column].map(
                lambda v: (
                    LIST_SEPARATOR.join(map(str, list(v)))
                    if _is_sequence(v) and not isinstance(v, dict)
                    else json.dumps(v, ensure_ascii=False)
                    if isinstance(v, dict)
                    else v
                )
            )
    return out


LIST_SEPARATOR = "; "


def _is_sequence(value: Any) -> bool:
    import numpy as np

    return isinstance(value, list | tuple | dict | np.ndarray)


def dataframe_csv_bytes(df: pd.DataFrame | Iterable[Mapping[str, Any]]) -> bytes:
    """The rows as UTF-8 CSV (comma, header, no index), cells that a spreadsheet would run neutralised."""
    frame = df if isinstance(df, pd.DataFrame) else pd.DataFrame(list(df))
    return _neutralise(_flatten_for_files(frame)).to_csv(index=False).encode("utf-8")


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", str(name))[:31] or "data"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[:28]}_{n}"
    taken.add(candidate.lower())
    return candidate


def xlsx_bytes(tables: Mapping[str, pd.DataFrame], readme_rows: list[tuple[str, str]] | None = None) -> bytes:
    """One workbook, README sheet first, a sheet per table, written by etl.export.write_xlsx.

    write_xlsx neutralises formulas and strips what XLSX cannot store; here lists become text and sheet
    names are made unique and legal first.
    """
    from etl.export import write_xlsx

    taken: set[str] = {"readme"}
    clean = {_sheet_name(name, taken): _flatten_for_files(df) for name, df in tables.items()}
    buffer = io.BytesIO()
    write_xlsx(clean, buffer, list(readme_rows or []))
    return buffer.getvalue()


DOWNLOAD_FORMATS = FORMATS  # csv, xlsx, parquet: the order of the buttons


def dataset_download(
    con: Any,
    fmt: str,
    *,
    lang: str = "nl",
    codes: Iterable[str] | None = None,
    filters: str | None = None,
) -> bytes:
    """One data download: the tidy export tables (etl/export.py) with README and datapackage.json.

    codes None: the full dataset; else the same tables restricted to those municipalities (reference
    tables stay whole). csv and parquet come as a zip (README.md, datapackage.json, a file per table);
    xlsx is one workbook (README sheet, a sheet per table, the descriptor on the last sheet).
    """
    from etl.datapackage import Selection
    from etl.export import package_files, read_export_tables, select_municipalities, zip_bytes

    if fmt not in DOWNLOAD_FORMATS:
        raise ValueError(f"unknown download format {fmt!r}")
    tables = read_export_tables(con)
    selection = None
    if codes is not None:
        chosen = tuple(sorted(set(codes)))
        tables = select_municipalities(tables, chosen)
        selection = Selection(chosen, filters or t("exp_no_filters", lang))
    name = download_filename(fmt, selection=selection is not None)
    files = package_files(
        tables, fmt=fmt, lang=lang, meta=queries.meta_dict(con), selection=selection, workbook_name=name
    )
    return files[name] if fmt == "xlsx" else zip_bytes(files)
