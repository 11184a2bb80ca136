"""Formula injection in spreadsheet exports (etl.export.neutralise_formulas, used by every CSV and XLSX the
project writes): spreadsheets skip leading spaces, no-break spaces and line breaks and read full-width
operators as formulas too; a real number must stay a number.

The one place for this rule: the rule itself, both spreadsheet writers (CSV bytes and XLSX bytes of
dashboard.core.exports) and the dashboard's full data download from a tampered warehouse. The command-line
export (`python -m etl export`, which also writes Parquet, where text stays as it is) is checked end to end in
tests/test_etl_export.py."""

from __future__ import annotations

import io
import shutil
import zipfile

import duckdb
import openpyxl
import pandas as pd
import pytest

from dashboard.core import exports
from etl.export import neutralise_formulas

DANGEROUS = [
    '=HYPERLINK("https://evil.example")',
    " =1+1",
    "   +cmd|' /C calc'!A0",
    "\u00a0=1+1",
    "\u202f-2+3",
    "\n=1+1",
    "\r\n@SUM(A1)",
    "\t=1",
    "\r=1",
    "\uff1d1+1",
    "\uff0bcmd",
    "\uff0d2+3",
    "\uff20SUM(A1)",
    " \u3000=1",
    "-2+3",
    "+31 6 1234",
    "@x",
    "- 5",
    "=",
    "-",
]
HARMLESS_TEXT = ["ok", "a=b", "e-mail", "1-2", "Den Haag", "", "x\n=y", "(=1)"]
PLAIN_NUMBERS = ["-5", "+5", "-0.25", "+3.5", "-1e5", ".5", "-.5"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_starts_are_neutralised(value):
    assert neutralise_formulas(pd.DataFrame({"t": [value]}))["t"][0] == "'" + value


@pytest.mark.parametrize("value", HARMLESS_TEXT + PLAIN_NUMBERS)
def test_text_that_runs_nothing_is_left_alone(value):
    assert neutralise_formulas(pd.DataFrame({"t": [value]}))["t"][0] == value


def test_missing_values_number_columns_and_the_input_are_left_alone():
    df = pd.DataFrame({"text": ["=1+1", None, "ok"], "number": [-5, 1, 2]})
    got = neutralise_formulas(df)
    assert [None if pd.isna(v) else v for v in got["text"]] == ["'=1+1", None, "ok"]
    assert list(got["number"]) == [-5, 1, 2]
    assert df["text"][0] == "=1+1"  # a copy: the caller's frame is not modified


def test_numbers_stay_numbers_in_csv_and_xlsx():
    df = pd.DataFrame({"n": [-5, 3, -0.25], "mixed": [-5, "=1+1", None], "t": ["-5", " =x", "ok"]})
    back = pd.read_csv(io.BytesIO(exports.dataframe_csv_bytes(df)))
    assert back["n"].tolist() == [-5, 3, -0.25]
    assert back["t"].tolist() == ["-5", "' =x", "ok"]  # no quote before -5: a spreadsheet reads a number
    sheet = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes({"x": df})))["x"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [-5, 3, -0.25]  # numeric cells
    assert rows[0][1] == -5 and rows[1][1] == "'=1+1"
    assert sheet["C3"].value == "' =x" and sheet["C3"].data_type == "s"


def test_full_data_download_neutralises_formulas_in_the_warehouse(fixture_warehouse, tmp_path):
    tampered = tmp_path / "tampered.duckdb"
    shutil.copy(fixture_warehouse, tampered)
    with duckdb.connect(str(tampered)) as rw:
        rw.execute('update practice set title_nl = \'=HYPERLINK("http://evil","klik")\'')
    with duckdb.connect(str(tampered), read_only=True) as ro:
        book = openpyxl.load_workbook(io.BytesIO(exports.dataset_download(ro, "xlsx")))
        files = zipfile.ZipFile(io.BytesIO(exports.dataset_download(ro, "csv")))
    sheet = book["practices"]
    column = [c.value for c in sheet[1]].index("title_nl")
    values = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values and all(v.startswith("'=") for v in values)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    csv_titles = pd.read_csv(io.BytesIO(files.read("practices.csv")))["title_nl"]
    assert len(csv_titles) == len(values) and all(v.startswith("'=") for v in csv_titles)
