"""What the build writes: complete (round trip), deterministic, traceable (meta), rebuilt only when needed.

Why: every chart and download counts rows in this warehouse. Expected counts are computed from the YAML
files with plain `yaml.safe_load`, independently of etl/transform.py, so a row dropped or duplicated by the
transform shows up here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
import yaml

from etl.build import DATA_VERSION, build_warehouse, ensure_warehouse, read_meta

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"


def query(warehouse: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def count(warehouse: Path, table: str) -> int:
    return query(warehouse, f"select count(*) from {table}")[0][0]


def expected_counts(data_dir: Path) -> dict[str, int]:
    """Row counts per table, straight from the source files."""
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data_dir / "gemeenten").glob("*.yaml"))]

    def ref(stem: str) -> dict:
        return yaml.safe_load((data_dir / "reference" / f"{stem}.yaml").read_text(encoding="utf-8"))

    return {
        "municipality": len(docs),
        "indicator_value": sum(len(d.get("indicators") or []) for d in docs),
        "qualitative_note": sum(len(d.get("notes") or []) for d in docs),
        "team": sum(len(d["teams"]) for d in docs),
        "org_choice": sum(len(d["organisation"]) for d in docs),
        "practice": sum(len(d["practices"]) for d in docs),
        "practice_figure": sum(len(p.get("figures") or []) for d in docs for p in d["practices"]),
        "source": len(ref("sources")["sources"]),
        "indicator": len(ref("indicators")["indicators"]),
        "basic_function": len(ref("basic_functions")["basic_functions"]),
        "routekaart_step": len(ref("routekaart")["steps"]),
        "insight": len(ref("insights")["insights"]),
        "dilemma": len(ref("dilemmas")["dilemmas"]),
        "org_dimension": len(ref("org_model")["dimensions"]),
        "org_value": sum(len(d["values"]) for d in ref("org_model")["dimensions"]),
    }


def table_contents(warehouse: Path) -> dict[str, list[tuple]]:
    tables = [r[0] for r in query(warehouse, "select table_name from information_schema.tables order by 1")]
    return {t: query(warehouse, f"select * from {t} order by all") for t in tables if t != "meta"}


def test_real_data_round_trip_counts(built_warehouse):
    for table, n in expected_counts(REAL_DATA).items():
        assert count(built_warehouse, table) == n, table


def test_fixture_round_trip_counts_match_hand_count(fixture_data_dir, tmp_path):
    # Hand count of tests/fixtures/data: 3 files; indicators 2+2+0; teams 2+1+2; 2 dimensions x 3 files;
    # practices 2+1+2; figures 2 (fixtureburg, first practice); notes 1; org values 3+2.
    hand = {
        "municipality": 3,
        "indicator_value": 4,
        "team": 5,
        "org_choice": 6,
        "practice": 5,
        "practice_figure": 2,
        "qualitative_note": 1,
        "org_value": 5,
        "basic_function": 5,
        "dilemma": 2,
    }
    assert {k: expected_counts(fixture_data_dir)[k] for k in hand} == hand
    out = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, out, log=lambda _line: None)
    for table, n in hand.items():
        assert count(out, table) == n, table


def test_fixture_values_arrive_unchanged(fixture_data_dir, tmp_path):
    out = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, out, log=lambda _line: None)
    assert query(
        out,
        "select value, value_upper, qualifier, national_reference, note_nl from indicator_value "
        "where municipality_code = 'GM9901' and indicator_id = 'disposable_income_household_eur'",
    ) == [(38000.0, 40000.0, "range", 41000.0, "- bandbreedte uit de schets")]
    assert query(
        out,
        "select team_name, team_count, count_qualifier, direct_access from team "
        "where municipality_code = 'GM9901' order by ordinal",
    ) == [("Wijkteam", 4, "exact", "yes"), ("Loket", None, "not_reported", "not_reported")]
    assert query(
        out,
        "select transition_en, population, population_qualifier from municipality where municipality_code = 'GM9901'",
    ) == [("A reorganisation is under way.", 50000, "approx")]
    assert query(out, "select date_published from source where source_id = 'kpmg_2019'") == [("2019-09-30",)]
    assert query(out, "select label_en, value, unit, qualifier from practice_figure order by ordinal") == [
        ("Families", 120.0, "count", "approx"),
        ("Lead time", 6.0, "weeks", "exact"),
    ]
    # Views the dashboard reads work on the built file.
    assert query(
        out,
        "select municipality_code, n_practices, team_count_incomplete, in_transition "
        "from v_municipality_overview order by 1",
    ) == [("GM9901", 2, True, True), ("GM9902", 1, False, False), ("GM9903", 2, False, False)]


def test_ids_follow_file_and_list_order(fixture_data_dir, tmp_path):
    out = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, out, log=lambda _line: None)
    # fixtureburg < proefdorp < teststad; teams 2 + 1 + 2
    assert query(out, "select team_id, municipality_code, ordinal from team order by team_id") == [
        (1, "GM9901", 1),
        (2, "GM9901", 2),
        (3, "GM9902", 1),
        (4, "GM9903", 1),
        (5, "GM9903", 2),
    ]
    # org choices in codebook order, not file order (proefdorp lists regie first)
    assert query(
        out,
        "select dimension_id from org_choice c join org_dimension d using (dimension_id) "
        "where municipality_code = 'GM9902' order by d.ordinal",
    ) == [("team_scope",), ("regie",)]


def test_two_builds_give_identical_tables(built_warehouse, tmp_path):
    again = tmp_path / "again.duckdb"
    build_warehouse(REAL_DATA, again, log=lambda _line: None)
    first, second = table_contents(built_warehouse), table_contents(again)
    assert first.keys() == second.keys() and "municipality" in first
    for table in first:
        assert first[table] == second[table], table
    meta1, meta2 = read_meta(built_warehouse), read_meta(again)
    meta1.pop("build_time"), meta2.pop("build_time")
    assert meta1 == meta2


def independent_checksum(data_dir: Path) -> str:
    """The documented recipe: sha256 over sorted relative paths and bytes, each length-prefixed."""
    read = [
        *(data_dir / "reference").glob("*.yaml"),
        *(data_dir / "gemeenten").glob("*.yaml"),
        *(data_dir / "coding").glob("*.yaml"),
        *(data_dir / "coding").glob("round*/*.yaml"),
    ]
    files = sorted(read, key=lambda p: p.relative_to(data_dir).as_posix())
    h = hashlib.sha256()
    for p in files:
        rel, body = p.relative_to(data_dir).as_posix().encode(), p.read_bytes()
        h.update(len(rel).to_bytes(8, "big") + rel + len(body).to_bytes(8, "big") + body)
    return h.hexdigest()


def test_meta_records_build_time_checksum_and_versions(built_warehouse):
    meta = read_meta(built_warehouse)
    assert meta["data_checksum"] == independent_checksum(REAL_DATA)
    assert meta["data_version"] == DATA_VERSION == "2019.1"
    assert meta["schema_version"] == "1"
    assert meta["schema_checksum"] == hashlib.sha256((ROOT / "etl" / "schema.sql").read_bytes()).hexdigest()
    built = datetime.fromisoformat(meta["build_time"])
    assert built.utcoffset() == timedelta(0)
    assert datetime.now(UTC) - timedelta(hours=1) < built <= datetime.now(UTC)


def test_progress_lines_name_every_stage_with_counts(fixture_data_dir, tmp_path):
    lines: list[str] = []
    build_warehouse(fixture_data_dir, tmp_path / "w.duckdb", log=lines.append)
    assert [line.split(":")[0] for line in lines] == ["validate", "transform", "write", "done"]
    assert "3 municipalities, 4 indicator values, 5 teams, 6 coded choices, 5 practices" in lines[0]
    assert all(line.endswith(" s)") for line in lines[:3]) and lines[3].endswith(" s")


def test_ensure_warehouse_builds_only_when_data_or_schema_changed(fixture_data_dir, tmp_path):
    target = tmp_path / "w.duckdb"
    assert ensure_warehouse(fixture_data_dir, target) is True  # missing
    assert ensure_warehouse(fixture_data_dir, target) is False  # current
    future = target.stat().st_mtime + 100
    for path in (fixture_data_dir / "gemeenten").glob("*.yaml"):
        os.utime(path, (future, future))  # a checkout changes mtimes, not content: no rebuild
    assert ensure_warehouse(fixture_data_dir, target) is False
    path = fixture_data_dir / "gemeenten" / "teststad.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Eén voordeur.", "Eén deur."), encoding="utf-8")
    assert ensure_warehouse(fixture_data_dir, target) is True  # content changed
    assert query(target, "select vision_nl from municipality where slug = 'teststad'") == [("Eén deur.",)]
    target.write_bytes(b"not a duckdb file")
    assert ensure_warehouse(fixture_data_dir, target) is True  # unreadable: rebuild
    assert count(target, "municipality") == 3


def test_checksum_changes_when_a_file_is_added(fixture_data_dir, tmp_path):
    # Without double coding: a new municipality would otherwise also need codings (tests/test_coding.py).
    shutil.rmtree(fixture_data_dir / "coding")
    target = tmp_path / "w.duckdb"
    ensure_warehouse(fixture_data_dir, target)
    before = read_meta(target)["data_checksum"]
    src = fixture_data_dir / "gemeenten" / "teststad.yaml"
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc["municipality"].update(code="GM9904", slug="zeedorp", name="Zeedorp", appendix_letter="d")
    (fixture_data_dir / "gemeenten" / "zeedorp.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert ensure_warehouse(fixture_data_dir, target) is True
    assert read_meta(target)["data_checksum"] != before
    assert count(target, "municipality") == 4


def test_checksum_covers_the_coding_files(fixture_data_dir, tmp_path):
    """A changed independent coding must trigger a rebuild like any other data file."""
    target = tmp_path / "w.duckdb"
    ensure_warehouse(fixture_data_dir, target)
    assert read_meta(target)["data_checksum"] == independent_checksum(fixture_data_dir)
    path = fixture_data_dir / "coding" / "round1" / "coder_a.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Fixture reading.", "Fixture re-reading.", 1), encoding="utf-8"
    )
    assert ensure_warehouse(fixture_data_dir, target) is True
    assert read_meta(target)["data_checksum"] == independent_checksum(fixture_data_dir)


def test_schema_and_transform_must_agree(fixture_data_dir, tmp_path):
    """A column added to schema.sql but not to transform.py fails loudly instead of loading shifted values."""
    schema = (ROOT / "etl" / "schema.sql").read_text(encoding="utf-8")
    drifted = tmp_path / "schema.sql"
    drifted.write_text(
        schema.replace("    team_kind varchar not null,", "    team_kind varchar not null,\n    team_colour varchar,"),
        encoding="utf-8",
    )
    with pytest.raises(RuntimeError, match=r"table team: missing \['team_colour'\]"):
        build_warehouse(fixture_data_dir, tmp_path / "w.duckdb", log=lambda _line: None, schema_path=drifted)
    assert not (tmp_path / "w.duckdb").exists()


def test_team_totals_leave_out_meetings_and_platforms(built_warehouse):
    # Hand count from Bijlage 2b and 2j: Brunssum lists three teams/counters without a number plus two
    # meetings (Jeugdpreventieplatform, Routeertafel); Utrecht lists 18 Buurtteams, three team types
    # without a number and one platform (Stedelijk Platform Ouderen). Meetings are not teams.
    rows = query(
        built_warehouse,
        "select municipality_code, n_team_types, team_count_reported, "
        "team_count_incomplete from v_municipality_overview "
        "where municipality_code in ('GM0899', 'GM0344') order by 1",
    )
    assert rows == [("GM0344", 4, 18, True), ("GM0899", 3, None, True)]
    kinds = query(
        built_warehouse,
        "select team_name from team where team_kind = 'overleg' and municipality_code = 'GM0899' order by ordinal",
    )
    assert kinds == [("Jeugdpreventieplatform",), ("Routeertafel",)]
