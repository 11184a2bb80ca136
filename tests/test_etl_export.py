"""`python -m etl export`: the tidy files researchers download.

Why: the columns are a promise to users who script against them, so each required column is listed here by
hand (from the issue), not read from etl/export.py. Values must equal the warehouse, and a spreadsheet must
never run a formula that came in through a text field.
"""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
import yaml

from etl.__main__ import main
from etl.build import build_warehouse
from etl.export import EXPORT_TABLES, neutralise_formulas, read_export_tables, write_xlsx
from etl.export import WORKBOOK_NAME as XLSX_NAME

REQUIRED = {
    "municipalities": [
        "municipality_code",
        "name",
        "official_name",
        "province",
        "appendix_letter",
        "population",
        "population_qualifier",
        "latitude",
        "longitude",
    ],
    "indicator_values": [
        "municipality_code",
        "indicator_id",
        "value",
        "unit",
        "national_reference",
        "qualifier",
        "year",
        "source",
        "locator",
        "value_upper",
        "period",
        "area",
        "note",
    ],
    "indicators": ["indicator_id", "label_nl", "label_en", "unit", "definition"],
    "teams": [
        "municipality_code",
        "team_name",
        "team_kind",
        "team_count",
        "count_qualifier",
        "target_group",
        "operated_by",
        "direct_access",
    ],
    "org_choices": ["municipality_code", "dimension_id", "value_id", "justification", "justification_en", "locator"],
    "practices": [
        "municipality_code",
        "basic_function_id",
        "title_nl",
        "summary_nl",
        "title_en",
        "summary_en",
        "locator",
    ],
    "basic_functions": ["basic_function_id", "name_nl", "name_en", "description_nl", "description_en"],
}
# Warehouse table behind each export, for row counts.
SOURCE_TABLE = {
    "municipalities": "municipality",
    "indicator_values": "indicator_value",
    "indicators": "indicator",
    "teams": "team",
    "org_choices": "org_choice",
    "practices": "practice",
    "basic_functions": "basic_function",
}


@pytest.fixture
def warehouse(fixture_data_dir, tmp_path) -> Path:
    path = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, path, log=lambda _line: None)
    return path


def tables_of(warehouse: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return read_export_tables(con)
    finally:
        con.close()


def count(warehouse: Path, table: str) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        con.close()


def norm(value):
    """Compare across formats: missing -> None, numbers -> float, the rest as is."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return value


def rows(df: pd.DataFrame) -> list[tuple]:
    return [tuple(norm(v) for v in row) for row in df.astype(object).itertuples(index=False)]


def export(fmt: str, fixture_data_dir: Path, warehouse: Path, out: Path) -> None:
    rc = main(
        ["export", "--out", str(out), "--format", fmt, "--data", str(fixture_data_dir), "--warehouse", str(warehouse)]
    )
    assert rc == 0


def fixture_doc(fixture_data_dir: Path, slug: str) -> dict:
    return yaml.safe_load((fixture_data_dir / "gemeenten" / f"{slug}.yaml").read_text(encoding="utf-8"))


def test_export_tables_cover_the_required_columns():
    assert list(EXPORT_TABLES)[:1] == ["municipalities"]
    assert set(REQUIRED) <= set(EXPORT_TABLES)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_files_have_required_columns_and_warehouse_values(fmt, fixture_data_dir, warehouse, tmp_path):
    out = tmp_path / "exports"
    export(fmt, fixture_data_dir, warehouse, out)
    expected = tables_of(warehouse)
    for name in EXPORT_TABLES:
        path = out / f"{name}.{fmt}"
        assert path.is_file(), path
        got = pd.read_csv(path, keep_default_na=True) if fmt == "csv" else pd.read_parquet(path)
        assert set(REQUIRED.get(name, [])) <= set(got.columns), name
        assert list(got.columns) == list(expected[name].columns)
        want = neutralise_formulas(expected[name]) if fmt == "csv" else expected[name]
        assert rows(got) == rows(want), name
        if name in SOURCE_TABLE:
            assert len(got) == count(warehouse, SOURCE_TABLE[name]), name


def test_real_data_export_row_counts(built_warehouse, tmp_path):
    out = tmp_path / "exports"
    assert main(["export", "--out", str(out), "--warehouse", str(built_warehouse)]) == 0
    for name, table in SOURCE_TABLE.items():
        assert len(pd.read_csv(out / f"{name}.csv")) == count(built_warehouse, table), name


def test_xlsx_has_readme_and_a_sheet_per_table_with_warehouse_values(fixture_data_dir, warehouse, tmp_path):
    out = tmp_path / "exports"
    export("xlsx", fixture_data_dir, warehouse, out)
    wb = openpyxl.load_workbook(out / XLSX_NAME)
    assert wb.sheetnames == ["README", *EXPORT_TABLES, "datapackage"]
    expected = tables_of(warehouse)
    for name, df in expected.items():
        ws = wb[name]
        values = list(ws.iter_rows(values_only=True))
        assert list(values[0]) == list(df.columns)
        assert set(REQUIRED.get(name, [])) <= set(values[0])
        assert [tuple(norm(v) for v in row) for row in values[1:]] == rows(neutralise_formulas(df)), name

    readme = {row[0]: row[1] for row in wb["README"].iter_rows(min_row=2, values_only=True)}
    assert readme["Data version"] == "2019.1"  # `python -m etl export` writes English unless --lang nl
    assert "KPMG" in readme["Rights"] and "own words" in readme["Rights"]
    assert "KPMG (2019)" in readme["How to cite"]
    for name, df in expected.items():
        for column in df.columns:
            assert readme.get(f"{name}.{column}"), f"README sheet does not define {name}.{column}"


def test_formula_text_is_neutralised_in_csv_and_xlsx_but_kept_in_parquet(fixture_data_dir, warehouse, tmp_path):
    operated_by = fixture_doc(fixture_data_dir, "fixtureburg")["teams"][0]["operated_by"]
    assert operated_by.startswith("=HYPERLINK(")
    for fmt in ("csv", "xlsx", "parquet"):
        export(fmt, fixture_data_dir, warehouse, tmp_path / "out")

    csv = pd.read_csv(tmp_path / "out" / "teams.csv")
    assert (
        csv.loc[csv.team_name.eq("Wijkteam") & csv.municipality_code.eq("GM9901"), "operated_by"].item()
        == "'" + operated_by
    )

    ws = openpyxl.load_workbook(tmp_path / "out" / XLSX_NAME)["teams"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("operated_by") + 1)
    assert cell.data_type == "s" and cell.value == "'" + operated_by

    parquet = pd.read_parquet(tmp_path / "out" / "teams.parquet")
    assert operated_by in set(parquet.operated_by)


def test_write_xlsx_to_memory_without_readme():
    buffer = BytesIO()
    write_xlsx({"teams": pd.DataFrame({"a": ["=x", "y"], "b": [1, None]})}, buffer)
    wb = openpyxl.load_workbook(BytesIO(buffer.getvalue()))
    assert wb.sheetnames == ["teams"]
    assert [tuple(r) for r in wb["teams"].iter_rows(values_only=True)] == [("a", "b"), ("'=x", 1), ("y", None)]


def test_export_builds_the_warehouse_when_missing(fixture_data_dir, tmp_path, capsys):
    target = tmp_path / "missing" / "w.duckdb"
    export("csv", fixture_data_dir, target, tmp_path / "out")
    assert target.is_file()
    assert len(pd.read_csv(tmp_path / "out" / "municipalities.csv")) == 3
    assert "built" in capsys.readouterr().out
