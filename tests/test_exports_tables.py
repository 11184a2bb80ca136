"""Data downloads (dashboard/core/exports/tables.py): CSV, Excel and the data package.

Why: a researcher opens these files in a spreadsheet; lists must stay readable, and a selection must hold
only the municipalities chosen, with a README that cites in the reader's language. That no cell runs as a
formula is tested in one place: tests/hostile/test_export_formulas.py.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from dashboard.core import exports
from etl.export import EXPORT_TABLES


@pytest.fixture(scope="module")
def warehouse(fixture_warehouse) -> Path:
    return fixture_warehouse


@pytest.fixture
def con(warehouse):
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def test_csv_flattens_lists():
    df = pd.DataFrame({"f": [["brede_blik", "leren_verbeteren"]]})
    assert b"brede_blik; leren_verbeteren" in exports.dataframe_csv_bytes(df)


def test_csv_flattens_numpy_arrays_from_duckdb_lists():
    """DuckDB LIST columns arrive as numpy arrays, whose str() is a bracketed print-out with line breaks."""
    frame = duckdb.sql(
        "select ['tijdig_signaleren', 'vindbare_toegankelijke_hulp', 'brede_blik', 'leren_verbeteren'] as f"
    ).df()
    text = exports.dataframe_csv_bytes(frame).decode()
    assert text == "f\ntijdig_signaleren; vindbare_toegankelijke_hulp; brede_blik; leren_verbeteren\n"


def test_full_dataset_xlsx_has_readme_tables_and_descriptor(con):
    book = openpyxl.load_workbook(io.BytesIO(exports.dataset_download(con, "xlsx", lang="nl")))
    assert book.sheetnames == ["README", *EXPORT_TABLES, "datapackage"]
    readme = {row[0]: row[1] for row in book["README"].iter_rows(min_row=2, values_only=True)}
    # a Dutch README has Dutch labels and Dutch column meanings
    assert readme["Dataversie"] and "KPMG" in readme["Rechten"] and "A1900017004" in readme["Zo citeer je"]
    assert (
        readme["municipalities.population"] == "integer (geheel getal) · personen · Aantal inwoners zoals in de schets"
    )
    header = [c.value for c in book["municipalities"][1]]
    assert header[:3] == ["municipality_code", "name", "official_name"]


def test_select_municipalities_keeps_reference_tables_whole(con):
    from etl.export import read_export_tables, select_municipalities

    tables = select_municipalities(read_export_tables(con), [])
    assert len(tables["municipalities"]) == 0 and len(tables["practice_figures"]) == 0
    assert len(tables["basic_functions"]) == 5


def test_selection_xlsx_holds_only_the_selected_municipalities(con):
    codes = [row[0] for row in con.execute("select municipality_code from municipality order by 1").fetchall()]
    data = exports.dataset_download(con, "xlsx", lang="en", codes=codes[:1], filters="Province: Testland")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "README"
    got = {row[0] for row in book["municipalities"].iter_rows(min_row=2, values_only=True)}
    assert got == {codes[0]}
    readme = dict(book["README"].iter_rows(min_row=2, values_only=True))
    assert readme["Selection"] == "number of municipalities: 1 · Province: Testland"


def test_parquet_zip_has_readme_descriptor_and_one_file_per_table(con):
    with zipfile.ZipFile(io.BytesIO(exports.dataset_download(con, "parquet", lang="en"))) as zf:
        assert zf.namelist()[:2] == ["README.md", "datapackage.json"]
        assert sorted(zf.namelist()[2:]) == sorted(f"{name}.parquet" for name in EXPORT_TABLES)
        frame = pd.read_parquet(io.BytesIO(zf.read("municipalities.parquet")))
        readme = zf.read("README.md").decode()
    assert "municipality_code" in frame.columns and len(frame) >= 1
    assert "## Tables" in readme and "### municipalities" in readme


def test_english_selection_readme_cites_the_report_in_english_from_the_warehouse(con):
    title, subtitle = con.execute("select title, subtitle from source where source_id = 'kpmg_2019'").fetchone()
    code = con.execute("select min(municipality_code) from municipality").fetchone()[0]
    book = openpyxl.load_workbook(io.BytesIO(exports.dataset_download(con, "xlsx", lang="en", codes=[code])))
    text = " ".join(str(v) for row in book["README"].iter_rows(values_only=True) for v in row if v)
    assert "Commissioned by the Ministry of VWS" in text and "In opdracht" not in text
    assert title in text and (not subtitle or subtitle in text)
    assert "no filters" in text
