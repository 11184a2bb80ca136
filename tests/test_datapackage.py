"""Every data download loads with the `frictionless` package against its own datapackage.json.

Why: a researcher scripts against these files without asking us. The descriptor must be true for the file
(types, primary and foreign keys), integers must stay integers, a list is never a Python/numpy print-out and
no value holds a line break. Expected types and keys are written here by hand from etl/schema.sql, not read
from the code under test.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest
from frictionless import Package, validate

from dashboard.core import exports
from etl.__main__ import main
from etl.export import DESCRIPTOR_NAME, EXPORT_TABLES, descriptor_from_workbook

# From etl/schema.sql: INTEGER -> integer, DOUBLE -> number, BOOLEAN -> boolean.
EXPECTED_TYPES = {
    ("municipalities", "municipality_code"): "string",
    ("municipalities", "population"): "integer",
    ("municipalities", "population_year"): "integer",
    ("municipalities", "latitude"): "number",
    ("indicator_values", "value"): "number",
    ("indicator_values", "value_upper"): "number",
    ("indicator_values", "year"): "integer",
    ("indicators", "comparable_across_municipalities"): "boolean",
    ("teams", "team_count"): "integer",
    ("practice_figures", "ordinal"): "integer",
    ("practice_figures", "value"): "number",
    ("sources", "year"): "integer",
}
EXPECTED_PRIMARY_KEYS = {
    "municipalities": ["municipality_code"],
    "org_choices": ["municipality_code", "dimension_id"],
    "org_values": ["dimension_id", "value_id"],
    "practice_figures": ["practice_id", "ordinal"],
}
EXPECTED_FOREIGN_KEYS = {
    ("teams", ("municipality_code",)): ("municipalities", ("municipality_code",)),
    ("indicator_values", ("indicator_id",)): ("indicators", ("indicator_id",)),
    ("indicator_values", ("source",)): ("sources", ("source_id",)),
    ("org_choices", ("dimension_id", "value_id")): ("org_values", ("dimension_id", "value_id")),
    ("practice_figures", ("practice_id",)): ("practices", ("practice_id",)),
}
# Real data: Amsterdam, Den Haag and Almelo (a selection of three).
SELECTED = ["GM0363", "GM0518", "GM0141"]


@pytest.fixture(scope="module")
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse), read_only=True)
    yield connection
    connection.close()


def unpack(data: bytes, fmt: str, folder: Path) -> Path:
    """Lay a download out as a researcher would; returns the path of datapackage.json."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        descriptor = descriptor_from_workbook(data)
        (folder / descriptor["resources"][0]["path"]).write_bytes(data)
        (folder / DESCRIPTOR_NAME).write_text(json.dumps(descriptor), encoding="utf-8")
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.extractall(folder)
    return folder / DESCRIPTOR_NAME


def warehouse_count(con, sql: str) -> int:
    return con.execute(sql).fetchone()[0]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
@pytest.mark.parametrize("selected", [False, True], ids=["full", "selection"])
def test_download_validates_against_its_own_descriptor(con, tmp_path, fmt, selected):
    codes = SELECTED if selected else None
    data = exports.dataset_download(con, fmt, lang="nl", codes=codes, filters="Provincie: test" if selected else None)
    path = unpack(data, fmt, tmp_path / fmt)

    report = validate(str(path))
    problems = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors][:5]
    assert report.valid, problems
    assert [task.name for task in report.tasks] == list(EXPORT_TABLES)

    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    for (table, column), expected in EXPECTED_TYPES.items():
        fields = {f["name"]: f for f in resources[table]["schema"]["fields"]}
        assert fields[column]["type"] == expected, (table, column)
        assert fields[column]["description"], (table, column)
    for table, key in EXPECTED_PRIMARY_KEYS.items():
        assert resources[table]["schema"]["primaryKey"] == key
    for (table, fields), (target, reference) in EXPECTED_FOREIGN_KEYS.items():
        keys = [
            (tuple(k["fields"]), k["reference"]["resource"], tuple(k["reference"]["fields"]))
            for k in resources[table]["schema"]["foreignKeys"]
        ]
        assert (fields, target, reference) in keys, (table, fields)
    assert descriptor["version"] == "2019.1"
    assert descriptor["licenses"] and "KPMG" in descriptor["sources"][0]["title"]
    assert resources["municipalities"]["schema"]["fields"][5]["unit"] == "personen"  # the download's language

    # row counts from the warehouse itself
    where = f"where municipality_code in ({', '.join(repr(c) for c in SELECTED)})" if selected else ""
    counts = {task.name: task.stats["rows"] for task in report.tasks}
    assert counts["municipalities"] == (3 if selected else 16)
    assert counts["teams"] == warehouse_count(con, f"select count(*) from team {where}")
    assert counts["org_choices"] == warehouse_count(con, f"select count(*) from org_choice {where}")
    assert counts["practice_figures"] == warehouse_count(
        con, f"select count(*) from practice_figure where practice_id in (select practice_id from practice {where})"
    )
    assert counts["basic_functions"] == 5 and counts["sources"] == warehouse_count(con, "select count(*) from source")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_integers_read_back_as_integers_and_text_is_flat(con, tmp_path, fmt):
    path = unpack(exports.dataset_download(con, fmt, lang="en"), fmt, tmp_path / fmt)
    package = Package(str(path))
    population = [row["population"] for row in package.get_resource("municipalities").read_rows()]
    assert population and all(type(v) is int for v in population)
    years = [row["year"] for row in package.get_resource("indicator_values").read_rows()]
    assert all(v is None or type(v) is int for v in years) and any(type(v) is int for v in years)
    counts = [row["team_count"] for row in package.get_resource("teams").read_rows()]
    assert any(v is None for v in counts), "a team count the sketch does not give must stay empty, not 0"
    for resource in package.resources:
        for row in resource.read_rows():
            for name, value in row.items():
                if isinstance(value, str):
                    assert "\n" not in value and "\r" not in value, (resource.name, name)
                    assert not (value.startswith("[") and value.endswith("]")), (resource.name, name, value)
                    assert "array(" not in value, (resource.name, name)


def test_csv_cells_of_integer_columns_have_no_decimals(con, tmp_path):
    path = unpack(exports.dataset_download(con, "csv", lang="en"), "csv", tmp_path / "csv")
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    checked = 0
    for resource in descriptor["resources"]:
        integer_columns = [f["name"] for f in resource["schema"]["fields"] if f["type"] == "integer"]
        with (path.parent / resource["path"]).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in integer_columns:
                    assert row[column] == "" or row[column].lstrip("-").isdigit(), (resource["name"], column, row)
                    checked += 1
    assert checked > 100


def test_validation_catches_a_broken_key(con, tmp_path):
    """The check above can fail: a team pointing at an unknown municipality is reported."""
    path = unpack(exports.dataset_download(con, "csv", lang="en"), "csv", tmp_path / "csv")
    teams = path.parent / "teams.csv"
    lines = teams.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(lines[1].split(",")[1], "GM0000", 1)
    teams.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(str(path))
    assert not report.valid
    assert any("foreign key" in err.message for task in report.tasks for err in task.errors)


def test_cli_writes_the_same_descriptor_as_the_dashboard(con, built_warehouse, tmp_path):
    for fmt in ("csv", "parquet"):
        out = tmp_path / fmt
        assert (
            main(["export", "--out", str(out), "--format", fmt, "--lang", "nl", "--warehouse", str(built_warehouse)])
            == 0
        )
        from_cli = json.loads((out / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
        with zipfile.ZipFile(io.BytesIO(exports.dataset_download(con, fmt, lang="nl"))) as zf:
            from_app = json.loads(zf.read(DESCRIPTOR_NAME))
        assert from_cli == from_app
        assert validate(str(out / DESCRIPTOR_NAME)).valid
    out = tmp_path / "xlsx"
    assert main(["export", "--out", str(out), "--format", "xlsx", "--warehouse", str(built_warehouse)]) == 0
    assert validate(str(out / DESCRIPTOR_NAME)).valid
    assert descriptor_from_workbook(out / "lokale-teams.xlsx") == json.loads((out / DESCRIPTOR_NAME).read_text())


def test_line_breaks_in_stored_text_become_spaces(fixture_warehouse, tmp_path):
    tampered = tmp_path / "w.duckdb"
    shutil.copy(fixture_warehouse, tampered)
    with duckdb.connect(str(tampered)) as rw:
        rw.execute("update team set description_nl = 'eerste regel\n  tweede\r\nderde'")
    with duckdb.connect(str(tampered), read_only=True) as ro:
        data = exports.dataset_download(ro, "csv", lang="nl")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("teams.csv").decode("utf-8"))))
    assert rows and {r["description_nl"] for r in rows} == {"eerste regel tweede derde"}


def test_readme_is_in_the_interface_language(con):
    for lang, heading, meaning in (
        ("nl", "## Tabellen", "Aantal inwoners zoals in de schets"),
        ("en", "## Tables", "Number of inhabitants as given in the sketch"),
    ):
        with zipfile.ZipFile(io.BytesIO(exports.dataset_download(con, "csv", lang=lang))) as zf:
            readme = zf.read("README.md").decode("utf-8")
            descriptor = json.loads(zf.read(DESCRIPTOR_NAME))
        assert heading in readme and meaning in readme
        population = next(f for f in descriptor["resources"][0]["schema"]["fields"] if f["name"] == "population")
        assert population["description"] == meaning
