"""Tidy export tables and their writers (CSV, Parquet, one XLSX workbook). Pure: no Streamlit, no CLI.

`python -m etl export` and the dashboard's download buttons both use this module, so a researcher gets
the same tables, the same README and the same `datapackage.json` whichever way they download:

    tables = read_export_tables(con)                      # dict name -> DataFrame, in registry order
    tables = select_municipalities(tables, codes)         # the selection: same tables, fewer rows
    files = package_files(tables, fmt="csv", lang="nl", meta=meta)   # {file name: bytes}
    write_package(files, Path("exports/csv"))             # or zip_bytes(files) for a download

The tables themselves (SQL, column meanings, units, keys) are registered in etl/export_tables.py; the
descriptor and README come from etl/datapackage.py.

Spreadsheet safety: a text cell that starts with =, +, -, @, a tab or a carriage return is run as a formula
by Excel and LibreOffice (CSV/formula injection). CSV and XLSX writers prefix such cells with a single quote
(`neutralise_formulas`). Parquet is not opened by spreadsheets and keeps the text exactly as stored.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from io import BytesIO
from pathlib import Path

import duckdb
import pandas as pd

from etl.datapackage import REGISTRY, Selection, descriptor, readme_markdown, readme_rows
from etl.export_tables import TABLES

# name -> SQL, in registry order (the order of files in the README and of sheets in the workbook).
EXPORT_TABLES: OrderedDict[str, str] = OrderedDict((table.name, table.sql) for table in TABLES)

DESCRIPTOR_NAME = "datapackage.json"
README_NAME = "README.md"
WORKBOOK_NAME = "lokale-teams.xlsx"
DESCRIPTOR_SHEET = "datapackage"
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Control characters that the XLSX format cannot store (openpyxl refuses them).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of df where every text cell a spreadsheet could run as a formula is prefixed with a single quote.

    A cell is dangerous when it starts with =, +, -, @ (or their full-width forms ＝ ＋ － ＠), a tab or a
    carriage return, also after leading whitespace, no-break spaces or line breaks (spreadsheets skip those).
    Only text cells change; numbers stay numbers, and text that is just a number ("-5", "+3.5") is left alone
    (a spreadsheet reads it as that number, never as a formula).
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralise_cell, na_action="ignore")
    return out


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _neutralise_cell(value):
    if not isinstance(value, str):
        return value
    if value.startswith(("\t", "\r")):
        return "'" + value
    start = value.lstrip()  # str.lstrip also removes no-break spaces, line breaks and other Unicode spaces
    if start.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(start):
        return "'" + value
    return value


def _is_text(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series)


def _one_line(df: pd.DataFrame) -> pd.DataFrame:
    """Line breaks inside a text value become one space: a value is one line in every file format."""
    out = df.copy()
    for col in out.columns:
        if _is_text(out[col]):
            out[col] = out[col].map(lambda v: _LINE_BREAKS.sub(" ", v) if isinstance(v, str) else v)
    return out


def read_export_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Run every registered query on `con` (read-only is enough); returns name -> DataFrame in order."""
    return {name: _one_line(con.execute(sql).df()) for name, sql in EXPORT_TABLES.items()}


def select_municipalities(tables: Mapping[str, pd.DataFrame], codes: Iterable[str]) -> dict[str, pd.DataFrame]:
    """The same tables restricted to some municipalities.

    A table with a municipality_code keeps the rows of those municipalities; a table that refers to such a
    table by a foreign key (practice_figures -> practices) keeps the rows whose reference survived; the
    codebook and source tables stay whole, so every foreign key still resolves.
    """
    wanted = set(codes)
    out: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        if "municipality_code" in df.columns:
            out[name] = df[df["municipality_code"].isin(wanted)].reset_index(drop=True)
            continue
        kept = df
        for key in REGISTRY[name].foreign_keys if name in REGISTRY else ():
            parent = out.get(key.resource)
            if parent is not None and "municipality_code" in tables[key.resource].columns:
                allowed = set(parent[list(key.reference)].itertuples(index=False, name=None))
                mask = [tuple(row) in allowed for row in kept[list(key.fields)].itertuples(index=False, name=None)]
                kept = kept[mask]
        out[name] = kept.reset_index(drop=True)
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """One table as CSV: UTF-8, comma, header, no index, formulas neutralised; integers stay integers."""
    return neutralise_formulas(df).to_csv(index=False, lineterminator="\n").encode("utf-8")


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """One table as Parquet (pyarrow): the warehouse's types, text exactly as stored."""
    buffer = io.BytesIO()
    df.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def write_xlsx(
    tables: dict[str, pd.DataFrame],
    target: Path | str | BytesIO,
    readme_rows: list[tuple[str, str]] | None = None,
    *,
    readme_header: tuple[str, str] = ("field", "description"),
    descriptor_text: str | None = None,
) -> None:
    """Write one workbook to a path or a BytesIO: a README sheet (if readme_rows is given), a sheet per table
    and, when descriptor_text is given, a last sheet `datapackage` holding it one line per row.

    Sheet names are the table names (at most 31 characters, as Excel requires). Text is neutralised against
    formula injection and stripped of control characters XLSX cannot store. The header row is frozen.
    """
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        if readme_rows is not None:
            readme = pd.DataFrame(readme_rows, columns=list(readme_header))
            _write_sheet(writer, "README", readme, widths=(32, 120))
        for name, df in tables.items():
            _write_sheet(writer, name[:31], df)
        if descriptor_text is not None:
            # Written as plain strings, not through neutralise_formulas: the JSON must stay byte-exact.
            lines = pd.DataFrame({DESCRIPTOR_NAME: descriptor_text.splitlines()})
            lines.to_excel(writer, sheet_name=DESCRIPTOR_SHEET, index=False)
            writer.sheets[DESCRIPTOR_SHEET].column_dimensions["A"].width = 100


def descriptor_from_workbook(workbook: bytes | Path) -> dict:
    """Read datapackage.json back from a workbook written with descriptor_text (for users and tests)."""
    import openpyxl

    source = io.BytesIO(workbook) if isinstance(workbook, bytes) else workbook
    sheet = openpyxl.load_workbook(source, read_only=True)[DESCRIPTOR_SHEET]
    lines = [row[0] or "" for row in sheet.iter_rows(min_row=2, values_only=True)]
    return json.loads("\n".join(lines))


def _write_sheet(writer: pd.ExcelWriter, sheet: str, df: pd.DataFrame, widths: tuple[int, ...] | None = None) -> None:
    clean = neutralise_formulas(df)
    for col in clean.columns:
        if clean[col].dtype == object or pd.api.types.is_string_dtype(clean[col]):
            clean[col] = clean[col].map(lambda v: _ILLEGAL_XLSX.sub("", v) if isinstance(v, str) else v)
    clean.to_excel(writer, sheet_name=sheet, index=False, freeze_panes=(1, 0))
    ws = writer.sheets[sheet]
    for i, col in enumerate(clean.columns):
        width = widths[i] if widths else min(60, max(10, len(str(col)) + 2))
        ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width = width


def package_files(
    tables: Mapping[str, pd.DataFrame],
    *,
    fmt: str,
    lang: str = "en",
    meta: Mapping[str, str] | None = None,
    selection: Selection | None = None,
    workbook_name: str = WORKBOOK_NAME,
) -> dict[str, bytes]:
    """Every file of one download, by name: the tables in `fmt`, README.md and datapackage.json.

    csv / parquet: <table>.<fmt> per table. xlsx: one workbook (README sheet in `lang` first, a sheet per
    table, the descriptor on its last sheet), plus README.md and datapackage.json for a folder export.
    """
    tables = dict(tables)
    meta = dict(meta or {})
    package = descriptor(
        tables, fmt=fmt, lang=lang, meta=meta, selection=selection, workbook=workbook_name if fmt == "xlsx" else None
    )
    package_text = json.dumps(package, ensure_ascii=False, indent=2)
    files: dict[str, bytes] = {}
    if fmt == "csv":
        files.update({f"{name}.csv": csv_bytes(df) for name, df in tables.items()})
    elif fmt == "parquet":
        files.update({f"{name}.parquet": parquet_bytes(df) for name, df in tables.items()})
    else:
        buffer = io.BytesIO()
        header = ("veld", "beschrijving") if lang == "nl" else ("field", "description")
        write_xlsx(
            tables,
            buffer,
            readme_rows(tables, fmt=fmt, lang=lang, meta=meta, selection=selection),
            readme_header=header,
            descriptor_text=package_text,
        )
        files[workbook_name] = buffer.getvalue()
    names = [DESCRIPTOR_NAME, *files]
    files[README_NAME] = readme_markdown(
        tables, fmt=fmt, lang=lang, meta=meta, selection=selection, files=names
    ).encode("utf-8")
    files[DESCRIPTOR_NAME] = (package_text + "\n").encode("utf-8")
    return files


def write_package(files: Mapping[str, bytes], out_dir: Path) -> list[Path]:
    """Write the files of package_files() into out_dir (created when missing); returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = out_dir / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """The files as one zip, README.md and datapackage.json first so they are seen first."""
    order = sorted(files, key=lambda n: (n not in (README_NAME, DESCRIPTOR_NAME), n != README_NAME))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            zf.writestr(name, files[name])
    return buffer.getvalue()
