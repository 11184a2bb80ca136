"""Double coding in the ETL: decision rules, coder files, adjudication, agreement figures, exports, CLI.

The fixture (tests/fixtures/data/coding/, fictional) has 3 municipalities x 2 dimensions, two rounds:
  round 1  a: GM9901 (integral, team_professional)  GM9902 (separate, team_professional)  GM9903 (integral, nr)
           b: GM9901 (integral, nr)                 GM9902 (separate, nr)                 GM9903 (nr, nr)
  round 2  a: GM9901 (integral, team_professional)  GM9902 (separate, nr)                 GM9903 (integral, nr)
           b: GM9901 (integral, team_professional)  GM9902 (separate, nr)                 GM9903 (nr, nr)
Final codes (municipality files): GM9901 (integral, team_professional), GM9902 (separate, nr), GM9903 (nr, nr);
GM9903 x team_scope is adjudicated, everything else agreed. Expected figures are computed by hand below.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from etl.__main__ import main
from etl.build import build_warehouse
from etl.validate import DataError, validate


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(path: Path, doc) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        validate(data_dir)
    return info.value.problems


def rows(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- warehouse contents --------------------------------------------------------------------------------------


def test_final_codes_are_agreed_or_adjudicated_with_reason(fixture_warehouse):
    got = rows(
        fixture_warehouse,
        "select municipality_code, dimension_id, agreement, adjudication_reason_en, "
        "adjudication_reason_nl, rule_change from org_choice order by all",
    )
    by_unit = {(r[0], r[1]): r[2:] for r in got}
    assert by_unit[("GM9903", "team_scope")][0] == "adjudicated"
    assert by_unit[("GM9903", "team_scope")][1].startswith("Fixture reason")
    assert by_unit[("GM9903", "team_scope")][3] is True
    others = [v for k, v in by_unit.items() if k != ("GM9903", "team_scope")]
    assert len(others) == 5 and all(v == ("agreed", None, None, None) for v in others)


def test_reliability_table_hand_computed(fixture_warehouse):
    got = {
        (r[0], r[1]): r[2:]
        for r in rows(
            fixture_warehouse,
            "select round, dimension_id, n_units, n_coders, pct_agreement, alpha, is_last_round, tentative, "
            "below_target from coding_reliability",
        )
    }
    # team_scope, rounds 1 and 2: units (I,I), (S,S), (I,N). n_I = 3, n_S = 2, n_N = 1, n = 6;
    # off-diagonal o = 2; alpha = 1 - 5 * 2 / (36 - 9 - 4 - 1) = 12/22. Agreement 2 of 3.
    assert got[(2, "team_scope")][:4] == (3, 2, pytest.approx(200 / 3, abs=1e-3), pytest.approx(12 / 22, abs=1e-6))
    assert got[(2, "team_scope")][4:] == (True, True, True)  # last round, tentative (< 0.667), below target
    assert got[(1, "team_scope")][4:] == (False, True, True)  # tentative comes from the LAST round
    # regie round 1: (T,N), (T,N), (N,N): alpha = 1 - 5 * 4 / (36 - 4 - 16) = -0.25; agreement 1 of 3.
    assert got[(1, "regie")][2:4] == (pytest.approx(100 / 3, abs=1e-3), pytest.approx(-0.25))
    # regie round 2: (T,T), (N,N), (N,N): no disagreement -> alpha 1; not tentative, target reached.
    assert got[(2, "regie")][2:] == (100.0, 1.0, True, False, False)
    # overall round 2: disagreements summed per dimension: 1 - (2 + 0) / (22/5 + 16/5) = 1 - 2/7.6.
    assert got[(2, None)][0] == 6
    assert got[(2, None)][3] == pytest.approx(1 - 2 / 7.6, abs=1e-6)
    assert got[(2, None)][2] == pytest.approx(500 / 6, abs=1e-3)


def test_matrix_view_carries_status_and_tentative_flag(fixture_warehouse):
    got = dict(
        rows(
            fixture_warehouse,
            "select dimension_id, bool_and(dimension_tentative) from v_org_matrix group by dimension_id",
        )
    )
    assert got == {"team_scope": True, "regie": False}


def test_rules_are_loaded(fixture_warehouse):
    assert rows(fixture_warehouse, "select count(*) from org_decision_rule") == [(2,)]
    assert rows(fixture_warehouse, "select count(*) from org_rule_evidence") == [(5,)]  # 3 + 2 values
    assert rows(fixture_warehouse, "select dimension_id, count(*) from org_rule_example group by all order by 1") == [
        ("regie", 2),
        ("team_scope", 2),
    ]
    assert rows(fixture_warehouse, "select change_text from org_rule_change")[0][0].startswith("Round 2")


def test_without_coding_folder_the_build_has_no_status(fixture_data_dir, tmp_path):
    shutil.rmtree(fixture_data_dir / "coding")
    target = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    assert rows(target, "select count(*) from coding_reliability") == [(0,)]
    assert rows(target, "select count(*) from org_choice where agreement is not null") == [(0,)]


# --- export: the reliability table equals a recomputation from the exported codings ---------------------


def test_exported_reliability_equals_recomputation_from_exported_codings(
    fixture_warehouse, tmp_path, export_recomputation
):
    # 2 rounds x 2 dimensions
    assert export_recomputation(fixture_warehouse, Path("tests/fixtures/data"), tmp_path) == 4


def test_reliability_command_prints_the_table(fixture_warehouse, capsys):
    assert main(["reliability", "--warehouse", str(fixture_warehouse), "--data", "tests/fixtures/data"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "0.545" in lines["team_scope"] and "tentative" in lines["team_scope"]
    assert "-0.250" in lines["regie"] and "1.000" in lines["regie"] and lines["regie"].rstrip().endswith("ok")
    assert "overall" in lines


# --- validation: every problem named with file, field and reason --------------------------------------------


def _coder(data_dir: Path, rnd: int, coder: str) -> Path:
    return data_dir / "coding" / f"round{rnd}" / f"coder_{coder}.yaml"


def test_missing_duplicate_and_unknown_codings_are_reported(fixture_data_dir):
    path = _coder(fixture_data_dir, 2, "a")
    doc = read(path)
    doc["codings"][1]["value"] = "no_such_value"  # GM9901 x regie
    doc["codings"].append(dict(doc["codings"][0]))  # GM9901 x team_scope twice
    doc["codings"] = [c for c in doc["codings"] if c["municipality"] != "GM9902"]  # GM9902 missing
    doc["codings"].append({**doc["codings"][0], "municipality": "GM0001"})
    write(path, doc)
    found = [p for p in problems_of(fixture_data_dir) if "round2/coder_a.yaml" in p]
    assert any("codings[1].value: 'no_such_value' is not one of team_professional, not_reported" in p for p in found), (
        found
    )
    assert any("GM9901 × team_scope is also coded in codings[0]" in p for p in found), found
    assert any("GM0001 is not a municipality" in p for p in found), found
    assert any("not coded: " in p and "GM9901 × regie" in p for p in found), found
    # a municipality the other coder coded but this file leaves out entirely
    assert any("GM9902 is coded in coder_b.yaml but not here" in p for p in found), found


def test_municipality_in_no_coder_file_is_single_coded(fixture_data_dir, tmp_path):
    """A seventeenth municipality added by copying the template builds: its codes are 'single_coded' until two
    coders have coded it, and the agreement figures count only the municipalities both coders coded."""
    for rnd in (1, 2):
        for coder in ("a", "b"):
            path = _coder(fixture_data_dir, rnd, coder)
            doc = read(path)
            doc["codings"] = [c for c in doc["codings"] if c["municipality"] != "GM9903"]
            write(path, doc)
    write(fixture_data_dir / "coding" / "adjudication.yaml", {"decisions": []})
    target = tmp_path / "wh.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _line: None)
    status = {
        (r[0], r[1]): r[2] for r in rows(target, "select municipality_code, dimension_id, agreement from org_choice")
    }
    assert status[("GM9903", "team_scope")] == status[("GM9903", "regie")] == "single_coded"
    assert status[("GM9901", "team_scope")] == "agreed"
    # 2 municipalities x 2 dimensions coded by both coders in each round
    assert rows(target, "select distinct n_units from coding_reliability where dimension_id is not null") == [(2,)]


def test_decision_for_a_single_coded_municipality_is_reported(fixture_data_dir):
    for rnd in (1, 2):
        for coder in ("a", "b"):
            path = _coder(fixture_data_dir, rnd, coder)
            doc = read(path)
            doc["codings"] = [c for c in doc["codings"] if c["municipality"] != "GM9903"]
            write(path, doc)
    found = problems_of(fixture_data_dir)  # adjudication.yaml still decides GM9903 x team_scope
    assert len(found) == 1 and "GM9903 is in no coder file; there is nothing to adjudicate" in found[0], found


def test_final_code_without_agreement_or_decision_is_reported(fixture_data_dir):
    adjudication = fixture_data_dir / "coding" / "adjudication.yaml"
    write(adjudication, {"decisions": []})
    found = problems_of(fixture_data_dir)
    assert len(found) == 1
    assert (
        "teststad.yaml: organisation.team_scope.value: 'not_reported' is not what both round-2 coders gave" in found[0]
    )
    assert "has no decision for GM9903 × team_scope" in found[0]


def test_decision_that_differs_from_the_final_code_or_is_superfluous(fixture_data_dir):
    adjudication = fixture_data_dir / "coding" / "adjudication.yaml"
    doc = read(adjudication)
    doc["decisions"][0]["value"] = "integral_0_100"
    doc["decisions"].append(
        {
            "municipality": "GM9901",
            "dimension": "regie",
            "value": "team_professional",
            "reason_en": "x",
            "reason_nl": "x",
            "rule_change": False,
        }
    )
    del doc["decisions"][0]["reason_nl"]
    write(adjudication, doc)
    found = problems_of(fixture_data_dir)
    assert any(p.endswith("adjudication.yaml: decisions[0].reason_nl: required field is missing") for p in found)
    # once the reason is back, the value and the superfluous entry are named
    doc["decisions"][0]["reason_nl"] = "Reden."
    write(adjudication, doc)
    found = problems_of(fixture_data_dir)
    assert any("decisions[0].value: 'integral_0_100' differs from the final code 'not_reported'" in p for p in found), (
        found
    )
    assert any("decisions[1]: both round-2 coders gave 'team_professional'" in p for p in found), found


def test_coder_file_header_and_missing_files(fixture_data_dir):
    path = _coder(fixture_data_dir, 1, "b")
    doc = read(path)
    doc["coder"] = "a"
    doc["round"] = 3
    write(path, doc)
    _coder(fixture_data_dir, 2, "b").unlink()
    found = problems_of(fixture_data_dir)
    assert any("round1/coder_b.yaml: coder: 'a' must match the file name" in p for p in found), found
    assert any("round1/coder_b.yaml: round: 3 must match the folder name (round1)" in p for p in found), found
    assert any("round2/coder_b.yaml: (file): coder file is missing" in p for p in found), found


def test_decision_rules_are_checked(fixture_data_dir):
    path = fixture_data_dir / "reference" / "org_model.yaml"
    doc = read(path)
    rules = doc["dimensions"][0]["decision_rules"]
    del rules["evidence"]["not_reported"]
    rules["evidence"]["invented"] = "text"
    rules["examples"] = rules["examples"][:1]
    doc["dimensions"][1]["decision_rules"]["examples"][0]["municipality"] = "atlantis"
    write(path, doc)
    found = problems_of(fixture_data_dir)
    assert any("dimensions[0].decision_rules.examples: List should have at least 2 items" in p for p in found), found
    assert any("dimensions[1].decision_rules.examples[0].municipality: 'atlantis' is not a file" in p for p in found), (
        found
    )
    # examples invalid -> the model fails as a whole; fix them and the evidence keys are checked
    rules["examples"] = [
        {"municipality": "fixtureburg", "value": "integral_0_100", "reasoning": "r", "locator": "l"},
        {"municipality": "teststad", "value": "not_reported", "reasoning": "r", "locator": "l"},
    ]
    doc["dimensions"][1]["decision_rules"]["examples"][0]["municipality"] = "fixtureburg"
    write(path, doc)
    found = problems_of(fixture_data_dir)
    assert any("dimensions[0].decision_rules.evidence: no evidence rule for not_reported" in p for p in found)
    assert any("dimensions[0].decision_rules.evidence: invented is not a value" in p for p in found)


def test_rules_are_required_once_coding_exists(fixture_data_dir):
    path = fixture_data_dir / "reference" / "org_model.yaml"
    doc = read(path)
    del doc["dimensions"][1]["decision_rules"]
    write(path, doc)
    found = problems_of(fixture_data_dir)
    assert found == [
        (
            f"{path}: dimensions[1].decision_rules: required field is missing (data/coding/ exists, so "
            "every dimension needs its decision rules)"
        )
    ]
    shutil.rmtree(fixture_data_dir / "coding")
    validate(fixture_data_dir)  # without double coding the rules are optional


def test_invalid_coding_leaves_the_warehouse_untouched(fixture_data_dir, tmp_path, capsys):
    target = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    before = target.read_bytes()
    write(fixture_data_dir / "coding" / "adjudication.yaml", {"decisions": []})
    assert main(["build", "--data", str(fixture_data_dir), "--out", str(target)]) == 1
    assert "adjudication.yaml has no decision" in capsys.readouterr().err
    assert target.read_bytes() == before
