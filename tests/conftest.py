"""Shared fixtures.

- `built_warehouse`: the REAL data/ built once per session into a temporary file (tests never touch
  data/warehouse.duckdb, which a developer's running dashboard may be reading).
- `warehouse_frames`: the query results the chart builders take, read once from `built_warehouse`.
- `export_recomputation`: checks an exported agreement table against a recomputation (issue 10).
- `fixture_data_dir`: a private copy of tests/fixtures/data/ (three fictional municipalities and a small
  reference set) that a test may break at will.
"""

from __future__ import annotations

import csv
import shutil
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from dashboard.core import queries
from etl.__main__ import main
from etl.build import build_warehouse
from etl.reliability import below_target, is_tentative, krippendorff_alpha_nominal, percentage_agreement

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> Path:
    """Path to a warehouse built from the real data/ folder (once per test session)."""
    path = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    build_warehouse(REAL_DATA, path, log=lambda _line: None)
    return path


@pytest.fixture(scope="session")
def warehouse_frames(built_warehouse) -> dict:
    """The frames the chart builders take (dashboard.core.queries on the real warehouse), read once."""
    con = duckdb.connect(str(built_warehouse), read_only=True)
    data = {
        name: getattr(queries, name)(con)
        for name in (
            "overview",
            "org_matrix",
            "highlights",
            "basic_functions",
            "dimensions",
            "dimension_values",
            "indicator_values",
            "indicators",
        )
    }
    con.close()
    return data


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory) -> Path:
    """Path to a warehouse built from the small fictional fixture folder (once per test session)."""
    path = tmp_path_factory.mktemp("fixture_warehouse") / "warehouse.duckdb"
    build_warehouse(FIXTURE_DATA, path, log=lambda _line: None)
    return path


@pytest.fixture
def fixture_data_dir(tmp_path) -> Path:
    """A writable copy of the small valid fixture data folder."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def export_recomputation():
    """check(warehouse, data_dir, out) -> rows checked: exported agreement table == recomputation (issue 10)."""
    return check_export_against_recomputation


def check_export_against_recomputation(warehouse: Path, data_dir: Path, out: Path) -> int:
    """Export, then recompute every per-dimension row of coding_reliability.csv from org_codings_independent.csv
    with etl/reliability.py. Returns the number of rows checked. Used through the export_recomputation fixture."""
    assert main(["export", "--warehouse", str(warehouse), "--data", str(data_dir), "--out", str(out)]) == 0
    with (out / "org_codings_independent.csv").open(encoding="utf-8") as fh:
        codings = list(csv.DictReader(fh))
    with (out / "coding_reliability.csv").open(encoding="utf-8") as fh:
        reliability = list(csv.DictReader(fh))
    assert codings and reliability, "no double coding in the export"
    assert {"municipality_code", "dimension", "coder", "value", "round"} <= set(codings[0])
    units: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for c in codings:
        units[(c["round"], c["dimension"])][c["municipality_code"]][c["coder"]] = c["value"]
    last = max(r["round"] for r in reliability)
    checked = 0
    for r in reliability:
        if r["dimension"] == "all_dimensions":
            continue  # the overall row is checked by hand in tests/test_coding.py
        data = [(u.get("a"), u.get("b")) for u in units[(r["round"], r["dimension"])].values()]
        alpha = krippendorff_alpha_nominal(data)
        assert (r["alpha"] == "") == (alpha is None)
        if alpha is not None:
            assert float(r["alpha"]) == pytest.approx(alpha, abs=1e-6)
        assert float(r["pct_agreement"]) == pytest.approx(percentage_agreement(data), abs=1e-4)
        assert int(r["n_units"]) == len(data)
        assert (r["below_target"] == "True") == below_target(alpha)
        last_data = [(u.get("a"), u.get("b")) for u in units[(last, r["dimension"])].values()]
        assert (r["tentative"] == "True") == is_tentative(krippendorff_alpha_nominal(last_data))
        checked += 1
    return checked
