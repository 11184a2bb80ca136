"""`python -m etl build` on good and bad input.

Why: the people who edit data/ are policy advisors, not programmers. Every problem must be reported at once,
each naming the file, the field and the reason, and a failed build must never damage the warehouse the
dashboard is serving (sha256 before == after).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from etl.__main__ import main
from etl.build import build_warehouse

ROOT = Path(__file__).resolve().parent.parent


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(path: Path, doc: dict) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit(data_dir: Path, rel: str, change) -> None:
    path = data_dir / rel
    doc = read(path)
    change(doc)
    write(path, doc)


@pytest.fixture
def existing_warehouse(fixture_data_dir, tmp_path) -> Path:
    """A good warehouse built from the unbroken fixture, standing in for the one the dashboard serves."""
    path = tmp_path / "out" / "warehouse.duckdb"
    build_warehouse(fixture_data_dir, path, log=lambda _line: None)
    return path


def run_build(data_dir: Path, out: Path, capsys) -> tuple[int, list[str]]:
    rc = main(["build", "--data", str(data_dir), "--out", str(out)])
    return rc, capsys.readouterr().err.splitlines()


# Each case breaks the fixture in one way; expected: (file name, field path, a fragment of the reason).
def _malformed_yaml(d: Path):
    (d / "gemeenten" / "fixtureburg.yaml").write_text("municipality:\n  code: [GM9901\n  name: x\n", encoding="utf-8")


def _wrong_type(d: Path):
    edit(d, "gemeenten/proefdorp.yaml", lambda doc: doc["municipality"]["population"].update(value="veel"))


def _unknown_indicator(d: Path):
    edit(d, "gemeenten/proefdorp.yaml", lambda doc: doc["indicators"][1].update(indicator="no_such_indicator"))


def _unknown_org_value(d: Path):
    edit(d, "gemeenten/fixtureburg.yaml", lambda doc: doc["organisation"]["team_scope"].update(value="galaxy_team"))


def _unknown_basic_function(d: Path):
    edit(d, "gemeenten/teststad.yaml", lambda doc: doc["practices"][1].update(basic_function="magic"))


def _duplicate_code(d: Path):
    edit(d, "gemeenten/teststad.yaml", lambda doc: doc["municipality"].update(code="GM9901"))


def _missing_field(d: Path):
    edit(d, "gemeenten/teststad.yaml", lambda doc: doc["vision"].pop("en"))


def _empty_folder(d: Path):
    for path in (d / "gemeenten").glob("*.yaml"):
        path.unlink()


def _not_utf8(d: Path):
    path = d / "gemeenten" / "proefdorp.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Proefdorp", "Pröefdorp").encode("latin-1"))


def _reference_missing_name(d: Path):
    edit(d, "reference/basic_functions.yaml", lambda doc: doc["basic_functions"][2].pop("name_en"))


def _reference_unknown_function(d: Path):
    edit(d, "reference/routekaart.yaml", lambda doc: doc["steps"][1].update(basic_function="magic"))


CASES = {
    "malformed_yaml": (_malformed_yaml, "fixtureburg.yaml", "line 3", "malformed YAML"),
    "wrong_type": (_wrong_type, "proefdorp.yaml", "municipality.population.value", "'veel'"),
    "unknown_indicator": (_unknown_indicator, "proefdorp.yaml", "indicators[1].indicator", "no_such_indicator"),
    "unknown_org_value": (_unknown_org_value, "fixtureburg.yaml", "organisation.team_scope.value", "galaxy_team"),
    "unknown_basic_function": (_unknown_basic_function, "teststad.yaml", "practices[1].basic_function", "'magic'"),
    "duplicate_code": (_duplicate_code, "teststad.yaml", "municipality.code", "GM9901 is also used by"),
    "missing_field": (_missing_field, "teststad.yaml", "vision.en", "required field is missing"),
    "empty_folder": (_empty_folder, "gemeenten", "(folder)", "no municipality files"),
    "not_utf8": (_not_utf8, "proefdorp.yaml", "(file)", "not valid UTF-8"),
    "reference_missing_name": (
        _reference_missing_name,
        "basic_functions.yaml",
        "basic_functions[2].name_en",
        "required field is missing",
    ),
    "reference_unknown_function": (
        _reference_unknown_function,
        "routekaart.yaml",
        "steps[1].basic_function",
        "'magic'",
    ),
}


def test_fixture_folder_is_valid_and_builds(fixture_data_dir, tmp_path, capsys):
    out = tmp_path / "w.duckdb"
    rc, errors = run_build(fixture_data_dir, out, capsys)
    assert rc == 0 and errors == []
    assert out.stat().st_size > 0


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_and_warehouse_is_untouched(case, fixture_data_dir, existing_warehouse, capsys):
    breaker, filename, field, reason = CASES[case]
    before = sha256(existing_warehouse)
    breaker(fixture_data_dir)

    rc, errors = run_build(fixture_data_dir, existing_warehouse, capsys)

    assert rc == 1
    matching = [e for e in errors if filename in e and f": {field}" in e and reason in e]
    assert matching, f"no line names {filename} / {field} / {reason!r}:\n" + "\n".join(errors)
    assert sha256(existing_warehouse) == before
    assert sorted(p.name for p in existing_warehouse.parent.iterdir()) == ["warehouse.duckdb"]  # no temp left


def test_all_problems_are_reported_at_once_one_per_line(fixture_data_dir, existing_warehouse, capsys):
    _wrong_type(fixture_data_dir)
    _unknown_org_value(fixture_data_dir)
    _missing_field(fixture_data_dir)
    _reference_missing_name(fixture_data_dir)

    rc, errors = run_build(fixture_data_dir, existing_warehouse, capsys)

    assert rc == 1
    problems, summary = errors[:-1], errors[-1]
    assert len(problems) == 4
    assert summary.startswith("4 problem(s)")
    # file: field path: reason, one problem per line
    assert all(re.match(r"^\S+\.yaml: [^:]+: .+$", line) for line in problems), problems
    assert {Path(line.split(":")[0]).name for line in problems} == {
        "proefdorp.yaml",
        "fixtureburg.yaml",
        "teststad.yaml",
        "basic_functions.yaml",
    }


def test_command_line_exits_non_zero_on_invalid_data(fixture_data_dir, existing_warehouse):
    """The same through a real `python -m etl build`, as make and CI run it."""
    before = sha256(existing_warehouse)
    _unknown_indicator(fixture_data_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--data", str(fixture_data_dir), "--out", str(existing_warehouse)],
        check=False,  # the return code is asserted below
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "proefdorp.yaml: indicators[1].indicator: 'no_such_indicator'" in proc.stderr
    assert proc.stdout == ""  # no stage finished, so no progress line claims otherwise
    assert sha256(existing_warehouse) == before


def test_check_command_validates_without_writing(fixture_data_dir, tmp_path, capsys):
    assert main(["check", "--data", str(fixture_data_dir)]) == 0
    assert "3 municipalities" in capsys.readouterr().out
    _missing_field(fixture_data_dir)
    assert main(["check", "--data", str(fixture_data_dir)]) == 1
    assert "teststad.yaml: vision.en: required field is missing" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.duckdb"))
