"""Shared fixtures.

- `built_warehouse`: the REAL data/ built once per session into a temporary file (tests never touch
  data/warehouse.duckdb, which a developer's running dashboard may be reading).
- `fixture_data_dir`: a private copy of tests/fixtures/data/ (three fictional municipalities and a small
  reference set) that a test may break at will.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.build import build_warehouse

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
